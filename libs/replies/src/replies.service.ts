import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { readScopeOf } from '@dafu/platform/auth/access';
import type { Actor } from '@dafu/platform/auth/actor';
import { listAuditEvents, recordAuditEvent, type AuditEvent } from '@dafu/platform/audit/audit';
import { DomainEventName, recordDomainEvents } from '@dafu/platform/outbox/outbox';
import { isUniqueViolation } from '@dafu/platform/database/postgres-errors';
import { DafuError, ForbiddenError } from '@dafu/platform/errors/dafu-error';
import { ErrorCode } from '@dafu/platform/errors/error-codes';
import { assertUnreachable } from '@dafu/platform/errors/assert-unreachable';
import { AssignmentRole, Role, SessionBody } from '@dafu/platform/vocabulary';
import { SimilarRepliesService, type SimilarReply } from '@dafu/search/similar-replies.service';
import type { UploadedFile } from '@dafu/platform/http/uploaded-file';
import { DeadlinesService } from '@dafu/deadlines/deadlines.service';
import { IdentityRepository } from '@dafu/identity/identity.repository';
import { ProposalsRepository } from '@dafu/proposals/proposals.repository';
import { sessionLabel } from '@dafu/proposals/domain/session-label';
import { AssignmentStatus } from '@dafu/handling/domain/assignment-status';
import { AssignmentWork, refuseWork } from '@dafu/handling/domain/assignment-work';
import { AssignmentWorkService, type Attachment, type CoOpinion } from '@dafu/handling/assignment-work.service';
import { AttachmentOwner } from '@dafu/handling/entities/attachment.entity';
import { CoOpinionStatus } from '@dafu/handling/entities/co-opinion.entity';
import { AssignmentNotFoundError } from '@dafu/handling/errors';
import { HandlingRepository } from '@dafu/handling/handling.repository';
import { HandlingService } from '@dafu/handling/handling.service';
import type { Assignment } from '@dafu/handling/handling.types';
import { allocateDocumentNumber } from './document-numbers';
import type { GradeClass, ReplyContent } from './domain/reply-content';
import { checkCompleteness, checkReplyContent, REPLY_TEXT_LIMIT, replyTextLength } from './domain/reply-checks';
import { diffReplyContents, type ReplyChange } from './domain/reply-diff';
import { ReplyEvent, transitionReply } from './domain/reply-lifecycle';
import { FINAL_REPLY_STATUSES, OPEN_REPLY_STATUSES, ReplyStatus } from './domain/reply-status';
import { renderReplyText } from './domain/reply-text';
import { replyReadingOf, type ReplyReading } from './domain/reply-reading';
import { startingContent } from './domain/reply-template';
import { ReplyNotFoundError, replyRefusalError, ReplyVersionConflictError } from './errors';
import { ReplyConfigurationService } from './reply-configuration.service';
import { ReplyChanges, RepliesRepository } from './replies.repository';
import type { Reply, ReplySummary, ReplyVersion, ReplyVersionSummary, ReplyView, ReviewComment } from './replies.types';

/** What a clerk starts from beside the draft: the co bureaus' opinions and similar earlier replies. */
export interface ReplySources {
  coOpinions: CoOpinion[];
  /**
   * Signed or issued replies to similar earlier proposals and archived letters, best first, each
   * with its sections; an inserted section records { kind: 'past_reply' | 'archived_letter', id, sectionIndex }.
   */
  similarReplies: SimilarReply[];
}

interface EventOutcome {
  changes?: ReplyChanges;
  reason?: string | null;
  data?: Record<string, unknown>;
}

/** A reply moves only here: lock, ask the lifecycle, write, audit, all in one transaction. */
@Injectable()
export class RepliesService {
  constructor(
    private readonly repository: RepliesRepository,
    private readonly configuration: ReplyConfigurationService,
    private readonly handlingRepository: HandlingRepository,
    private readonly handling: HandlingService,
    private readonly assignmentWork: AssignmentWorkService,
    private readonly proposals: ProposalsRepository,
    private readonly identity: IdentityRepository,
    private readonly deadlines: DeadlinesService,
    private readonly similar: SimilarRepliesService,
  ) {}

