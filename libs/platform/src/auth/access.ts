import { assertUnreachable } from '../errors/assert-unreachable';
import { ALL_ROLES, OrganisationKind, Role, SessionBody } from '../vocabulary';
import type { Actor } from './actor';

/** Every endpoint names one of these; the guard refuses a route that names none. */
export enum Permission {
  SessionRead = 'session.read',
  SessionWrite = 'session.write',
  ProposalRead = 'proposal.read',
  ProposalWrite = 'proposal.write',
  ProposalImport = 'proposal.import',
  AssignmentCreate = 'assignment.create',
  AssignmentRead = 'assignment.read',
  /** A bureau's own steps: acknowledge, ask for reassignment or extension. */
  AssignmentHandle = 'assignment.handle',
  /** The city's decisions on requests: reassignment, extension. */
  AssignmentDecide = 'assignment.decide',
  OrganisationRead = 'organisation.read',
  OrganisationManage = 'organisation.manage',
  UserManage = 'user.manage',
  AuditRead = 'audit.read',
  CalendarRead = 'calendar.read',
  CalendarManage = 'calendar.manage',
  HandlingRulesRead = 'handling_rules.read',
  HandlingRulesManage = 'handling_rules.manage',
  /** A bureau's own replies, drafts included; the city reads signed ones. */
  ReplyRead = 'reply.read',
  /** Start, edit, submit, withdraw a draft; answer review comments. */
  ReplyDraft = 'reply.draft',
  /** Approve or send back at a review step (the step names the role). */
  ReplyReview = 'reply.review',
  /** 签发 and voiding a signed letter. */
  ReplySign = 'reply.sign',
  ReviewChainRead = 'review_chain.read',
  /** Admins for any bureau; a bureau's signatory for its own. */
  ReviewChainManage = 'review_chain.manage',
  ReplyTemplateRead = 'reply_template.read',
  ReplyTemplateManage = 'reply_template.manage',
  GradeScaleRead = 'grade_scale.read',
  GradeScaleManage = 'grade_scale.manage',
  /** 文号 counters: where each prefix and year stands, and continuing a series begun on paper. */
  DocumentNumberSeriesManage = 'document_number_series.manage',
  /** A bureau's letter format, red header, grade mark and seal. */
  LetterSettingsRead = 'letter_settings.read',
  /** Admins for any bureau; a bureau's signatory for its own. */
  LetterSettingsManage = 'letter_settings.manage',
  /** Uploading a bureau's signing key and certificate; keys are never read back. */
  SigningCredentialManage = 'signing_credential.manage',
  /** The bureau's printable list of letters to post. */
  MailroomRead = 'mailroom.read',
  /** Recording that a printed letter went into the post. */
  MailroomPost = 'mailroom.post',
  /** Background jobs that failed for good: their errors, and a retry. */
  JobsManage = 'jobs.manage',
  /** One's own notifications and e-mail preference. */
  NotificationRead = 'notification.read',
  /** 催办 sent by hand to a bureau. */
  NotificationUrge = 'notification.urge',
  /** The city platforms that receive notifications by webhook. */
  WebhookManage = 'webhook.manage',
  /** Writing the proposer's answer from the feedback form (满意度) into Dafu: the registrar of the proposal's body. */
  FeedbackRecord = 'feedback.record',
  /** The follow-up list (跟踪办理) and its letters: the city all bureaus', a bureau its own. */
  FollowUpRead = 'follow_up.read',
  /** A bureau's follow-up letter about a B or C reply. */
  FollowUpWrite = 'follow_up.write',
  /** Statistics, ranking, overdue lists, their exports and the session report: city-wide or one's own bureau. */
  SupervisionRead = 'supervision.read',
  /** Full-text search over proposals, signed and issued replies and the archive (never drafts). */
  SearchRead = 'search.read',
  /** Importing historical reply letters into the archive. */
  ArchiveImport = 'archive.import',
  /** Reading the archive of historical reply letters and its import reports. */
  ArchiveRead = 'archive.read',
}

const BUREAU_ROLES = [Role.Clerk, Role.Reviewer, Role.Signatory] as const;

