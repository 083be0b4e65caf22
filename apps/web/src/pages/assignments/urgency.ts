/** How pressing an open item is, from its calendar days left (negative: overdue). */
export type Urgency = 'overdue' | 'dueSoon' | 'approaching' | 'onTrack';

export const URGENCIES: readonly Urgency[] = ['overdue', 'dueSoon', 'approaching', 'onTrack'];

/** Days left at or below which an item is due soon (orange), and approaching (gold). */
export const DUE_SOON_DAYS = 7;
export const APPROACHING_DAYS = 30;

export function urgencyOf(daysLeft: number): Urgency {
  if (daysLeft < 0) return 'overdue';
  if (daysLeft <= DUE_SOON_DAYS) return 'dueSoon';
  if (daysLeft <= APPROACHING_DAYS) return 'approaching';
  return 'onTrack';
}

/** antd Tag colours (preset names). */
export const URGENCY_COLOUR: Record<Urgency, string> = {
  overdue: 'red',
  dueSoon: 'orange',
  approaching: 'gold',
  onTrack: 'green',
};

/** Sorts by due date, then proposal number: the order the bureau works in. */
export function byDueDate<T extends { dueOn: string; proposalNumber: number }>(a: T, b: T): number {
  return a.dueOn.localeCompare(b.dueOn) || a.proposalNumber - b.proposalNumber;
}