  /** Starts the reply of a lead or separate assignment, prefilled from the templates and the proposal. */
  async start(actor: Actor, assignmentId: string): Promise<ReplyView> {
    return this.repository.transaction(async (manager) => {
      const assignment = await this.handlingRepository.lockAssignment(manager, assignmentId, readScopeOf(actor));
      if (!assignment) throw new AssignmentNotFoundError(assignmentId);
      const refusal = refuseWork(AssignmentWork.DraftReply, actor, assignment);
      if (refusal === 'role_not_allowed' || refusal === 'other_bureau') throw new ForbiddenError();
      if (refusal === 'not_applicable') throw new DafuError(ErrorCode.ReplyNotApplicable);
      if (refusal === 'closed_for_work')
        throw new DafuError(ErrorCode.AssignmentClosedForWork, { status: assignment.status });

      const round = await this.roundFor(manager, assignment);
      const existing = await this.repository.liveReplyOf(manager, assignmentId, round);
      if (existing) throw new DafuError(ErrorCode.ReplyExists, { replyId: existing.id });

      const content = await this.startingContentFor(manager, assignment);
      let replyId: string;
      try {
        const reply = await this.repository.insertReply(manager, {
          assignmentId,
          bureauId: assignment.bureauId,
          proposalId: assignment.proposalId,
          round,
          startedBy: actor.userId,
        });
        replyId = reply.id;
        await this.repository.insertVersion(manager, { replyId: reply.id, number: 1, content, savedBy: actor.userId });
        await recordAuditEvent(manager, {
          actor,
          entityType: 'reply',
          entityId: reply.id,
          action: 'reply.started',
          toState: ReplyStatus.Drafting,
          data: { assignmentId, round },
        });
      } catch (error) {
        // Two clerks started at once; the other one's draft stands.
        if (isUniqueViolation(error, 'replies_one_live_per_round')) throw new DafuError(ErrorCode.ReplyExists);
        throw error;
      }
      // Read before the commit, on the transaction's connection, as act() does.
      return this.viewOf((await this.readable(actor, replyId, 'full', manager)).reply, manager);
    });
  }

  /**
   * 重新办理: the new round's draft, started inside the feedback's transaction once the
   * assignment is back in rehandling, from the templates like any first draft. It is started in
   * the name of the clerk who started the previous round (the bureau's drafter of this item).
   */
  async startRehandlingDraftWithin(
    manager: EntityManager,
    actor: Actor | null,
    assignment: Assignment,
    previous: Reply,
  ): Promise<Reply> {
    const round = await this.roundFor(manager, assignment);
    const content = await this.startingContentFor(manager, assignment);
    const reply = await this.repository.insertReply(manager, {
      assignmentId: assignment.id,
      bureauId: assignment.bureauId,
      proposalId: assignment.proposalId,
      round,
      startedBy: previous.startedBy,
    });
    await this.repository.insertVersion(manager, {
      replyId: reply.id,
      number: 1,
      content,
      savedBy: previous.startedBy,
    });
    await recordAuditEvent(manager, {
      actor,
      entityType: 'reply',
      entityId: reply.id,
      action: 'reply.started',
      toState: ReplyStatus.Drafting,
      data: { assignmentId: assignment.id, round, rehandling: true, previousReplyId: previous.id },
    });
    return reply;
  }

  async get(actor: Actor, id: string): Promise<ReplyView> {
    return this.viewOf((await this.readable(actor, id, 'full')).reply);
  }

