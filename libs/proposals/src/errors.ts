import { DafuError } from '@dafu/platform/errors/dafu-error';
import { ErrorCode } from '@dafu/platform/errors/error-codes';

export class SessionNotFoundError extends DafuError {
  constructor(sessionId: string) {
    super(ErrorCode.SessionNotFound, { sessionId });
  }
}
export class SessionAlreadyExistsError extends DafuError {
  constructor(details: { body: string; term: number; sitting: number }) {
    super(ErrorCode.SessionAlreadyExists, details);
  }
}
export class SessionHasProposalsError extends DafuError {
  constructor(sessionId: string) {
    super(ErrorCode.SessionHasProposals, { sessionId });
  }
}
export class ProposalNotFoundError extends DafuError {
  constructor(proposalId: string) {
    super(ErrorCode.ProposalNotFound, { proposalId });
  }
}
export class ProposalNumberTakenError extends DafuError {
  constructor(sessionId: string, number: number) {
    super(ErrorCode.ProposalNumberTaken, { sessionId, number });
  }
}
export class ProposalKindMismatchError extends DafuError {
  constructor(expected: string, given: string) {
    super(ErrorCode.ProposalKindMismatch, { expected, given });
  }
}
export class ProposalTransitionRefusedError extends DafuError {
  constructor(from: string, event: string, reason: string) {
    super(ErrorCode.ProposalTransitionRefused, { from, event, reason });
  }
}
export class ProposalHasAssignmentsError extends DafuError {
  constructor(proposalId: string) {
    super(ErrorCode.ProposalHasAssignments, { proposalId });
  }
}
export class ProposalLeadProposerRequiredError extends DafuError {
  constructor() {
    super(ErrorCode.ProposalLeadProposerRequired);
  }
}
