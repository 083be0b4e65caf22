import { ALL_ROLES, Role } from '@dafu/platform/vocabulary';

const { Registrar, Clerk, Reviewer, Signatory, Supervisor, Admin } = Role;
const EVERYONE = ALL_ROLES;
const READERS = [Registrar, Clerk, Reviewer, Signatory, Supervisor];
/** The guard lets bureau staff in; the assignment lifecycle then decides which of them may take the step. */
const BUREAU_STAFF = [Clerk, Reviewer, Signatory];

/**
 * Every endpoint and the roles that may call it. The first test fails when an endpoint exists
 * that this table does not name, so a new endpoint cannot ship without its row.
 * The queue dashboard (Bull Board, /admin/queues) is a Fastify plugin rather than a Nest controller,
 * so the OpenAPI document leaves it out; queue-dashboard.e2e-spec.ts checks it for every role.
 */
export const MATRIX: Record<string, readonly Role[] | 'public'> = {
  'GET /health': 'public',
  'POST /auth/login': 'public',
  'POST /auth/refresh': 'public',
  'POST /auth/logout': 'public',
  'GET /auth/me': EVERYONE,
  'GET /organisations': EVERYONE,
  'GET /organisations/{id}': EVERYONE,
  'POST /organisations': [Admin],
  'PATCH /organisations/{id}': [Admin],
  'GET /users': [Admin],
  'POST /users': [Admin],
  'PATCH /users/{id}': [Admin],
  'GET /sessions': EVERYONE,
  'GET /sessions/{id}': EVERYONE,
  'POST /sessions': [Registrar],
  'PATCH /sessions/{id}': [Registrar],
  'DELETE /sessions/{id}': [Registrar],
  'GET /proposals': READERS,
  'GET /proposals/{id}': READERS,
  'POST /proposals': [Registrar],
  'PATCH /proposals/{id}': [Registrar],
  'DELETE /proposals/{id}': [Registrar],
  'POST /proposals/import': [Registrar],
  'POST /proposals/import/preview': [Registrar],
  'POST /proposals/{id}/assignments': [Registrar],
  'GET /proposals/{id}/assignments': READERS,
  'GET /assignments': READERS,
  'GET /assignments/{id}': READERS,
  'GET /assignments/{id}/requests': READERS,
  'GET /assignments/{id}/timeline': READERS,
  'POST /assignments/{id}/acknowledge': BUREAU_STAFF,
  'POST /assignments/{id}/reassignment-request': BUREAU_STAFF,
  'POST /assignments/{id}/reassignment-request/approve': [Registrar, Supervisor],
  'POST /assignments/{id}/reassignment-request/reject': [Registrar, Supervisor],
  'POST /assignments/{id}/reassign': [Registrar, Supervisor],
  'POST /assignments/{id}/extension-request': BUREAU_STAFF,
  'POST /assignments/{id}/extension-request/approve': [Registrar, Supervisor],
  'POST /assignments/{id}/extension-request/reject': [Registrar, Supervisor],
  'GET /assignments/{id}/opinion': READERS,
  'PUT /assignments/{id}/opinion': BUREAU_STAFF,
  'POST /assignments/{id}/opinion/send': BUREAU_STAFF,
  'GET /assignments/{id}/co-opinions': READERS,
  'POST /assignments/{id}/co-opinions/{coAssignmentId}/waive': BUREAU_STAFF,
  'GET /assignments/{id}/contacts': READERS,
  'POST /assignments/{id}/contacts': BUREAU_STAFF,
  'POST /assignments/{id}/opinion/attachments': BUREAU_STAFF,
  'POST /assignments/{id}/contacts/{contactId}/attachments': BUREAU_STAFF,
  'GET /assignments/{id}/attachments': READERS,
  'GET /attachments/{id}': READERS,
  'GET /audit-events': [Registrar, Supervisor, Admin],
  'GET /calendar/status': EVERYONE,
  'GET /calendar/{year}': EVERYONE,
  'PUT /calendar/days/{date}': [Admin],
  'DELETE /calendar/days/{date}': [Admin],
  'PUT /calendar/years/{year}': [Admin],
  'GET /handling-rules': EVERYONE,
  'PUT /handling-rules/{body}': [Admin],
  'POST /assignments/{id}/replies': [Clerk],
  'GET /assignments/{id}/replies': READERS,
  'GET /replies/inbox': READERS,
  'GET /replies/{id}': READERS,
  'PUT /replies/{id}/draft': [Clerk],
  'GET /replies/{id}/versions': READERS,
  'GET /replies/{id}/versions/{number}': READERS,
  'GET /replies/{id}/diff': READERS,
  'GET /replies/{id}/completeness': READERS,
  'GET /replies/{id}/sources': READERS,
  'POST /replies/{id}/submit': [Clerk],
  'POST /replies/{id}/approve': [Reviewer, Signatory],
  'POST /replies/{id}/send-back': [Reviewer, Signatory],
  'GET /replies/{id}/comments': READERS,
  'POST /replies/{id}/comments/{commentId}/answer': [Clerk],
  'POST /replies/{id}/sign-off': [Signatory],
  'POST /replies/{id}/void': [Signatory],
  'POST /replies/{id}/withdraw': [Clerk],
  'GET /replies/{id}/text': READERS,
  'GET /replies/{id}/history': READERS,
  'POST /replies/{id}/attachments': [Clerk],
  'GET /replies/{id}/attachments': READERS,
  'GET /bureaus/{id}/review-chain': [...BUREAU_STAFF, Admin],
  'PUT /bureaus/{id}/review-chain': [Signatory, Admin],
  'GET /reply-templates': [...BUREAU_STAFF, Admin],
  'PUT /reply-templates': [Admin],
  'GET /grade-scales': EVERYONE,
  'PUT /grade-scales/{body}': [Admin],
  'GET /document-number-series': [Admin],
  'PUT /document-number-series': [Admin],
  'GET /replies/{id}/documents/{kind}': READERS,
  'GET /replies/{id}/preview': READERS,
  'GET /replies/{id}/deliveries': READERS,
  'GET /mailroom': BUREAU_STAFF,
  'GET /mailroom/print': BUREAU_STAFF,
  'POST /deliveries/{id}/posted': [Clerk],
  'GET /verify/{reference}': 'public',
  'POST /verify': 'public',
  'GET /public/replies': 'public',
  'GET /public/replies/{id}': 'public',
  'GET /public/replies/{id}/pdf': 'public',
  'GET /public/sessions': 'public',
  'GET /bureaus/{id}/letter-settings': [...BUREAU_STAFF, Admin],
  'PUT /bureaus/{id}/letter-settings': [Signatory, Admin],
  'PUT /bureaus/{id}/letter-settings/seal': [Signatory, Admin],
  'DELETE /bureaus/{id}/letter-settings/seal': [Signatory, Admin],
  'GET /bureaus/{id}/signing-credentials': [Admin],
  'POST /bureaus/{id}/signing-credentials': [Admin],
  'GET /admin/failed-jobs': [Admin],
  'POST /admin/failed-jobs/{queue}/{id}/retry': [Admin],
  'GET /notifications': EVERYONE,
  'GET /notifications/unread-count': EVERYONE,
  'POST /notifications/read-all': EVERYONE,
  'POST /notifications/{id}/read': EVERYONE,
  'GET /me/notification-preferences': EVERYONE,
  'PUT /me/notification-preferences': EVERYONE,
  'POST /bureaus/{id}/urges': [Supervisor],
  'GET /admin/notification-webhooks': [Admin],
  'POST /admin/notification-webhooks': [Admin],
  'DELETE /admin/notification-webhooks/{id}': [Admin],
  'GET /search': READERS,
  'POST /archive/imports': [Registrar, Admin],
  'GET /archive/imports/{id}': [Registrar, Admin],
  'GET /archive/letters': EVERYONE,
  'GET /archive/letters/{id}': EVERYONE,
  'GET /admin/notification-deliveries/failed': [Admin],
  'POST /replies/{id}/feedback': [Registrar],
  'GET /replies/{id}/feedback': READERS,
  'GET /replies/{id}/follow-ups': READERS,
  'POST /replies/{id}/follow-ups': [Clerk],
  'GET /follow-ups': READERS,
  'GET /public/feedback/{token}': 'public',
  'POST /public/feedback/{token}': 'public',
  'GET /supervision/statistics': READERS,
  'GET /supervision/ranking': READERS,
  'GET /supervision/overdue': READERS,
  'GET /supervision/overdue-trend': READERS,
  'GET /supervision/export': READERS,
  'GET /supervision/sessions/{id}/report': READERS,
};