  /**
   * The reply, if the actor may read it as far as asked (replyReadingOf): another bureau's reads
   * as missing; an unsigned one asked for in full by a city reader without the grant is
   * REPLY_DRAFT_HIDDEN. The grant is read from the user row, so it takes effect at once.
   */
  private async readable(
    actor: Actor,
    id: string,
    asked: 'full' | 'status',
    manager: EntityManager = this.repository.manager,
  ): Promise<{ reply: Reply; reading: ReplyReading }> {
    const scope = readScopeOf(actor);
    const reply = await this.repository.findReply(id, scope, manager);
    if (!reply) throw new ReplyNotFoundError(id);
    let reading = replyReadingOf({ scope, mayReadDrafts: false }, reply);
    if (reading === 'status_only' && (await this.identity.findUser(actor.userId, manager))?.mayReadDrafts) {
      reading = replyReadingOf({ scope, mayReadDrafts: true }, reply);
    }
    switch (reading) {
      case 'none':
        throw new ReplyNotFoundError(id);
      case 'status_only':
        if (asked === 'full') throw new DafuError(ErrorCode.ReplyDraftHidden, { status: reply.status });
        return { reply, reading };
      case 'full':
        return { reply, reading };
      default:
        return assertUnreachable(reading);
    }
  }

  async listOfAssignment(actor: Actor, assignmentId: string): Promise<ReplySummary[]> {
    await this.handling.getAssignment(actor, assignmentId);
    return this.repository.summaries({ assignmentId }, readScopeOf(actor));
  }

  /** What waits for the user: drafts for clerks, their review steps, sign-off for signatories. */
  inbox(actor: Actor): Promise<ReplySummary[]> {
    return this.repository.inbox(actor.organisationId, actor.roles);
  }

  /** Every save is a new version, accepted only on top of the version the editor read. */
  async save(actor: Actor, id: string, version: number, content: ReplyContent): Promise<ReplyView> {
    const length = replyTextLength(content);
    if (length > REPLY_TEXT_LIMIT) throw new DafuError(ErrorCode.ReplyTooLong, { limit: REPLY_TEXT_LIMIT, length });
    return this.act(actor, id, ReplyEvent.Save, version, async (manager, reply) => {
      const problems = checkReplyContent(content, await this.gradeClassesOf(manager, reply));
      if (problems.length > 0) throw new DafuError(ErrorCode.ReplyContentInvalid, { problems });
      const next = reply.version + 1;
      await this.repository.insertVersion(manager, { replyId: id, number: next, content, savedBy: actor.userId });
      return {
        changes: { version: next, lastSavedBy: actor.userId, lastSavedAt: new Date() },
        data: { version: next },
      };
    });
  }

  async versions(actor: Actor, id: string): Promise<ReplyVersionSummary[]> {
    await this.get(actor, id);
    return this.repository.versions(id);
  }

  async version(actor: Actor, id: string, number: number): Promise<ReplyVersion> {
    await this.get(actor, id);
    const version = await this.repository.version(id, number);
    if (!version) throw new DafuError(ErrorCode.ReplyVersionNotFound, { version: number });
    return version;
  }

  async diff(actor: Actor, id: string, from: number, to: number): Promise<ReplyChange[]> {
    const [before, after] = await Promise.all([this.version(actor, id, from), this.version(actor, id, to)]);
    return diffReplyContents(before.content, after.content);
  }

  /** What submitting would still refuse for, so the editor can show it before the clerk tries. */
  async completeness(actor: Actor, id: string) {
    const { reply } = await this.readable(actor, id, 'full');
    return this.repository.transaction(async (manager) => {
      const content = await this.contentOf(manager, reply, reply.version);
      return checkCompleteness(content, await this.completenessFacts(manager, reply));
    });
  }

  async submit(actor: Actor, id: string, version: number): Promise<ReplyView> {
    return this.act(actor, id, ReplyEvent.Submit, version, async (manager, reply) => {
      const content = await this.contentOf(manager, reply, reply.version);
      const missing = checkCompleteness(content, await this.completenessFacts(manager, reply));
      if (missing.length > 0) throw new DafuError(ErrorCode.ReplyIncomplete, { missing });
      return { changes: { submittedAt: new Date() }, data: { version: reply.version } };
    });
  }

