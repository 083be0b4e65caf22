import { Injectable, Logger } from '@nestjs/common';
import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { readScopeOf } from '@dafu/platform/auth/access';
import type { Actor } from '@dafu/platform/auth/actor';
import { recordAuditEvent } from '@dafu/platform/audit/audit';
import { DafuError, ForbiddenError } from '@dafu/platform/errors/dafu-error';
import { ErrorCode } from '@dafu/platform/errors/error-codes';
import { assertUnreachable } from '@dafu/platform/errors/assert-unreachable';
import { AssignmentRole } from '@dafu/platform/vocabulary';
import type { UploadedFile } from '@dafu/platform/http/uploaded-file';
import { AttachmentProblem, checkAttachment, cleanFilename } from '@dafu/platform/storage/attachment-policy';
import { FileStorage, InjectFileStorage, StorageKeys } from '@dafu/platform/storage/file-storage';
import { replyReadingOf } from '@dafu/replies/domain/reply-reading';
import { AttachmentEntity, AttachmentOwner } from './entities/attachment.entity';
import { AssignmentAction } from './domain/assignment-lifecycle';
import { AssignmentWork, refuseWork, WorkRefusal } from './domain/assignment-work';
import { CoOpinionEntity, CoOpinionStatus, ContactMethod, ProposerContactEntity } from './entities/co-opinion.entity';
import { AssignmentNotFoundError } from './errors';
import { HandlingRepository } from './handling.repository';
import { HandlingService } from './handling.service';
import type { Assignment } from './handling.types';

export interface CoOpinion {
  assignmentId: string;
  bureauId: string;
  bureauName?: string;
  status: CoOpinionStatus | 'missing';
  /** Only once sent: a draft stays inside its own bureau. */
  body: string | null;
  sentAt: Date | null;
  waivedAt: Date | null;
  waiveReason: string | null;
  dueOn: string;
  version: number | null;
}

export interface Attachment {
  id: string;
  assignmentId: string;
  ownerType: AttachmentOwner;
  ownerId: string;
  filename: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  uploadedBy: string;
  createdAt: Date;
}

function attachmentOf(row: AttachmentEntity): Attachment {
  return {
    id: row.id,
    assignmentId: row.assignmentId,
    ownerType: row.ownerType,
    ownerId: row.ownerId,
    filename: row.filename,
    contentType: row.contentType,
    sizeBytes: row.sizeBytes,
    sha256: row.sha256,
    uploadedBy: row.uploadedBy,
    createdAt: row.createdAt,
  };
}

function attachmentError(problem: AttachmentProblem): DafuError {
  switch (problem) {
    case 'empty':
      return new DafuError(ErrorCode.AttachmentEmpty);
    case 'too_large':
      return new DafuError(ErrorCode.AttachmentTooLarge);
    case 'type_not_allowed':
      return new DafuError(ErrorCode.AttachmentTypeNotAllowed);
    case 'content_mismatch':
      return new DafuError(ErrorCode.AttachmentContentMismatch);
    default:
      return assertUnreachable(problem);
  }
}

export interface ProposerContact {
  id: string;
  occurredOn: string;
  method: ContactMethod;
  participants: string;
  summary: string;
  loggedBy: string;
  createdAt: Date;
}

function workError(refusal: WorkRefusal): DafuError {
  switch (refusal) {
    case 'role_not_allowed':
    case 'other_bureau':
      return new ForbiddenError();
    case 'not_applicable':
      return new DafuError(ErrorCode.CoOpinionNotApplicable);
    case 'closed_for_work':
      return new DafuError(ErrorCode.AssignmentClosedForWork);
    default:
      return assertUnreachable(refusal);
  }
}

function opinionOf(
  assignment: Assignment,
  opinion: CoOpinionEntity | null,
  showDraft: boolean,
  bureauName?: string,
): CoOpinion {
  const visibleBody = opinion && (showDraft || opinion.status === CoOpinionStatus.Sent) ? opinion.body : null;
  return {
    assignmentId: assignment.id,
    bureauId: assignment.bureauId,
    bureauName,
    status: opinion?.status ?? 'missing',
    body: visibleBody,
    sentAt: opinion?.sentAt ?? null,
    waivedAt: opinion?.waivedAt ?? null,
    waiveReason: opinion?.waiveReason ?? null,
    dueOn: assignment.dueOn,
    version: opinion?.version ?? null,
  };
}

