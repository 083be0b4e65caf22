import { DafuError } from '@dafu/platform/errors/dafu-error';
import { ErrorCode } from '@dafu/platform/errors/error-codes';
import type { Role } from '@dafu/platform/vocabulary';

export class InvalidCredentialsError extends DafuError {
  constructor() {
    super(ErrorCode.AuthInvalidCredentials);
  }
}
export class UserDisabledError extends DafuError {
  constructor() {
    super(ErrorCode.AuthUserDisabled);
  }
}
export class LoginRateLimitedError extends DafuError {
  constructor(retryAfterSeconds: number) {
    super(ErrorCode.AuthRateLimited, { retryAfterSeconds });
  }
}
export class TokenInvalidError extends DafuError {
  constructor() {
    super(ErrorCode.AuthTokenInvalid);
  }
}
export class OrganisationNotFoundError extends DafuError {
  constructor(organisationId: string) {
    super(ErrorCode.OrganisationNotFound, { organisationId });
  }
}
export class OrganisationNameTakenError extends DafuError {
  constructor(name: string) {
    super(ErrorCode.OrganisationNameTaken, { name });
  }
}
export class UserNotFoundError extends DafuError {
  constructor(userId: string) {
    super(ErrorCode.UserNotFound, { userId });
  }
}
export class UsernameTakenError extends DafuError {
  constructor(username: string) {
    super(ErrorCode.UsernameTaken, { username });
  }
}
export class CannotDisableSelfError extends DafuError {
  constructor() {
    super(ErrorCode.UserCannotDisableSelf);
  }
}
export class RoleNotAllowedError extends DafuError {
  constructor(roles: Role[], organisationKind: string) {
    super(ErrorCode.RoleNotAllowedInOrganisation, { roles, organisationKind });
  }
}
export class DocumentNumberPrefixNotAllowedError extends DafuError {
  constructor() {
    super(ErrorCode.DocumentNumberPrefixNotAllowed);
  }
}