  async approve(actor: Actor, id: string, version: number, comment?: string): Promise<ReplyView> {
    return this.act(actor, id, ReplyEvent.Approve, version, async (manager, reply) => {
      const stepName = reply.reviewSteps[reply.currentStep ?? 0]?.name ?? '';
      if (comment?.trim()) {
        await this.repository.insertComments(manager, [
          {
            replyId: id,
            versionNumber: reply.version,
            stepName,
            anchor: 'general',
            body: comment.trim(),
            authorId: actor.userId,
          },
        ]);
      }
      return { reason: comment?.trim() || null, data: { step: stepName, version: reply.version } };
    });
  }

  /** Back to drafting with comments anchored to the parts of the text they are about. */
  async sendBack(
    actor: Actor,
    id: string,
    version: number,
    comments: { anchor: string; body: string }[],
  ): Promise<ReplyView> {
    return this.act(actor, id, ReplyEvent.SendBack, version, async (manager, reply) => {
      const stepName =
        reply.status === ReplyStatus.AwaitingSignoff ? '签发' : reply.reviewSteps[reply.currentStep ?? 0].name;
      await this.repository.insertComments(
        manager,
        comments.map((c) => ({
          replyId: id,
          versionNumber: reply.version,
          stepName,
          anchor: c.anchor,
          body: c.body.trim(),
          authorId: actor.userId,
        })),
      );
      return {
        reason: comments.map((c) => c.body.trim()).join('；'),
        data: { step: stepName, comments: comments.length },
      };
    });
  }

  async comments(actor: Actor, id: string): Promise<ReviewComment[]> {
    await this.get(actor, id);
    return this.repository.comments(id);
  }

  /** The clerk answers a reviewer's comment, e.g. 已补充，见第二部分. */
  async answerComment(actor: Actor, id: string, commentId: string, answer: string): Promise<ReviewComment> {
    await this.repository.transaction(async (manager) => {
      const reply = await this.repository.lockReply(manager, id, readScopeOf(actor));
      if (!reply || reply.bureauId !== actor.organisationId) throw new ReplyNotFoundError(id);
      if (!actor.roles.includes(Role.Clerk)) throw new ForbiddenError();
      if (FINAL_REPLY_STATUSES.includes(reply.status))
        throw new DafuError(ErrorCode.ReplyFinal, { status: reply.status });
      const comment = await this.repository.lockComment(manager, id, commentId);
      if (!comment) throw new DafuError(ErrorCode.ReviewCommentNotFound, { commentId });
      await this.repository.answerComment(manager, commentId, answer.trim(), actor.userId);
      await recordAuditEvent(manager, {
        actor,
        entityType: 'reply',
        entityId: id,
        action: 'reply.comment_answered',
        data: { commentId },
      });
    });
    const comments = await this.repository.comments(id);
    return comments.find((c) => c.id === commentId) as ReviewComment;
  }