function contactOf(row: ProposerContactEntity): ProposerContact {
  return {
    id: row.id,
    occurredOn: row.occurredOn,
    method: row.method,
    participants: row.participants,
    summary: row.summary,
    loggedBy: row.loggedBy,
    createdAt: row.createdAt,
  };
}

/** 会办意见 and 沟通: the work a bureau records on an assignment besides moving its state. */
@Injectable()
export class AssignmentWorkService {
  private readonly logger = new Logger(AssignmentWorkService.name);

  constructor(
    private readonly repository: HandlingRepository,
    private readonly handling: HandlingService,
    @InjectFileStorage() private readonly storage: FileStorage,
    private readonly keys: StorageKeys,
  ) {}

  /** A file on the co bureau's opinion draft (the draft is started if there is none). */
  attachToOpinion(actor: Actor, assignmentId: string, file: UploadedFile): Promise<Attachment> {
    return this.attachTo(actor, assignmentId, file, AssignmentWork.DraftOpinion, async (manager) => {
      const opinion = await this.repository.findOpinion(manager, assignmentId);
      if (opinion && opinion.status !== CoOpinionStatus.Draft) throw new DafuError(ErrorCode.CoOpinionClosed);
      const draft =
        opinion ?? (await this.repository.saveOpinion(manager, { assignmentId, body: '', draftedBy: actor.userId }));
      return { ownerType: AttachmentOwner.CoOpinion, ownerId: draft.id };
    });
  }

  /** A file on a talk record, e.g. the minutes of a meeting with the proposer. */
  attachToContact(actor: Actor, assignmentId: string, contactId: string, file: UploadedFile): Promise<Attachment> {
    return this.attachTo(actor, assignmentId, file, AssignmentWork.LogContact, async (manager) => {
      const contact = await this.repository.findContact(manager, assignmentId, contactId);
      if (!contact) throw new DafuError(ErrorCode.ContactNotFound, { contactId });
      return { ownerType: AttachmentOwner.Contact, ownerId: contact.id };
    });
  }

  async attachments(actor: Actor, assignmentId: string): Promise<Attachment[]> {
    await this.handling.getAssignment(actor, assignmentId);
    const rows = await this.repository.attachmentsOf(assignmentId);
    const hidden = await this.hiddenDraftReplies(actor, rows);
    return rows.filter((row) => !hidden.has(row.ownerId)).map(attachmentOf);
  }

  /**
   * The unsigned replies, among those owning these files, whose files a city reader without the
   * draft grant may not see (replyReadingOf: status only); empty for everyone else.
   */
  private async hiddenDraftReplies(actor: Actor, rows: AttachmentEntity[]): Promise<Set<string>> {
    const scope = readScopeOf(actor);
    if (scope.kind !== 'city') return new Set();
    const replyIds = [...new Set(rows.filter((r) => r.ownerType === AttachmentOwner.Reply).map((r) => r.ownerId))];
    const states = await this.repository.replyStates(replyIds);
    const hidden = states.filter((reply) => replyReadingOf({ scope, mayReadDrafts: false }, reply) === 'status_only');
    if (hidden.length === 0 || (await this.repository.mayReadDrafts(actor.userId))) return new Set();
    return new Set(hidden.map((reply) => reply.id));
  }

  /**
   * Whoever may read the assignment may download its files; the lead bureau may also download the
   * files of a co opinion once it was sent. Anyone else is told the file does not exist.
   */
  async download(actor: Actor, attachmentId: string): Promise<{ attachment: Attachment; content: Buffer }> {
    const row = await this.repository.findAttachment(attachmentId);
    if (!row || !(await this.mayDownload(actor, row)))
      throw new DafuError(ErrorCode.AttachmentNotFound, { attachmentId });
    if ((await this.hiddenDraftReplies(actor, [row])).size > 0) throw new DafuError(ErrorCode.ReplyDraftHidden);
    const content = await this.storage.get(row.storageKey);
    if (createHash('sha256').update(content).digest('hex') !== row.sha256) {
      throw new Error(`Attachment ${row.id} does not match its recorded SHA-256`);
    }
    return { attachment: attachmentOf(row), content };
  }