/** What a path parameter names, read from the path: the bureau dimension of the matrix depends on it. */
export type RecordKind =
  | 'assignment'
  | 'co-assignment'
  | 'contact'
  | 'reply'
  | 'comment'
  | 'proposal'
  | 'bureau'
  | 'delivery'
  | 'attachment'
  | 'organisation'
  | 'user'
  | 'session'
  | 'webhook'
  | 'public-reply'
  | 'other';

export function recordKindOf(path: string, param: string): RecordKind {
  if (param === 'coAssignmentId') return 'co-assignment';
  if (param === 'contactId') return 'contact';
  if (param === 'commentId') return 'comment';
  if (param !== 'id') return 'other';
  const rules: [RegExp, RecordKind][] = [
    [/^\/assignments\//, 'assignment'],
    [/^\/replies\//, 'reply'],
    [/^\/proposals\//, 'proposal'],
    [/^\/bureaus\//, 'bureau'],
    [/^\/deliveries\//, 'delivery'],
    [/^\/attachments\//, 'attachment'],
    [/^\/organisations\//, 'organisation'],
    [/^\/users\//, 'user'],
    [/^\/(sessions|supervision\/sessions)\//, 'session'],
    [/^\/admin\/notification-webhooks\//, 'webhook'],
    [/^\/public\/replies\//, 'public-reply'],
  ];
  return rules.find(([pattern]) => pattern.test(path))?.[1] ?? 'other';
}

/**
 * Records a bureau's staff reach only in their own bureau (design.md: every read and write is
 * scoped by the user's organisation; readScopeOf in libs/platform/src/auth/access.ts). The
 * organisation directory, sessions and published replies are not a bureau's own.
 */
export const BUREAU_CONFINED: ReadonlySet<RecordKind> = new Set<RecordKind>([
  'assignment',
  'co-assignment',
  'contact',
  'reply',
  'comment',
  'proposal',
  'bureau',
  'delivery',
  'attachment',
]);

/** Records that belong to one bureau (the directory entry and users of a bureau too, which are not confined). */
const BUREAU_OWNED: ReadonlySet<RecordKind> = new Set<RecordKind>([...BUREAU_CONFINED, 'organisation', 'user']);

const kindsIn = (path: string) => [...path.matchAll(/\{([^}]+)\}/g)].map((m) => recordKindOf(path, m[1]));

/** Whether an operation's path names a record that belongs to one bureau (the matrix then calls it for two). */
export function namesBureauRecord(path: string): boolean {
  return kindsIn(path).some((kind) => BUREAU_OWNED.has(kind));
}

/** Whether it names one that bureau staff reach only in their own bureau. */
export function namesConfinedRecord(path: string): boolean {
  return kindsIn(path).some((kind) => BUREAU_CONFINED.has(kind));
}

/**
 * Steps the guard lets all bureau staff reach but the assignment's work rules give to fewer of
 * them (libs/handling/src/domain/assignment-work.ts and assignment-lifecycle.ts). The e2e matrix
 * calls unknown records, so it sees the guard only; the fault suite calls real ones and sees these.
 */
export const STEP_ROLES: Readonly<Record<string, readonly Role[]>> = {
  'POST /assignments/{id}/acknowledge': [Clerk],
  'POST /assignments/{id}/reassignment-request': [Clerk],
  'POST /assignments/{id}/extension-request': [Clerk],
  'PUT /assignments/{id}/opinion': [Clerk],
  'POST /assignments/{id}/opinion/send': [Reviewer],
  'POST /assignments/{id}/co-opinions/{coAssignmentId}/waive': [Clerk, Reviewer],
  'POST /assignments/{id}/contacts': [Clerk],
  'POST /assignments/{id}/opinion/attachments': [Clerk],
  'POST /assignments/{id}/contacts/{contactId}/attachments': [Clerk],
};

/**
 * What the matrix expects of one request (`caller` null is anonymous; `side` says whose bureau's
 * records the path names), and if a refusal, by what: the guard (the role lacks the permission:
 * 401 or 403 before anything is read), the bureau (bureau staff on another bureau's record: 403
 * or 404), or the step (the work rules refuse the role on its own bureau's record). The city's
 * roles (registrar, supervisor) and administrators are not confined to a bureau.
 */
export function expectation(
  operation: string,
  caller: Role | null,
  side: 'own' | 'other',
): { expect: 'allow' } | { expect: 'refuse'; by: 'guard' | 'bureau' | 'step' } {
  const allowed = MATRIX[operation];
  if (allowed === undefined) throw new Error(`${operation} has no row in the access matrix`);
  if (allowed === 'public') return { expect: 'allow' };
  if (caller === null || !allowed.includes(caller)) return { expect: 'refuse', by: 'guard' };
  const path = operation.slice(operation.indexOf(' ') + 1);
  if (side === 'other' && BUREAU_STAFF.includes(caller) && namesConfinedRecord(path)) {
    return { expect: 'refuse', by: 'bureau' };
  }
  const step = STEP_ROLES[operation];
  if (step && !step.includes(caller)) return { expect: 'refuse', by: 'step' };
  return { expect: 'allow' };
}

export function expectedAccess(operation: string, caller: Role | null, side: 'own' | 'other'): 'allow' | 'refuse' {
  return expectation(operation, caller, side).expect;
}
