import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { bodiesRegisteredBy, canRegisterFor, readScopeOf } from '@dafu/platform/auth/access';
import type { Actor } from '@dafu/platform/auth/actor';
import { recordAuditEvent } from '@dafu/platform/audit/audit';
import { DomainEventName, recordDomainEvents } from '@dafu/platform/outbox/outbox';
import { isUniqueViolation } from '@dafu/platform/database/postgres-errors';
import { DafuError, ForbiddenError, StaleVersionError } from '@dafu/platform/errors/dafu-error';
import { ErrorCode } from '@dafu/platform/errors/error-codes';
import type { SessionBody } from '@dafu/platform/vocabulary';
import { isProposalEditable, ProposalEvent, ProposalStatus, transitionProposal } from './domain/proposal-lifecycle';
import { repeatedProposerNames } from './domain/proposer-list';
import { proposalKindOf, sessionLabel } from './domain/session-label';
import { ProposerKind } from './entities/proposer.entity';
import {
  ProposalHasAssignmentsError,
  ProposalKindMismatchError,
  ProposalNotFoundError,
  ProposalNumberTakenError,
  ProposalTransitionRefusedError,
  SessionAlreadyExistsError,
  SessionHasProposalsError,
  SessionNotFoundError,
} from './errors';
import { ProposalsRepository } from './proposals.repository';
import type { NewProposal, NewProposer, Page, Proposal, ProposalFilter, Session } from './proposals.types';
import type { CreateSessionDto, UpdateSessionDto } from './dto/session.dto';
import type { CreateProposalDto, ProposerInputDto, UpdateProposalDto } from './dto/proposal.dto';

export function proposersFrom(input: readonly ProposerInputDto[]): NewProposer[] {
  const repeated = repeatedProposerNames(input.map((p) => p.name));
  if (repeated.length > 0) {
    throw new DafuError(ErrorCode.ValidationFailed, {
      fields: [
        {
          field: 'proposers',
          constraints: ['unique'],
          zh: `提出人重复：${repeated.join('、')}`,
          en: `Proposers listed twice: ${repeated.join(', ')}`,
        },
      ],
    });
  }
  return input.map((p) => ({
    name: p.name.trim(),
    kind: p.kind ?? ProposerKind.Person,
    phone: p.phone?.trim() || null,
    address: p.address?.trim() || null,
    email: p.email?.trim() || null,
  }));
}

@Injectable()
export class ProposalsService {
  constructor(private readonly repository: ProposalsRepository) {}

  listSessions(filter: { body?: SessionBody; year?: number }): Promise<Session[]> {
    return this.repository.listSessions(filter);
  }

  async getSession(id: string): Promise<Session> {
    const session = await this.repository.findSession(id);
    if (!session) throw new SessionNotFoundError(id);
    return session;
  }

  async createSession(actor: Actor, dto: CreateSessionDto): Promise<Session> {
    if (!canRegisterFor(actor, dto.body)) throw new ForbiddenError();
    try {
      return await this.repository.transaction(async (manager) => {
        const session = await this.repository.insertSession(manager, {
          body: dto.body,
          term: dto.term,
          sitting: dto.sitting,
          year: dto.year,
          name: dto.name?.trim() || sessionLabel(dto.body, dto.term, dto.sitting),
          openedOn: dto.openedOn ?? null,
        });
        await recordAuditEvent(manager, {
          actor,
          entityType: 'session',
          entityId: session.id,
          action: 'session.created',
          data: { name: session.name },
        });
        return session;
      });
    } catch (error) {
      if (isUniqueViolation(error, 'sessions_body_term_sitting_key')) {
        throw new SessionAlreadyExistsError({ body: dto.body, term: dto.term, sitting: dto.sitting });
      }
      throw error;
    }
  }