  /**
   * 签发, in one transaction: the lifecycle's consent, the final grade, the next 文号 of the bureau's
   * series, the signatory and date fixed, the assignment (and perhaps the proposal) answered, the
   * audit event, and the outbox entry that asks the worker for the final documents.
   */
  async signOff(
    actor: Actor,
    id: string,
    version: number,
    grade?: string,
    gradeChangeReason?: string,
  ): Promise<ReplyView> {
    return this.act(actor, id, ReplyEvent.SignOff, version, async (manager, reply) => {
      const content = await this.contentOf(manager, reply, reply.version);
      const classes = await this.gradeClassesOf(manager, reply);
      const proposed = content.proposedGrade.grade;
      const finalGrade = grade?.trim() || proposed;
      if (!finalGrade || !classes.some((c) => c.grade === finalGrade)) {
        throw new DafuError(ErrorCode.ReplyGradeInvalid, { grade: finalGrade, allowed: classes.map((c) => c.grade) });
      }
      const changed = finalGrade !== proposed;
      if (changed && !gradeChangeReason?.trim()) {
        throw new DafuError(ErrorCode.ValidationFailed, {
          fields: [
            {
              field: 'gradeChangeReason',
              constraints: ['isNotEmpty'],
              zh: 'gradeChangeReason：改变拟定的办理结果等次时，请说明理由',
              en: 'gradeChangeReason: say why the grade differs from the proposed one',
            },
          ],
        });
      }
      const bureau = await this.identity.findOrganisation(reply.bureauId, manager);
      if (!bureau?.documentNumberPrefix) throw new DafuError(ErrorCode.BureauHasNoDocumentNumberPrefix);
      const signedOn = this.deadlines.today();
      const number = await allocateDocumentNumber(manager, bureau.documentNumberPrefix, Number(signedOn.slice(0, 4)));
      const signatory = await this.identity.findUser(actor.userId, manager);
      const assignment = await this.handling.recordReplyWithin(manager, reply.assignmentId);
      const changes: ReplyChanges = {
        grade: finalGrade,
        documentNumber: number.text,
        documentNumberPrefix: number.prefix,
        documentNumberYear: number.year,
        documentNumberSequence: number.sequence,
        signedVersion: reply.version,
        signedDisclosure: content.disclosure.level,
        signatoryId: actor.userId,
        signatoryName: signatory?.displayName ?? actor.username,
        signedOn,
        dueOn: assignment.dueOn,
        signedAt: new Date(),
      };
      await recordDomainEvents(manager, [
        {
          name: DomainEventName.ReplySigned,
          aggregateType: 'reply',
          aggregateId: id,
          payload: { assignmentId: reply.assignmentId, documentNumber: number.text, version: reply.version },
        },
      ]);
      return {
        changes,
        reason: changed ? gradeChangeReason?.trim() : null,
        data: {
          documentNumber: number.text,
          grade: finalGrade,
          proposedGrade: proposed,
          gradeChanged: changed,
          signedOn,
          version: reply.version,
        },
      };
    });
  }

  /** A wrong letter: its number stays taken and never returns; the assignment owes a new reply. */
  async voidReply(actor: Actor, id: string, reason: string): Promise<ReplyView> {
    return this.act(actor, id, ReplyEvent.Void, null, async (manager, reply) => {
      await this.handling.reopenForReplyWithin(manager, reply.assignmentId);
      await recordDomainEvents(manager, [
        {
          name: DomainEventName.ReplyVoided,
          aggregateType: 'reply',
          aggregateId: id,
          payload: { assignmentId: reply.assignmentId, documentNumber: reply.documentNumber },
        },
      ]);
      return {
        changes: { voidedBy: actor.userId, voidedAt: new Date(), voidReason: reason.trim() },
        reason: reason.trim(),
        data: { documentNumber: reply.documentNumber },
      };
    });
  }

  async withdraw(actor: Actor, id: string, reason: string): Promise<ReplyView> {
    return this.act(actor, id, ReplyEvent.Withdraw, null, async () => ({
      changes: { withdrawnAt: new Date(), withdrawReason: reason.trim() },
      reason: reason.trim(),
    }));
  }

  /**
   * The letter as plain text in the seed letters' layout: the signed version once signed,
   * otherwise the latest draft dated today (a preview, without a number).
   */
  async text(actor: Actor, id: string): Promise<string> {
    const { reply } = await this.readable(actor, id, 'full');
    const content = await this.contentOf(this.repository.manager, reply, reply.signedVersion ?? reply.version);
    return renderReplyText({
      content,
      documentNumber: reply.documentNumber,
      signatoryName: reply.signatoryName,
      grade: reply.grade ?? content.proposedGrade.grade,
      printGradeMark: true,
      letterDate: reply.signedOn ?? this.deadlines.today(),
    });
  }

  /**
   * What the final documents are made from: the signed version's text and the facts fixed at
   * sign-off. Null unless the reply is signed (or already issued); a draft never becomes a letter.
   */
  async signedReply(id: string): Promise<{ reply: Reply; content: ReplyContent } | null> {
    const reply = await this.repository.findReply(id, { kind: 'city' });
    if (!reply || reply.signedVersion === null) return null;
    if (reply.status !== ReplyStatus.Signed && reply.status !== ReplyStatus.Issued) return null;
    return { reply, content: await this.contentOf(this.repository.manager, reply, reply.signedVersion) };
  }

