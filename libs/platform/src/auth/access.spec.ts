import { ALL_ROLES, OrganisationKind, Role, SessionBody } from '../vocabulary';
import type { Actor } from './actor';
import { bodiesRegisteredBy, can, canRegisterFor, Permission, readScopeOf, rolesWith } from './access';

const { Registrar: R, Clerk: C, Reviewer: V, Signatory: S, Supervisor: U, Admin: A } = Role;
const P = Permission;

/**
 * The permission matrix, one row per permission, one column per role, written out by hand from
 * design.md's table of roles. Y: the role holds the permission; '.': it does not.
 * A change to access.ts must change this table too.
 */
const MATRIX: Record<Permission, Record<Role, 'Y' | '.'>> = {
  [P.SessionRead]: { [R]: 'Y', [C]: 'Y', [V]: 'Y', [S]: 'Y', [U]: 'Y', [A]: 'Y' },
  [P.SessionWrite]: { [R]: 'Y', [C]: '.', [V]: '.', [S]: '.', [U]: '.', [A]: '.' },
  [P.ProposalRead]: { [R]: 'Y', [C]: 'Y', [V]: 'Y', [S]: 'Y', [U]: 'Y', [A]: '.' },
  [P.ProposalWrite]: { [R]: 'Y', [C]: '.', [V]: '.', [S]: '.', [U]: '.', [A]: '.' },
  [P.ProposalImport]: { [R]: 'Y', [C]: '.', [V]: '.', [S]: '.', [U]: '.', [A]: '.' },
  [P.AssignmentCreate]: { [R]: 'Y', [C]: '.', [V]: '.', [S]: '.', [U]: '.', [A]: '.' },
  [P.AssignmentRead]: { [R]: 'Y', [C]: 'Y', [V]: 'Y', [S]: 'Y', [U]: 'Y', [A]: '.' },
  [P.AssignmentHandle]: { [R]: '.', [C]: 'Y', [V]: 'Y', [S]: 'Y', [U]: '.', [A]: '.' },
  [P.AssignmentDecide]: { [R]: 'Y', [C]: '.', [V]: '.', [S]: '.', [U]: 'Y', [A]: '.' },
  [P.OrganisationRead]: { [R]: 'Y', [C]: 'Y', [V]: 'Y', [S]: 'Y', [U]: 'Y', [A]: 'Y' },
  [P.OrganisationManage]: { [R]: '.', [C]: '.', [V]: '.', [S]: '.', [U]: '.', [A]: 'Y' },
  [P.UserManage]: { [R]: '.', [C]: '.', [V]: '.', [S]: '.', [U]: '.', [A]: 'Y' },
  [P.AuditRead]: { [R]: 'Y', [C]: '.', [V]: '.', [S]: '.', [U]: 'Y', [A]: 'Y' },
  [P.CalendarRead]: { [R]: 'Y', [C]: 'Y', [V]: 'Y', [S]: 'Y', [U]: 'Y', [A]: 'Y' },
  [P.CalendarManage]: { [R]: '.', [C]: '.', [V]: '.', [S]: '.', [U]: '.', [A]: 'Y' },
  [P.HandlingRulesRead]: { [R]: 'Y', [C]: 'Y', [V]: 'Y', [S]: 'Y', [U]: 'Y', [A]: 'Y' },
  [P.HandlingRulesManage]: { [R]: '.', [C]: '.', [V]: '.', [S]: '.', [U]: '.', [A]: 'Y' },
  [P.ReplyRead]: { [R]: 'Y', [C]: 'Y', [V]: 'Y', [S]: 'Y', [U]: 'Y', [A]: '.' },
  [P.ReplyDraft]: { [R]: '.', [C]: 'Y', [V]: '.', [S]: '.', [U]: '.', [A]: '.' },
  [P.ReplyReview]: { [R]: '.', [C]: '.', [V]: 'Y', [S]: 'Y', [U]: '.', [A]: '.' },
  [P.ReplySign]: { [R]: '.', [C]: '.', [V]: '.', [S]: 'Y', [U]: '.', [A]: '.' },
  [P.ReviewChainRead]: { [R]: '.', [C]: 'Y', [V]: 'Y', [S]: 'Y', [U]: '.', [A]: 'Y' },
  [P.ReviewChainManage]: { [R]: '.', [C]: '.', [V]: '.', [S]: 'Y', [U]: '.', [A]: 'Y' },
  [P.ReplyTemplateRead]: { [R]: '.', [C]: 'Y', [V]: 'Y', [S]: 'Y', [U]: '.', [A]: 'Y' },
  [P.ReplyTemplateManage]: { [R]: '.', [C]: '.', [V]: '.', [S]: '.', [U]: '.', [A]: 'Y' },
  [P.GradeScaleRead]: { [R]: 'Y', [C]: 'Y', [V]: 'Y', [S]: 'Y', [U]: 'Y', [A]: 'Y' },
  [P.GradeScaleManage]: { [R]: '.', [C]: '.', [V]: '.', [S]: '.', [U]: '.', [A]: 'Y' },
  [P.DocumentNumberSeriesManage]: { [R]: '.', [C]: '.', [V]: '.', [S]: '.', [U]: '.', [A]: 'Y' },
  [P.LetterSettingsRead]: { [R]: '.', [C]: 'Y', [V]: 'Y', [S]: 'Y', [U]: '.', [A]: 'Y' },
  [P.LetterSettingsManage]: { [R]: '.', [C]: '.', [V]: '.', [S]: 'Y', [U]: '.', [A]: 'Y' },
  [P.SigningCredentialManage]: { [R]: '.', [C]: '.', [V]: '.', [S]: '.', [U]: '.', [A]: 'Y' },
  [P.MailroomRead]: { [R]: '.', [C]: 'Y', [V]: 'Y', [S]: 'Y', [U]: '.', [A]: '.' },
  [P.MailroomPost]: { [R]: '.', [C]: 'Y', [V]: '.', [S]: '.', [U]: '.', [A]: '.' },
  [P.JobsManage]: { [R]: '.', [C]: '.', [V]: '.', [S]: '.', [U]: '.', [A]: 'Y' },
  [P.NotificationRead]: { [R]: 'Y', [C]: 'Y', [V]: 'Y', [S]: 'Y', [U]: 'Y', [A]: 'Y' },
  [P.NotificationUrge]: { [R]: '.', [C]: '.', [V]: '.', [S]: '.', [U]: 'Y', [A]: '.' },
  [P.WebhookManage]: { [R]: '.', [C]: '.', [V]: '.', [S]: '.', [U]: '.', [A]: 'Y' },
  [P.FeedbackRecord]: { [R]: 'Y', [C]: '.', [V]: '.', [S]: '.', [U]: '.', [A]: '.' },
  [P.FollowUpRead]: { [R]: 'Y', [C]: 'Y', [V]: 'Y', [S]: 'Y', [U]: 'Y', [A]: '.' },
  [P.FollowUpWrite]: { [R]: '.', [C]: 'Y', [V]: '.', [S]: '.', [U]: '.', [A]: '.' },
  [P.SupervisionRead]: { [R]: 'Y', [C]: 'Y', [V]: 'Y', [S]: 'Y', [U]: 'Y', [A]: '.' },
  [P.SearchRead]: { [R]: 'Y', [C]: 'Y', [V]: 'Y', [S]: 'Y', [U]: 'Y', [A]: '.' },
  [P.ArchiveImport]: { [R]: 'Y', [C]: '.', [V]: '.', [S]: '.', [U]: '.', [A]: 'Y' },
  [P.ArchiveRead]: { [R]: 'Y', [C]: 'Y', [V]: 'Y', [S]: 'Y', [U]: 'Y', [A]: 'Y' },
};

