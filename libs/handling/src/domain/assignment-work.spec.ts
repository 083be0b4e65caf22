import { AssignmentRole, Role } from '@dafu/platform/vocabulary';
import { AssignmentStatus as S } from './assignment-status';
import { AssignmentWork as W, refuseWork } from './assignment-work';

const BUREAU = 'b1';
const WORKING = [S.Acknowledged, S.ExtensionRequested, S.Rehandling];

/** Which assignment role each kind of work belongs to, and which staff do it. */
const FITS: Record<W, { roles: Role[]; assignmentRoles: AssignmentRole[] }> = {
  [W.DraftOpinion]: { roles: [Role.Clerk], assignmentRoles: [AssignmentRole.Co] },
  [W.WaiveOpinion]: { roles: [Role.Clerk, Role.Reviewer], assignmentRoles: [AssignmentRole.Lead] },
  [W.LogContact]: { roles: [Role.Clerk], assignmentRoles: [AssignmentRole.Lead, AssignmentRole.Separate] },
  [W.DraftReply]: { roles: [Role.Clerk], assignmentRoles: [AssignmentRole.Lead, AssignmentRole.Separate] },
};

const cases = Object.values(W).flatMap((work) =>
  Object.values(Role).flatMap((role) =>
    [BUREAU, 'other'].flatMap((organisationId) =>
      Object.values(AssignmentRole).flatMap((assignmentRole) =>
        Object.values(S).map((status) => [work, role, organisationId, assignmentRole, status] as const),
      ),
    ),
  ),
);

describe('refuseWork: every work × role × bureau × assignment role × state', () => {
  it.each(cases)('%s by %s of %s on a %s assignment in %s', (work, role, organisationId, assignmentRole, status) => {
    const fit = FITS[work];
    const expected = !fit.roles.includes(role)
      ? 'role_not_allowed'
      : organisationId !== BUREAU
        ? 'other_bureau'
        : !fit.assignmentRoles.includes(assignmentRole)
          ? 'not_applicable'
          : !WORKING.includes(status)
            ? 'closed_for_work'
            : null;
    expect(
      refuseWork(work, { roles: [role], organisationId }, { status, role: assignmentRole, bureauId: BUREAU }),
    ).toBe(expected);
  });
});
