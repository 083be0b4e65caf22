import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Actor } from './actor';
import type { Permission } from './access';

export const PUBLIC_ROUTE = 'dafu:public';
export const REQUIRED_PERMISSION = 'dafu:permission';

/** Reachable without a token (login, health, docs). */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

/** The permission an endpoint needs; routes without one are refused. */
export const RequirePermission = (permission: Permission) => SetMetadata(REQUIRED_PERMISSION, permission);

/** The authenticated actor of the request. */
export const Auth = createParamDecorator((_: unknown, context: ExecutionContext): Actor => {
  const request = context.switchToHttp().getRequest<{ user: Actor; id?: string }>();
  return { ...request.user, requestId: request.id };
});
