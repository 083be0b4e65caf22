import { addDays, isoWeekday, type LocalDate, parseLocalDate } from './local-date';

export enum CalendarDayKind {
  /** 法定节假日 (including the weekend days inside a holiday week). */
  Holiday = 'holiday',
  /** 调休上班: a Saturday or Sunday worked in exchange for a holiday. */
  WorkingWeekend = 'working_weekend',
}

export interface CalendarDay {
  date: LocalDate;
  kind: CalendarDayKind;
  name: string;
}

/**
 * Working days by the State Council's holiday notices. Years without a notice fall back to
 * Monday–Friday, and the calendar remembers that it had to, so callers can warn instead of
 * silently trusting the result.
 */
export class WorkingDayCalendar {
  private readonly kinds = new Map<LocalDate, CalendarDayKind>();
  private readonly knownYears: ReadonlySet<number>;
  private readonly assumed = new Set<number>();
  /** Days that differ from Monday–Friday (a holiday on a weekday, a worked weekend day), ascending. */
  private readonly exceptionDays: number[] = [];
  /** exceptionShift[i]: the working days the exceptions before exceptionDays[i] add (negative: taken). */
  private readonly exceptionShift: number[] = [0];

  constructor(days: readonly CalendarDay[], knownYears: readonly number[]) {
    for (const day of days) this.kinds.set(day.date, day.kind);
    this.knownYears = new Set(knownYears);
    const exceptions: [number, number][] = [];
    for (const [date, kind] of this.kinds) {
      const weekday = isoWeekday(date) <= 5;
      if (kind === CalendarDayKind.Holiday && weekday) exceptions.push([epochDay(date), -1]);
      if (kind === CalendarDayKind.WorkingWeekend && !weekday) exceptions.push([epochDay(date), 1]);
    }
    exceptions.sort((a, b) => a[0] - b[0]);
    for (const [day, shift] of exceptions) {
      this.exceptionDays.push(day);
      this.exceptionShift.push(this.exceptionShift[this.exceptionShift.length - 1] + shift);
    }
  }

  isKnownYear(year: number): boolean {
    return this.knownYears.has(year);
  }

  /** Years this calendar was asked about without data, in ascending order. */
  yearsAssumed(): number[] {
    return [...this.assumed].sort((a, b) => a - b);
  }

  isWorkingDay(date: LocalDate): boolean {
    const { year } = parseLocalDate(date);
    if (!this.knownYears.has(year)) this.assumed.add(year);
    const kind = this.kinds.get(date);
    if (kind === CalendarDayKind.Holiday) return false;
    if (kind === CalendarDayKind.WorkingWeekend) return true;
    return isoWeekday(date) <= 5;
  }

  /** The n-th working day after `date` (n ≥ 0; 0 gives `date` itself). */
  addWorkingDays(date: LocalDate, n: number): LocalDate {
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`addWorkingDays needs a whole n ≥ 0, got ${n}`);
    // Jump by whole weeks to three weeks short of the answer (counted, not walked), then walk:
    // the n-th overdue reminder of an item years late is asked for on every sync.
    const jump = Math.max(0, Math.floor(n / 5) * 7 - 21);
    let current = addDays(date, jump);
    let remaining = n - this.workingDaysBetween(date, current);
    if (remaining <= 0) {
      // More worked weekends than three weeks make up for: walk the whole way, as it is rare.
      current = date;
      remaining = n;
    }
    while (remaining > 0) {
      current = addDays(current, 1);
      if (this.isWorkingDay(current)) remaining -= 1;
    }
    return current;
  }

  /**
   * Working days after `from` up to and including `to`; negative when `to` is before `from`.
   * Counted, not walked: Monday–Friday by arithmetic, then the calendar's exceptions in the range
   * by binary search, so an item years overdue costs what one due tomorrow does (lists and
   * reminders ask this for every item).
   */
  workingDaysBetween(from: LocalDate, to: LocalDate): number {
    if (to < from) return -this.workingDaysBetween(to, from);
    if (to === from) return 0;
    const first = epochDay(from) + 1;
    const last = epochDay(to);
    const lastYear = parseLocalDate(to).year;
    for (let year = parseLocalDate(addDays(from, 1)).year; year <= lastYear; year += 1) {
      if (!this.knownYears.has(year)) this.assumed.add(year);
    }
    const shift =
      this.exceptionShift[this.exceptionsBefore(last + 1)] - this.exceptionShift[this.exceptionsBefore(first)];
    return weekdaysBefore(last + 1) - weekdaysBefore(first) + shift;
  }

  /** How many exception days fall before `day`. */
  private exceptionsBefore(day: number): number {
    let low = 0;
    let high = this.exceptionDays.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.exceptionDays[middle] < day) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}

/** Days since 1970-01-01 (a Thursday). */
function epochDay(date: LocalDate): number {
  const { year, month, day } = parseLocalDate(date);
  return Date.UTC(year, month - 1, day) / 86_400_000;
}

/** Monday–Friday days among epoch days [0, day) (negative for days before 1970). */
function weekdaysBefore(day: number): number {
  // Shifted so that 0 is a Monday: epoch day 0 is a Thursday, three days into its week.
  const shifted = day + 3;
  const weeks = Math.floor(shifted / 7);
  const rest = shifted - weeks * 7;
  return weeks * 5 + Math.min(rest, 5) - 3;
}

/** Years around `today` that deadlines will touch soon: this one and the next. */
export function yearsNeeded(today: LocalDate): number[] {
  const { year } = parseLocalDate(today);
  return [year, year + 1];
}
