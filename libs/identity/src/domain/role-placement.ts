import { assertUnreachable } from '@dafu/platform/errors/assert-unreachable';
import { OrganisationKind, Role } from '@dafu/platform/vocabulary';

/**
 * Which roles a member of each kind of organisation can hold: bureau staff draft, review and
 * sign; committees register; the supervision office supervises; the system's own office administers.
 */
export function rolesAllowedIn(kind: OrganisationKind): readonly Role[] {
  switch (kind) {
    case OrganisationKind.Bureau:
      return [Role.Clerk, Role.Reviewer, Role.Signatory];
    case OrganisationKind.CppccCommittee:
    case OrganisationKind.NpcCommittee:
      return [Role.Registrar];
    case OrganisationKind.SupervisionOffice:
      return [Role.Supervisor];
    case OrganisationKind.System:
      return [Role.Admin];
    default:
      return assertUnreachable(kind);
  }
}

export function rolesNotAllowedIn(kind: OrganisationKind, roles: readonly Role[]): Role[] {
  const allowed = rolesAllowedIn(kind);
  return roles.filter((role) => !allowed.includes(role));
}

/** Only bureaus number replies, so only they carry a 文号 prefix. */
export function mayHaveDocumentNumberPrefix(kind: OrganisationKind): boolean {
  return kind === OrganisationKind.Bureau;
}