  async updateSession(actor: Actor, id: string, dto: UpdateSessionDto): Promise<Session> {
    const session = await this.getSession(id);
    if (!canRegisterFor(actor, session.body)) throw new ForbiddenError();
    return this.repository.transaction(async (manager) => {
      const updated = await this.repository.updateSession(manager, id, {
        ...(dto.name !== undefined ? { name: dto.name.trim() } : {}),
        ...(dto.year !== undefined ? { year: dto.year } : {}),
        ...(dto.openedOn !== undefined ? { openedOn: dto.openedOn } : {}),
      });
      await recordAuditEvent(manager, {
        actor,
        entityType: 'session',
        entityId: id,
        action: 'session.updated',
        data: { ...dto },
      });
      return updated ?? session;
    });
  }

  async deleteSession(actor: Actor, id: string): Promise<void> {
    const session = await this.getSession(id);
    if (!canRegisterFor(actor, session.body)) throw new ForbiddenError();
    await this.repository.transaction(async (manager) => {
      if ((await this.repository.countProposalsInSession(id, manager)) > 0) throw new SessionHasProposalsError(id);
      await this.repository.deleteSession(manager, id);
      await recordAuditEvent(manager, {
        actor,
        entityType: 'session',
        entityId: id,
        action: 'session.deleted',
        data: { name: session.name },
      });
    });
  }

  listProposals(actor: Actor, filter: ProposalFilter, page = 1, pageSize = 50): Promise<Page<Proposal>> {
    return this.repository.listProposals(filter, readScopeOf(actor), page, pageSize);
  }

  async getProposal(actor: Actor, id: string): Promise<Proposal> {
    const proposal = await this.repository.findProposal(id, readScopeOf(actor));
    if (!proposal) throw new ProposalNotFoundError(id);
    return proposal;
  }

  async createProposal(actor: Actor, dto: CreateProposalDto): Promise<Proposal> {
    const session = await this.getSession(dto.sessionId);
    const input: NewProposal = {
      sessionId: session.id,
      number: dto.number,
      kind: dto.kind ?? proposalKindOf(session.body),
      title: dto.title.trim(),
      body: dto.body ?? '',
      category: dto.category?.trim() || null,
      receivedOn: dto.receivedOn ?? null,
      proposers: proposersFrom(dto.proposers),
    };
    return this.repository.transaction((manager) => this.registerWithin(manager, actor, session, input));
  }

  /**
   * Registers one proposal inside the caller's transaction, with its audit event. The bulk
   * import calls this for every row so both paths apply the same rules.
   */
  async registerWithin(manager: EntityManager, actor: Actor, session: Session, input: NewProposal): Promise<Proposal> {
    if (!canRegisterFor(actor, session.body)) throw new ForbiddenError();
    const expectedKind = proposalKindOf(session.body);
    if (input.kind !== expectedKind) throw new ProposalKindMismatchError(expectedKind, input.kind);
    try {
      const proposal = await this.repository.insertProposal(manager, input);
      await recordAuditEvent(manager, {
        actor,
        entityType: 'proposal',
        entityId: proposal.id,
        action: 'proposal.registered',
        toState: proposal.status,
        data: { sessionId: session.id, number: proposal.number, title: proposal.title },
      });
      await recordProposalChanged(manager, proposal.id, 'registered');
      return proposal;
    } catch (error) {
      if (isUniqueViolation(error, 'proposals_session_number_key')) {
        throw new ProposalNumberTakenError(session.id, input.number);
      }
      throw error;
    }
  }