  private async mayDownload(actor: Actor, row: AttachmentEntity): Promise<boolean> {
    const readable = await this.handling.getAssignment(actor, row.assignmentId).then(
      () => true,
      () => false,
    );
    if (readable || row.ownerType !== AttachmentOwner.CoOpinion) return readable;
    return this.repository.transaction(async (manager) => {
      const opinion = await this.repository.findOpinion(manager, row.assignmentId);
      if (opinion?.status !== CoOpinionStatus.Sent) return false;
      const co = await this.repository.lockAssignment(manager, row.assignmentId, { kind: 'city' });
      const live = co ? await this.repository.liveAssignmentsOf(manager, co.proposalId) : [];
      return live.some((a) => a.role === AssignmentRole.Lead && a.bureauId === actor.organisationId);
    });
  }

  /**
   * Stores the bytes first, then records them with their audit event; a failed record removes the
   * bytes. `ownerOf` runs in the recording transaction and names (and checks) what the file belongs to.
   */
  async attachTo(
    actor: Actor,
    assignmentId: string,
    file: UploadedFile,
    work: AssignmentWork,
    ownerOf: (manager: EntityManager) => Promise<{ ownerType: AttachmentOwner; ownerId: string }>,
  ): Promise<Attachment> {
    const filename = cleanFilename(file.filename);
    const check = checkAttachment(filename, file.content);
    if (check.problem) throw attachmentError(check.problem);
    const storageKey = this.keys.newKey('attachments');
    const sha256 = createHash('sha256').update(file.content).digest('hex');
    await this.storage.put(storageKey, file.content);
    try {
      return await this.repository.transaction(async (manager) => {
        await this.lockForWork(manager, actor, assignmentId, work);
        const owner = await ownerOf(manager);
        const saved = await this.repository.insertAttachment(manager, {
          assignmentId,
          ...owner,
          filename,
          contentType: check.contentType,
          sizeBytes: file.content.length,
          sha256,
          storageKey,
          uploadedBy: actor.userId,
        });
        await recordAuditEvent(manager, {
          actor,
          entityType: 'assignment',
          entityId: assignmentId,
          action: 'attachment.added',
          data: {
            attachmentId: saved.id,
            filename,
            sizeBytes: file.content.length,
            sha256,
            ownerType: owner.ownerType,
          },
        });
        return attachmentOf(saved);
      });
    } catch (error) {
      await this.storage
        .remove(storageKey)
        .catch((removeError: unknown) =>
          this.logger.warn({ err: removeError, storageKey }, 'Could not remove the bytes of a refused attachment'),
        );
      throw error;
    }
  }

  /** A co bureau's own opinion, draft included; the city sees it too. */
  async opinion(actor: Actor, assignmentId: string): Promise<CoOpinion> {
    const assignment = await this.handling.getAssignment(actor, assignmentId);
    if (assignment.role !== AssignmentRole.Co) throw new DafuError(ErrorCode.CoOpinionNotApplicable);
    const opinion = await this.repository.transaction((manager) => this.repository.findOpinion(manager, assignmentId));
    return opinionOf(assignment, opinion, true);
  }

  async draftOpinion(actor: Actor, assignmentId: string, body: string): Promise<CoOpinion> {
    return this.repository.transaction(async (manager) => {
      const assignment = await this.lockForWork(manager, actor, assignmentId, AssignmentWork.DraftOpinion);
      const existing = await this.repository.findOpinion(manager, assignmentId);
      if (existing && existing.status !== CoOpinionStatus.Draft) throw new DafuError(ErrorCode.CoOpinionClosed);
      const saved = await this.repository.saveOpinion(manager, { assignmentId, body, draftedBy: actor.userId });
      await recordAuditEvent(manager, {
        actor,
        entityType: 'assignment',
        entityId: assignmentId,
        action: 'co_opinion.drafted',
        data: { length: body.length },
      });
      return opinionOf(assignment, saved, true);
    });
  }