  /**
   * 发出, by the worker once the final documents exist: `within` writes them (and the planned
   * deliveries) in the same transaction as the move to issued, its audit event and the outbox
   * entry `reply.issued`. A reply already issued (a retried job) or no longer signed is left as it is.
   */
  async issue(
    id: string,
    within: (manager: EntityManager, reply: Reply) => Promise<Record<string, unknown>>,
  ): Promise<{ issued: true } | { issued: false; status: ReplyStatus }> {
    return this.repository.transaction(async (manager) => {
      const reply = await this.repository.lockReply(manager, id, { kind: 'city' });
      if (!reply) throw new ReplyNotFoundError(id);
      const result = transitionReply(
        reply.status,
        ReplyEvent.Issue,
        { kind: 'system' },
        {
          bureauId: reply.bureauId,
          steps: reply.reviewSteps,
          currentStep: reply.currentStep,
          actorAuthored: false,
        },
      );
      if (!result.ok) return { issued: false, status: reply.status };
      const data = await within(manager, reply);
      await this.repository.updateReply(manager, id, { status: result.to, currentStep: null, issuedAt: new Date() });
      await recordAuditEvent(manager, {
        actor: null,
        entityType: 'reply',
        entityId: id,
        action: `reply.${ReplyEvent.Issue}`,
        fromState: result.from,
        toState: result.to,
        data,
      });
      await recordDomainEvents(manager, [
        {
          name: DomainEventName.ReplyIssued,
          aggregateType: 'reply',
          aggregateId: id,
          payload: { assignmentId: reply.assignmentId, documentNumber: reply.documentNumber },
        },
      ]);
      return { issued: true };
    });
  }

  /** The timeline: a city reader without the draft grant sees the steps, not their notes. */
  async history(actor: Actor, id: string): Promise<AuditEvent[]> {
    const { reading } = await this.readable(actor, id, 'status');
    const events = await listAuditEvents(this.repository.manager, 'reply', id);
    return reading === 'full' ? events : events.map((event) => ({ ...event, reason: null, data: {} }));
  }

  async sources(actor: Actor, id: string): Promise<ReplySources> {
    const view = await this.get(actor, id);
    const coOpinions =
      view.assignmentRole === AssignmentRole.Lead ? await this.assignmentWork.coOpinions(actor, view.assignmentId) : [];
    const similarReplies = await this.similar.forProposal(actor, view.proposalId);
    return { coOpinions, similarReplies };
  }

  async attach(actor: Actor, id: string, file: UploadedFile): Promise<Attachment> {
    const reply = await this.repository.findReply(id, readScopeOf(actor));
    if (!reply) throw new ReplyNotFoundError(id);
    return this.assignmentWork.attachTo(actor, reply.assignmentId, file, AssignmentWork.DraftReply, async (manager) => {
      const locked = await this.repository.lockReply(manager, id, readScopeOf(actor));
      if (!locked) throw new ReplyNotFoundError(id);
      if (locked.status !== ReplyStatus.Drafting) {
        throw FINAL_REPLY_STATUSES.includes(locked.status)
          ? new DafuError(ErrorCode.ReplyFinal, { status: locked.status })
          : new DafuError(ErrorCode.ReplyTransitionRefused, { status: locked.status, event: ReplyEvent.Save });
      }
      return { ownerType: AttachmentOwner.Reply, ownerId: id };
    });
  }

  async attachments(actor: Actor, id: string): Promise<Attachment[]> {
    const reply = await this.get(actor, id);
    const all = await this.assignmentWork.attachments(actor, reply.assignmentId);
    return all.filter((a) => a.ownerType === AttachmentOwner.Reply && a.ownerId === id);
  }

