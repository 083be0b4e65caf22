import { addDays, type LocalDate } from '@dafu/deadlines/domain/local-date';
import { ReplyStatus } from '@dafu/replies/domain/reply-status';
import { Disclosure } from '@dafu/replies/domain/reply-content';
import { assertUnreachable } from '@dafu/platform/errors/assert-unreachable';
import type { SessionBody } from '@dafu/platform/vocabulary';

/** The part of the work calendar publication needs (WorkingDayCalendar has it). */
export interface PublicationCalendar {
  addWorkingDays(date: LocalDate, n: number): LocalDate;
}

/** The first day a reply issued on `issuedOn` may be shown: the delay's n-th working day after (0: that day). */
export function publishedOn(issuedOn: LocalDate, delayWorkingDays: number, calendar: PublicationCalendar): LocalDate {
  return delayWorkingDays === 0 ? issuedOn : calendar.addWorkingDays(issuedOn, delayWorkingDays);
}

/**
 * The latest issue date whose replies are public by `today`: what the feed's SQL compares
 * issue dates with. `publishedOn` never goes backwards as the issue date moves on, so walking
 * back from today finds it; a long holiday is at most a few weeks.
 */
export function latestIssueDatePublishedBy(
  today: LocalDate,
  delayWorkingDays: number,
  calendar: PublicationCalendar,
): LocalDate {
  let issuedOn = today;
  // 60 working days (the rules' cap) never span more than a year of calendar days.
  for (let step = 0; step < 400; step += 1) {
    if (publishedOn(issuedOn, delayWorkingDays, calendar) <= today) return issuedOn;
    issuedOn = addDays(issuedOn, -1);
  }
  return issuedOn;
}

/** Each body's latest issue date whose public replies are published on `today`. */
export function publicationCutoffsOf(
  rules: readonly { body: SessionBody; rules: { publicationDelayWorkingDays: number } }[],
  today: LocalDate,
  calendar: PublicationCalendar,
): { body: SessionBody; cutoff: LocalDate }[] {
  return rules.map(({ body, rules: { publicationDelayWorkingDays } }) => ({
    body,
    cutoff: latestIssueDatePublishedBy(today, publicationDelayWorkingDays, calendar),
  }));
}

/** Why a reply is not in the public feed; `published` when it is. */
export type PublicationVerdict =
  'published' | 'not_issued' | 'voided' | 'disclosed_on_request' | 'not_public' | 'within_delay';

export interface PublicationFacts {
  status: ReplyStatus;
  /** The signed version's disclosure level; null before sign-off. */
  disclosure: Disclosure | null;
  /** Local date of issue; null until issued. */
  issuedOn: LocalDate | null;
}

/**
 * The one rule of 公开: only an issued reply whose signed text is marked public, once the
 * body's delay has passed. Drafts, signed-but-not-sent, withdrawn and voided letters never.
 */
export function publicationOf(
  reply: PublicationFacts,
  delayWorkingDays: number,
  today: LocalDate,
  calendar: PublicationCalendar,
): PublicationVerdict {
  switch (reply.status) {
    case ReplyStatus.Drafting:
    case ReplyStatus.InReview:
    case ReplyStatus.AwaitingSignoff:
    case ReplyStatus.Signed:
    case ReplyStatus.Withdrawn:
      return 'not_issued';
    case ReplyStatus.Voided:
      return 'voided';
    case ReplyStatus.Issued:
      break;
    default:
      return assertUnreachable(reply.status);
  }
  if (reply.issuedOn === null || reply.disclosure === null) return 'not_issued';
  switch (reply.disclosure) {
    case Disclosure.OnRequest:
      return 'disclosed_on_request';
    case Disclosure.NotPublic:
      return 'not_public';
    case Disclosure.Public:
      return publishedOn(reply.issuedOn, delayWorkingDays, calendar) <= today ? 'published' : 'within_delay';
    default:
      return assertUnreachable(reply.disclosure);
  }
}
