import { DafuError } from '@dafu/platform/errors/dafu-error';
import { ErrorCode } from '@dafu/platform/errors/error-codes';

export class DeliveryNotFoundError extends DafuError {
  constructor(deliveryId: string) {
    super(ErrorCode.DeliveryNotFound, { deliveryId });
  }
}

export class LetterUnknownError extends DafuError {
  constructor(reference: string) {
    super(ErrorCode.LetterUnknown, { reference });
  }
}

export class SigningCredentialInvalidError extends DafuError {
  constructor(reason: string, messages?: { zh: string; en: string }) {
    super(ErrorCode.SigningCredentialInvalid, { reason }, messages);
  }
}