  /**
   * The one path of every reply event. `version`, when given, is what the actor read: acting on a
   * text someone has since changed answers 409 naming who changed it.
   */
  private async act(
    actor: Actor,
    id: string,
    event: ReplyEvent,
    version: number | null,
    step: (manager: EntityManager, reply: Reply) => Promise<EventOutcome>,
  ): Promise<ReplyView> {
    return this.repository.transaction(async (manager) => {
      const reply = await this.repository.lockReply(manager, id, readScopeOf(actor));
      if (!reply) throw new ReplyNotFoundError(id);
      const steps =
        event === ReplyEvent.Submit ? await this.configuration.stepsOf(reply.bureauId, manager) : reply.reviewSteps;
      const result = transitionReply(
        reply.status,
        event,
        { kind: 'user', roles: actor.roles, organisationId: actor.organisationId },
        {
          bureauId: reply.bureauId,
          steps,
          currentStep: reply.currentStep,
          actorAuthored: await this.repository.hasAuthored(manager, id, actor.userId),
        },
      );
      if (!result.ok) throw replyRefusalError(result.reason, reply.status, event, id);
      if (version !== null && version !== reply.version) {
        // On the transaction's connection: a second one per refused save could drain the pool under load.
        const current = await this.repository.version(id, reply.version, manager);
        throw new ReplyVersionConflictError({
          version: reply.version,
          savedBy: reply.lastSavedBy,
          savedByName: current?.savedByName ?? null,
          savedAt: reply.lastSavedAt,
        });
      }
      const outcome = await step(manager, reply);
      await this.repository.updateReply(manager, id, {
        ...outcome.changes,
        status: result.to,
        currentStep: result.step,
        ...(event === ReplyEvent.Submit ? { reviewSteps: steps } : {}),
      });
      if (event !== ReplyEvent.Save) {
        await recordAuditEvent(manager, {
          actor,
          entityType: 'reply',
          entityId: id,
          action: `reply.${event}`,
          fromState: result.from,
          toState: result.to,
          reason: outcome.reason ?? null,
          data: { ...outcome.data, ...(result.step !== null ? { step: steps[result.step].name } : {}) },
        });
      } else {
        await recordAuditEvent(manager, {
          actor,
          entityType: 'reply',
          entityId: id,
          action: 'reply.saved',
          data: outcome.data,
        });
      }
      // The answer is read on the transaction's own connection before the commit: read after it, a
      // connection lost in between would answer 503 for a change that was made.
      return this.viewOf((await this.readable(actor, id, 'full', manager)).reply, manager);
    });
  }

  private async viewOf(reply: Reply, manager: EntityManager = this.repository.manager): Promise<ReplyView> {
    // One after another: on a transaction's single connection node-postgres would queue them
    // anyway, and warns that the queueing goes away in pg 9. Each is one indexed row.
    const content = await this.contentOf(manager, reply, reply.version);
    const assignment = await this.handlingRepository.findAssignment(reply.assignmentId, { kind: 'city' }, manager);
    const proposal = await this.proposals.findProposal(reply.proposalId, { kind: 'city' }, manager);
    const bureau = await this.identity.findOrganisation(reply.bureauId, manager);
    const savedBy = await this.identity.findUser(reply.lastSavedBy, manager);
    const step =
      reply.status === ReplyStatus.InReview && reply.currentStep !== null ? reply.reviewSteps[reply.currentStep] : null;
    return {
      ...reply,
      content,
      lastSavedByName: savedBy?.displayName ?? null,
      bureauName: bureau?.name ?? '',
      proposalNumber: proposal?.number ?? 0,
      proposalTitle: proposal?.title ?? '',
      assignmentRole: assignment?.role ?? AssignmentRole.Lead,
      currentStepName: step?.name ?? null,
      waitingFor: waitingFor(reply.status, step?.role ?? null),
    };
  }

  private async contentOf(manager: EntityManager, reply: Reply, number: number): Promise<ReplyContent> {
    const content = await this.repository.content(reply.id, number, manager);
    if (!content) throw new Error(`Reply ${reply.id} has no version ${number}`);
    return content;
  }

  private async bodyOf(manager: EntityManager, reply: { proposalId: string }): Promise<SessionBody> {
    return this.handlingRepository.bodyOfProposal(manager, reply.proposalId);
  }

  private async gradeClassesOf(manager: EntityManager, reply: Reply): Promise<GradeClass[]> {
    return this.configuration.gradeClassesOf(await this.bodyOf(manager, reply), manager);
  }

