import {
  addCalendarMonths,
  addDays,
  daysBetween,
  isLocalDate,
  isoWeekday,
  localDateOf,
  parseLocalDate,
} from './local-date';

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

describe('addDays, daysBetween, isoWeekday', () => {
  it.each([
    ['2024-02-28', 1, '2024-02-29'],
    ['2023-02-28', 1, '2023-03-01'],
    ['2023-12-31', 1, '2024-01-01'],
    ['2024-03-01', -1, '2024-02-29'],
    ['2023-07-13', 0, '2023-07-13'],
  ])('%s + %i days is %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
    expect(daysBetween(date, expected)).toBe(days);
  });

  it.each([
    ['2026-11-23', 1],
    ['2026-11-28', 6],
    ['2026-11-29', 7],
    ['2024-02-29', 4],
  ])('%s is ISO weekday %i', (date, weekday) => {
    expect(isoWeekday(date)).toBe(weekday);
  });
});
