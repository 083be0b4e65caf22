import { AssignmentRole } from '@dafu/platform/vocabulary';

export interface PlannedAssignment {
  bureauId: string;
  role: AssignmentRole;
}

export interface LiveAssignment {
  bureauId: string;
  role: AssignmentRole;
}

export type AssignmentPlanProblem =
  { kind: 'bureau_repeated'; bureauIds: string[] } | { kind: 'lead_exists' } | { kind: 'lead_required' };

/**
 * Checks a 交办 against what the proposal already has: a bureau once, at most one lead, and
 * co bureaus only beside a lead (their opinion goes to it).
 */
export function checkAssignmentPlan(
  planned: readonly PlannedAssignment[],
  live: readonly LiveAssignment[],
): AssignmentPlanProblem | null {
  const seen = new Set(live.map((a) => a.bureauId));
  const repeated = new Set<string>();
  for (const { bureauId } of planned) {
    if (seen.has(bureauId)) repeated.add(bureauId);
    seen.add(bureauId);
  }
  if (repeated.size > 0) return { kind: 'bureau_repeated', bureauIds: [...repeated] };

  const leadsLive = live.filter((a) => a.role === AssignmentRole.Lead).length;
  const leadsPlanned = planned.filter((a) => a.role === AssignmentRole.Lead).length;
  if (leadsLive + leadsPlanned > 1) return { kind: 'lead_exists' };

  const hasCo = planned.some((a) => a.role === AssignmentRole.Co);
  if (hasCo && leadsLive + leadsPlanned === 0) return { kind: 'lead_required' };
  return null;
}

/**
 * A proposal is answered when every lead and separate bureau has replied: each separate bureau
 * replies on its own, and co bureaus only send opinions to the lead.
 */
export function allRepliesIn(live: readonly { role: AssignmentRole; replied: boolean }[]): boolean {
  const replying = live.filter((a) => a.role !== AssignmentRole.Co);
  return replying.length > 0 && replying.every((a) => a.replied);
}
