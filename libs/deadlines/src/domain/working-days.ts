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

  constructor(days: readonly CalendarDay[], knownYears: readonly number[]) {
    for (const day of days) this.kinds.set(day.date, day.kind);
    this.knownYears = new Set(knownYears);
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
    let current = date;
    let remaining = n;
    while (remaining > 0) {
      current = addDays(current, 1);
      if (this.isWorkingDay(current)) remaining -= 1;
    }
    return current;
  }

  /** Working days after `from` up to and including `to`; negative when `to` is before `from`. */
  workingDaysBetween(from: LocalDate, to: LocalDate): number {
    if (to < from) return -this.workingDaysBetween(to, from);
    let count = 0;
    for (let current = addDays(from, 1); current <= to; current = addDays(current, 1)) {
      if (this.isWorkingDay(current)) count += 1;
    }
    return count;
  }
}

/** Years around `today` that deadlines will touch soon: this one and the next. */
export function yearsNeeded(today: LocalDate): number[] {
  const { year } = parseLocalDate(today);
  return [year, year + 1];
}
