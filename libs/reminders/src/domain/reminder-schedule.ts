import { assertUnreachable } from '@dafu/platform/errors/assert-unreachable';
import { addDays, daysBetween, type LocalDate, localDateOf, parseLocalDate } from '@dafu/deadlines/domain/local-date';
import type { WorkingDayCalendar } from '@dafu/deadlines/domain/working-days';

export { DeadlineKind } from '@dafu/handling/domain/deadline-kind';

/** When reminders go out; design.md's defaults, configurable per session body. */
export interface ReminderRules {
  /** Calendar days before the due date, e.g. [14, 7, 3, 1]. */
  daysBefore: readonly number[];
  onDueDay: boolean;
  /** While overdue, again every this many working days (from the first overdue day). */
  overdueEveryWorkingDays: number;
}

export const DEFAULT_REMINDER_RULES: ReminderRules = {
  daysBefore: [14, 7, 3, 1],
  onDueDay: true,
  overdueEveryWorkingDays: 3,
};

/** Nothing is sent from `startMinute` to `endMinute` (minutes after local midnight; may wrap midnight). */
export interface QuietHours {
  startMinute: number;
  endMinute: number;
  timeZone: string;
}

export const DEFAULT_QUIET_HOURS: QuietHours = { startMinute: 22 * 60, endMinute: 8 * 60, timeZone: 'Asia/Shanghai' };

export enum MilestonePhase {
  Before = 'before',
  DueDay = 'due',
  Overdue = 'overdue',
}

export interface Milestone {
  phase: MilestonePhase;
  /** Stable within one due date: `before-7`, `due`, `overdue-4` (working days overdue). */
  key: string;
  /** The local day the reminder belongs to (a working day). */
  on: LocalDate;
}

/**
 * The reminders before and on a due date, on working days: a milestone that falls on a weekend or
 * holiday moves to the working day before it, and when two land on one day the more urgent one
 * (nearer the due date, heard by more people) stands. Milestones on or before `startedOn` (the
 * day of 交办) are left out: the bureau has just been told.
 */
export function milestonesUpToDue(
  dueOn: LocalDate,
  startedOn: LocalDate,
  rules: ReminderRules,
  calendar: WorkingDayCalendar,
): Milestone[] {
  const daysBefore = [...new Set(rules.daysBefore)].filter((n) => Number.isInteger(n) && n > 0).sort((a, b) => b - a);
  const wanted: Milestone[] = [
    ...daysBefore.map((n) => ({ phase: MilestonePhase.Before, key: `before-${n}`, on: addDays(dueOn, -n) })),
    ...(rules.onDueDay ? [{ phase: MilestonePhase.DueDay, key: 'due', on: dueOn }] : []),
  ];
  const byDay = new Map<LocalDate, Milestone>();
  for (const milestone of wanted) {
    const on = workingDayOnOrBefore(milestone.on, calendar);
    if (on > startedOn) byDay.set(on, { ...milestone, on });
  }
  return [...byDay.values()].sort((a, b) => (a.on < b.on ? -1 : 1));
}

function workingDayOnOrBefore(date: LocalDate, calendar: WorkingDayCalendar): LocalDate {
  let day = date;
  while (!calendar.isWorkingDay(day)) day = addDays(day, -1);
  return day;
}

/** The n-th overdue reminder (n = 0, 1, 2…): the first working day after the due date, then every few. */
export function overdueMilestone(
  dueOn: LocalDate,
  n: number,
  rules: ReminderRules,
  calendar: WorkingDayCalendar,
): Milestone {
  const workingDaysOverdue = 1 + n * Math.max(1, rules.overdueEveryWorkingDays);
  return {
    phase: MilestonePhase.Overdue,
    key: `overdue-${workingDaysOverdue}`,
    on: calendar.addWorkingDays(dueOn, workingDaysOverdue),
  };
}

export interface ReminderPlan {
  /** The milestone whose day has come and that nothing later has replaced: to send now if not sent. */
  current: Milestone | null;
  /** The next one to schedule. Overdue reminders never end, so there is always one. */
  next: Milestone;
}

/**
 * Where a deadline's reminders stand on `today`. Only the latest milestone whose day has come
 * counts as current, so a worker that was down for a week sends one reminder, not a backlog.
 */
export function reminderPlan(
  dueOn: LocalDate,
  startedOn: LocalDate,
  today: LocalDate,
  rules: ReminderRules,
  calendar: WorkingDayCalendar,
): ReminderPlan {
  const upToDue = milestonesUpToDue(dueOn, startedOn, rules, calendar);
  const passed = upToDue.filter((m) => m.on <= today);
  const coming = upToDue.find((m) => m.on > today);
  if (coming) return { current: passed.at(-1) ?? null, next: coming };
  // Overdue reminder n falls 1 + n·k working days after the due date: count once, then jump.
  const workingDaysOverdue = today > dueOn ? calendar.workingDaysBetween(dueOn, today) : 0;
  if (workingDaysOverdue < 1)
    return { current: passed.at(-1) ?? null, next: overdueMilestone(dueOn, 0, rules, calendar) };
  const n = Math.floor((workingDaysOverdue - 1) / Math.max(1, rules.overdueEveryWorkingDays));
  return {
    current: overdueMilestone(dueOn, n, rules, calendar),
    next: overdueMilestone(dueOn, n + 1, rules, calendar),
  };
}

