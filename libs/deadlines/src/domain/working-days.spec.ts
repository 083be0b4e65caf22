import { readFileSync } from 'node:fs';
import snapshot from '../../../../migrations/data/work-calendar-2020-2026.json';
import { CalendarDay, CalendarDayKind, WorkingDayCalendar, yearsNeeded } from './working-days';

function seededCalendar(): WorkingDayCalendar {
  return new WorkingDayCalendar(snapshot.days as CalendarDay[], snapshot.years);
}

describe('WorkingDayCalendar with the seeded 2020–2026 notices', () => {
  it.each([
    ['2026-02-13', true, 'Friday before the Spring Festival'],
    ['2026-02-14', true, 'Saturday worked in exchange (调休)'],
    ['2026-02-16', false, 'Monday of the Spring Festival'],
    ['2026-02-21', false, 'Saturday inside the holiday'],
    ['2026-02-23', false, 'last day of the holiday, a Monday'],
    ['2026-02-24', true, 'first day back'],
    ['2026-02-28', true, 'Saturday worked in exchange (调休)'],
    ['2026-09-20', true, 'Sunday worked before National Day'],
    ['2026-10-01', false, 'National Day'],
    ['2026-10-07', false, 'last day of the National Day week'],
    ['2026-10-10', true, 'Saturday worked after National Day'],
    ['2026-10-11', false, 'an ordinary Sunday'],
    ['2024-02-18', true, 'Sunday worked after the 2024 Spring Festival'],
    ['2024-02-29', true, 'leap day, a Thursday'],
  ])('%s is a working day: %p (%s)', (date, working) => {
    expect(seededCalendar().isWorkingDay(date)).toBe(working);
  });

  it.each([
    ['2026-02-12', 5, '2026-02-26', 'across the Spring Festival, counting the 调休 Saturday'],
    ['2026-09-29', 5, '2026-10-12', 'across National Day, counting the 调休 Saturday'],
    ['2024-02-27', 2, '2024-02-29', 'onto a leap day'],
    ['2023-04-13', 5, '2023-04-20', 'an ordinary week'],
    ['2023-04-13', 0, '2023-04-13', 'zero days'],
  ])('%s + %i working days is %s (%s)', (date, n, expected) => {
    expect(seededCalendar().addWorkingDays(date, n)).toBe(expected);
  });

  it('counts working days between two dates, either way round', () => {
    const calendar = seededCalendar();
    expect(calendar.workingDaysBetween('2026-09-30', '2026-10-12')).toBe(4);
    expect(calendar.workingDaysBetween('2026-10-12', '2026-09-30')).toBe(-4);
    expect(calendar.workingDaysBetween('2026-10-12', '2026-10-12')).toBe(0);
  });

  it('counts as walking day by day would, over any range (1968–2029, the notices and the years around them)', () => {
    const walked = (calendar: WorkingDayCalendar, from: string, to: string) => {
      let count = 0;
      for (let day = new Date(`${from}T00:00:00Z`); ;) {
        day.setUTCDate(day.getUTCDate() + 1);
        const date = day.toISOString().slice(0, 10);
        if (date > to) return count;
        if (calendar.isWorkingDay(date)) count += 1;
      }
    };
    const calendar = seededCalendar();
    const dateOf = (n: number) => new Date(Date.UTC(1968, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);
    let seed = 7;
    const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < 300; i += 1) {
      const from = dateOf(Math.floor(next() * 22_600));
      const to = dateOf(Math.floor(next() * 22_600));
      const [low, high] = from <= to ? [from, to] : [to, from];
      expect([from, to, calendar.workingDaysBetween(from, to)]).toEqual([
        from,
        to,
        (from <= to ? 1 : -1) * walked(calendar, low, high),
      ]);
    }
    // Short ranges around the holidays, where the exceptions are.
    for (let i = 0; i < 300; i += 1) {
      const from = dateOf(18_600 + Math.floor(next() * 2_600));
      const to = dateOf(18_600 + (Math.floor(next() * 2_600) % 40));
      const [low, high] = from <= to ? [from, to] : [to, from];
      expect(calendar.workingDaysBetween(from, to)).toBe((from <= to ? 1 : -1) * walked(calendar, low, high));
    }
  });

  it('adds working days as walking day by day would, for any count up to ten years', () => {
    const calendar = seededCalendar();
    const walkedAdd = (from: string, n: number) => {
      const day = new Date(`${from}T00:00:00Z`);
      for (let left = n; left > 0;) {
        day.setUTCDate(day.getUTCDate() + 1);
        if (calendar.isWorkingDay(day.toISOString().slice(0, 10))) left -= 1;
      }
      return day.toISOString().slice(0, 10);
    };
    let seed = 11;
    const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < 300; i += 1) {
      const from = new Date(Date.UTC(2015, 0, 1) + Math.floor(next() * 4_400) * 86_400_000).toISOString().slice(0, 10);
      const n = i < 150 ? Math.floor(next() * 40) : Math.floor(next() * 2_600);
      expect([from, n, calendar.addWorkingDays(from, n)]).toEqual([from, n, walkedAdd(from, n)]);
    }
  });

  it('records the years a count assumed Monday–Friday for', () => {
    const calendar = seededCalendar();
    calendar.workingDaysBetween('2018-12-31', '2020-01-02');
    expect(calendar.yearsAssumed()).toEqual([2019, 2020].filter((y) => !snapshot.years.includes(y)));
    calendar.workingDaysBetween('2027-03-01', '2026-03-01');
    expect(calendar.yearsAssumed()).toContain(2027);
  });

  it('falls back to Monday–Friday for a year without a notice, and says so', () => {
    const calendar = seededCalendar();
    expect(calendar.isWorkingDay('2026-12-31')).toBe(true);
    expect(calendar.yearsAssumed()).toEqual([]);
    expect(calendar.addWorkingDays('2026-12-31', 2)).toBe('2027-01-04');
    expect(calendar.yearsAssumed()).toEqual([2027]);
    expect(calendar.isKnownYear(2027)).toBe(false);
  });

  it('lets an administrator’s extra holiday count', () => {
    const calendar = new WorkingDayCalendar(
      [...(snapshot.days as CalendarDay[]), { date: '2026-11-23', kind: CalendarDayKind.Holiday, name: '地方假日' }],
      snapshot.years,
    );
    expect(calendar.addWorkingDays('2026-11-20', 1)).toBe('2026-11-24');
  });

  it('refuses a negative count', () => {
    expect(() => seededCalendar().addWorkingDays('2026-01-05', -1)).toThrow(RangeError);
  });
});

describe('the seeded snapshot', () => {
  it('is exactly what chinese-days says for 2020–2026', () => {
    const source = JSON.parse(readFileSync(require.resolve('chinese-days/dist/chinese-days.json'), 'utf8')) as {
      holidays: Record<string, string>;
      workdays: Record<string, string>;
    };
    const inRange = (d: string) => d >= '2020-01-01' && d <= '2026-12-31';
    const holidays = Object.keys(source.holidays).filter(inRange).sort();
    const workdays = Object.keys(source.workdays).filter(inRange).sort();
    expect(snapshot.days.filter((d) => d.kind === 'holiday').map((d) => d.date)).toEqual(holidays);
    expect(snapshot.days.filter((d) => d.kind === 'working_weekend').map((d) => d.date)).toEqual(workdays);
  });
});

describe('yearsNeeded', () => {
  it('asks for this year and the next', () => {
    expect(yearsNeeded('2026-11-22')).toEqual([2026, 2027]);
  });
});
