import type { LocalDate } from '@dafu/deadlines/domain/local-date';
import { ReplyStatus } from '@dafu/replies/domain/reply-status';

/**
 * 跟踪办理: grades that mean the matter is not solved yet. B: being solved or planned; C: cannot
 * be solved now. A (solved) and D (kept for reference) need no follow-up letter.
 */
export const FOLLOW_UP_GRADES: readonly string[] = ['B', 'C'];

export interface FollowUpFacts {
  replyStatus: ReplyStatus;
  grade: string | null;
  /** A follow-up letter already said the matter is solved. */
  solved: boolean;
  /** A later round's reply replaced this one (重新办理): the follow-up moves to that one. */
  superseded: boolean;
}

/** Whether an issued reply stands on the follow-up list. */
export function onFollowUpList(facts: FollowUpFacts): boolean {
  return (
    facts.replyStatus === ReplyStatus.Issued &&
    facts.grade !== null &&
    FOLLOW_UP_GRADES.includes(facts.grade) &&
    !facts.solved &&
    !facts.superseded
  );
}

export type FollowUpRefusal = 'not_on_list' | 'already_solved' | 'in_the_future';

/** A follow-up letter may be recorded only for a reply on the list, and not dated after today. */
export function refuseFollowUp(facts: FollowUpFacts, sentOn: LocalDate, today: LocalDate): FollowUpRefusal | null {
  if (facts.solved) return 'already_solved';
  if (!onFollowUpList(facts)) return 'not_on_list';
  if (sentOn > today) return 'in_the_future';
  return null;
}