  /** The co bureau's reviewer approves the draft and sends it to the lead: the co assignment ends in opinion_sent. */
  async sendOpinion(actor: Actor, assignmentId: string): Promise<CoOpinion> {
    await this.handling.applyAction(actor, assignmentId, AssignmentAction.SendOpinion, async (manager) => {
      const opinion = await this.repository.findOpinion(manager, assignmentId);
      if (!opinion || opinion.status === CoOpinionStatus.Waived) throw new DafuError(ErrorCode.CoOpinionEmpty);
      if (opinion.body.trim() === '') throw new DafuError(ErrorCode.CoOpinionEmpty);
      await this.repository.saveOpinion(manager, {
        assignmentId,
        status: CoOpinionStatus.Sent,
        sentBy: actor.userId,
        sentAt: new Date(),
      });
      return { data: { length: opinion.body.length } };
    });
    return this.opinion(actor, assignmentId);
  }

  /** What the lead bureau sees of its co bureaus: who, when due, and each opinion once sent. */
  async coOpinions(actor: Actor, leadAssignmentId: string): Promise<CoOpinion[]> {
    const lead = await this.handling.getAssignment(actor, leadAssignmentId);
    if (lead.role !== AssignmentRole.Lead) throw new DafuError(ErrorCode.CoOpinionNotApplicable);
    const rows = await this.repository.transaction((manager) =>
      this.repository.coOpinionsOfProposal(manager, lead.proposalId),
    );
    return rows.map((row) => opinionOf(row.assignment, row.opinion, false, row.bureauName));
  }

  /** The lead goes ahead without a co bureau's opinion, saying why; the reply may then be submitted. */
  async waiveOpinion(
    actor: Actor,
    leadAssignmentId: string,
    coAssignmentId: string,
    reason: string,
  ): Promise<CoOpinion> {
    return this.repository.transaction(async (manager) => {
      const lead = await this.lockForWork(manager, actor, leadAssignmentId, AssignmentWork.WaiveOpinion);
      const co = await this.repository.lockAssignment(manager, coAssignmentId, { kind: 'city' });
      if (!co || co.proposalId !== lead.proposalId || co.role !== AssignmentRole.Co)
        throw new AssignmentNotFoundError(coAssignmentId);
      const existing = await this.repository.findOpinion(manager, coAssignmentId);
      if (existing && existing.status !== CoOpinionStatus.Draft) throw new DafuError(ErrorCode.CoOpinionClosed);
      const saved = await this.repository.saveOpinion(manager, {
        assignmentId: coAssignmentId,
        status: CoOpinionStatus.Waived,
        waivedBy: actor.userId,
        waivedAt: new Date(),
        waiveReason: reason,
      });
      await recordAuditEvent(manager, {
        actor,
        entityType: 'assignment',
        entityId: coAssignmentId,
        action: 'co_opinion.waived',
        reason,
        data: { leadAssignmentId },
      });
      return opinionOf(co, saved, false);
    });
  }

  async logContact(
    actor: Actor,
    assignmentId: string,
    contact: { occurredOn: string; method: ContactMethod; participants: string; summary: string },
  ): Promise<ProposerContact> {
    if (contact.occurredOn > this.handling.today()) throw new DafuError(ErrorCode.ContactInTheFuture);
    return this.repository.transaction(async (manager) => {
      await this.lockForWork(manager, actor, assignmentId, AssignmentWork.LogContact);
      const saved = await this.repository.insertContact(manager, { assignmentId, ...contact, loggedBy: actor.userId });
      await recordAuditEvent(manager, {
        actor,
        entityType: 'assignment',
        entityId: assignmentId,
        action: 'contact.logged',
        data: { contactId: saved.id, occurredOn: contact.occurredOn, method: contact.method },
      });
      return contactOf(saved);
    });
  }

  async contacts(actor: Actor, assignmentId: string): Promise<ProposerContact[]> {
    await this.handling.getAssignment(actor, assignmentId);
    return (await this.repository.contactsOf(assignmentId)).map(contactOf);
  }

  private async lockForWork(
    manager: EntityManager,
    actor: Actor,
    assignmentId: string,
    work: AssignmentWork,
  ): Promise<Assignment> {
    const assignment = await this.repository.lockAssignment(manager, assignmentId, readScopeOf(actor));
    if (!assignment) throw new AssignmentNotFoundError(assignmentId);
    const refusal = refuseWork(work, { roles: actor.roles, organisationId: actor.organisationId }, assignment);
    if (refusal) throw workError(refusal);
    return assignment;
  }
}
