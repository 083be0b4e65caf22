import { CalendarDayKind, WorkingDayCalendar } from '@dafu/deadlines/domain/working-days';
import { workingDaysOverdue } from './working-days-overdue';

// 2023: 29 April – 3 May Labour Day, 23 April (Sunday) and 6 May (Saturday) worked.
const calendar = new WorkingDayCalendar(
  [
    { date: '2023-04-23', kind: CalendarDayKind.WorkingWeekend, name: '劳动节调休' },
    ...['2023-04-29', '2023-04-30', '2023-05-01', '2023-05-02', '2023-05-03'].map((date) => ({
      date,
      kind: CalendarDayKind.Holiday,
      name: '劳动节',
    })),
    { date: '2023-05-06', kind: CalendarDayKind.WorkingWeekend, name: '劳动节调休' },
  ],
  [2023],
);
const isWorkingDay = (d: string) => calendar.isWorkingDay(d);

describe('working days overdue', () => {
  it('counts as the calendar does, for every due date at once', () => {
    const dueDates = ['2023-04-20', '2023-05-01', '2023-06-01', '2023-06-09', '2023-06-10', '2023-07-01'];
    const counted = workingDaysOverdue(dueDates, '2023-06-10', isWorkingDay);
    for (const d of dueDates) {
      expect({ d, days: counted.get(d) }).toEqual({
        d,
        days: Math.max(0, calendar.workingDaysBetween(d, '2023-06-10')),
      });
    }
    expect(counted.get('2023-05-01')).toBe(28);
    expect(counted.get('2023-06-01')).toBe(6);
    expect(counted.get('2023-06-09')).toBe(0);
    expect(counted.get('2023-07-01')).toBe(0);
  });

  it('gives nothing for no dates', () => {
    expect(workingDaysOverdue([], '2023-06-10', isWorkingDay).size).toBe(0);
  });
});
