import { DafuError } from '@dafu/platform/errors/dafu-error';
import { ErrorCode } from '@dafu/platform/errors/error-codes';

/** Unknown, not issued, not public or not yet public: all read the same, so nothing is revealed. */
export class PublicReplyNotFoundError extends DafuError {
  constructor() {
    super(ErrorCode.PublicReplyNotFound);
  }
}
