import { AssignmentRole } from '@dafu/platform/vocabulary';
import { addCalendarMonths, assignmentDueOn, isLocalDate, localDateOf, parseLocalDate } from './due-date';

describe('addCalendarMonths', () => {
  it.each([
    ['2023-04-13', 3, '2023-07-13'],
    ['2023-01-31', 3, '2023-04-30'],
    ['2023-01-31', 1, '2023-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2023-11-30', 3, '2024-02-29'],
    ['2024-11-30', 3, '2025-02-28'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2023-10-15', 3, '2024-01-15'],
    ['2023-12-31', 6, '2024-06-30'],
    ['2023-05-31', 0, '2023-05-31'],
    ['2023-03-31', -1, '2023-02-28'],
    ['2023-01-15', -1, '2022-12-15'],
  ])('%s + %i months is %s', (date, months, expected) => {
    expect(addCalendarMonths(date, months)).toBe(expected);
  });
});

describe('parseLocalDate', () => {
  it.each(['2023-02-29', '2023-02-30', '2023-13-01', '2023-00-10', '2023-1-1', '', '2023/07/13', '2023-07-13T00:00'])(
    'refuses %p',
    (text) => {
      expect(() => parseLocalDate(text)).toThrow(RangeError);
      expect(isLocalDate(text)).toBe(false);
    },
  );

  it('reads a real date', () => {
    expect(parseLocalDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
  });
});

describe('localDateOf', () => {
  it.each([
    ['2023-07-12T16:30:00Z', '2023-07-13'],
    ['2023-07-12T15:59:59Z', '2023-07-12'],
    ['2023-12-31T16:00:00Z', '2024-01-01'],
  ])('%s is %s in Asia/Shanghai', (instant, expected) => {
    expect(localDateOf(new Date(instant), 'Asia/Shanghai')).toBe(expected);
  });
});

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
