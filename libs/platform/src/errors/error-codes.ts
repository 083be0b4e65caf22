import { assertUnreachable } from './assert-unreachable';

/** Machine-readable error codes. Clients switch on these: never rename one, add new ones. */
export enum ErrorCode {
  ValidationFailed = 'VALIDATION_FAILED',
  RouteNotFound = 'ROUTE_NOT_FOUND',
  PayloadTooLarge = 'PAYLOAD_TOO_LARGE',
  Internal = 'INTERNAL',
  DatabaseUnavailable = 'DATABASE_UNAVAILABLE',
  ServiceUnavailable = 'SERVICE_UNAVAILABLE',
  AuthTokenMissing = 'AUTH_TOKEN_MISSING',
  AuthTokenInvalid = 'AUTH_TOKEN_INVALID',
  AuthInvalidCredentials = 'AUTH_INVALID_CREDENTIALS',
  AuthUserDisabled = 'AUTH_USER_DISABLED',
  AuthRateLimited = 'AUTH_RATE_LIMITED',
  Forbidden = 'FORBIDDEN',
  OrganisationNotFound = 'ORGANISATION_NOT_FOUND',
  OrganisationNameTaken = 'ORGANISATION_NAME_TAKEN',
  UserNotFound = 'USER_NOT_FOUND',
  UsernameTaken = 'USERNAME_TAKEN',
  UserCannotDisableSelf = 'USER_CANNOT_DISABLE_SELF',
  RoleNotAllowedInOrganisation = 'ROLE_NOT_ALLOWED_IN_ORGANISATION',
  DocumentNumberPrefixNotAllowed = 'DOCUMENT_NUMBER_PREFIX_NOT_ALLOWED',
  SessionNotFound = 'SESSION_NOT_FOUND',
  SessionAlreadyExists = 'SESSION_ALREADY_EXISTS',
  SessionHasProposals = 'SESSION_HAS_PROPOSALS',
  ProposalNotFound = 'PROPOSAL_NOT_FOUND',
  ProposalNumberTaken = 'PROPOSAL_NUMBER_TAKEN',
  ProposalKindMismatch = 'PROPOSAL_KIND_MISMATCH',
  ProposalLeadProposerRequired = 'PROPOSAL_LEAD_PROPOSER_REQUIRED',
  ProposalTransitionRefused = 'PROPOSAL_TRANSITION_REFUSED',
  ProposalHasAssignments = 'PROPOSAL_HAS_ASSIGNMENTS',
  StaleVersion = 'STALE_VERSION',
  AssignmentNotFound = 'ASSIGNMENT_NOT_FOUND',
  AssignmentNotABureau = 'ASSIGNMENT_NOT_A_BUREAU',
  AssignmentBureauRepeated = 'ASSIGNMENT_BUREAU_REPEATED',
  AssignmentLeadExists = 'ASSIGNMENT_LEAD_EXISTS',
  AssignmentLeadRequired = 'ASSIGNMENT_LEAD_REQUIRED',
  ImportFileMissing = 'IMPORT_FILE_MISSING',
  ImportFormatUnsupported = 'IMPORT_FORMAT_UNSUPPORTED',
  ImportEmpty = 'IMPORT_EMPTY',
  ImportRowsInvalid = 'IMPORT_ROWS_INVALID',
  AssignmentTransitionRefused = 'ASSIGNMENT_TRANSITION_REFUSED',
  AssignmentAcknowledgementWindowPassed = 'ASSIGNMENT_ACKNOWLEDGEMENT_WINDOW_PASSED',
  ReassignmentToSameBureau = 'REASSIGNMENT_TO_SAME_BUREAU',
  ExtensionNotLater = 'EXTENSION_NOT_LATER',
  ExtensionInThePast = 'EXTENSION_IN_THE_PAST',
  ExtensionPastCap = 'EXTENSION_PAST_CAP',
  CoOpinionNotApplicable = 'CO_OPINION_NOT_APPLICABLE',
  CoOpinionEmpty = 'CO_OPINION_EMPTY',
  CoOpinionClosed = 'CO_OPINION_CLOSED',
  ContactInTheFuture = 'CONTACT_IN_THE_FUTURE',
  AssignmentClosedForWork = 'ASSIGNMENT_CLOSED_FOR_WORK',
  AttachmentEmpty = 'ATTACHMENT_EMPTY',
  AttachmentTooLarge = 'ATTACHMENT_TOO_LARGE',
  AttachmentTypeNotAllowed = 'ATTACHMENT_TYPE_NOT_ALLOWED',
  AttachmentContentMismatch = 'ATTACHMENT_CONTENT_MISMATCH',
  AttachmentNotFound = 'ATTACHMENT_NOT_FOUND',
  ContactNotFound = 'CONTACT_NOT_FOUND',
  HandlingRulesInvalid = 'HANDLING_RULES_INVALID',
  CalendarDayNotFound = 'CALENDAR_DAY_NOT_FOUND',
  CalendarWorkingWeekendNotWeekend = 'CALENDAR_WORKING_WEEKEND_NOT_WEEKEND',
  ReplyNotFound = 'REPLY_NOT_FOUND',
  ReplyNotApplicable = 'REPLY_NOT_APPLICABLE',
  ReplyExists = 'REPLY_EXISTS',
  ReplyContentInvalid = 'REPLY_CONTENT_INVALID',
  ReplyTooLong = 'REPLY_TOO_LONG',
  ReplyIncomplete = 'REPLY_INCOMPLETE',
  ReplyTransitionRefused = 'REPLY_TRANSITION_REFUSED',
  ReplyFinal = 'REPLY_FINAL',
  ReplyVersionConflict = 'REPLY_VERSION_CONFLICT',
  ReplyOwnDraft = 'REPLY_OWN_DRAFT',
  ReplyVersionNotFound = 'REPLY_VERSION_NOT_FOUND',
  ReviewCommentNotFound = 'REVIEW_COMMENT_NOT_FOUND',
  ReplyGradeInvalid = 'REPLY_GRADE_INVALID',
  BureauHasNoDocumentNumberPrefix = 'BUREAU_HAS_NO_DOCUMENT_NUMBER_PREFIX',
  DocumentNumberSeriesBackwards = 'DOCUMENT_NUMBER_SERIES_BACKWARDS',
  ReviewChainInvalid = 'REVIEW_CHAIN_INVALID',
  ReplyTemplateInvalid = 'REPLY_TEMPLATE_INVALID',
  GradeScaleInvalid = 'GRADE_SCALE_INVALID',
  LetterDocumentsNotReady = 'LETTER_DOCUMENTS_NOT_READY',
  LetterSettingsInvalid = 'LETTER_SETTINGS_INVALID',
  SealImageInvalid = 'SEAL_IMAGE_INVALID',
  SigningCredentialInvalid = 'SIGNING_CREDENTIAL_INVALID',
  VerifyFileMissing = 'VERIFY_FILE_MISSING',
  LetterUnknown = 'LETTER_UNKNOWN',
  DeliveryNotFound = 'DELIVERY_NOT_FOUND',
  DeliveryNotPostable = 'DELIVERY_NOT_POSTABLE',
  JobNotFound = 'JOB_NOT_FOUND',
  JobNotFailed = 'JOB_NOT_FAILED',
  NotificationNotFound = 'NOTIFICATION_NOT_FOUND',
  UrgeNothingToUrge = 'URGE_NOTHING_TO_URGE',
  UrgeAssignmentInvalid = 'URGE_ASSIGNMENT_INVALID',
  WebhookNotFound = 'WEBHOOK_NOT_FOUND',
  AuditReplyTrailElsewhere = 'AUDIT_REPLY_TRAIL_ELSEWHERE',
  FeedbackNotFound = 'FEEDBACK_NOT_FOUND',
  FeedbackReplyNotIssued = 'FEEDBACK_REPLY_NOT_ISSUED',
  FeedbackAlreadyRecorded = 'FEEDBACK_ALREADY_RECORDED',
  FeedbackLinkInvalid = 'FEEDBACK_LINK_INVALID',
  FeedbackLinkExpired = 'FEEDBACK_LINK_EXPIRED',
  FollowUpNotApplicable = 'FOLLOW_UP_NOT_APPLICABLE',
  FollowUpAlreadySolved = 'FOLLOW_UP_ALREADY_SOLVED',
  FollowUpInTheFuture = 'FOLLOW_UP_IN_THE_FUTURE',
  PublicReplyNotFound = 'PUBLIC_REPLY_NOT_FOUND',
  PublicRateLimited = 'PUBLIC_RATE_LIMITED',
  ReplyDraftHidden = 'REPLY_DRAFT_HIDDEN',
  SupervisionBureauNotAccessible = 'SUPERVISION_BUREAU_NOT_ACCESSIBLE',
  ArchiveFilesMissing = 'ARCHIVE_FILES_MISSING',
  ArchiveImportNotFound = 'ARCHIVE_IMPORT_NOT_FOUND',
  ArchivedLetterNotFound = 'ARCHIVED_LETTER_NOT_FOUND',
}

