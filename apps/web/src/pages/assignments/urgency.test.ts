import { byDueDate, URGENCY_COLOUR, urgencyOf } from './urgency';

describe('urgencyOf', () => {
  it.each([
    [-400, 'overdue', 'red'],
    [-1, 'overdue', 'red'],
    [0, 'dueSoon', 'orange'],
    [1, 'dueSoon', 'orange'],
    [7, 'dueSoon', 'orange'],
    [8, 'approaching', 'gold'],
    [30, 'approaching', 'gold'],
    [31, 'onTrack', 'green'],
    [365, 'onTrack', 'green'],
  ] as const)('%i days left is %s (%s)', (daysLeft, urgency, colour) => {
    expect(urgencyOf(daysLeft)).toBe(urgency);
    expect(URGENCY_COLOUR[urgencyOf(daysLeft)]).toBe(colour);
  });
});

describe('byDueDate', () => {
  it('orders by due date, then by proposal number', () => {
    const items = [
      { dueOn: '2026-06-01', proposalNumber: 3 },
      { dueOn: '2026-05-01', proposalNumber: 9 },
      { dueOn: '2026-06-01', proposalNumber: 1 },
    ];
    expect([...items].sort(byDueDate)).toEqual([
      { dueOn: '2026-05-01', proposalNumber: 9 },
      { dueOn: '2026-06-01', proposalNumber: 1 },
      { dueOn: '2026-06-01', proposalNumber: 3 },
    ]);
  });
});
