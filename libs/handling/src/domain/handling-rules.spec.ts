import { AssignmentRole } from '@dafu/platform/vocabulary';
import { checkExtension, DEFAULT_HANDLING_RULES, recomputedDueOn } from './handling-rules';

describe('checkExtension', () => {
  const rules = DEFAULT_HANDLING_RULES;
  it.each([
    ['a month more', '2023-07-13', null],
    ['up to six months from 交办', '2023-10-13', null],
    ['a day past six months', '2023-10-14', 'past_cap'],
  ])('%s', (_name, requested, problem) => {
    expect(checkExtension('2023-04-13', '2023-07-12', requested, '2023-05-01', rules).problem).toBe(problem);
  });

  it('refuses a date that is not later than the current due date', () => {
    expect(checkExtension('2023-04-13', '2023-07-13', '2023-07-13', '2023-05-01', rules)).toEqual({
      problem: 'not_later',
      latestAllowed: '2023-10-13',
    });
  });

  it('refuses a date already past', () => {
    expect(checkExtension('2023-01-10', '2023-04-10', '2023-05-01', '2023-06-01', rules).problem).toBe('in_the_past');
  });

  it('handles month ends in the cap: 31 August + 6 months is the last day of February', () => {
    expect(checkExtension('2023-08-31', '2023-11-30', '2024-02-29', '2023-09-01', rules)).toEqual({
      problem: null,
      latestAllowed: '2024-02-29',
    });
    expect(checkExtension('2023-08-31', '2023-11-30', '2024-03-01', '2023-09-01', rules).problem).toBe('past_cap');
  });
});

describe('recomputedDueOn', () => {
  const twoMonths = { replyMonths: 2, coOpinionMonths: 2 };
  it.each([
    [AssignmentRole.Lead, '2023-04-13', '2023-07-13', false, twoMonths, '2023-06-13'],
    [AssignmentRole.Co, '2023-04-13', '2023-05-13', false, twoMonths, '2023-06-13'],
    [AssignmentRole.Separate, '2023-01-31', '2023-04-30', false, twoMonths, '2023-03-31'],
    [AssignmentRole.Lead, '2023-04-13', '2023-07-13', false, DEFAULT_HANDLING_RULES, null],
    [AssignmentRole.Lead, '2023-04-13', '2023-09-13', true, twoMonths, null],
  ])('a %s assignment of %s due %s (extended: %p) becomes %p', (role, assignedOn, dueOn, extended, rules, expected) => {
    expect(recomputedDueOn({ role, assignedOn, dueOn, extended }, rules)).toBe(expected);
  });
});
