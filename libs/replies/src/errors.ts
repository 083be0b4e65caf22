import { DafuError, ForbiddenError } from '@dafu/platform/errors/dafu-error';
import { ErrorCode } from '@dafu/platform/errors/error-codes';
import { assertUnreachable } from '@dafu/platform/errors/assert-unreachable';
import type { ReplyEvent, ReplyRefusal } from './domain/reply-lifecycle';
import { FINAL_REPLY_STATUSES, ReplyStatus } from './domain/reply-status';

export class ReplyNotFoundError extends DafuError {
  constructor(replyId: string) {
    super(ErrorCode.ReplyNotFound, { replyId });
  }
}

/** Why the lifecycle said no, as the error the client sees. Another bureau's reply reads as missing. */
export function replyRefusalError(
  reason: ReplyRefusal,
  from: ReplyStatus,
  event: ReplyEvent,
  replyId: string,
): DafuError {
  switch (reason) {
    case 'other_bureau':
      return new ReplyNotFoundError(replyId);
    case 'role_not_allowed':
      return new ForbiddenError();
    case 'own_draft':
      return new DafuError(ErrorCode.ReplyOwnDraft, { event });
    case 'not_from_this_state':
      return FINAL_REPLY_STATUSES.includes(from)
        ? new DafuError(ErrorCode.ReplyFinal, { status: from, event })
        : new DafuError(ErrorCode.ReplyTransitionRefused, { status: from, event });
    default:
      return assertUnreachable(reason);
  }
}

/** A stale edit: says who saved the version the editor has not seen, and when. */
export class ReplyVersionConflictError extends DafuError {
  constructor(current: { version: number; savedBy: string; savedByName: string | null; savedAt: Date }) {
    const who = current.savedByName ?? current.savedBy;
    const at = current.savedAt.toISOString();
    super(
      ErrorCode.ReplyVersionConflict,
      { currentVersion: current.version, savedBy: current.savedBy, savedByName: current.savedByName, savedAt: at },
      {
        zh: `该答复已由${who}修改（第${current.version}版），请刷新后在最新版本上修改。`,
        en: `${who} changed this reply (version ${current.version}); reload and edit the latest version.`,
      },
    );
  }
}
