import { DafuError } from '@dafu/platform/errors/dafu-error';
import { ErrorCode } from '@dafu/platform/errors/error-codes';

export class AssignmentNotFoundError extends DafuError {
  constructor(assignmentId: string) {
    super(ErrorCode.AssignmentNotFound, { assignmentId });
  }
}
export class NotABureauError extends DafuError {
  constructor(organisationIds: string[]) {
    super(ErrorCode.AssignmentNotABureau, { organisationIds });
  }
}
export class BureauRepeatedError extends DafuError {
  constructor(bureauIds: string[]) {
    super(ErrorCode.AssignmentBureauRepeated, { bureauIds });
  }
}
export class LeadExistsError extends DafuError {
  constructor(proposalId: string) {
    super(ErrorCode.AssignmentLeadExists, { proposalId });
  }
}
export class LeadRequiredError extends DafuError {
  constructor(proposalId: string) {
    super(ErrorCode.AssignmentLeadRequired, { proposalId });
  }
}
