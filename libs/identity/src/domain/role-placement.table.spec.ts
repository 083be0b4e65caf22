import { ALL_ROLES, OrganisationKind, Role } from '@dafu/platform/vocabulary';
import { mayHaveDocumentNumberPrefix, rolesAllowedIn, rolesNotAllowedIn } from './role-placement';

const { Registrar: R, Clerk: C, Reviewer: V, Signatory: S, Supervisor: U, Admin: A } = Role;
const KINDS = Object.values(OrganisationKind);

/** design.md: bureau staff draft, review and sign; committees register; 督查局 supervises; the system office administers. */
const PLACEMENT: Record<OrganisationKind, { roles: Role[]; prefix: boolean }> = {
  [OrganisationKind.Bureau]: { roles: [C, V, S], prefix: true },
  [OrganisationKind.CppccCommittee]: { roles: [R], prefix: false },
  [OrganisationKind.NpcCommittee]: { roles: [R], prefix: false },
  [OrganisationKind.SupervisionOffice]: { roles: [U], prefix: false },
  [OrganisationKind.System]: { roles: [A], prefix: false },
};

describe('role placement', () => {
  it('the table covers every kind of organisation', () => {
    expect(Object.keys(PLACEMENT).sort()).toEqual([...KINDS].sort());
  });

  it.each(KINDS)('rolesAllowedIn(%s)', (kind) => {
    expect([...rolesAllowedIn(kind)].sort()).toEqual([...PLACEMENT[kind].roles].sort());
  });

  it.each(
    KINDS.flatMap((kind) => ALL_ROLES.map((role) => [kind, role, PLACEMENT[kind].roles.includes(role)] as const)),
  )('a member of a %s as %s: allowed %p', (kind, role, allowed) => {
    expect(rolesAllowedIn(kind).includes(role)).toBe(allowed);
    expect(rolesNotAllowedIn(kind, [role])).toEqual(allowed ? [] : [role]);
  });

  it('places every role in at least one kind of organisation', () => {
    for (const role of ALL_ROLES) expect(KINDS.some((kind) => rolesAllowedIn(kind).includes(role))).toBe(true);
  });

  it.each([
    [OrganisationKind.Bureau, [C, R, A], [R, A]],
    [OrganisationKind.Bureau, [C, V, S], []],
    [OrganisationKind.Bureau, [], []],
    [OrganisationKind.Bureau, [U, C], [U]],
    [OrganisationKind.CppccCommittee, [R, U], [U]],
    [OrganisationKind.CppccCommittee, [C, R, S], [C, S]],
    [OrganisationKind.NpcCommittee, [R], []],
    [OrganisationKind.NpcCommittee, [A], [A]],
    [OrganisationKind.SupervisionOffice, [U], []],
    [OrganisationKind.SupervisionOffice, [U, R], [R]],
    [OrganisationKind.System, [A], []],
    [OrganisationKind.System, [A, U, R], [U, R]],
    [OrganisationKind.System, [...ALL_ROLES], [R, C, V, S, U]],
  ])('rolesNotAllowedIn(%s, %p) names %p, in the order given', (kind, roles, misplaced) => {
    expect(rolesNotAllowedIn(kind, roles)).toEqual(misplaced);
  });

  it.each(KINDS)('mayHaveDocumentNumberPrefix(%s): only bureaus number replies', (kind) => {
    expect(mayHaveDocumentNumberPrefix(kind)).toBe(PLACEMENT[kind].prefix);
  });
});
