import { Satisfaction } from '@dafu/feedback/domain/feedback';
import { assertUnreachable } from '@dafu/platform/errors/assert-unreachable';
import { AssignmentRole } from '@dafu/platform/vocabulary';
import {
  AssignmentStatus,
  ENDED_ASSIGNMENT_STATUSES,
  OPEN_ASSIGNMENT_STATUSES,
} from '@dafu/handling/domain/assignment-status';

/**
 * What the supervision figures mean. The SQL in supervision.repository.ts computes these over
 * every assignment at once; the functions here state the same rules for one assignment, so the
 * definitions are written down and tested once, and the SQL is checked against them on a
 * hand-computed fixture (test/e2e/supervision.e2e-spec.ts).
 *
 * Dates are local calendar dates (YYYY-MM-DD, the configured timezone); "today" is the local date
 * of the request.
 */

/** Every assignment state, in lifecycle order: the "counts by state" columns. */
export const ALL_ASSIGNMENT_STATUSES: readonly AssignmentStatus[] = [
  AssignmentStatus.Assigned,
  AssignmentStatus.Acknowledged,
  AssignmentStatus.ReassignmentRequested,
  AssignmentStatus.ExtensionRequested,
  AssignmentStatus.Replied,
  AssignmentStatus.OpinionSent,
  AssignmentStatus.FeedbackReceived,
  AssignmentStatus.Rehandling,
  AssignmentStatus.Closed,
  AssignmentStatus.Reassigned,
  AssignmentStatus.Withdrawn,
];

/**
 * Counted assignments: every assignment except those that ended without binding the bureau
 * (moved to another bureau, or the proposal withdrawn or merged). Every rate below is over
 * counted assignments only; the counts by state still show the ended ones.
 */
export function isCounted(status: AssignmentStatus): boolean {
  return !ENDED_ASSIGNMENT_STATUSES.includes(status);
}

/**
 * Replying assignments: lead (主办) and separate (分办) ones write a reply; a co (会办) bureau
 * sends its opinion to the lead instead, so it is in no reply-based figure (按期答复率, 沟通率,
 * grades, satisfaction, days to reply).
 */
export function isReplying(role: AssignmentRole): boolean {
  switch (role) {
    case AssignmentRole.Lead:
    case AssignmentRole.Separate:
      return true;
    case AssignmentRole.Co:
      return false;
    default:
      return assertUnreachable(role);
  }
}

export enum Timeliness {
  /** Done on or before the deadline. */
  OnTime = 'on_time',
  /** Done after the deadline. */
  Late = 'late',
  /** Not done and the deadline has passed: counts against the rate like a late one. */
  Missed = 'missed',
  /** Not done and still within the deadline: not yet in the denominator. */
  NotYetDue = 'not_yet_due',
}

/**
 * Done on time means on or before the last day (the deadline day itself is on time). An item
 * enters the denominator once it is done or its deadline has passed; one still within its
 * deadline is neither on time nor late yet.
 */
export function timeliness(doneOn: string | null, deadline: string, today: string): Timeliness {
  if (doneOn !== null) return doneOn <= deadline ? Timeliness.OnTime : Timeliness.Late;
  return deadline < today ? Timeliness.Missed : Timeliness.NotYetDue;
}

/** In the denominator of an on-time rate. */
export function isDue(t: Timeliness): boolean {
  return t !== Timeliness.NotYetDue;
}

/**
 * 按时签收: the bureau answered the 交办 on or before `acknowledge_by` (the configured working
 * days after 交办, stored at assignment), by acknowledging it or by asking for reassignment
 * (the rules allow either within the window). Dates are the local dates of `acknowledged_at`
 * and of the first reassignment request.
 */
export function acknowledgementTimeliness(
  a: { acknowledgeBy: string; acknowledgedOn: string | null; reassignmentRequestedOn?: string | null },
  today: string,
): Timeliness {
  const answered = [a.acknowledgedOn, a.reassignmentRequestedOn ?? null]
    .filter((d): d is string => d !== null)
    .sort()[0];
  return timeliness(answered ?? null, a.acknowledgeBy, today);
}

/**
 * 按期答复: the first reply of the assignment (round 1, or the earliest signed one if a signed
 * letter was voided) was signed on or before the assignment's due date. The due date is the
 * stored one, so an approved extension counts: a reply within the extended date is on time.
 */
