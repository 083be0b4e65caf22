import { assertUnreachable } from '@dafu/platform/errors/assert-unreachable';
import { AssignmentRole } from '@dafu/platform/vocabulary';
import { addCalendarMonths, type LocalDate } from '@dafu/deadlines/domain/local-date';

export interface DeadlineRules {
  /** Lead and separate bureaus reply within this many calendar months (default 3). */
  replyMonths: number;
  /** Co bureaus send their opinion to the lead within this many months (default 1). */
  coOpinionMonths: number;
}

export const DEFAULT_DEADLINE_RULES: DeadlineRules = { replyMonths: 3, coOpinionMonths: 1 };

/** When an assignment is due: the reply for lead and separate bureaus, the opinion for co bureaus. */
export function assignmentDueOn(
  role: AssignmentRole,
  assignedOn: LocalDate,
  rules: DeadlineRules = DEFAULT_DEADLINE_RULES,
): LocalDate {
  switch (role) {
    case AssignmentRole.Lead:
    case AssignmentRole.Separate:
      return addCalendarMonths(assignedOn, rules.replyMonths);
    case AssignmentRole.Co:
      return addCalendarMonths(assignedOn, rules.coOpinionMonths);
    default:
      return assertUnreachable(role);
  }
}
