import { addDays, type LocalDate } from '@dafu/deadlines/domain/local-date';

/** The trend covers 1 to 52 weeks; 12 (a quarter) unless asked. */
export const TREND_WEEKS_DEFAULT = 12;
export const TREND_WEEKS_MAX = 52;

/**
 * The dates the overdue trend is taken on: one a week, the last one today, oldest first, so the
 * last point is the "overdue now" figure of the statistics.
 */
export function trendDates(today: LocalDate, weeks: number): LocalDate[] {
  if (!Number.isInteger(weeks) || weeks < 1) throw new RangeError(`weeks must be a positive integer: ${weeks}`);
  return Array.from({ length: weeks }, (_, i) => addDays(today, -7 * (weeks - 1 - i)));
}