export function replyTimeliness(a: { dueOn: string; repliedOn: string | null }, today: string): Timeliness {
  return timeliness(a.repliedOn, a.dueOn, today);
}

/**
 * 沟通: at least one logged talk with the proposer dated on or before the day the reply was
 * signed. The denominator is the replied assignments: one not yet replied may still talk.
 */
export function talkedBeforeReply(talksOn: readonly string[], repliedOn: string | null): boolean {
  return repliedOn !== null && talksOn.some((day) => day <= repliedOn);
}

/**
 * Overdue now (逾期): still open (the bureau still owes work: assigned, acknowledged, asking for
 * reassignment or extension, re-handling) and the due date is before today. The due date itself
 * is not overdue.
 */
export function isOverdue(a: { status: AssignmentStatus; dueOn: string }, today: string): boolean {
  return OPEN_ASSIGNMENT_STATUSES.includes(a.status) && a.dueOn < today;
}

/** Calendar days past the due date: 1 on the day after it. */
export function daysOverdue(dueOn: string, today: string): number {
  return Math.max(0, Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${dueOn}T00:00:00Z`)) / 86_400_000));
}

/** Calendar days from 交办 to the signing of the first reply (same day: 0). */
export function daysToReply(assignedOn: string, repliedOn: string): number {
  return daysOverdue(assignedOn, repliedOn);
}

/**
 * Satisfaction counts the latest feedback of each replying assignment (after 重新办理 the new
 * answer replaces the old one), for the work (办理工作) and the result (办理结果) separately.
 * 满意率 as ranked is (满意 + 基本满意) / feedback received, on the result.
 */
export function isSatisfiedOrBasically(rating: Satisfaction): boolean {
  switch (rating) {
    case Satisfaction.Satisfied:
    case Satisfaction.BasicallySatisfied:
      return true;
    case Satisfaction.Unsatisfied:
      return false;
    default:
      return assertUnreachable(rating);
  }
}

/** The grades counted; any other configured grade is counted under `other`. */
export const COUNTED_GRADES = ['A', 'B', 'C', 'D'] as const;

export interface Rate {
  numerator: number;
  denominator: number;
  /** Percentage rounded to one decimal; null when nothing is in the denominator. */
  percent: number | null;
}

export function rate(numerator: number, denominator: number): Rate {
  if (!Number.isInteger(numerator) || !Number.isInteger(denominator) || numerator < 0 || denominator < 0) {
    throw new RangeError(`A rate needs whole counts ≥ 0, got ${numerator}/${denominator}`);
  }
  if (numerator > denominator) throw new RangeError(`A rate cannot exceed 100%: ${numerator}/${denominator}`);
  return {
    numerator,
    denominator,
    percent: denominator === 0 ? null : Math.round((numerator * 1000) / denominator) / 10,
  };
}

/** `85.7%`, or `—` when nothing is in the denominator: how exports and the report print a rate. */
export function formatPercent(r: Rate): string {
  return r.percent === null ? '—' : `${r.percent.toFixed(1)}%`;
}

/** An average rounded to one decimal, null over nothing. */
export function roundedAverage(value: number | string | null): number | null {
  if (value === null) return null;
  const n = Number(value);
  return Number.isFinite(n) ? Math.round(n * 10) / 10 : null;
}

/** Whose figures a reader may see. */
export type SupervisionScope = { readonly kind: 'city' } | { readonly kind: 'bureau'; readonly bureauId: string };

export type BureauFilter = { readonly allowed: true; readonly bureauId: string | null } | { readonly allowed: false };

/**
 * The bureau a query is filtered on. City-wide readers (supervisors, registrars) may ask for any
 * bureau or none (all). A bureau's own users always get their own bureau: asking for none means
 * their own, asking for another is refused.
 */
export function bureauFilter(scope: SupervisionScope, requested: string | undefined): BureauFilter {
  switch (scope.kind) {
    case 'city':
      return { allowed: true, bureauId: requested ?? null };
    case 'bureau':
      if (requested === undefined || requested === scope.bureauId) return { allowed: true, bureauId: scope.bureauId };
      return { allowed: false };
    default:
      return assertUnreachable(scope);
  }
}
