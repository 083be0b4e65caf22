import { OrganisationKind, Role } from '@dafu/platform/vocabulary';
import { mayHaveDocumentNumberPrefix, rolesAllowedIn, rolesNotAllowedIn } from './role-placement';

describe('rolesAllowedIn', () => {
  it.each([
    [OrganisationKind.Bureau, [Role.Clerk, Role.Reviewer, Role.Signatory], true],
    [OrganisationKind.CppccCommittee, [Role.Registrar], false],
    [OrganisationKind.NpcCommittee, [Role.Registrar], false],
    [OrganisationKind.SupervisionOffice, [Role.Supervisor], false],
    [OrganisationKind.System, [Role.Admin], false],
  ])('%s: %p, 文号 prefix allowed: %p', (kind, roles, prefix) => {
    expect(rolesAllowedIn(kind)).toEqual(roles);
    expect(mayHaveDocumentNumberPrefix(kind)).toBe(prefix);
  });

  it('names the roles that do not fit', () => {
    expect(rolesNotAllowedIn(OrganisationKind.Bureau, [Role.Clerk, Role.Registrar, Role.Admin])).toEqual([
      Role.Registrar,
      Role.Admin,
    ]);
    expect(rolesNotAllowedIn(OrganisationKind.SupervisionOffice, [Role.Supervisor])).toEqual([]);
  });
});
