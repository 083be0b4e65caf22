import { ErrorCode } from './error-codes';

/** Base of every expected, coded failure. Contexts subclass it in their errors.ts. */
export class DafuError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly details?: Record<string, unknown>,
    /** Words that say more than the code's own, e.g. who changed the record first. */
    readonly messages?: { zh: string; en: string },
  ) {
    super(code);
    this.name = new.target.name;
  }
}

export class ForbiddenError extends DafuError {
  constructor() {
    super(ErrorCode.Forbidden);
  }
}

export class StaleVersionError extends DafuError {
  constructor(currentVersion: number) {
    super(ErrorCode.StaleVersion, { currentVersion });
  }
}