  async updateProposal(actor: Actor, id: string, dto: UpdateProposalDto): Promise<Proposal> {
    const current = await this.getProposal(actor, id);
    const session = await this.getSession(current.sessionId);
    if (!canRegisterFor(actor, session.body)) throw new ForbiddenError();
    if (!isProposalEditable(current.status)) {
      throw new ProposalTransitionRefusedError(current.status, 'edit', 'not_from_this_state');
    }
    const proposers = dto.proposers ? proposersFrom(dto.proposers) : undefined;
    try {
      return await this.repository.transaction(async (manager) => {
        const written = await this.repository.updateProposal(manager, id, dto.version, {
          ...(dto.number !== undefined ? { number: dto.number } : {}),
          ...(dto.title !== undefined ? { title: dto.title.trim() } : {}),
          ...(dto.body !== undefined ? { body: dto.body } : {}),
          ...(dto.category !== undefined ? { category: dto.category.trim() || null } : {}),
          ...(dto.receivedOn !== undefined ? { receivedOn: dto.receivedOn } : {}),
        });
        if (!written) throw new StaleVersionError(current.version);
        if (proposers) await this.repository.replaceProposers(manager, id, proposers);
        const { version: _version, ...changes } = dto;
        await recordAuditEvent(manager, {
          actor,
          entityType: 'proposal',
          entityId: id,
          action: 'proposal.updated',
          data: { changes, previous: { number: current.number, title: current.title } },
        });
        await recordProposalChanged(manager, id, 'updated');
        const updated = await this.repository.findProposal(id, { kind: 'city' }, manager);
        return updated ?? current;
      });
    } catch (error) {
      if (isUniqueViolation(error, 'proposals_session_number_key')) {
        throw new ProposalNumberTakenError(current.sessionId, dto.number ?? current.number);
      }
      throw error;
    }
  }

  /** Only a registration mistake can be deleted: once assigned, a proposal is withdrawn instead. */
  async deleteProposal(actor: Actor, id: string): Promise<void> {
    const current = await this.getProposal(actor, id);
    const session = await this.getSession(current.sessionId);
    if (!canRegisterFor(actor, session.body)) throw new ForbiddenError();
    if (current.status !== ProposalStatus.Registered) throw new ProposalHasAssignmentsError(id);
    await this.repository.transaction(async (manager) => {
      await this.repository.deleteProposal(manager, id);
      await recordAuditEvent(manager, {
        actor,
        entityType: 'proposal',
        entityId: id,
        action: 'proposal.deleted',
        fromState: current.status,
        data: { sessionId: current.sessionId, number: current.number, title: current.title },
      });
      await recordProposalChanged(manager, id, 'deleted');
    });
  }

  /**
   * Moves the proposal through its lifecycle inside the caller's transaction (with its audit
   * event). Used by handling when bureaus are assigned.
   */
  async applyEventWithin(
    manager: EntityManager,
    actor: Actor | null,
    proposal: Proposal,
    event: ProposalEvent,
  ): Promise<ProposalStatus> {
    // null: the system itself acts, e.g. when the last reply of a proposal is issued.
    const result = transitionProposal(
      proposal.status,
      event,
      actor ? { kind: 'user', roles: actor.roles } : { kind: 'system' },
    );
    if (!result.ok) throw new ProposalTransitionRefusedError(proposal.status, event, result.reason);
    if (result.to !== result.from) {
      const written = await this.repository.updateProposal(manager, proposal.id, proposal.version, {
        status: result.to,
      });
      if (!written) throw new StaleVersionError(proposal.version);
      await recordAuditEvent(manager, {
        actor,
        entityType: 'proposal',
        entityId: proposal.id,
        action: `proposal.${event}`,
        fromState: result.from,
        toState: result.to,
      });
      await recordProposalChanged(manager, proposal.id, event);
    }
    return result.to;
  }

  /** Sessions a registrar may register into (for import and UI hints). */
  registrableBodies(actor: Actor): readonly SessionBody[] {
    return bodiesRegisteredBy(actor);
  }
}

/** Announces a change of a proposal (in the change's transaction) so the search index re-reads it. */
async function recordProposalChanged(manager: EntityManager, proposalId: string, change: string): Promise<void> {
  await recordDomainEvents(manager, [
    { name: DomainEventName.ProposalChanged, aggregateType: 'proposal', aggregateId: proposalId, payload: { change } },
  ]);
}
