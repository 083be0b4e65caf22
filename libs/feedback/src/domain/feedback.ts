import { assertUnreachable } from '@dafu/platform/errors/assert-unreachable';
import { addCalendarMonths, type LocalDate } from '@dafu/deadlines/domain/local-date';
import { ReplyStatus } from '@dafu/replies/domain/reply-status';

/** 满意 / 基本满意 / 不满意, as the feedback form offers them (the database enum `satisfaction`). */
export enum Satisfaction {
  Satisfied = 'satisfied',
  BasicallySatisfied = 'basically_satisfied',
  Unsatisfied = 'unsatisfied',
}

/** Who wrote the answer into Dafu: the registrar from the paper form, or the proposer through the link. */
export enum FeedbackChannel {
  Registrar = 'registrar',
  ProposerLink = 'proposer_link',
}

export function satisfactionZh(value: Satisfaction): string {
  switch (value) {
    case Satisfaction.Satisfied:
      return '满意';
    case Satisfaction.BasicallySatisfied:
      return '基本满意';
    case Satisfaction.Unsatisfied:
      return '不满意';
    default:
      return assertUnreachable(value);
  }
}

/** What the feedback does to the assignment: 不满意 on either rating reopens it (重新办理), else it closes. */
export type FeedbackOutcome = 'close' | 'rehandle';

export function feedbackOutcome(ratings: { work: Satisfaction; result: Satisfaction }): FeedbackOutcome {
  return ratings.work === Satisfaction.Unsatisfied || ratings.result === Satisfaction.Unsatisfied
    ? 'rehandle'
    : 'close';
}

/** The new reply after 不满意 is due this many calendar months after the feedback (default 1). */
export function rehandlingDueOn(feedbackOn: LocalDate, rules: { rehandlingMonths: number }): LocalDate {
  return addCalendarMonths(feedbackOn, rules.rehandlingMonths);
}

export type FeedbackRefusal = 'reply_not_issued' | 'already_recorded';

/** Feedback answers a letter that went out, once: a draft, a voided letter or a second answer is refused. */
export function refuseFeedback(reply: { status: ReplyStatus; hasFeedback: boolean }): FeedbackRefusal | null {
  if (reply.status !== ReplyStatus.Issued) return 'reply_not_issued';
  if (reply.hasFeedback) return 'already_recorded';
  return null;
}
