import { ReplyStatus } from '@dafu/replies/domain/reply-status';
import { feedbackOutcome, refuseFeedback, rehandlingDueOn, Satisfaction, satisfactionZh } from './feedback';

const { Satisfied: S, BasicallySatisfied: B, Unsatisfied: U } = Satisfaction;

describe('feedbackOutcome', () => {
  // Every pair of ratings: 不满意 on either the work or the result reopens the assignment.
  it.each([
    [S, S, 'close'],
    [S, B, 'close'],
    [B, S, 'close'],
    [B, B, 'close'],
    [U, S, 'rehandle'],
    [U, B, 'rehandle'],
    [S, U, 'rehandle'],
    [B, U, 'rehandle'],
    [U, U, 'rehandle'],
  ] as const)('work %s, result %s → %s', (work, result, outcome) => {
    expect(feedbackOutcome({ work, result })).toBe(outcome);
  });
});

describe('rehandlingDueOn', () => {
  it.each([
    ['2023-07-13', 1, '2023-08-13'],
    ['2023-01-31', 1, '2023-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2023-12-15', 2, '2024-02-15'],
  ])('feedback on %s with %i month(s) → due %s', (on, months, due) => {
    expect(rehandlingDueOn(on, { rehandlingMonths: months })).toBe(due);
  });
});

describe('refuseFeedback', () => {
  it.each(Object.values(ReplyStatus))('a reply in %s', (status) => {
    const expected = status === ReplyStatus.Issued ? null : 'reply_not_issued';
    expect(refuseFeedback({ status, hasFeedback: false })).toBe(expected);
  });

  it('refuses a second answer to the same letter', () => {
    expect(refuseFeedback({ status: ReplyStatus.Issued, hasFeedback: true })).toBe('already_recorded');
  });
});

describe('satisfactionZh', () => {
  it('names each rating as the form does', () => {
    expect(Object.values(Satisfaction).map(satisfactionZh)).toEqual(['满意', '基本满意', '不满意']);
  });
});
