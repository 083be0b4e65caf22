import { describeError, ErrorCode } from './error-codes';

const CODES = Object.values(ErrorCode);

/**
 * The HTTP status of every code, written out by hand: clients see these, so a change must be
 * deliberate. 400 malformed input, 401 not logged in, 403 not allowed, 404 not found (or not
 * visible), 409 conflicts with the record's state, 410 gone (an expired link), 413 too large, 415 wrong file type, 422 a
 * business rule refuses it, 429 too many attempts, 500 our fault, 503 a
 * dependency (PostgreSQL, Redis) down for the moment.
 */
const STATUS: Record<ErrorCode, number> = {
  [ErrorCode.ValidationFailed]: 400,
  [ErrorCode.RouteNotFound]: 404,
  [ErrorCode.PayloadTooLarge]: 413,
  [ErrorCode.Internal]: 500,
  [ErrorCode.DatabaseUnavailable]: 503,
  [ErrorCode.ServiceUnavailable]: 503,
  [ErrorCode.AuthTokenMissing]: 401,
  [ErrorCode.AuthTokenInvalid]: 401,
  [ErrorCode.AuthInvalidCredentials]: 401,
  [ErrorCode.AuthUserDisabled]: 403,
  [ErrorCode.AuthRateLimited]: 429,
  [ErrorCode.Forbidden]: 403,
  [ErrorCode.OrganisationNotFound]: 404,
  [ErrorCode.OrganisationNameTaken]: 409,
  [ErrorCode.UserNotFound]: 404,
  [ErrorCode.UsernameTaken]: 409,
  [ErrorCode.UserCannotDisableSelf]: 409,
  [ErrorCode.RoleNotAllowedInOrganisation]: 422,
  [ErrorCode.DocumentNumberPrefixNotAllowed]: 422,
  [ErrorCode.SessionNotFound]: 404,
  [ErrorCode.SessionAlreadyExists]: 409,
  [ErrorCode.SessionHasProposals]: 409,
  [ErrorCode.ProposalNotFound]: 404,
  [ErrorCode.ProposalNumberTaken]: 409,
  [ErrorCode.ProposalKindMismatch]: 422,
  [ErrorCode.ProposalLeadProposerRequired]: 422,
  [ErrorCode.ProposalTransitionRefused]: 409,
  [ErrorCode.ProposalHasAssignments]: 409,
  [ErrorCode.StaleVersion]: 409,
  [ErrorCode.AssignmentNotFound]: 404,
  [ErrorCode.AssignmentNotABureau]: 422,
  [ErrorCode.AssignmentBureauRepeated]: 409,
  [ErrorCode.AssignmentLeadExists]: 409,
  [ErrorCode.AssignmentLeadRequired]: 422,
  [ErrorCode.ImportFileMissing]: 400,
  [ErrorCode.ImportFormatUnsupported]: 415,
  [ErrorCode.ImportEmpty]: 422,
  [ErrorCode.ImportRowsInvalid]: 422,
  [ErrorCode.AssignmentTransitionRefused]: 409,
  [ErrorCode.AssignmentAcknowledgementWindowPassed]: 409,
  [ErrorCode.ReassignmentToSameBureau]: 422,
  [ErrorCode.ExtensionNotLater]: 400,
  [ErrorCode.ExtensionInThePast]: 400,
  [ErrorCode.ExtensionPastCap]: 400,
  [ErrorCode.CoOpinionNotApplicable]: 409,
  [ErrorCode.CoOpinionEmpty]: 400,
  [ErrorCode.CoOpinionClosed]: 409,
  [ErrorCode.ContactInTheFuture]: 400,
  [ErrorCode.AssignmentClosedForWork]: 409,
  [ErrorCode.AttachmentEmpty]: 400,
  [ErrorCode.AttachmentTooLarge]: 413,
  [ErrorCode.AttachmentTypeNotAllowed]: 415,
  [ErrorCode.AttachmentContentMismatch]: 415,
  [ErrorCode.AttachmentNotFound]: 404,
  [ErrorCode.ContactNotFound]: 404,
  [ErrorCode.HandlingRulesInvalid]: 422,
  [ErrorCode.CalendarDayNotFound]: 404,
  [ErrorCode.CalendarWorkingWeekendNotWeekend]: 422,
  [ErrorCode.ReplyNotFound]: 404,
  [ErrorCode.ReplyNotApplicable]: 422,
  [ErrorCode.ReplyExists]: 409,
  [ErrorCode.ReplyContentInvalid]: 400,
  [ErrorCode.ReplyTooLong]: 413,
  [ErrorCode.ReplyIncomplete]: 422,
  [ErrorCode.ReplyTransitionRefused]: 409,
  [ErrorCode.ReplyFinal]: 409,
  [ErrorCode.ReplyVersionConflict]: 409,
  [ErrorCode.ReplyOwnDraft]: 403,
  [ErrorCode.ReplyVersionNotFound]: 404,
  [ErrorCode.ReviewCommentNotFound]: 404,
  [ErrorCode.ReplyGradeInvalid]: 400,
  [ErrorCode.BureauHasNoDocumentNumberPrefix]: 422,
  [ErrorCode.DocumentNumberSeriesBackwards]: 409,
  [ErrorCode.ReviewChainInvalid]: 400,
  [ErrorCode.ReplyTemplateInvalid]: 400,
  [ErrorCode.GradeScaleInvalid]: 400,
  [ErrorCode.LetterDocumentsNotReady]: 409,
  [ErrorCode.LetterSettingsInvalid]: 400,
  [ErrorCode.SealImageInvalid]: 400,
  [ErrorCode.SigningCredentialInvalid]: 400,
  [ErrorCode.VerifyFileMissing]: 400,
  [ErrorCode.LetterUnknown]: 404,
  [ErrorCode.DeliveryNotFound]: 404,
  [ErrorCode.DeliveryNotPostable]: 409,
  [ErrorCode.JobNotFound]: 404,
  [ErrorCode.JobNotFailed]: 409,
  [ErrorCode.NotificationNotFound]: 404,
  [ErrorCode.UrgeNothingToUrge]: 422,
  [ErrorCode.UrgeAssignmentInvalid]: 422,
  [ErrorCode.WebhookNotFound]: 404,
  [ErrorCode.AuditReplyTrailElsewhere]: 400,
  [ErrorCode.FeedbackNotFound]: 404,
  [ErrorCode.FeedbackReplyNotIssued]: 409,
  [ErrorCode.FeedbackAlreadyRecorded]: 409,
  [ErrorCode.FeedbackLinkInvalid]: 404,
  [ErrorCode.FeedbackLinkExpired]: 410,
  [ErrorCode.FollowUpNotApplicable]: 409,
  [ErrorCode.FollowUpAlreadySolved]: 409,
  [ErrorCode.FollowUpInTheFuture]: 400,
  [ErrorCode.PublicReplyNotFound]: 404,
  [ErrorCode.PublicRateLimited]: 429,
  [ErrorCode.ReplyDraftHidden]: 403,
  [ErrorCode.SupervisionBureauNotAccessible]: 403,
  [ErrorCode.ArchiveFilesMissing]: 400,
  [ErrorCode.ArchiveImportNotFound]: 404,
  [ErrorCode.ArchivedLetterNotFound]: 404,
};