/** Who hears a reminder: the bureau's clerks and reviewers; from the due day its signatory; once overdue, the supervisors. */
export interface Audience {
  clerks: boolean;
  reviewers: boolean;
  signatories: boolean;
  /** Escalation (督办) to the supervision office. */
  supervisors: boolean;
}

export function audienceOf(phase: MilestonePhase): Audience {
  switch (phase) {
    case MilestonePhase.Before:
      return { clerks: true, reviewers: true, signatories: false, supervisors: false };
    case MilestonePhase.DueDay:
      return { clerks: true, reviewers: true, signatories: true, supervisors: false };
    case MilestonePhase.Overdue:
      return { clerks: true, reviewers: true, signatories: true, supervisors: true };
    default:
      return assertUnreachable(phase);
  }
}

// ---- Time of day ----

// Intl formatters are costly to make: one per zone, kept.
const offsetFormats = new Map<string, Intl.DateTimeFormat>();
const clockFormats = new Map<string, Intl.DateTimeFormat>();

function cached(formats: Map<string, Intl.DateTimeFormat>, timeZone: string, make: () => Intl.DateTimeFormat) {
  let format = formats.get(timeZone);
  if (!format) {
    format = make();
    formats.set(timeZone, format);
  }
  return format;
}

function offsetMinutes(instant: Date, timeZone: string): number {
  const name = cached(
    offsetFormats,
    timeZone,
    () => new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' }),
  )
    .formatToParts(instant)
    .find((part) => part.type === 'timeZoneName')?.value;
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name ?? '');
  if (!match) return 0;
  return (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3]));
}

/** The instant a local date and time of day is in the zone. */
export function zonedInstant(date: LocalDate, minuteOfDay: number, timeZone: string): Date {
  const { year, month, day } = parseLocalDate(date);
  const naive = Date.UTC(year, month - 1, day, 0, minuteOfDay);
  const first = naive - offsetMinutes(new Date(naive), timeZone) * 60_000;
  return new Date(naive - offsetMinutes(new Date(first), timeZone) * 60_000);
}

function minuteOfDay(instant: Date, timeZone: string): number {
  const format = cached(
    clockFormats,
    timeZone,
    () => new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }),
  );
  let hour = 0;
  let minute = 0;
  for (const part of format.formatToParts(instant)) {
    if (part.type === 'hour') hour = Number(part.value);
    if (part.type === 'minute') minute = Number(part.value);
  }
  return hour * 60 + minute;
}

export function inQuietHours(instant: Date, quiet: QuietHours): boolean {
  const minute = minuteOfDay(instant, quiet.timeZone);
  if (quiet.startMinute === quiet.endMinute) return false;
  return quiet.startMinute < quiet.endMinute
    ? minute >= quiet.startMinute && minute < quiet.endMinute
    : minute >= quiet.startMinute || minute < quiet.endMinute;
}

/** The instant itself outside quiet hours, else the end of the quiet hours it falls in. */
export function afterQuietHours(instant: Date, quiet: QuietHours): Date {
  if (!inQuietHours(instant, quiet)) return instant;
  const today = localDateOf(instant, quiet.timeZone);
  const endsToday = zonedInstant(today, quiet.endMinute, quiet.timeZone);
  return endsToday > instant ? endsToday : zonedInstant(addDays(today, 1), quiet.endMinute, quiet.timeZone);
}

/** When a milestone's reminders go out: the start of its day, after the quiet hours. */
export function milestoneSendAt(milestone: Milestone, quiet: QuietHours): Date {
  return afterQuietHours(zonedInstant(milestone.on, 0, quiet.timeZone), quiet);
}

/** Calendar days from today to the due date; negative when overdue. */
export function daysLeft(dueOn: LocalDate, today: LocalDate): number {
  return daysBetween(today, dueOn);
}

/** Parses `22:00-08:00`. */
export function parseQuietHours(text: string, timeZone: string): QuietHours {
  const match = /^(\d{1,2}):(\d{2})-(\d{1,2}):(\d{2})$/.exec(text.trim());
  if (!match) throw new RangeError(`Quiet hours must look like 22:00-08:00, got "${text}"`);
  const [startH, startM, endH, endM] = match.slice(1).map(Number);
  if (startH > 23 || endH > 23 || startM > 59 || endM > 59) throw new RangeError(`Not a time of day in "${text}"`);
  return { startMinute: startH * 60 + startM, endMinute: endH * 60 + endM, timeZone };
}
