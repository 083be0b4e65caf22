import { addDays, type LocalDate } from '@dafu/deadlines/domain/local-date';

/**
 * Working days past each due date up to today (after the due date, today included), as the
 * overdue reminders count them: `calendar.workingDaysBetween(dueOn, today)` for each, but in one
 * walk from the earliest due date, so an export of thousands of items years overdue stays fast.
 * Due dates on or after today give 0.
 */
export function workingDaysOverdue(
  dueDates: Iterable<LocalDate>,
  today: LocalDate,
  isWorkingDay: (date: LocalDate) => boolean,
): Map<LocalDate, number> {
  const wanted = new Set(dueDates);
  const result = new Map<LocalDate, number>();
  const past = [...wanted].filter((d) => d < today).sort();
  for (const d of wanted) if (d >= today) result.set(d, 0);
  if (past.length === 0) return result;
  // countUpTo.get(d): working days in (earliest, d].
  const countUpTo = new Map<LocalDate, number>([[past[0], 0]]);
  let count = 0;
  for (let day = addDays(past[0], 1); day <= today; day = addDays(day, 1)) {
    if (isWorkingDay(day)) count += 1;
    if (wanted.has(day)) countUpTo.set(day, count);
  }
  for (const d of past) result.set(d, count - (countUpTo.get(d) as number));
  return result;
}