const ALL_KINDS = Object.values(OrganisationKind);

function actor(roles: Role[], organisationKind = OrganisationKind.Bureau, organisationId = 'org-1'): Actor {
  return { userId: 'u-1', username: 'u', organisationId, organisationKind, roles };
}

describe('the permission matrix', () => {
  const cases = Object.values(Permission).flatMap((permission) =>
    ALL_ROLES.map((role) => [permission, role, MATRIX[permission][role] === 'Y'] as const),
  );

  it.each(cases)('%s for a %s: %p', (permission, role, allowed) => {
    expect(can(actor([role]), permission)).toBe(allowed);
  });

  it.each(Object.values(Permission))('rolesWith(%s) lists exactly the roles the matrix grants', (permission) => {
    const expected = ALL_ROLES.filter((role) => MATRIX[permission][role] === 'Y');
    expect([...rolesWith(permission)].sort()).toEqual([...expected].sort());
  });

  it.each(Object.values(Permission))('%s is held by at least one role and names only real roles', (permission) => {
    const roles = rolesWith(permission);
    expect(roles.length).toBeGreaterThan(0);
    for (const role of roles) expect(ALL_ROLES).toContain(role);
    expect(new Set(roles).size).toBe(roles.length);
  });

  it('the table covers every permission and every role', () => {
    expect(Object.keys(MATRIX).sort()).toEqual(Object.values(Permission).sort());
    for (const row of Object.values(MATRIX)) expect(Object.keys(row).sort()).toEqual([...ALL_ROLES].sort());
  });

  it('does not depend on the organisation the role sits in', () => {
    for (const kind of ALL_KINDS) {
      for (const permission of Object.values(Permission)) {
        for (const role of ALL_ROLES) {
          expect(can(actor([role], kind), permission)).toBe(MATRIX[permission][role] === 'Y');
        }
      }
    }
  });
});