/** The roles that hold a permission at all; which records they reach is decided by the scope. */
export function rolesWith(permission: Permission): readonly Role[] {
  switch (permission) {
    case Permission.SessionRead:
    case Permission.OrganisationRead:
    case Permission.CalendarRead:
    case Permission.HandlingRulesRead:
    case Permission.GradeScaleRead:
      return [Role.Registrar, ...BUREAU_ROLES, Role.Supervisor, Role.Admin];
    case Permission.ReplyRead:
    case Permission.FollowUpRead:
      return [Role.Registrar, ...BUREAU_ROLES, Role.Supervisor];
    case Permission.FeedbackRecord:
      return [Role.Registrar];
    case Permission.FollowUpWrite:
      return [Role.Clerk];
    case Permission.SearchRead:
      return [Role.Registrar, ...BUREAU_ROLES, Role.Supervisor];
    case Permission.ArchiveImport:
      return [Role.Registrar, Role.Admin];
    case Permission.ArchiveRead:
      return [Role.Registrar, ...BUREAU_ROLES, Role.Supervisor, Role.Admin];
    case Permission.ReplyDraft:
      return [Role.Clerk];
    case Permission.ReplyReview:
      return [Role.Reviewer, Role.Signatory];
    case Permission.ReplySign:
      return [Role.Signatory];
    case Permission.ReviewChainRead:
    case Permission.ReplyTemplateRead:
      return [...BUREAU_ROLES, Role.Admin];
    case Permission.ReviewChainManage:
    case Permission.LetterSettingsManage:
      return [Role.Signatory, Role.Admin];
    case Permission.LetterSettingsRead:
      return [...BUREAU_ROLES, Role.Admin];
    case Permission.NotificationRead:
      return ALL_ROLES;
    case Permission.NotificationUrge:
      return [Role.Supervisor];
    case Permission.SigningCredentialManage:
    case Permission.WebhookManage:
    case Permission.JobsManage:
      return [Role.Admin];
    case Permission.MailroomRead:
      return BUREAU_ROLES;
    case Permission.MailroomPost:
      return [Role.Clerk];
    case Permission.ReplyTemplateManage:
    case Permission.GradeScaleManage:
    case Permission.DocumentNumberSeriesManage:
      return [Role.Admin];
    case Permission.SessionWrite:
    case Permission.ProposalWrite:
    case Permission.ProposalImport:
    case Permission.AssignmentCreate:
      return [Role.Registrar];
    case Permission.ProposalRead:
    case Permission.AssignmentRead:
    case Permission.SupervisionRead:
      return [Role.Registrar, ...BUREAU_ROLES, Role.Supervisor];
    case Permission.OrganisationManage:
    case Permission.UserManage:
    case Permission.CalendarManage:
    case Permission.HandlingRulesManage:
      return [Role.Admin];
    case Permission.AssignmentHandle:
      return BUREAU_ROLES;
    case Permission.AssignmentDecide:
      return [Role.Registrar, Role.Supervisor];
    case Permission.AuditRead:
      return [Role.Registrar, Role.Supervisor, Role.Admin];
    default:
      return assertUnreachable(permission);
  }
}

export function can(actor: Actor, permission: Permission): boolean {
  const allowed = rolesWith(permission);
  return actor.roles.some((role) => allowed.includes(role));
}

/**
 * Which records an actor reaches. Registrars and supervisors work city-wide; everyone else
 * sees only their own bureau's work.
 */
export type ReadScope = { readonly kind: 'city' } | { readonly kind: 'bureau'; readonly bureauId: string };

export function readScopeOf(actor: Actor): ReadScope {
  const cityWide = actor.roles.includes(Role.Registrar) || actor.roles.includes(Role.Supervisor);
  return cityWide ? { kind: 'city' } : { kind: 'bureau', bureauId: actor.organisationId };
}

/** A committee registers the items of its own body: 政协提案委 the CPPCC's, 人大选工委 the NPC's. */
export function bodiesRegisteredBy(actor: Actor): readonly SessionBody[] {
  if (!actor.roles.includes(Role.Registrar)) return [];
  switch (actor.organisationKind) {
    case OrganisationKind.CppccCommittee:
      return [SessionBody.Cppcc];
    case OrganisationKind.NpcCommittee:
      return [SessionBody.Npc];
    case OrganisationKind.Bureau:
    case OrganisationKind.SupervisionOffice:
    case OrganisationKind.System:
      return [];
    default:
      return assertUnreachable(actor.organisationKind);
  }
}

export function canRegisterFor(actor: Actor, body: SessionBody): boolean {
  return bodiesRegisteredBy(actor).includes(body);
}
