import { CalendarDayKind, WorkingDayCalendar } from '@dafu/deadlines/domain/working-days';
import {
  afterQuietHours,
  audienceOf,
  daysLeft,
  DEFAULT_QUIET_HOURS,
  DEFAULT_REMINDER_RULES,
  inQuietHours,
  MilestonePhase,
  milestoneSendAt,
  milestonesUpToDue,
  overdueMilestone,
  parseQuietHours,
  reminderPlan,
  zonedInstant,
} from './reminder-schedule';

// 2025's National Day week as the State Council set it: 1–8 October off, Sunday 28 September and
// Saturday 11 October worked instead.
const holidays = [
  '2025-10-01',
  '2025-10-02',
  '2025-10-03',
  '2025-10-04',
  '2025-10-05',
  '2025-10-06',
  '2025-10-07',
  '2025-10-08',
];
const calendar = new WorkingDayCalendar(
  [
    ...holidays.map((date) => ({ date, kind: CalendarDayKind.Holiday, name: '国庆节、中秋节' })),
    { date: '2025-09-28', kind: CalendarDayKind.WorkingWeekend, name: '国庆节调休' },
    { date: '2025-10-11', kind: CalendarDayKind.WorkingWeekend, name: '国庆节调休' },
  ],
  [2025],
);
const rules = DEFAULT_REMINDER_RULES;
const days = (milestones: { key: string; on: string }[]) => milestones.map((m) => `${m.key} ${m.on}`);

describe('milestonesUpToDue', () => {
  it('reminds 14, 7, 3 and 1 days before and on an ordinary due date', () => {
    expect(days(milestonesUpToDue('2025-12-19', '2025-09-19', rules, calendar))).toEqual([
      'before-14 2025-12-05',
      'before-7 2025-12-12',
      'before-3 2025-12-16',
      'before-1 2025-12-18',
      'due 2025-12-19',
    ]);
  });

  it('moves a reminder that falls in a holiday to the working day before, keeping the more urgent when two meet', () => {
    // 3 October and 7 October are holidays: both land on Tuesday 30 September, where 3 days before stands.
    expect(days(milestonesUpToDue('2025-10-10', '2025-07-10', rules, calendar))).toEqual([
      'before-14 2025-09-26',
      'before-3 2025-09-30',
      'before-1 2025-10-09',
      'due 2025-10-10',
    ]);
  });

  it('counts an adjusted working Sunday (调休) as a working day and brings a holiday due date forward', () => {
    expect(days(milestonesUpToDue('2025-10-05', '2025-07-05', rules, calendar))).toEqual([
      'before-14 2025-09-19',
      'before-7 2025-09-28',
      'due 2025-09-30',
    ]);
  });

  it('moves a weekend reminder to the Friday before', () => {
    // Due Monday 15 December: 1 day before is Sunday, so Friday 12 December, where 3 days before also falls.
    expect(days(milestonesUpToDue('2025-12-15', '2025-09-15', rules, calendar))).toEqual([
      'before-14 2025-12-01',
      'before-7 2025-12-08',
      'before-1 2025-12-12',
      'due 2025-12-15',
    ]);
  });

  it('leaves out reminders on or before the day the bureau got the item', () => {
    expect(days(milestonesUpToDue('2025-12-19', '2025-12-12', rules, calendar))).toEqual([
      'before-3 2025-12-16',
      'before-1 2025-12-18',
      'due 2025-12-19',
    ]);
  });

  it('follows a body’s own rules: other days, no due-day reminder, duplicates and nonsense ignored', () => {
    const own = { daysBefore: [10, 2, 2, 0, -1, 1.5], onDueDay: false, overdueEveryWorkingDays: 5 };
    expect(days(milestonesUpToDue('2025-12-19', '2025-09-19', own, calendar))).toEqual([
      'before-10 2025-12-09',
      'before-2 2025-12-17',
    ]);
  });
});

describe('overdueMilestone', () => {
  it('starts on the first working day after the due date, then every 3 working days, over holidays', () => {
    const overdue = [0, 1, 2].map((n) => overdueMilestone('2025-09-30', n, rules, calendar));
    expect(days(overdue)).toEqual(['overdue-1 2025-10-09', 'overdue-4 2025-10-13', 'overdue-7 2025-10-16']);
    expect(overdue.every((m) => m.phase === MilestonePhase.Overdue)).toBe(true);
  });

  it('uses the body’s interval, and never less than one working day', () => {
    expect(overdueMilestone('2025-12-19', 1, { ...rules, overdueEveryWorkingDays: 5 }, calendar).key).toBe('overdue-6');
    expect(overdueMilestone('2025-12-19', 2, { ...rules, overdueEveryWorkingDays: 0 }, calendar).key).toBe('overdue-3');
  });
});