describe('can with several roles or none', () => {
  it.each([
    [[C, S], P.AssignmentRead, true],
    [[C, S], P.AssignmentCreate, false],
    [[C, U], P.AssignmentDecide, true],
    [[C, U], P.AssignmentHandle, true],
    [[R, A], P.UserManage, true],
    [[R, A], P.AssignmentHandle, false],
    [[U, A], P.ProposalRead, true],
    [[V, S], P.AuditRead, false],
    [[], P.SessionRead, false],
    [[], P.OrganisationRead, false],
    [[], P.ProposalRead, false],
  ])('%p for %s: %p', (roles, permission, allowed) => {
    expect(can(actor(roles), permission)).toBe(allowed);
  });

  it('grants the union of what each role grants', () => {
    for (const first of ALL_ROLES) {
      for (const second of ALL_ROLES) {
        for (const permission of Object.values(Permission)) {
          const expected = MATRIX[permission][first] === 'Y' || MATRIX[permission][second] === 'Y';
          expect(can(actor([first, second]), permission)).toBe(expected);
        }
      }
    }
  });
});

describe('readScopeOf', () => {
  it.each([
    [[R], 'org-committee', { kind: 'city' }],
    [[U], 'org-supervision', { kind: 'city' }],
    [[C], 'org-civil-affairs', { kind: 'bureau', bureauId: 'org-civil-affairs' }],
    [[V], 'org-civil-affairs', { kind: 'bureau', bureauId: 'org-civil-affairs' }],
    [[S], 'org-finance', { kind: 'bureau', bureauId: 'org-finance' }],
    [[C, V, S], 'org-finance', { kind: 'bureau', bureauId: 'org-finance' }],
    [[A], 'org-system', { kind: 'bureau', bureauId: 'org-system' }],
    [[], 'org-nowhere', { kind: 'bureau', bureauId: 'org-nowhere' }],
    [[C, U], 'org-finance', { kind: 'city' }],
    [[U, C], 'org-finance', { kind: 'city' }],
    [[S, R], 'org-finance', { kind: 'city' }],
    [[A, R], 'org-system', { kind: 'city' }],
  ])('%p of %s reads %p', (roles, organisationId, scope) => {
    expect(readScopeOf(actor(roles, OrganisationKind.Bureau, organisationId))).toEqual(scope);
  });

  it('scopes two clerks of different bureaus to different bureaus', () => {
    const civilAffairs = readScopeOf(actor([C], OrganisationKind.Bureau, 'civil-affairs'));
    const finance = readScopeOf(actor([C], OrganisationKind.Bureau, 'finance'));
    expect(civilAffairs).not.toEqual(finance);
  });
});

describe('bodiesRegisteredBy and canRegisterFor', () => {
  /** For each kind of organisation: what a registrar there registers. */
  const REGISTERS: Record<OrganisationKind, SessionBody[]> = {
    [OrganisationKind.CppccCommittee]: [SessionBody.Cppcc],
    [OrganisationKind.NpcCommittee]: [SessionBody.Npc],
    [OrganisationKind.Bureau]: [],
    [OrganisationKind.SupervisionOffice]: [],
    [OrganisationKind.System]: [],
  };

  it('the table covers every kind of organisation', () => {
    expect(Object.keys(REGISTERS).sort()).toEqual([...ALL_KINDS].sort());
  });

  it.each(ALL_KINDS)('a registrar of a %s registers what the table says', (kind) => {
    expect(bodiesRegisteredBy(actor([R], kind))).toEqual(REGISTERS[kind]);
  });

  const nonRegistrars = ALL_ROLES.filter((role) => role !== R);
  it.each(ALL_KINDS.flatMap((kind) => nonRegistrars.map((role) => [kind, role] as const)))(
    'a %s member who is a %s registers nothing',
    (kind, role) => {
      expect(bodiesRegisteredBy(actor([role], kind))).toEqual([]);
      for (const body of Object.values(SessionBody)) expect(canRegisterFor(actor([role], kind), body)).toBe(false);
    },
  );

  it.each(ALL_KINDS)('a %s member with no roles registers nothing', (kind) => {
    expect(bodiesRegisteredBy(actor([], kind))).toEqual([]);
  });

  it.each(ALL_KINDS.flatMap((kind) => Object.values(SessionBody).map((body) => [kind, body] as const)))(
    'canRegisterFor: a registrar of a %s, a %s session',
    (kind, body) => {
      expect(canRegisterFor(actor([R], kind), body)).toBe(REGISTERS[kind].includes(body));
    },
  );

  it.each([
    [OrganisationKind.CppccCommittee, SessionBody.Cppcc, true],
    [OrganisationKind.CppccCommittee, SessionBody.Npc, false],
    [OrganisationKind.NpcCommittee, SessionBody.Npc, true],
    [OrganisationKind.NpcCommittee, SessionBody.Cppcc, false],
  ])('the two committees never register for each other: %s, %s → %p', (kind, body, allowed) => {
    expect(canRegisterFor(actor([R, U], kind), body)).toBe(allowed);
  });
});
