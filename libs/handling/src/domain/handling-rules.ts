import type { AssignmentRole } from '@dafu/platform/vocabulary';
import { addCalendarMonths, type LocalDate } from '@dafu/deadlines/domain/local-date';
import { assignmentDueOn, type DeadlineRules } from './due-date';

/** design.md's defaults; each body (CPPCC, NPC) may set its own in handling_rules. */
export interface HandlingRules extends DeadlineRules {
  /** Working days to acknowledge or ask for reassignment (cities use 3 to 10). */
  acknowledgeWorkingDays: number;
  /** Extensions may not take the due date past this many months from 交办. */
  extensionCapMonths: number;
  /** A new reply after 不满意 feedback is due within this many months. */
  rehandlingMonths: number;
  /** Whether a logged talk with the proposer must precede review. */
  talkRequiredBeforeReview: boolean;
  /** Reminders this many calendar days before each due date. */
  reminderDaysBefore: number[];
  reminderOnDueDay: boolean;
  /** While overdue, a reminder (and escalation) every this many working days. */
  reminderOverdueEveryWorkingDays: number;
  /**
   * A reply marked public appears in the public feed this many working days after its issue
   * date (0: at once). Rules speak of "within 20 working days".
   */
  publicationDelayWorkingDays: number;
}

export const DEFAULT_HANDLING_RULES: HandlingRules = {
  acknowledgeWorkingDays: 5,
  replyMonths: 3,
  coOpinionMonths: 1,
  extensionCapMonths: 6,
  rehandlingMonths: 1,
  talkRequiredBeforeReview: false,
  reminderDaysBefore: [14, 7, 3, 1],
  reminderOnDueDay: true,
  reminderOverdueEveryWorkingDays: 3,
  publicationDelayWorkingDays: 0,
};

export type ExtensionProblem = 'not_later' | 'in_the_past' | 'past_cap';

/** Checks a requested new due date: later than now due, not in the past, within the cap from 交办. */
export function checkExtension(
  assignedOn: LocalDate,
  currentDueOn: LocalDate,
  requestedDueOn: LocalDate,
  today: LocalDate,
  rules: Pick<HandlingRules, 'extensionCapMonths'>,
): { problem: ExtensionProblem; latestAllowed: LocalDate } | { problem: null; latestAllowed: LocalDate } {
  const latestAllowed = addCalendarMonths(assignedOn, rules.extensionCapMonths);
  if (requestedDueOn <= currentDueOn) return { problem: 'not_later', latestAllowed };
  if (requestedDueOn < today) return { problem: 'in_the_past', latestAllowed };
  if (requestedDueOn > latestAllowed) return { problem: 'past_cap', latestAllowed };
  return { problem: null, latestAllowed };
}

export interface DueDateInputs {
  role: AssignmentRole;
  assignedOn: LocalDate;
  dueOn: LocalDate;
  /** An approved extension fixed the due date by decision; a rule change does not undo it. */
  extended: boolean;
}

/**
 * The one place that says what an open assignment's due date becomes when the rules change:
 * the rule's date from 交办, except where an approved extension set it; null when unchanged.
 */
export function recomputedDueOn(inputs: DueDateInputs, rules: DeadlineRules): LocalDate | null {
  if (inputs.extended) return null;
  const dueOn = assignmentDueOn(inputs.role, inputs.assignedOn, rules);
  return dueOn === inputs.dueOn ? null : dueOn;
}
