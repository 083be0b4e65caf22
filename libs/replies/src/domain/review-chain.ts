import { Role } from '@dafu/platform/vocabulary';

/** One 审核 step before 签发, taken by a user with `role` in the drafting bureau. */
export interface ReviewStep {
  name: string;
  role: Role.Reviewer | Role.Signatory;
}

/** A bureau that has not configured its chain: one section review, then sign-off. */
export const DEFAULT_REVIEW_STEPS: readonly ReviewStep[] = [{ name: '科室审核', role: Role.Reviewer }];

export const MAX_REVIEW_STEPS = 6;

export type ReviewChainProblem =
  | { kind: 'too_many_steps'; max: number }
  | { kind: 'blank_name'; index: number }
  | { kind: 'repeated_name'; name: string }
  | { kind: 'role_not_allowed'; index: number };

/** Checks a chain an admin or the bureau's signatory saves; an empty chain goes straight to sign-off. */
export function checkReviewSteps(steps: readonly ReviewStep[]): ReviewChainProblem[] {
  const problems: ReviewChainProblem[] = [];
  if (steps.length > MAX_REVIEW_STEPS) problems.push({ kind: 'too_many_steps', max: MAX_REVIEW_STEPS });
  const seen = new Set<string>();
  steps.forEach((step, index) => {
    const name = step.name.trim();
    if (name === '') problems.push({ kind: 'blank_name', index });
    else if (seen.has(name)) problems.push({ kind: 'repeated_name', name });
    seen.add(name);
    if (step.role !== Role.Reviewer && step.role !== Role.Signatory) problems.push({ kind: 'role_not_allowed', index });
  });
  return problems;
}

/** The chain as a clerk reads it: 科室审核 → 办公室审核 → 签发. */
export function describeReviewChain(steps: readonly ReviewStep[]): string {
  return [...steps.map((s) => s.name.trim()), '签发'].join(' → ');
}
