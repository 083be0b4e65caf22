import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy as JwtStrategyBase } from 'passport-jwt';
import { Strategy as LocalStrategyBase } from 'passport-local';
import type { Actor } from '@dafu/platform/auth/actor';
import { JWT_STRATEGY } from '@dafu/platform/auth/access.guard';
import { DafuConfig } from '@dafu/platform/config/dafu-config';
import { AccessTokenPayload, AuthService } from './auth.service';
import type { UserCredentials } from './identity.types';

interface RequestLike {
  ip?: string;
  id?: string;
}

@Injectable()
export class LocalStrategy extends PassportStrategy(LocalStrategyBase, 'local') {
  constructor(private readonly auth: AuthService) {
    super({ usernameField: 'username', passwordField: 'password', passReqToCallback: true });
  }

  validate(request: RequestLike, username: string, password: string): Promise<UserCredentials> {
    return this.auth.validateCredentials(username, password, request.ip ?? 'unknown');
  }
}

@Injectable()
export class JwtStrategy extends PassportStrategy(JwtStrategyBase, JWT_STRATEGY) {
  constructor(
    private readonly auth: AuthService,
    config: DafuConfig,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKey: config.jwt.accessSecret,
      ignoreExpiration: false,
      passReqToCallback: true,
    });
  }

  validate(request: RequestLike, payload: AccessTokenPayload): Promise<Actor> {
    return this.auth.actorForAccessToken(payload, request.id);
  }
}