describe('reminderPlan', () => {
  const plan = (today: string, dueOn = '2025-12-19') => {
    const { current, next } = reminderPlan(dueOn, '2025-09-19', today, rules, calendar);
    return { current: current ? `${current.key} ${current.on}` : null, next: `${next.key} ${next.on}` };
  };

  it('has nothing to send before the first reminder, and schedules it', () => {
    expect(plan('2025-11-01')).toEqual({ current: null, next: 'before-14 2025-12-05' });
  });

  it('sends the latest reminder whose day has come, never a backlog of earlier ones', () => {
    expect(plan('2025-12-16')).toEqual({ current: 'before-3 2025-12-16', next: 'before-1 2025-12-18' });
    expect(plan('2025-12-17')).toEqual({ current: 'before-3 2025-12-16', next: 'before-1 2025-12-18' });
  });

  it('goes from the due day into the overdue reminders, which never end', () => {
    expect(plan('2025-12-19')).toEqual({ current: 'due 2025-12-19', next: 'overdue-1 2025-12-22' });
    expect(plan('2025-12-22')).toEqual({ current: 'overdue-1 2025-12-22', next: 'overdue-4 2025-12-25' });
    expect(plan('2026-01-05')).toEqual({ current: 'overdue-10 2026-01-02', next: 'overdue-13 2026-01-07' });
  });

  it('starts over from the new date when the due date moves (an extension)', () => {
    expect(plan('2025-12-17', '2026-01-19')).toEqual({ current: null, next: 'before-14 2026-01-05' });
  });

  it('sends today’s reminder when the due date moves earlier (a rule change) into its window', () => {
    expect(plan('2025-12-17', '2025-12-18')).toEqual({ current: 'before-1 2025-12-17', next: 'due 2025-12-18' });
  });
});

describe('audienceOf', () => {
  it.each([
    [MilestonePhase.Before, { clerks: true, reviewers: true, signatories: false, supervisors: false }],
    [MilestonePhase.DueDay, { clerks: true, reviewers: true, signatories: true, supervisors: false }],
    [MilestonePhase.Overdue, { clerks: true, reviewers: true, signatories: true, supervisors: true }],
  ])('%s: %o', (phase, audience) => {
    expect(audienceOf(phase)).toEqual(audience);
  });
});

describe('quiet hours', () => {
  const at = (iso: string) => new Date(iso);

  it.each([
    ['2025-12-16T21:59:00+08:00', false],
    ['2025-12-16T22:00:00+08:00', true],
    ['2025-12-16T23:30:00+08:00', true],
    ['2025-12-17T00:00:00+08:00', true],
    ['2025-12-17T07:59:00+08:00', true],
    ['2025-12-17T08:00:00+08:00', false],
    ['2025-12-17T12:00:00+08:00', false],
  ])('%s in 22:00–08:00 Beijing time: %s', (iso, quiet) => {
    expect(inQuietHours(at(iso), DEFAULT_QUIET_HOURS)).toBe(quiet);
  });

  it('holds what falls in them until 08:00, the same morning or the next', () => {
    expect(afterQuietHours(at('2025-12-16T23:30:00+08:00'), DEFAULT_QUIET_HOURS)).toEqual(
      at('2025-12-17T08:00:00+08:00'),
    );
    expect(afterQuietHours(at('2025-12-17T03:10:00+08:00'), DEFAULT_QUIET_HOURS)).toEqual(
      at('2025-12-17T08:00:00+08:00'),
    );
    expect(afterQuietHours(at('2025-12-17T10:15:00+08:00'), DEFAULT_QUIET_HOURS)).toEqual(
      at('2025-12-17T10:15:00+08:00'),
    );
  });

  it('sends a milestone’s reminders at 08:00 on its day', () => {
    expect(
      milestoneSendAt({ phase: MilestonePhase.Before, key: 'before-3', on: '2025-12-16' }, DEFAULT_QUIET_HOURS),
    ).toEqual(at('2025-12-16T08:00:00+08:00'));
  });

  it('takes a window within the day, none at all, and other zones with their summer time', () => {
    const lunch = parseQuietHours('12:00-13:30', 'Asia/Shanghai');
    expect(inQuietHours(at('2025-12-16T12:45:00+08:00'), lunch)).toBe(true);
    expect(inQuietHours(at('2025-12-16T23:00:00+08:00'), lunch)).toBe(false);
    expect(afterQuietHours(at('2025-12-16T12:45:00+08:00'), lunch)).toEqual(at('2025-12-16T13:30:00+08:00'));
    expect(inQuietHours(at('2025-12-16T23:00:00+08:00'), parseQuietHours('00:00-00:00', 'Asia/Shanghai'))).toBe(false);
    expect(zonedInstant('2025-03-30', 8 * 60, 'Europe/Berlin')).toEqual(at('2025-03-30T06:00:00Z'));
    expect(zonedInstant('2025-03-29', 8 * 60, 'Europe/Berlin')).toEqual(at('2025-03-29T07:00:00Z'));
  });

  it('refuses a window that is not two times of day', () => {
    for (const text of ['22-08', '25:00-08:00', '22:00-08:60', 'night']) {
      expect(() => parseQuietHours(text, 'Asia/Shanghai')).toThrow(RangeError);
    }
  });
});

describe('daysLeft', () => {
  it('counts calendar days to the due date, negative once overdue', () => {
    expect(daysLeft('2025-12-19', '2025-12-16')).toBe(3);
    expect(daysLeft('2025-12-19', '2025-12-19')).toBe(0);
    expect(daysLeft('2025-12-19', '2025-12-22')).toBe(-3);
  });
});
