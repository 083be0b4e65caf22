import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { readScopeOf } from '@dafu/platform/auth/access';
import type { Actor } from '@dafu/platform/auth/actor';
import { recordAuditEvent } from '@dafu/platform/audit/audit';
import { DafuError, ForbiddenError } from '@dafu/platform/errors/dafu-error';
import { ErrorCode } from '@dafu/platform/errors/error-codes';
import { assertUnreachable } from '@dafu/platform/errors/assert-unreachable';
import { AssignmentRole } from '@dafu/platform/vocabulary';
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
  constructor(
    private readonly repository: HandlingRepository,
    private readonly handling: HandlingService,
  ) {}

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
