import { Injectable } from '@nestjs/common';
import { readScopeOf } from '@dafu/platform/auth/access';
import type { Actor } from '@dafu/platform/auth/actor';
import { recordAuditEvents } from '@dafu/platform/audit/audit';
import { isUniqueViolation } from '@dafu/platform/database/postgres-errors';
import { DafuError, ForbiddenError } from '@dafu/platform/errors/dafu-error';
import { ErrorCode } from '@dafu/platform/errors/error-codes';
import { assertUnreachable } from '@dafu/platform/errors/assert-unreachable';
import { Role } from '@dafu/platform/vocabulary';
import { DeadlinesService } from '@dafu/deadlines/deadlines.service';
import type { Page } from '@dafu/proposals/proposals.types';
import { ReplyNotFoundError } from '@dafu/replies/errors';
import { RepliesRepository } from '@dafu/replies/replies.repository';
import { RepliesService } from '@dafu/replies/replies.service';
import { type FollowUpRefusal, refuseFollowUp } from './domain/follow-up';
import { FeedbackRepository } from './feedback.repository';
import type { FollowUpLetter, FollowUpListItem } from './feedback.types';

function followUpError(refusal: FollowUpRefusal, replyId: string): DafuError {
  switch (refusal) {
    case 'not_on_list':
      return new DafuError(ErrorCode.FollowUpNotApplicable, { replyId });
    case 'already_solved':
      return new DafuError(ErrorCode.FollowUpAlreadySolved, { replyId });
    case 'in_the_future':
      return new DafuError(ErrorCode.FollowUpInTheFuture, { replyId });
    default:
      return assertUnreachable(refusal);
  }
}

/** 跟踪办理: B and C replies stay listed until the bureau's follow-up letter reports the matter solved. */
@Injectable()
export class FollowUpsService {
  constructor(
    private readonly repository: FeedbackRepository,
    private readonly replies: RepliesService,
    private readonly repliesRepository: RepliesRepository,
    private readonly deadlines: DeadlinesService,
  ) {}

  /** The city sees every bureau's list; a bureau its own (a filter on another bureau finds nothing). */
  async list(
    actor: Actor,
    filter: { sessionId?: string; bureauId?: string },
    page = 1,
    pageSize = 50,
  ): Promise<Page<FollowUpListItem>> {
    const { items, total } = await this.repository.followUpList(
      { ...filter, limit: pageSize, offset: (page - 1) * pageSize },
      readScopeOf(actor),
    );
    return { items, total, page, pageSize };
  }

  async lettersOf(actor: Actor, replyId: string): Promise<FollowUpLetter[]> {
    await this.replies.get(actor, replyId);
    return this.repository.followUpsOfReply(replyId);
  }

  /** The bureau's clerk records a follow-up letter; `solved` takes the reply off the list. */
  async record(
    actor: Actor,
    replyId: string,
    input: { body: string; sentOn: string; solved: boolean },
  ): Promise<FollowUpLetter> {
    return this.repository.transaction(async (manager) => {
      const reply = await this.repliesRepository.lockReply(manager, replyId, readScopeOf(actor));
      if (!reply || reply.bureauId !== actor.organisationId) throw new ReplyNotFoundError(replyId);
      if (!actor.roles.includes(Role.Clerk)) throw new ForbiddenError();
      const facts = await this.repository.followUpFacts(manager, replyId);
      if (!facts) throw new ReplyNotFoundError(replyId);
      const refusal = refuseFollowUp(facts, input.sentOn, this.deadlines.today());
      if (refusal) throw followUpError(refusal, replyId);
      let letter: FollowUpLetter;
      try {
        letter = await this.repository.insertFollowUp(manager, {
          replyId,
          assignmentId: reply.assignmentId,
          bureauId: reply.bureauId,
          proposalId: reply.proposalId,
          body: input.body.trim(),
          sentOn: input.sentOn,
          solved: input.solved,
          recordedBy: actor.userId,
        });
      } catch (error) {
        if (isUniqueViolation(error, 'follow_ups_solved_once')) throw followUpError('already_solved', replyId);
        throw error;
      }
      const data = { followUpId: letter.id, replyId, sentOn: input.sentOn, solved: input.solved, grade: reply.grade };
      // On the reply's history and on the assignment's timeline.
      await recordAuditEvents(manager, [
        { actor, entityType: 'reply', entityId: replyId, action: 'follow_up.recorded', data },
        { actor, entityType: 'assignment', entityId: reply.assignmentId, action: 'follow_up.recorded', data },
      ]);
      return letter;
    });
  }
}