export interface ErrorDescription {
  status: number;
  zh: string;
  en: string;
}

/** The one exhaustive mapper from a code to its HTTP status and the words a clerk reads. */
export function describeError(code: ErrorCode): ErrorDescription {
  switch (code) {
    case ErrorCode.ValidationFailed:
      return { status: 400, zh: '提交的内容有误，请按提示修改。', en: 'Some fields are invalid; see details.' };
    case ErrorCode.RouteNotFound:
      return { status: 404, zh: '请求的地址不存在。', en: 'No such endpoint.' };
    case ErrorCode.PayloadTooLarge:
      return { status: 413, zh: '上传的内容过大。', en: 'The upload is too large.' };
    case ErrorCode.Internal:
      return {
        status: 500,
        zh: '系统内部错误，请将请求编号告知管理员。',
        en: 'Internal error; please give the request id to an administrator.',
      };
    case ErrorCode.DatabaseUnavailable:
      return {
        status: 503,
        zh: '数据库暂时无法连接，请稍后重试。',
        en: 'The database is unavailable for the moment; please try again shortly.',
      };
    case ErrorCode.ServiceUnavailable:
      return {
        status: 503,
        zh: '系统依赖的服务暂时不可用，请稍后重试。',
        en: 'A service the system depends on is unavailable; please try again shortly.',
      };
    case ErrorCode.AuthTokenMissing:
      return { status: 401, zh: '请先登录。', en: 'Please log in first.' };
    case ErrorCode.AuthTokenInvalid:
      return {
        status: 401,
        zh: '登录已失效，请重新登录。',
        en: 'Your login has expired or is invalid; please log in again.',
      };
    case ErrorCode.AuthInvalidCredentials:
      return { status: 401, zh: '用户名或密码错误。', en: 'Wrong username or password.' };
    case ErrorCode.AuthUserDisabled:
      return {
        status: 403,
        zh: '该账号已停用，请联系管理员。',
        en: 'This account is disabled; contact an administrator.',
      };
    case ErrorCode.AuthRateLimited:
      return { status: 429, zh: '登录尝试过于频繁，请稍后再试。', en: 'Too many login attempts; try again later.' };
    case ErrorCode.Forbidden:
      return { status: 403, zh: '您的角色无权进行此操作。', en: 'Your role does not allow this action.' };
    case ErrorCode.OrganisationNotFound:
      return { status: 404, zh: '单位不存在。', en: 'Organisation not found.' };
    case ErrorCode.OrganisationNameTaken:
      return { status: 409, zh: '已有同名单位。', en: 'An organisation with this name already exists.' };
    case ErrorCode.UserNotFound:
      return { status: 404, zh: '用户不存在。', en: 'User not found.' };
    case ErrorCode.UsernameTaken:
      return { status: 409, zh: '用户名已被使用。', en: 'This username is already taken.' };
    case ErrorCode.UserCannotDisableSelf:
      return { status: 409, zh: '不能停用自己的账号。', en: 'You cannot disable your own account.' };
    case ErrorCode.RoleNotAllowedInOrganisation:
      return {
        status: 422,
        zh: '该单位的人员不能担任此角色（承办单位：承办人、审核人、签发人；提案委/选工委：登记人；督查局：督查人员）。',
        en: 'Members of this organisation cannot hold that role.',
      };
    case ErrorCode.DocumentNumberPrefixNotAllowed:
      return { status: 422, zh: '只有承办单位才有发文字号前缀。', en: 'Only bureaus have a document-number prefix.' };
    case ErrorCode.SessionNotFound:
      return { status: 404, zh: '会议不存在或无权查看。', en: 'Session not found or not accessible.' };
    case ErrorCode.SessionAlreadyExists:
      return { status: 409, zh: '该届次会议已登记。', en: 'This session is already registered.' };
    case ErrorCode.SessionHasProposals:
      return {
        status: 409,
        zh: '会议下已有提案或建议，不能删除。',
        en: 'The session has proposals and cannot be deleted.',
      };
    case ErrorCode.ProposalNotFound:
      return { status: 404, zh: '提案（建议）不存在或无权查看。', en: 'Proposal not found or not accessible.' };
    case ErrorCode.ProposalNumberTaken:
      return {
        status: 409,
        zh: '本次会议已有相同编号的提案（建议）。',
        en: 'This number is already used in the session.',
      };
    case ErrorCode.ProposalKindMismatch:
      return {
        status: 422,
        zh: '政协会议只收提案，人大会议只收建议。',
        en: 'CPPCC sessions take proposals, NPC sessions take suggestions.',
      };
    case ErrorCode.ProposalLeadProposerRequired:
      return {
        status: 422,
        zh: '须有且只有一位领衔人（第一位提出人）。',
        en: 'Exactly one lead proposer is required.',
      };
    case ErrorCode.ProposalTransitionRefused:
      return {
        status: 409,
        zh: '提案（建议）当前状态不允许此操作。',
        en: 'The proposal’s current state does not allow this.',
      };
    case ErrorCode.ProposalHasAssignments:
      return {
        status: 409,
        zh: '已交办的提案（建议）不能删除，可改为撤回。',
        en: 'An assigned proposal cannot be deleted; withdraw it instead.',
      };
    case ErrorCode.StaleVersion:
      return {
        status: 409,
        zh: '内容已被他人修改，请刷新后再改。',
        en: 'Someone else changed this record; reload and try again.',
      };
    case ErrorCode.AssignmentNotFound:
      return { status: 404, zh: '交办记录不存在或无权查看。', en: 'Assignment not found or not accessible.' };
    case ErrorCode.AssignmentNotABureau:
      return { status: 422, zh: '只能交办给承办单位。', en: 'Proposals can only be assigned to bureaus.' };
    case ErrorCode.AssignmentBureauRepeated:
      return { status: 409, zh: '同一单位不能重复交办。', en: 'A bureau cannot be assigned the same proposal twice.' };
    case ErrorCode.AssignmentLeadExists:
      return { status: 409, zh: '该提案（建议）已有主办单位。', en: 'This proposal already has a lead bureau.' };
    case ErrorCode.AssignmentLeadRequired:
      return { status: 422, zh: '有会办单位时必须有主办单位。', en: 'A co-handling bureau needs a lead bureau.' };
    case ErrorCode.ImportFileMissing:
      return { status: 400, zh: '请上传CSV或XLSX文件。', en: 'Please upload a CSV or XLSX file.' };
    case ErrorCode.ImportFormatUnsupported:
      return { status: 415, zh: '只支持CSV和XLSX文件。', en: 'Only CSV and XLSX files are supported.' };
    case ErrorCode.ImportEmpty:
      return { status: 422, zh: '文件中没有数据行。', en: 'The file has no data rows.' };
    case ErrorCode.ImportRowsInvalid:
      return {
        status: 422,
        zh: '文件中有错误行，未导入任何数据，请修改后重新上传。',
        en: 'Some rows are invalid; nothing was imported. Fix them and upload again.',
      };
    case ErrorCode.AssignmentTransitionRefused:
      return {
        status: 409,
        zh: '交办记录当前状态不允许此操作。',
        en: 'The assignment’s current state does not allow this.',
      };
    case ErrorCode.AssignmentAcknowledgementWindowPassed:
      return {
        status: 409,
        zh: '已超过签收期限，视为默认签收；如需调整请联系提案委（选工委）。',
        en: 'The acknowledgement window has passed, so the item counts as accepted; ask the registrar to reassign it.',
      };
    case ErrorCode.ReassignmentToSameBureau:
      return { status: 422, zh: '不能调整给原承办单位。', en: 'The item cannot be reassigned to the same bureau.' };
    case ErrorCode.ExtensionNotLater:
      return {
        status: 400,
        zh: '延期后的日期必须晚于现在的办理期限。',
        en: 'The new due date must be later than the current one.',
      };
    case ErrorCode.ExtensionInThePast:
      return { status: 400, zh: '延期后的日期不能早于今天。', en: 'The new due date cannot be in the past.' };
    case ErrorCode.ExtensionPastCap:
      return {
        status: 400,
        zh: '延期后的期限不能超过交办之日起的最长办理期限（默认6个月）。',
        en: 'Extensions cannot go past the longest allowed time from assignment (6 months by default).',
      };
    case ErrorCode.CoOpinionNotApplicable:
      return {
        status: 409,
        zh: '会办意见只由会办单位填写，由主办单位查看或免除。',
        en: 'Co-handling opinions are written by co bureaus and seen or waived by the lead bureau.',
      };
    case ErrorCode.CoOpinionEmpty:
      return { status: 400, zh: '会办意见不能为空。', en: 'The opinion is empty.' };
    case ErrorCode.CoOpinionClosed:
      return { status: 409, zh: '会办意见已发送或已免除，不能再修改。', en: 'The opinion was already sent or waived.' };
    case ErrorCode.ContactInTheFuture:
      return { status: 400, zh: '沟通日期不能晚于今天。', en: 'The date of the talk cannot be in the future.' };
    case ErrorCode.AssignmentClosedForWork:
      return {
        status: 409,
        zh: '该交办记录已办结、已调整或尚未签收，不能进行此操作。',
        en: 'This assignment is not open for work (not yet acknowledged, or already ended).',
      };
    case ErrorCode.AttachmentEmpty:
      return { status: 400, zh: '上传的文件是空的。', en: 'The uploaded file is empty.' };
    case ErrorCode.AttachmentTooLarge:
      return { status: 413, zh: '附件不能超过20MB。', en: 'Attachments may be at most 20 MB.' };
    case ErrorCode.AttachmentTypeNotAllowed:
      return {
        status: 415,
        zh: '只能上传PDF、OFD、Word、Excel、PowerPoint、WPS、图片（JPG、PNG）或文本文件。',
        en: 'Only PDF, OFD, Word, Excel, PowerPoint, WPS, JPG, PNG or text files can be attached.',
      };
    case ErrorCode.AttachmentContentMismatch:
      return {
        status: 415,
        zh: '文件内容与扩展名不符，请检查文件是否损坏或被改名。',
        en: 'The file’s content does not match its extension; it may be damaged or renamed.',
      };
    case ErrorCode.AttachmentNotFound:
      return { status: 404, zh: '附件不存在或无权查看。', en: 'Attachment not found or not accessible.' };
    case ErrorCode.ContactNotFound:
      return { status: 404, zh: '沟通记录不存在。', en: 'Talk record not found.' };
    case ErrorCode.HandlingRulesInvalid:
      return {
        status: 422,
        zh: '办理规则自相矛盾：会办意见期限不能长于答复期限，延期上限不能短于答复期限。',
        en: 'The rules contradict each other: co opinions must be due before the reply, and the extension cap cannot be shorter than the reply time.',
      };
    case ErrorCode.CalendarDayNotFound:
      return { status: 404, zh: '日历中没有这一天的特别安排。', en: 'The calendar has no entry for this day.' };
    case ErrorCode.CalendarWorkingWeekendNotWeekend:
      return {
        status: 422,
        zh: '调休上班日必须是周六或周日。',
        en: 'A working weekend day must be a Saturday or a Sunday.',
      };
    case ErrorCode.ReplyNotFound:
      return { status: 404, zh: '答复不存在，或不属于您的单位。', en: "Reply not found, or not your bureau's." };
    case ErrorCode.ReplyNotApplicable:
      return {
        status: 422,
        zh: '会办单位不撰写答复，请提交会办意见。',
        en: 'A co-handling bureau sends an opinion, not a reply.',
      };
    case ErrorCode.ReplyExists:
      return {
        status: 409,
        zh: '该交办事项已有正在办理或已签发的答复。',
        en: 'This assignment already has a reply in progress or signed.',
      };
    case ErrorCode.ReplyContentInvalid:
      return {
        status: 400,
        zh: '答复内容有误，请按提示修改。',
        en: 'Some parts of the reply are invalid; see details.',
      };
    case ErrorCode.ReplyTooLong:
      return { status: 413, zh: '答复正文过长，超过系统允许的字数。', en: 'The reply text is longer than the limit.' };
    case ErrorCode.ReplyIncomplete:
      return {
        status: 422,
        zh: '答复尚不完整，不能提交审核，请补齐所列内容。',
        en: 'The reply is incomplete and cannot be submitted; see the missing items.',
      };
    case ErrorCode.ReplyTransitionRefused:
      return {
        status: 409,
        zh: '答复当前所处环节不允许此操作。',
        en: 'The current state of the reply does not allow this.',
      };
    case ErrorCode.ReplyFinal:
      return {
        status: 409,
        zh: '该答复已签发，内容不能再修改。',
        en: 'This reply is signed off; its text can no longer change.',
      };
    case ErrorCode.ReplyVersionConflict:
      return {
        status: 409,
        zh: '该答复已被他人修改，请刷新后在最新版本上修改。',
        en: 'Someone else changed this reply; reload and edit the latest version.',
      };
    case ErrorCode.ReplyOwnDraft:
      return {
        status: 403,
        zh: '不能审核或签发自己起草或修改过的答复。',
        en: 'You cannot approve or sign off a reply you wrote or edited.',
      };
    case ErrorCode.ReplyVersionNotFound:
      return { status: 404, zh: '该答复没有这个版本。', en: 'This reply has no such version.' };
    case ErrorCode.ReviewCommentNotFound:
      return { status: 404, zh: '审核意见不存在。', en: 'Review comment not found.' };
    case ErrorCode.ReplyGradeInvalid:
      return {
        status: 400,
        zh: '办理结果等次不在本届次规定的等次中。',
        en: 'The grade is not one of the grades this session body uses.',
      };
    case ErrorCode.BureauHasNoDocumentNumberPrefix:
      return {
        status: 422,
        zh: '本单位尚未设置发文字号前缀，请联系管理员设置后再签发。',
        en: 'Your bureau has no document-number prefix; ask an administrator to set one before signing off.',
      };
    case ErrorCode.DocumentNumberSeriesBackwards:
      return {
        status: 409,
        zh: '文号只能向后续编，不能回退或重复使用已用文号。',
        en: 'Document numbers only move forward; a used number can never be given again.',
      };
    case ErrorCode.ReviewChainInvalid:
      return { status: 400, zh: '审核流程设置有误，请按提示修改。', en: 'The review chain is invalid; see details.' };
    case ErrorCode.ReplyTemplateInvalid:
      return { status: 400, zh: '答复模板有误，请按提示修改。', en: 'The reply template is invalid; see details.' };
    case ErrorCode.GradeScaleInvalid:
      return {
        status: 400,
        zh: '办理结果等次设置有误，请按提示修改。',
        en: 'The grade scale is invalid; see details.',
      };
    case ErrorCode.LetterDocumentsNotReady:
      return {
        status: 409,
        zh: '正式文件正在生成，请稍后再试。',
        en: 'The final documents are still being made; try again shortly.',
      };
    case ErrorCode.LetterSettingsInvalid:
      return {
        status: 400,
        zh: '公文格式设置有误，请按提示修改。',
        en: 'The letter settings are invalid; see details.',
      };
    case ErrorCode.SealImageInvalid:
      return {
        status: 400,
        zh: '印章图片须为可正常打开的PNG或JPEG图片，不超过2MB、4000×4000像素。',
        en: 'The seal image must be a readable PNG or JPEG of at most 2 MB and 4000 × 4000 pixels.',
      };
    case ErrorCode.SigningCredentialInvalid:
      return {
        status: 400,
        zh: '签名证书或私钥无效，请检查后重新上传。',
        en: 'The signing certificate or key is not usable; check them and upload again.',
      };
    case ErrorCode.VerifyFileMissing:
      return { status: 400, zh: '请上传要核验的PDF文件。', en: 'Upload the PDF to check.' };
    case ErrorCode.LetterUnknown:
      return {
        status: 404,
        zh: '未找到该文号或哈希对应的正式文件。',
        en: 'No issued letter has this document number or hash.',
      };
    case ErrorCode.NotificationNotFound:
      return { status: 404, zh: '该通知不存在。', en: 'Notification not found.' };
    case ErrorCode.UrgeNothingToUrge:
      return {
        status: 422,
        zh: '该单位目前没有逾期事项；如需催办未逾期事项，请指明交办事项。',
        en: 'This bureau has nothing overdue; name the assignments to urge.',
      };
    case ErrorCode.UrgeAssignmentInvalid:
      return {
        status: 422,
        zh: '所选事项须为该单位正在办理的交办事项。',
        en: 'Every assignment urged must be one this bureau is still handling.',
      };
    case ErrorCode.WebhookNotFound:
      return { status: 404, zh: '该推送地址不存在。', en: 'Webhook not found.' };
    case ErrorCode.AuditReplyTrailElsewhere:
      return {
        status: 400,
        zh: '答复的办理记录请在该答复的“历史”中查看（GET /replies/{id}/history），那里按草稿查阅权限显示。',
        en: "A reply's trail is read through GET /replies/{id}/history, which applies the draft-reading rule.",
      };
    case ErrorCode.PublicReplyNotFound:
      return { status: 404, zh: '未找到该公开答复。', en: 'No such published reply.' };
    case ErrorCode.PublicRateLimited:
      return {
        status: 429,
        zh: '访问过于频繁，请稍后再试。',
        en: 'Too many requests; please try again later.',
      };
    case ErrorCode.ReplyDraftHidden:
      return {
        status: 403,
        zh: '答复尚未签发，未经授权不能查看草稿内容，只能查看办理状态。',
        en: 'This reply is not signed yet; without a grant to read drafts you see its status only.',
      };
    case ErrorCode.DeliveryNotFound:
      return { status: 404, zh: '送达记录不存在，或不属于您的单位。', en: "Delivery not found, or not your bureau's." };
    case ErrorCode.DeliveryNotPostable:
      return {
        status: 409,
        zh: '只有待邮寄的送达记录可以标记为已寄出。',
        en: 'Only letters waiting in the mailroom can be marked as posted.',
      };
    case ErrorCode.JobNotFound:
      return { status: 404, zh: '后台任务不存在或已清理。', en: 'Background job not found (or already cleaned up).' };
    case ErrorCode.JobNotFailed:
      return { status: 409, zh: '只有失败的后台任务可以重试。', en: 'Only a failed background job can be retried.' };
    case ErrorCode.FeedbackNotFound:
      return {
        status: 404,
        zh: '该答复尚未收到提出人的反馈。',
        en: 'No feedback has been recorded for this reply yet.',
      };
    case ErrorCode.FeedbackReplyNotIssued:
      return {
        status: 409,
        zh: '只有已签发并发出的答复才能记录反馈。',
        en: 'Feedback can only be recorded for a reply that has been signed and sent.',
      };
    case ErrorCode.FeedbackAlreadyRecorded:
      return {
        status: 409,
        zh: '该答复的反馈已经记录，每份答复只能反馈一次。',
        en: 'Feedback for this reply has already been recorded; each reply takes one.',
      };
    case ErrorCode.FeedbackLinkInvalid:
      return {
        status: 404,
        zh: '反馈链接无效，请核对邮件中的链接，或联系提案委（选工委）。',
        en: 'This feedback link is not valid; check the link in the e-mail or contact the committee.',
      };
    case ErrorCode.FeedbackLinkExpired:
      return {
        status: 410,
        zh: '反馈链接已过期，请联系提案委（选工委）登记反馈意见。',
        en: 'This feedback link has expired; please give your feedback to the committee.',
      };
    case ErrorCode.FollowUpNotApplicable:
      return {
        status: 409,
        zh: '只有已发出且办理结果为B类或C类、仍在跟踪办理的答复才能报送跟踪办理情况。',
        en: 'Follow-up letters are for issued replies graded B or C that are still on the follow-up list.',
      };
    case ErrorCode.FollowUpAlreadySolved:
      return {
        status: 409,
        zh: '该事项已报告解决，已移出跟踪办理名单。',
        en: 'This matter was already reported solved and has left the follow-up list.',
      };
    case ErrorCode.FollowUpInTheFuture:
      return {
        status: 400,
        zh: '跟踪办理函的日期不能晚于今天。',
        en: 'The follow-up letter cannot be dated after today.',
      };
    case ErrorCode.SupervisionBureauNotAccessible:
      return {
        status: 403,
        zh: '您只能查看本单位的督查统计。',
        en: "You can only see your own bureau's supervision figures.",
      };
    case ErrorCode.ArchiveFilesMissing:
      return {
        status: 400,
        zh: '请上传答复函文件（.txt、.docx，或装有它们的.zip）。',
        en: 'Please upload reply letters (.txt, .docx, or a .zip of them).',
      };
    case ErrorCode.ArchiveImportNotFound:
      return { status: 404, zh: '导入记录不存在或无权查看。', en: 'Archive import not found or not accessible.' };
    case ErrorCode.ArchivedLetterNotFound:
      return { status: 404, zh: '档案中没有这份答复函。', en: 'Archived letter not found.' };
    default:
      return assertUnreachable(code);
  }
}
