import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { canRegisterFor, readScopeOf } from '@dafu/platform/auth/access';
import type { Actor } from '@dafu/platform/auth/actor';
import { recordAuditEvent } from '@dafu/platform/audit/audit';
import { Clock } from '@dafu/platform/clock/clock';
import { DafuConfig } from '@dafu/platform/config/dafu-config';
import { isUniqueViolation } from '@dafu/platform/database/postgres-errors';
import { DafuError, ForbiddenError } from '@dafu/platform/errors/dafu-error';
import { ErrorCode } from '@dafu/platform/errors/error-codes';
import { assertUnreachable } from '@dafu/platform/errors/assert-unreachable';
import { DomainEventName, recordDomainEvents } from '@dafu/platform/outbox/outbox';
import { Role, SessionBody } from '@dafu/platform/vocabulary';
import { DeadlinesService } from '@dafu/deadlines/deadlines.service';
import type { LocalDate } from '@dafu/deadlines/domain/local-date';
import { IdentityRepository } from '@dafu/identity/identity.repository';
import { HandlingRepository } from '@dafu/handling/handling.repository';
import { HandlingService } from '@dafu/handling/handling.service';
import type { Assignment } from '@dafu/handling/handling.types';
import { sessionLabel } from '@dafu/proposals/domain/session-label';
import { ProposalsRepository } from '@dafu/proposals/proposals.repository';
import { ReplyNotFoundError } from '@dafu/replies/errors';
import { RepliesRepository } from '@dafu/replies/replies.repository';
import { RepliesService } from '@dafu/replies/replies.service';
import type { Reply } from '@dafu/replies/replies.types';
import { chineseDate } from '@dafu/reminders/domain/reminder-message';
import { NotificationKind } from '@dafu/reminders/entities/notification.entity';
import { NotificationDeliveries } from '@dafu/reminders/notification-deliveries.service';
import { RemindersRepository } from '@dafu/reminders/reminders.repository';
import {
  FeedbackChannel,
  type FeedbackRefusal,
  feedbackOutcome,
  refuseFeedback,
  rehandlingDueOn,
  satisfactionZh,
} from './domain/feedback';
import { verifyFeedbackToken } from './domain/feedback-link';
import { FeedbackRepository } from './feedback.repository';
import type { Feedback, FeedbackInput, FeedbackResult, PublicFeedbackView } from './feedback.types';

function feedbackRefusalError(refusal: FeedbackRefusal, replyId: string): DafuError {
  switch (refusal) {
    case 'reply_not_issued':
      return new DafuError(ErrorCode.FeedbackReplyNotIssued, { replyId });
    case 'already_recorded':
      return new DafuError(ErrorCode.FeedbackAlreadyRecorded, { replyId });
    default:
      return assertUnreachable(refusal);
  }
}

/**
 * 反馈: the proposer's answer to an issued reply, written in by the registrar of the proposal's
 * body or by the proposer through the link sent with the letter. The feedback, the assignment's
 * move (closed, or back for 重新办理 with a new due date, a new draft and notifications), the
 * audit events and the outbox entries share one transaction.
 */
@Injectable()
export class FeedbackService {
  constructor(
    private readonly repository: FeedbackRepository,
    private readonly replies: RepliesService,
    private readonly repliesRepository: RepliesRepository,
    private readonly handling: HandlingService,
    private readonly handlingRepository: HandlingRepository,
    private readonly proposals: ProposalsRepository,
    private readonly identity: IdentityRepository,
    private readonly reminders: RemindersRepository,
    private readonly deliveries: NotificationDeliveries,
    private readonly deadlines: DeadlinesService,
    private readonly clock: Clock,
    private readonly config: DafuConfig,
  ) {}