  private async completenessFacts(manager: EntityManager, reply: Reply) {
    const assignment = await this.handlingRepository.lockAssignment(manager, reply.assignmentId, { kind: 'city' });
    if (!assignment) throw new AssignmentNotFoundError(reply.assignmentId);
    const body = await this.bodyOf(manager, reply);
    // One after another: these share the transaction's connection, which runs one query at a time.
    const rules = await this.handlingRepository.rulesFor(manager, body);
    const gradeClasses = await this.configuration.gradeClassesOf(body, manager);
    const contacts = await this.handlingRepository.contactsOf(reply.assignmentId, manager);
    const coRows =
      assignment.role === AssignmentRole.Lead
        ? await this.handlingRepository.coOpinionsOfProposal(manager, reply.proposalId)
        : [];
    return {
      gradeClasses,
      talkRequired: rules.talkRequiredBeforeReview,
      talksLogged: contacts.length,
      coBureaus: coRows.map((row) => ({
        assignmentId: row.assignment.id,
        bureauName: row.bureauName,
        opinion: coOpinionState(row.assignment.status, row.opinion?.status ?? null),
      })),
    };
  }

  /** A first round, or the next one when the assignment came back for 重新办理. */
  private async roundFor(manager: EntityManager, assignment: Assignment): Promise<number> {
    const latest = await this.repository.latestRound(manager, assignment.id);
    if (latest === 0) return 1;
    if (assignment.status !== AssignmentStatus.Rehandling) return latest;
    // The re-handling round's draft may already exist (feedback starts it): that round is current.
    const current = await this.repository.liveReplyOf(manager, assignment.id, latest);
    return current && OPEN_REPLY_STATUSES.includes(current.status) ? latest : latest + 1;
  }

  private async startingContentFor(manager: EntityManager, assignment: Assignment): Promise<ReplyContent> {
    const proposal = await this.proposals.findProposal(assignment.proposalId, { kind: 'city' }, manager);
    if (!proposal) throw new AssignmentNotFoundError(assignment.id);
    const session = await this.proposals.findSession(proposal.sessionId, manager);
    const bureau = await this.identity.findOrganisation(assignment.bureauId, manager);
    const body = session?.body ?? (await this.handlingRepository.bodyOfProposal(manager, proposal.id));
    const template = await this.configuration.effectiveTemplate(body, assignment.bureauId, manager);
    const coBureauNames =
      assignment.role === AssignmentRole.Lead
        ? (await this.handlingRepository.coOpinionsOfProposal(manager, proposal.id)).map((row) => row.bureauName)
        : [];
    return startingContent(
      template,
      {
        body,
        sessionLabel: session ? sessionLabel(session.body, session.term, session.sitting) : null,
        number: proposal.number,
        kind: proposal.kind,
        title: proposal.title,
        proposers: proposal.proposers.map((p) => ({ name: p.name, kind: p.kind })),
      },
      bureau?.name ?? '',
      coBureauNames,
    );
  }
}

function waitingFor(status: ReplyStatus, stepRole: Role | null): Role | null {
  switch (status) {
    case ReplyStatus.Drafting:
      return Role.Clerk;
    case ReplyStatus.InReview:
      return stepRole;
    case ReplyStatus.AwaitingSignoff:
      return Role.Signatory;
    case ReplyStatus.Signed:
    case ReplyStatus.Issued:
    case ReplyStatus.Withdrawn:
    case ReplyStatus.Voided:
      return null;
    default:
      return assertUnreachable(status);
  }
}

/** A co bureau that sent its opinion (its assignment ended in opinion_sent) counts as received. */
function coOpinionState(
  assignmentStatus: AssignmentStatus,
  opinion: CoOpinionStatus | null,
): 'missing' | 'draft' | 'sent' | 'waived' {
  if (opinion === CoOpinionStatus.Waived) return 'waived';
  if (opinion === CoOpinionStatus.Sent || assignmentStatus === AssignmentStatus.OpinionSent) return 'sent';
  return opinion === CoOpinionStatus.Draft ? 'draft' : 'missing';
}
