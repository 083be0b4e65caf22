import { AssignmentRole } from '@dafu/platform/vocabulary';
import { AssignmentStatus } from '@dafu/handling/domain/assignment-status';
import { DeadlineKind } from './reminder-schedule';
import { watchedDeadlines } from './watched-deadlines';

const base = { assignedOn: '2025-09-19', acknowledgeBy: '2025-09-26', dueOn: '2025-12-19', coOpinionWaived: false };
const kinds = (role: AssignmentRole, status: AssignmentStatus, coOpinionWaived = false) =>
  watchedDeadlines({ ...base, role, status, coOpinionWaived }).map((d) => `${d.kind} ${d.dueOn}`);

describe('watchedDeadlines', () => {
  const open = [AssignmentStatus.Acknowledged, AssignmentStatus.ExtensionRequested, AssignmentStatus.Rehandling];
  const quiet = [
    AssignmentStatus.ReassignmentRequested,
    AssignmentStatus.Reassigned,
    AssignmentStatus.Replied,
    AssignmentStatus.OpinionSent,
    AssignmentStatus.FeedbackReceived,
    AssignmentStatus.Closed,
    AssignmentStatus.Withdrawn,
  ];

  it('covers every status', () => {
    expect([AssignmentStatus.Assigned, ...open, ...quiet].sort()).toEqual(Object.values(AssignmentStatus).sort());
  });

  it.each([AssignmentRole.Lead, AssignmentRole.Separate])('a %s assignment not yet acknowledged owes both', (role) => {
    expect(kinds(role, AssignmentStatus.Assigned)).toEqual([
      `${DeadlineKind.Acknowledge} 2025-09-26`,
      `${DeadlineKind.Reply} 2025-12-19`,
    ]);
  });

  it('a co assignment owes its opinion, unless the lead bureau waived it', () => {
    expect(kinds(AssignmentRole.Co, AssignmentStatus.Assigned)).toEqual([
      `${DeadlineKind.Acknowledge} 2025-09-26`,
      `${DeadlineKind.CoOpinion} 2025-12-19`,
    ]);
    expect(kinds(AssignmentRole.Co, AssignmentStatus.Acknowledged, true)).toEqual([]);
  });

  it.each(open)('%s: only the reply or opinion is owed', (status) => {
    expect(kinds(AssignmentRole.Lead, status)).toEqual([`${DeadlineKind.Reply} 2025-12-19`]);
    expect(kinds(AssignmentRole.Co, status)).toEqual([`${DeadlineKind.CoOpinion} 2025-12-19`]);
  });

  it.each(quiet)('%s: nothing is owed, so nothing is reminded', (status) => {
    for (const role of Object.values(AssignmentRole)) expect(kinds(role, status)).toEqual([]);
  });
});