  /** The registrar writes in the answer from the paper form. */
  async record(actor: Actor, replyId: string, input: FeedbackInput): Promise<FeedbackResult> {
    return this.repository.transaction(async (manager) => {
      const reply = await this.repliesRepository.lockReply(manager, replyId, readScopeOf(actor));
      if (!reply) throw new ReplyNotFoundError(replyId);
      const body = await this.handlingRepository.bodyOfProposal(manager, reply.proposalId);
      if (!canRegisterFor(actor, body)) throw new ForbiddenError();
      return this.recordWithin(manager, actor, reply, input, FeedbackChannel.Registrar);
    });
  }

  /** The feedback on a reply, for anyone who may read the reply. */
  async get(actor: Actor, replyId: string): Promise<Feedback> {
    await this.replies.get(actor, replyId);
    const feedback = await this.repository.feedbackOfReply(replyId);
    if (!feedback) throw new DafuError(ErrorCode.FeedbackNotFound, { replyId });
    return feedback;
  }

  /** What the proposer's page shows for a link: the letter it answers, nothing of the handling. */
  async publicView(token: string): Promise<PublicFeedbackView> {
    const { replyId, expiresAt } = this.verify(token);
    const reply = await this.repliesRepository.findReply(replyId, { kind: 'city' });
    if (!reply) throw new DafuError(ErrorCode.FeedbackLinkInvalid);
    const feedback = await this.repository.feedbackOfReply(replyId);
    const refusal = refuseFeedback({ status: reply.status, hasFeedback: feedback !== null });
    if (refusal === 'reply_not_issued') throw feedbackRefusalError(refusal, replyId);
    const proposal = await this.proposals.findProposal(reply.proposalId, { kind: 'city' });
    const session = proposal ? await this.proposals.findSession(proposal.sessionId) : null;
    const bureau = await this.identity.findOrganisation(reply.bureauId);
    return {
      proposalNumber: proposal?.number ?? 0,
      proposalKind: proposal?.kind ?? '',
      proposalTitle: proposal?.title ?? '',
      sessionName: session ? sessionLabel(session.body, session.term, session.sitting) : null,
      bureauName: bureau?.name ?? '',
      documentNumber: reply.documentNumber,
      signedOn: reply.signedOn,
      answered: feedback !== null,
      expiresAt,
    };
  }

  /** The proposer answers through the link: once, while the link is valid. */
  async publicRecord(token: string, input: FeedbackInput): Promise<{ recorded: true; recordedAt: Date }> {
    const { replyId } = this.verify(token);
    const result = await this.repository.transaction(async (manager) => {
      const reply = await this.repliesRepository.lockReply(manager, replyId, { kind: 'city' });
      if (!reply) throw new DafuError(ErrorCode.FeedbackLinkInvalid);
      return this.recordWithin(manager, null, reply, input, FeedbackChannel.ProposerLink);
    });
    // The proposer learns that it was recorded, not what the handling does next.
    return { recorded: true, recordedAt: result.recordedAt };
  }

  private verify(token: string): { replyId: string; expiresAt: Date } {
    const check = verifyFeedbackToken(token, this.clock.now(), this.config.feedbackLink.secret);
    if (check.ok) return check;
    switch (check.reason) {
      case 'expired':
        throw new DafuError(ErrorCode.FeedbackLinkExpired);
      case 'malformed':
      case 'bad_signature':
        throw new DafuError(ErrorCode.FeedbackLinkInvalid);
      default:
        return assertUnreachable(check.reason);
    }
  }