function upperSnakeOf(enumKey: string): string {
  return enumKey
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z])([A-Z][a-z])/g, '$1_$2')
    .toUpperCase();
}

describe('describeError', () => {
  it('the status table covers every code', () => {
    expect(Object.keys(STATUS).sort()).toEqual([...CODES].sort());
  });

  it.each(CODES)('%s has the status of the table', (code) => {
    expect(describeError(code).status).toBe(STATUS[code]);
  });

  it.each(CODES)('%s is a 4xx or 5xx status', (code) => {
    const { status } = describeError(code);
    expect(Number.isInteger(status)).toBe(true);
    expect(status).toBeGreaterThanOrEqual(400);
    expect(status).toBeLessThan(600);
  });

  it.each(CODES)('%s has a Chinese message a clerk can read', (code) => {
    const { zh } = describeError(code);
    expect(zh.trim()).not.toBe('');
    expect(zh).toMatch(/[\u4e00-\u9fff]/);
    expect(zh).toMatch(/。$/);
  });

  it.each(CODES)('%s has an English sentence', (code) => {
    const { en } = describeError(code);
    expect(en.trim()).not.toBe('');
    expect(en).toMatch(/^[A-Z]/);
    expect(en).toMatch(/\.$/);
    expect(en).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it.each(CODES)('%s says something different in each language', (code) => {
    const { zh, en } = describeError(code);
    expect(zh).not.toBe(en);
  });

  it('keeps 5xx for internal errors and unavailable dependencies only: everything else is the client’s to fix', () => {
    expect(CODES.filter((code) => describeError(code).status >= 500)).toEqual([
      ErrorCode.Internal,
      ErrorCode.DatabaseUnavailable,
      ErrorCode.ServiceUnavailable,
    ]);
    expect(describeError(ErrorCode.Internal).status).toBe(500);
  });

  it.each([
    ['NOT_FOUND', 404],
    ['_TAKEN', 409],
    ['_ALREADY_EXISTS', 409],
    ['_TRANSITION_REFUSED', 409],
    ['_TOO_LARGE', 413],
  ])('every code ending in %s answers %i', (suffix, status) => {
    const matching = CODES.filter((code) => code.endsWith(suffix));
    expect(matching.length).toBeGreaterThan(0);
    for (const code of matching) expect([code, describeError(code).status]).toEqual([code, status]);
  });

  it('answers 401 only for missing, invalid or wrong credentials', () => {
    expect(CODES.filter((code) => describeError(code).status === 401).sort()).toEqual(
      [ErrorCode.AuthTokenMissing, ErrorCode.AuthTokenInvalid, ErrorCode.AuthInvalidCredentials].sort(),
    );
  });
});

describe('ErrorCode values', () => {
  it.each(CODES)('%s is UPPER_SNAKE_CASE', (code) => {
    expect(code).toMatch(/^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/);
  });

  it.each(Object.entries(ErrorCode))('%s is spelt %s: the key in UPPER_SNAKE_CASE', (key, value) => {
    expect(value).toBe(upperSnakeOf(key));
  });

  it('has no two codes with the same value', () => {
    expect(new Set(CODES).size).toBe(CODES.length);
  });

  it('has no two codes with the same Chinese message', () => {
    const messages = CODES.map((code) => describeError(code).zh);
    expect(new Set(messages).size).toBe(messages.length);
  });
});
