import { AssignmentRole } from '@dafu/platform/vocabulary';
import { assignmentDueOn } from './due-date';

describe('assignmentDueOn', () => {
  it.each([
    [AssignmentRole.Lead, '2023-01-31', '2023-04-30'],
    [AssignmentRole.Separate, '2023-04-13', '2023-07-13'],
    [AssignmentRole.Co, '2023-01-31', '2023-02-28'],
    [AssignmentRole.Co, '2023-04-13', '2023-05-13'],
  ])('a %s assignment of %s is due %s by default', (role, assignedOn, expected) => {
    expect(assignmentDueOn(role, assignedOn)).toBe(expected);
  });

  it('follows the rules of a city that gives two months for co opinions', () => {
    expect(assignmentDueOn(AssignmentRole.Co, '2023-04-13', { replyMonths: 3, coOpinionMonths: 2 })).toBe('2023-06-13');
    expect(assignmentDueOn(AssignmentRole.Lead, '2023-04-13', { replyMonths: 2, coOpinionMonths: 1 })).toBe(
      '2023-06-13',
    );
  });
});
