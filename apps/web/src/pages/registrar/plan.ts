import type { AssignmentRole, AssignmentView } from './types';

/** One line of the assignment form; empty until the registrar picks. */
export interface PlannedLine {
  bureauId?: string;
  role?: AssignmentRole;
}

export type PlanProblem =
  | { kind: 'empty' }
  | { kind: 'incomplete' }
  | { kind: 'bureau_repeated'; bureauIds: string[] }
  | { kind: 'lead_exists' }
  | { kind: 'lead_required' };

/** Reassigned and withdrawn assignments no longer count (the API's ENDED_ASSIGNMENT_STATUSES). */
const ENDED: readonly AssignmentView['status'][] = ['reassigned', 'withdrawn'];

/**
 * The API's rules for a 交办 (libs/handling/src/domain/assignment-plan.ts), checked before sending
 * so the form says what is wrong at once: each bureau once, at most one lead, co bureaus only
 * beside a lead. The API checks again and its refusal is shown if this one ever disagrees.
 */
export function checkPlan(
  planned: readonly PlannedLine[],
  existing: readonly Pick<AssignmentView, 'bureauId' | 'role' | 'status'>[],
): PlanProblem | null {
  if (planned.length === 0) return { kind: 'empty' };
  if (planned.some((line) => !line.bureauId || !line.role)) return { kind: 'incomplete' };
  const live = existing.filter((a) => !ENDED.includes(a.status));

  const seen = new Set(live.map((a) => a.bureauId));
  const repeated = new Set<string>();
  for (const { bureauId } of planned) {
    if (seen.has(bureauId as string)) repeated.add(bureauId as string);
    seen.add(bureauId as string);
  }
  if (repeated.size > 0) return { kind: 'bureau_repeated', bureauIds: [...repeated] };

  const leads = [...live, ...planned].filter((a) => a.role === 'lead').length;
  if (leads > 1) return { kind: 'lead_exists' };
  if (leads === 0 && planned.some((a) => a.role === 'co')) return { kind: 'lead_required' };
  return null;
}
