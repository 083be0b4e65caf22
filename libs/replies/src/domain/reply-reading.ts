import { assertUnreachable } from '@dafu/platform/errors/assert-unreachable';
import { ReplyStatus } from './reply-status';

/**
 * How much of a reply a reader sees:
 * - `full`: its text, versions, diffs, comments and documents;
 * - `status_only`: that it exists and where it stands (lists, timeline), not what it says;
 * - `none`: nothing; it reads as missing.
 */
export type ReplyReading = 'full' | 'status_only' | 'none';

/** The reader as the rule needs it: where they work from, and whether an admin granted drafts. */
export interface ReplyReader {
  scope: { readonly kind: 'city' } | { readonly kind: 'bureau'; readonly bureauId: string };
  /** Only matters for city readers: a bureau reads its own drafts anyway. */
  mayReadDrafts: boolean;
}

/**
 * Bureau users read all of their own bureau's replies and nothing of another's. City readers
 * (supervisors, registrars) read signed letters in full; of an unsigned one (a draft, one in
 * review or awaiting sign-off, a withdrawn one) they see the status only, unless granted.
 */
export function replyReadingOf(reader: ReplyReader, reply: { bureauId: string; status: ReplyStatus }): ReplyReading {
  if (reader.scope.kind === 'bureau') return reader.scope.bureauId === reply.bureauId ? 'full' : 'none';
  switch (reply.status) {
    case ReplyStatus.Signed:
    case ReplyStatus.Issued:
    case ReplyStatus.Voided:
      return 'full';
    case ReplyStatus.Drafting:
    case ReplyStatus.InReview:
    case ReplyStatus.AwaitingSignoff:
    case ReplyStatus.Withdrawn:
      return reader.mayReadDrafts ? 'full' : 'status_only';
    default:
      return assertUnreachable(reply.status);
  }
}