  private async recordWithin(
    manager: EntityManager,
    actor: Actor | null,
    reply: Reply,
    input: FeedbackInput,
    channel: FeedbackChannel,
  ): Promise<FeedbackResult> {
    const existing = await this.repository.feedbackOfReply(reply.id, manager);
    const refusal = refuseFeedback({ status: reply.status, hasFeedback: existing !== null });
    if (refusal) throw feedbackRefusalError(refusal, reply.id);

    const feedbackOn = this.deadlines.today();
    let feedback: Feedback;
    try {
      feedback = await this.repository.insertFeedback(manager, {
        replyId: reply.id,
        assignmentId: reply.assignmentId,
        bureauId: reply.bureauId,
        proposalId: reply.proposalId,
        workRating: input.workRating,
        resultRating: input.resultRating,
        talkedBeforeReply: input.talkedBeforeReply,
        comments: input.comments?.trim() ?? '',
        channel,
        recordedBy: actor?.userId ?? null,
      });
    } catch (error) {
      // The reply row is locked, so only a writer that bypassed the lock could get here first.
      if (isUniqueViolation(error, 'feedback_once_per_reply')) throw feedbackRefusalError('already_recorded', reply.id);
      throw error;
    }
    const outcome = feedbackOutcome({ work: input.workRating, result: input.resultRating });
    const ratings = {
      workRating: input.workRating,
      resultRating: input.resultRating,
      talkedBeforeReply: input.talkedBeforeReply,
      channel,
    };
    await recordAuditEvent(manager, {
      actor,
      entityType: 'reply',
      entityId: reply.id,
      action: 'reply.feedback_recorded',
      data: { feedbackId: feedback.id, outcome, ...ratings },
    });
    const assignment = await this.handling.recordFeedbackWithin(manager, actor, reply.assignmentId, {
      replyId: reply.id,
      feedbackId: feedback.id,
      rehandle: outcome === 'rehandle',
      dueOn: (rules) => rehandlingDueOn(feedbackOn, rules),
      data: ratings,
    });
    let newReplyId: string | null = null;
    if (outcome === 'rehandle') {
      const draft = await this.replies.startRehandlingDraftWithin(manager, actor, assignment, reply);
      newReplyId = draft.id;
      await this.notifyRehandling(manager, assignment, reply, feedback);
    }
    return {
      ...feedback,
      outcome,
      assignmentStatus: assignment.status,
      rehandlingDueOn: outcome === 'rehandle' ? assignment.dueOn : null,
      newReplyId,
    };
  }

  /** The bureau's clerks and the supervisors hear of the re-handling and its new due date. */
  private async notifyRehandling(
    manager: EntityManager,
    assignment: Assignment,
    reply: Reply,
    feedback: Feedback,
  ): Promise<void> {
    const proposal = await this.proposals.findProposal(assignment.proposalId, { kind: 'city' }, manager);
    const session = proposal ? await this.proposals.findSession(proposal.sessionId, manager) : null;
    const bureau = await this.identity.findOrganisation(assignment.bureauId, manager);
    const item = `第${proposal?.number ?? ''}号${session?.body === SessionBody.Npc ? '建议' : '提案'}`;
    const dueOn: LocalDate = assignment.dueOn;
    const link = `${this.config.publicBaseUrl}/assignments/${assignment.id}`;
    const title = `${item}提出人不满意，需重新办理`;
    const body = [
      `${bureau?.name ?? ''}办理的${item}《${proposal?.title ?? ''}》，`,
      `提出人对答复${reply.documentNumber ? `（${reply.documentNumber}）` : ''}的评价为：`,
      `办理工作${satisfactionZh(feedback.workRating)}，办理结果${satisfactionZh(feedback.resultRating)}。`,
      `请重新办理，并于${chineseDate(dueOn)}前重新答复。`,
    ].join('');
    const recipients = await this.reminders.recipients(manager, assignment.bureauId, [Role.Clerk], true);
    const inserted = await this.reminders.insertNotifications(
      manager,
      recipients.map((recipient) => ({
        userId: recipient.userId,
        kind: NotificationKind.Rehandling,
        assignmentId: assignment.id,
        deadlineKind: null,
        dueOn,
        milestone: null,
        escalation: false,
        urgeId: null,
        title,
        body,
        link,
      })),
    );
    await this.deliveries.plan(manager, inserted, recipients);
    await recordDomainEvents(manager, [
      {
        name: DomainEventName.NotificationsCreated,
        aggregateType: 'assignment',
        aggregateId: assignment.id,
        payload: { count: inserted.length },
      },
    ]);
  }
}
