import { AssignmentRole } from '@dafu/platform/vocabulary';
import { addCalendarMonths, localDateOf, parseLocalDate } from '@dafu/deadlines/domain/local-date';
import { assignmentDueOn, DEFAULT_DEADLINE_RULES, type DeadlineRules } from './due-date';

const { Lead, Co, Separate } = AssignmentRole;

describe('addCalendarMonths', () => {
  it.each([
    // the same day n months later
    ['2023-04-13', 3, '2023-07-13'],
    ['2023-01-12', 1, '2023-02-12'],
    ['2023-01-15', 0, '2023-01-15'],
    // a shorter month ends the period on its last day, never spilling into the next month
    ['2023-01-31', 3, '2023-04-30'],
    ['2023-01-31', 1, '2023-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2023-03-31', 6, '2023-09-30'],
    ['2023-05-31', 1, '2023-06-30'],
    ['2023-08-31', 3, '2023-11-30'],
    ['2023-01-30', 1, '2023-02-28'],
    ['2023-01-29', 1, '2023-02-28'],
    ['2023-01-28', 1, '2023-02-28'],
    ['2023-04-30', 1, '2023-05-30'],
    // across the new year
    ['2024-11-30', 3, '2025-02-28'],
    ['2023-11-30', 3, '2024-02-29'],
    ['2023-10-15', 3, '2024-01-15'],
    ['2023-12-31', 1, '2024-01-31'],
    ['2023-12-31', 2, '2024-02-29'],
    ['2023-09-30', 6, '2024-03-30'],
    ['2023-07-13', 12, '2024-07-13'],
    ['2023-07-13', 25, '2025-08-13'],
    // leap days
    ['2024-02-29', 12, '2025-02-28'],
    ['2024-02-29', 48, '2028-02-29'],
    ['2024-02-29', 1, '2024-03-29'],
    ['2024-02-29', 3, '2024-05-29'],
    ['2099-11-30', 3, '2100-02-28'],
    ['1999-11-30', 3, '2000-02-29'],
    // +0 leaves every date alone, month ends included
    ['2023-02-28', 0, '2023-02-28'],
    ['2024-02-29', 0, '2024-02-29'],
    ['2023-12-31', 0, '2023-12-31'],
    // backwards
    ['2023-07-13', -3, '2023-04-13'],
    ['2023-03-31', -1, '2023-02-28'],
    ['2024-03-31', -1, '2024-02-29'],
    ['2023-01-15', -1, '2022-12-15'],
    ['2023-02-28', -12, '2022-02-28'],
    ['2025-02-28', -12, '2024-02-28'],
    ['2023-05-31', -3, '2023-02-28'],
    ['2023-01-31', -13, '2021-12-31'],
  ])('%s plus %d months → %s', (date, months, expected) => {
    expect(addCalendarMonths(date, months)).toBe(expected);
  });

  it.each([
    ['2023-02-30', 1],
    ['2023-1-1', 1],
    ['', 3],
  ])('refuses to count from %p', (date, months) => {
    expect(() => addCalendarMonths(date, months)).toThrow(RangeError);
  });
});

describe('parseLocalDate', () => {
  it.each([
    ['2023-07-13', { year: 2023, month: 7, day: 13 }],
    ['2023-01-01', { year: 2023, month: 1, day: 1 }],
    ['2023-12-31', { year: 2023, month: 12, day: 31 }],
    ['2024-02-29', { year: 2024, month: 2, day: 29 }],
    ['2000-02-29', { year: 2000, month: 2, day: 29 }],
    ['2023-04-30', { year: 2023, month: 4, day: 30 }],
  ])('reads %s', (text, expected) => {
    expect(parseLocalDate(text)).toEqual(expected);
  });

  it.each([
    ['2023-02-30', 'no 30 February'],
    ['2023-02-29', 'not a leap year'],
    ['2100-02-29', 'centuries are leap years only every 400 years'],
    ['2023-04-31', 'April has 30 days'],
    ['2023-13-01', 'no 13th month'],
    ['2023-00-10', 'no month 0'],
    ['2023-07-00', 'no day 0'],
    ['2023-07-32', 'no day 32'],
    ['2023-1-1', 'digits must be padded'],
    ['2023-01-1', 'the day must be padded'],
    ['23-01-01', 'the year needs four digits'],
    ['', 'empty'],
    ['2023/07/13', 'slashes'],
    ['2023-07-13T00:00:00Z', 'a timestamp is not a date'],
    [' 2023-07-13', 'leading space'],
    ['2023-07-13 ', 'trailing space'],
    ['2023年7月13日', 'Chinese date'],
    ['abcd-ef-gh', 'letters'],
  ])('refuses %p (%s)', (text) => {
    expect(() => parseLocalDate(text)).toThrow(RangeError);
  });
});

