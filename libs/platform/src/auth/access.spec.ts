import { ALL_ROLES, OrganisationKind, Role, SessionBody } from '../vocabulary';
import type { Actor } from './actor';
import { bodiesRegisteredBy, can, canRegisterFor, Permission, readScopeOf, rolesWith } from './access';

const { Registrar: R, Clerk: C, Reviewer: V, Signatory: S, Supervisor: U, Admin: A } = Role;

/** Written out by hand from design.md's roles: a change to access.ts must change this table too. */
const EXPECTED: Record<Permission, Role[]> = {
  [Permission.SessionRead]: [R, C, V, S, U, A],
  [Permission.OrganisationRead]: [R, C, V, S, U, A],
  [Permission.SessionWrite]: [R],
  [Permission.ProposalWrite]: [R],
  [Permission.ProposalImport]: [R],
  [Permission.AssignmentCreate]: [R],
  [Permission.ProposalRead]: [R, C, V, S, U],
  [Permission.AssignmentRead]: [R, C, V, S, U],
  [Permission.OrganisationManage]: [A],
  [Permission.UserManage]: [A],
  [Permission.AuditRead]: [R, U, A],
  [Permission.CalendarRead]: [R, C, V, S, U, A],
  [Permission.CalendarManage]: [A],
  [Permission.HandlingRulesRead]: [R, C, V, S, U, A],
  [Permission.HandlingRulesManage]: [A],
  [Permission.AssignmentHandle]: [C, V, S],
  [Permission.AssignmentDecide]: [R, U],
};

function actor(roles: Role[], organisationKind = OrganisationKind.Bureau, organisationId = 'org-1'): Actor {
  return { userId: 'u', username: 'u', organisationId, organisationKind, roles };
}

describe('can', () => {
  const cases = Object.values(Permission).flatMap((permission) =>
    ALL_ROLES.map((role) => [permission, role, EXPECTED[permission].includes(role)] as const),
  );

  it.each(cases)('%s for %s: %p', (permission, role, allowed) => {
    expect(can(actor([role]), permission)).toBe(allowed);
  });

  it('covers every permission', () => {
    for (const permission of Object.values(Permission)) expect(rolesWith(permission)).toBeDefined();
    expect(Object.keys(EXPECTED).sort()).toEqual(Object.values(Permission).sort());
  });

  it('grants what any of several roles grants, and nothing to a user with none', () => {
    expect(can(actor([C, S]), Permission.AssignmentRead)).toBe(true);
    expect(can(actor([]), Permission.SessionRead)).toBe(false);
  });
});

describe('readScopeOf', () => {
  it.each([
    [[R], { kind: 'city' }],
    [[U], { kind: 'city' }],
    [[C], { kind: 'bureau', bureauId: 'org-1' }],
    [[V], { kind: 'bureau', bureauId: 'org-1' }],
    [[S], { kind: 'bureau', bureauId: 'org-1' }],
    [[A], { kind: 'bureau', bureauId: 'org-1' }],
    [[C, U], { kind: 'city' }],
  ])('%p reads %p', (roles, scope) => {
    expect(readScopeOf(actor(roles))).toEqual(scope);
  });
});

describe('bodiesRegisteredBy', () => {
  it.each([
    [OrganisationKind.CppccCommittee, [SessionBody.Cppcc]],
    [OrganisationKind.NpcCommittee, [SessionBody.Npc]],
    [OrganisationKind.Bureau, []],
    [OrganisationKind.SupervisionOffice, []],
    [OrganisationKind.System, []],
  ])('a registrar of a %s registers %p', (kind, bodies) => {
    expect(bodiesRegisteredBy(actor([R], kind))).toEqual(bodies);
  });

  it('gives nothing to members of a committee who are not registrars', () => {
    expect(bodiesRegisteredBy(actor([U], OrganisationKind.CppccCommittee))).toEqual([]);
  });

  it.each([
    [OrganisationKind.CppccCommittee, SessionBody.Cppcc, true],
    [OrganisationKind.CppccCommittee, SessionBody.Npc, false],
    [OrganisationKind.NpcCommittee, SessionBody.Npc, true],
    [OrganisationKind.NpcCommittee, SessionBody.Cppcc, false],
  ])('canRegisterFor: %s registrar, %s session: %p', (kind, body, allowed) => {
    expect(canRegisterFor(actor([R], kind), body)).toBe(allowed);
  });
});
