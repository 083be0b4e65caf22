import { AssignmentRole } from '@dafu/platform/vocabulary';
import { Satisfaction } from '@dafu/feedback/domain/feedback';
import { AssignmentStatus } from '@dafu/handling/domain/assignment-status';
import {
  acknowledgementTimeliness,
  ALL_ASSIGNMENT_STATUSES,
  bureauFilter,
  daysOverdue,
  daysToReply,
  formatPercent,
  isCounted,
  isDue,
  isOverdue,
  isReplying,
  isSatisfiedOrBasically,
  rate,
  replyTimeliness,
  roundedAverage,
  talkedBeforeReply,
  timeliness,
  Timeliness,
} from './supervision-rules';

const TODAY = '2023-06-10';

describe('supervision rules', () => {
  it('lists every assignment state once', () => {
    expect([...ALL_ASSIGNMENT_STATUSES].sort()).toEqual(Object.values(AssignmentStatus).sort());
  });

  it.each([
    [AssignmentStatus.Assigned, true],
    [AssignmentStatus.Acknowledged, true],
    [AssignmentStatus.ReassignmentRequested, true],
    [AssignmentStatus.ExtensionRequested, true],
    [AssignmentStatus.Replied, true],
    [AssignmentStatus.OpinionSent, true],
    [AssignmentStatus.FeedbackReceived, true],
    [AssignmentStatus.Rehandling, true],
    [AssignmentStatus.Closed, true],
    [AssignmentStatus.Reassigned, false],
    [AssignmentStatus.Withdrawn, false],
  ])('counts %s: %s', (status, counted) => {
    expect(isCounted(status)).toBe(counted);
  });

  it.each([
    [AssignmentRole.Lead, true],
    [AssignmentRole.Separate, true],
    [AssignmentRole.Co, false],
  ])('%s replies: %s', (role, replying) => {
    expect(isReplying(role)).toBe(replying);
  });

  it.each([
    // done: on the deadline day is on time, the day after is late, whatever today is
    ['2023-06-01', '2023-06-01', Timeliness.OnTime],
    ['2023-05-20', '2023-06-01', Timeliness.OnTime],
    ['2023-06-02', '2023-06-01', Timeliness.Late],
    ['2023-06-09', '2023-06-20', Timeliness.OnTime],
    // not done: missed once the deadline is before today, not yet due on the deadline day
    [null, '2023-06-09', Timeliness.Missed],
    [null, '2023-06-10', Timeliness.NotYetDue],
    [null, '2023-07-01', Timeliness.NotYetDue],
  ])('done on %s with deadline %s → %s', (doneOn, deadline, expected) => {
    expect(timeliness(doneOn, deadline, TODAY)).toBe(expected);
  });

  it.each([
    [Timeliness.OnTime, true],
    [Timeliness.Late, true],
    [Timeliness.Missed, true],
    [Timeliness.NotYetDue, false],
  ])('%s is in the denominator: %s', (t, due) => {
    expect(isDue(t)).toBe(due);
  });

  it('applies the timeliness rule to acknowledgement and reply', () => {
    expect(acknowledgementTimeliness({ acknowledgeBy: '2023-03-08', acknowledgedOn: '2023-03-08' }, TODAY)).toBe(
      Timeliness.OnTime,
    );
    expect(acknowledgementTimeliness({ acknowledgeBy: '2023-03-08', acknowledgedOn: null }, TODAY)).toBe(
      Timeliness.Missed,
    );
    // Asking for reassignment in the window answers the 交办 in time, whatever came after.
    expect(
      acknowledgementTimeliness(
        { acknowledgeBy: '2023-03-08', acknowledgedOn: '2023-03-20', reassignmentRequestedOn: '2023-03-06' },
        TODAY,
      ),
    ).toBe(Timeliness.OnTime);
    expect(
      acknowledgementTimeliness(
        { acknowledgeBy: '2023-03-08', acknowledgedOn: null, reassignmentRequestedOn: '2023-03-09' },
        TODAY,
      ),
    ).toBe(Timeliness.Late);
    expect(replyTimeliness({ dueOn: '2023-06-01', repliedOn: '2023-06-02' }, TODAY)).toBe(Timeliness.Late);
    expect(replyTimeliness({ dueOn: '2023-09-01', repliedOn: null }, TODAY)).toBe(Timeliness.NotYetDue);
  });

  it.each([
    [[], '2023-05-01', false],
    [['2023-05-01'], '2023-05-01', true],
    [['2023-05-02'], '2023-05-01', false],
    [['2023-05-02', '2023-04-01'], '2023-05-01', true],
    [['2023-04-01'], null, false],
  ])('talks on %j before a reply on %s: %s', (talks, repliedOn, expected) => {
    expect(talkedBeforeReply(talks, repliedOn)).toBe(expected);
  });

  it.each([
    [AssignmentStatus.Assigned, '2023-06-09', true],
    [AssignmentStatus.Acknowledged, '2023-06-09', true],
    [AssignmentStatus.ReassignmentRequested, '2023-06-09', true],
    [AssignmentStatus.ExtensionRequested, '2023-06-09', true],
    [AssignmentStatus.Rehandling, '2023-06-09', true],
    [AssignmentStatus.Acknowledged, '2023-06-10', false],
    [AssignmentStatus.Replied, '2023-06-01', false],
    [AssignmentStatus.OpinionSent, '2023-06-01', false],
    [AssignmentStatus.FeedbackReceived, '2023-06-01', false],
    [AssignmentStatus.Closed, '2023-06-01', false],
    [AssignmentStatus.Reassigned, '2023-06-01', false],
    [AssignmentStatus.Withdrawn, '2023-06-01', false],
  ])('%s due %s is overdue: %s', (status, dueOn, expected) => {
    expect(isOverdue({ status, dueOn }, TODAY)).toBe(expected);
  });

  it('counts calendar days overdue and to reply', () => {
    expect(daysOverdue('2023-06-09', TODAY)).toBe(1);
    expect(daysOverdue('2023-06-10', TODAY)).toBe(0);
    expect(daysOverdue('2023-02-28', '2023-03-01')).toBe(1);
    expect(daysOverdue('2022-12-31', '2023-03-01')).toBe(60);
    expect(daysToReply('2023-03-01', '2023-03-01')).toBe(0);
    expect(daysToReply('2023-03-01', '2023-05-30')).toBe(90);
  });

  it.each([
    [Satisfaction.Satisfied, true],
    [Satisfaction.BasicallySatisfied, true],
    [Satisfaction.Unsatisfied, false],
  ])('%s counts towards 满意率: %s', (rating, expected) => {
    expect(isSatisfiedOrBasically(rating)).toBe(expected);
  });

  it('makes rates with a percentage to one decimal', () => {
    expect(rate(6, 7)).toEqual({ numerator: 6, denominator: 7, percent: 85.7 });
    expect(rate(1, 3)).toEqual({ numerator: 1, denominator: 3, percent: 33.3 });
    expect(rate(2, 3)).toEqual({ numerator: 2, denominator: 3, percent: 66.7 });
    expect(rate(0, 0)).toEqual({ numerator: 0, denominator: 0, percent: null });
    expect(rate(4, 4).percent).toBe(100);
    expect(() => rate(5, 4)).toThrow(RangeError);
    expect(() => rate(-1, 4)).toThrow(RangeError);
    expect(() => rate(1.5, 4)).toThrow(RangeError);
    expect(formatPercent(rate(6, 7))).toBe('85.7%');
    expect(formatPercent(rate(1, 1))).toBe('100.0%');
    expect(formatPercent(rate(0, 0))).toBe('—');
  });

  it('rounds averages from Postgres numerics', () => {
    expect(roundedAverage('45.3333333333')).toBe(45.3);
    expect(roundedAverage(12)).toBe(12);
    expect(roundedAverage(null)).toBeNull();
  });

  describe('bureau filter', () => {
    const own = 'b-own';
    it.each([
      [{ kind: 'city' as const }, undefined, { allowed: true, bureauId: null }],
      [{ kind: 'city' as const }, 'b-x', { allowed: true, bureauId: 'b-x' }],
      [{ kind: 'bureau' as const, bureauId: own }, undefined, { allowed: true, bureauId: own }],
      [{ kind: 'bureau' as const, bureauId: own }, own, { allowed: true, bureauId: own }],
      [{ kind: 'bureau' as const, bureauId: own }, 'b-x', { allowed: false }],
    ])('%j asking for %s → %j', (scope, requested, expected) => {
      expect(bureauFilter(scope, requested)).toEqual(expected);
    });
  });
});
