import { ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { isDatabaseUnavailable } from '../database/postgres-errors';
import { DafuError, ForbiddenError } from '../errors/dafu-error';
import { ErrorCode } from '../errors/error-codes';
import type { Actor } from './actor';
import { can, Permission } from './access';
import { PUBLIC_ROUTE, REQUIRED_PERMISSION } from './auth.decorators';

export const JWT_STRATEGY = 'jwt';

/**
 * The one guard on every route: public routes pass; every other route needs a valid access
 * token and declares a permission the actor's roles hold. Default deny.
 */
@Injectable()
export class AccessGuard extends AuthGuard(JWT_STRATEGY) {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;

    await super.canActivate(context);
    const actor = context.switchToHttp().getRequest<{ user: Actor }>().user;
    const permission = this.reflector.getAllAndOverride<Permission | undefined>(REQUIRED_PERMISSION, targets);
    if (!permission || !can(actor, permission)) throw new ForbiddenError();
    return true;
  }

  override handleRequest<T>(err: unknown, user: T, info: unknown, context: ExecutionContext): T {
    // A token that could not be checked because PostgreSQL is away is not an invalid one: 503, not 401
    // (a 401 sends the web app back to the login page).
    if (err instanceof DafuError || isDatabaseUnavailable(err)) throw err;
    if (err || !user) {
      const request = context.switchToHttp().getRequest<{ headers: Record<string, unknown> }>();
      const hasToken = typeof request.headers.authorization === 'string';
      throw new DafuError(hasToken ? ErrorCode.AuthTokenInvalid : ErrorCode.AuthTokenMissing);
    }
    void info;
    return user;
  }
}