describe('localDateOf', () => {
  it.each([
    // 16:30 UTC is half past midnight the next day in Beijing (UTC+8, no daylight saving)
    ['2023-07-12T16:30:00Z', 'Asia/Shanghai', '2023-07-13'],
    ['2023-07-12T15:59:59Z', 'Asia/Shanghai', '2023-07-12'],
    ['2023-07-12T16:00:00Z', 'Asia/Shanghai', '2023-07-13'],
    ['2023-12-31T16:00:00Z', 'Asia/Shanghai', '2024-01-01'],
    ['2024-02-28T16:00:00Z', 'Asia/Shanghai', '2024-02-29'],
    ['2023-07-13T00:30:00Z', 'Asia/Shanghai', '2023-07-13'],
    ['2023-07-12T16:30:00Z', 'UTC', '2023-07-12'],
    ['2023-07-13T02:00:00Z', 'America/New_York', '2023-07-12'],
  ])('%s in %s falls on %s', (instant, timeZone, expected) => {
    expect(localDateOf(new Date(instant), timeZone)).toBe(expected);
  });

  it('gives a date that parseLocalDate reads back', () => {
    const date = localDateOf(new Date('2023-01-05T20:00:00Z'), 'Asia/Shanghai');
    expect(date).toBe('2023-01-06');
    expect(parseLocalDate(date)).toEqual({ year: 2023, month: 1, day: 6 });
  });
});

describe('assignmentDueOn', () => {
  it('defaults to design.md: reply in 3 months, co opinion in 1', () => {
    expect(DEFAULT_DEADLINE_RULES).toEqual({ replyMonths: 3, coOpinionMonths: 1 });
  });

  it.each([
    [Lead, '2023-04-13', '2023-07-13'],
    [Separate, '2023-04-13', '2023-07-13'],
    [Co, '2023-04-13', '2023-05-13'],
    [Lead, '2023-01-31', '2023-04-30'],
    [Separate, '2023-01-31', '2023-04-30'],
    [Co, '2023-01-31', '2023-02-28'],
    [Lead, '2023-11-30', '2024-02-29'],
    [Separate, '2024-11-30', '2025-02-28'],
    [Co, '2023-12-31', '2024-01-31'],
    [Co, '2024-01-30', '2024-02-29'],
    [Lead, '2023-10-31', '2024-01-31'],
  ])('a %s assignment made on %s is due %s by default', (role, assignedOn, expected) => {
    expect(assignmentDueOn(role, assignedOn)).toBe(expected);
  });

  const twoMonthCo: DeadlineRules = { replyMonths: 3, coOpinionMonths: 2 };
  const twoMonthReply: DeadlineRules = { replyMonths: 2, coOpinionMonths: 1 };
  const sixMonthReply: DeadlineRules = { replyMonths: 6, coOpinionMonths: 2 };

  it.each([
    ['co opinions in 2 months', twoMonthCo, Co, '2023-04-13', '2023-06-13'],
    ['co opinions in 2 months', twoMonthCo, Lead, '2023-04-13', '2023-07-13'],
    ['co opinions in 2 months', twoMonthCo, Separate, '2023-04-13', '2023-07-13'],
    ['co opinions in 2 months', twoMonthCo, Co, '2023-12-31', '2024-02-29'],
    ['replies in 2 months', twoMonthReply, Lead, '2023-04-13', '2023-06-13'],
    ['replies in 2 months', twoMonthReply, Separate, '2023-04-13', '2023-06-13'],
    ['replies in 2 months', twoMonthReply, Co, '2023-04-13', '2023-05-13'],
    ['replies in 6 months', sixMonthReply, Lead, '2023-08-31', '2024-02-29'],
    ['replies in 6 months', sixMonthReply, Co, '2023-08-31', '2023-10-31'],
  ])('with %s, a %s assignment of %s is due %s', (_rule, rules, role, assignedOn, expected) => {
    expect(assignmentDueOn(role, assignedOn, rules)).toBe(expected);
  });

  it('uses the reply rule for lead and separate bureaus and the opinion rule only for co bureaus', () => {
    const rules: DeadlineRules = { replyMonths: 4, coOpinionMonths: 2 };
    expect(assignmentDueOn(Lead, '2023-01-10', rules)).toBe('2023-05-10');
    expect(assignmentDueOn(Separate, '2023-01-10', rules)).toBe('2023-05-10');
    expect(assignmentDueOn(Co, '2023-01-10', rules)).toBe('2023-03-10');
  });

  it('refuses an assignment date that is not a date', () => {
    expect(() => assignmentDueOn(Lead, '2023-02-30')).toThrow(RangeError);
  });
});
