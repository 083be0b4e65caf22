import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import type { Actor } from '@dafu/platform/auth/actor';
import { DafuConfig } from '@dafu/platform/config/dafu-config';
import { REDIS, redisKey } from '@dafu/platform/redis/redis.module';
import { InvalidCredentialsError, LoginRateLimitedError, TokenInvalidError, UserDisabledError } from './errors';
import { IdentityRepository } from './identity.repository';
import type { UserCredentials } from './identity.types';
import { PasswordHasher } from './password-hasher';
import type { MeDto, TokensDto } from './dto/auth.dto';

export interface AccessTokenPayload {
  sub: string;
  typ: 'access';
}

interface RefreshTokenPayload {
  sub: string;
  jti: string;
  typ: 'refresh';
}

export function actorOf(user: UserCredentials, requestId?: string): Actor {
  return {
    userId: user.id,
    username: user.username,
    organisationId: user.organisationId,
    organisationKind: user.organisation.kind,
    roles: user.roles,
    requestId,
  };
}

export function meOf(user: UserCredentials): MeDto {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    roles: user.roles,
    organisation: { id: user.organisation.id, name: user.organisation.name, kind: user.organisation.kind },
  };
}

@Injectable()
export class AuthService {
  constructor(
    private readonly identity: IdentityRepository,
    private readonly hasher: PasswordHasher,
    private readonly jwt: JwtService,
    private readonly config: DafuConfig,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  /**
   * Failed attempts are counted per client address and username in Redis, so the limit holds
   * across API instances; a success clears the count.
   */
  async validateCredentials(username: string, password: string, clientIp: string): Promise<UserCredentials> {
    const { attempts, windowSeconds } = this.config.loginRateLimit;
    const key = redisKey(this.config, 'login-failures', clientIp, username.trim().toLowerCase());
    const failures = Number((await this.redis.get(key)) ?? 0);
    if (failures >= attempts) {
      const ttl = await this.redis.ttl(key);
      throw new LoginRateLimitedError(ttl > 0 ? ttl : windowSeconds);
    }

    const user = await this.identity.findCredentialsByUsername(username.trim());
    const passwordMatches = await this.hasher.verify(user?.passwordHash ?? null, password);
    if (!user || !passwordMatches) {
      await this.redis.multi().incr(key).expire(key, windowSeconds).exec();
      throw new InvalidCredentialsError();
    }
    if (user.disabled) throw new UserDisabledError();
    await this.redis.del(key);
    return user;
  }

  async issueTokens(user: UserCredentials): Promise<TokensDto> {
    const { accessSecret, refreshSecret, accessTtlSeconds, refreshTtlSeconds } = this.config.jwt;
    const jti = randomUUID();
    const accessPayload: AccessTokenPayload = { sub: user.id, typ: 'access' };
    const refreshPayload: RefreshTokenPayload = { sub: user.id, jti, typ: 'refresh' };
    const [accessToken, refreshToken] = await Promise.all([
      this.jwt.signAsync(accessPayload, { secret: accessSecret, expiresIn: accessTtlSeconds }),
      this.jwt.signAsync(refreshPayload, { secret: refreshSecret, expiresIn: refreshTtlSeconds }),
    ]);
    await this.identity.saveRefreshToken({
      id: jti,
      userId: user.id,
      expiresAt: new Date(Date.now() + refreshTtlSeconds * 1000),
    });
    return { accessToken, refreshToken, tokenType: 'Bearer', expiresIn: accessTtlSeconds, user: meOf(user) };
  }

  /** Rotates the refresh token. Presenting a used one revokes every session of that user: it was stolen or replayed. */
  async refresh(refreshToken: string): Promise<TokensDto> {
    const payload = await this.verifyRefreshToken(refreshToken);
    const rotated = await this.identity.revokeRefreshToken(payload.jti, payload.sub);
    if (!rotated) {
      await this.identity.revokeAllRefreshTokens(payload.sub);
      throw new TokenInvalidError();
    }
    const user = await this.identity.findCredentialsById(payload.sub);
    if (!user) throw new TokenInvalidError();
    if (user.disabled) throw new UserDisabledError();
    return this.issueTokens(user);
  }

  async logout(refreshToken: string): Promise<void> {
    const payload = await this.verifyRefreshToken(refreshToken);
    await this.identity.revokeRefreshToken(payload.jti, payload.sub);
  }

  /** Loads the user behind an access token on every request, so disabling a user takes effect at once. */
  async actorForAccessToken(payload: AccessTokenPayload, requestId?: string): Promise<Actor> {
    if (payload.typ !== 'access') throw new TokenInvalidError();
    const user = await this.identity.findCredentialsById(payload.sub);
    if (!user) throw new TokenInvalidError();
    if (user.disabled) throw new UserDisabledError();
    return actorOf(user, requestId);
  }

  async me(actor: Actor): Promise<MeDto> {
    const user = await this.identity.findCredentialsById(actor.userId);
    if (!user) throw new TokenInvalidError();
    return meOf(user);
  }

  private async verifyRefreshToken(token: string): Promise<RefreshTokenPayload> {
    try {
      const payload = await this.jwt.verifyAsync<RefreshTokenPayload>(token, { secret: this.config.jwt.refreshSecret });
      if (payload.typ !== 'refresh' || !payload.jti) throw new TokenInvalidError();
      return payload;
    } catch {
      throw new TokenInvalidError();
    }
  }
}
