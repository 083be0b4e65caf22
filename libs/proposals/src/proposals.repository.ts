import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import type { ReadScope } from '@dafu/platform/auth/access';
import { assertUnreachable } from '@dafu/platform/errors/assert-unreachable';
import type { SessionBody } from '@dafu/platform/vocabulary';
import { ProposalStatus } from './domain/proposal-lifecycle';
import { ProposalEntity } from './entities/proposal.entity';
import { ProposerEntity, ProposerRole } from './entities/proposer.entity';
import { SessionEntity } from './entities/session.entity';
import type { NewProposal, Page, Proposal, ProposalFilter, Proposer, Session } from './proposals.types';
import { escapeLike } from '@dafu/platform/database/like-pattern';

function toSession(row: SessionEntity): Session {
  return {
    id: row.id,
    body: row.body,
    term: row.term,
    sitting: row.sitting,
    year: row.year,
    name: row.name,
    openedOn: row.openedOn,
  };
}

function toProposer(row: ProposerEntity): Proposer {
  return {
    position: row.position,
    role: row.role,
    kind: row.kind,
    name: row.name,
    phone: row.phone,
    address: row.address,
    email: row.email,
  };
}

function toProposal(row: ProposalEntity): Proposal {
  return {
    id: row.id,
    sessionId: row.sessionId,
    number: row.number,
    kind: row.kind,
    title: row.title,
    body: row.body,
    category: row.category,
    receivedOn: row.receivedOn,
    status: row.status,
    mergedIntoId: row.mergedIntoId,
    version: row.version,
    proposers: (row.proposers ?? []).sort((a, b) => a.position - b.position).map(toProposer),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/**
 * A bureau reaches a proposal through a live assignment. The assignments table belongs to the
 * handling context; this read-only EXISTS is the one place the registry looks at it.
 */
const ASSIGNED_TO_BUREAU = `EXISTS (
  SELECT 1 FROM assignments a
  WHERE a.proposal_id = p.id AND a.bureau_id = :scopeBureauId AND a.status NOT IN ('reassigned', 'withdrawn')
)`;

function applyScope(query: SelectQueryBuilder<ProposalEntity>, scope: ReadScope): SelectQueryBuilder<ProposalEntity> {
  switch (scope.kind) {
    case 'city':
      return query;
    case 'bureau':
      return query.andWhere(ASSIGNED_TO_BUREAU, { scopeBureauId: scope.bureauId });
    default:
      return assertUnreachable(scope);
  }
}

@Injectable()
export class ProposalsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  async listSessions(filter: { body?: SessionBody; year?: number }): Promise<Session[]> {
    const rows = await this.dataSource.getRepository(SessionEntity).find({
      where: { ...(filter.body ? { body: filter.body } : {}), ...(filter.year ? { year: filter.year } : {}) },
      order: { year: 'DESC', body: 'ASC', term: 'DESC', sitting: 'DESC' },
    });
    return rows.map(toSession);
  }

  async findSession(id: string, manager: EntityManager = this.dataSource.manager): Promise<Session | null> {
    const row = await manager.findOne(SessionEntity, { where: { id } });
    return row ? toSession(row) : null;
  }

  async insertSession(manager: EntityManager, input: Omit<Session, 'id'>): Promise<Session> {
    return toSession(await manager.save(SessionEntity, manager.create(SessionEntity, input)));
  }

  async updateSession(
    manager: EntityManager,
    id: string,
    changes: Partial<Omit<Session, 'id'>>,
  ): Promise<Session | null> {
    await manager.update(SessionEntity, { id }, changes);
    return this.findSession(id, manager);
  }

  async deleteSession(manager: EntityManager, id: string): Promise<void> {
    await manager.delete(SessionEntity, { id });
  }

  async countProposalsInSession(sessionId: string, manager: EntityManager = this.dataSource.manager): Promise<number> {
    return manager.count(ProposalEntity, { where: { sessionId } });
  }

  async findProposal(
    id: string,
    scope: ReadScope,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Proposal | null> {
    const query = manager
      .createQueryBuilder(ProposalEntity, 'p')
      .leftJoinAndSelect('p.proposers', 'pr')
      .where('p.id = :id', { id });
    const row = await applyScope(query, scope).getOne();
    return row ? toProposal(row) : null;
  }

  /** Locks the proposal row for the rest of the transaction: concurrent assignments queue behind each other. */
  async lockProposal(manager: EntityManager, id: string, scope: ReadScope): Promise<Proposal | null> {
    const locked = await applyScope(
      manager.createQueryBuilder(ProposalEntity, 'p').where('p.id = :id', { id }).setLock('pessimistic_write'),
      scope,
    ).getOne();
    return locked ? this.findProposal(id, scope, manager) : null;
  }

  async listProposals(
    filter: ProposalFilter,
    scope: ReadScope,
    page: number,
    pageSize: number,
  ): Promise<Page<Proposal>> {
    const query = this.dataSource.getRepository(ProposalEntity).createQueryBuilder('p');
    applyScope(query, scope);
    if (filter.sessionId) query.andWhere('p.session_id = :sessionId', { sessionId: filter.sessionId });
    if (filter.kind) query.andWhere('p.kind = :kind', { kind: filter.kind });
    if (filter.status) query.andWhere('p.status = :status', { status: filter.status });
    if (filter.number) query.andWhere('p.number = :number', { number: filter.number });
    if (filter.text) query.andWhere(`p.title ILIKE :text ESCAPE '\\'`, { text: `%${escapeLike(filter.text)}%` });
    if (filter.bureauId) {
      query.andWhere(
        new Brackets((b) =>
          b.where(
            `EXISTS (SELECT 1 FROM assignments fa WHERE fa.proposal_id = p.id AND fa.bureau_id = :filterBureauId
               AND fa.status NOT IN ('reassigned', 'withdrawn'))`,
            { filterBureauId: filter.bureauId },
          ),
        ),
      );
    }
    const total = await query.getCount();
    // Newest session first, then by number: the order of the committee's own lists.
    const ids = await query
      .clone()
      .innerJoin('p.session', 's')
      .select('p.id', 'id')
      .orderBy('s.year', 'DESC')
      .addOrderBy('s.body', 'ASC')
      .addOrderBy('s.term', 'DESC')
      .addOrderBy('s.sitting', 'DESC')
      .addOrderBy('p.number', 'ASC')
      .offset((page - 1) * pageSize)
      .limit(pageSize)
      .getRawMany<{ id: string }>();
    if (ids.length === 0) return { items: [], total, page, pageSize };
    const rows = await this.dataSource
      .getRepository(ProposalEntity)
      .createQueryBuilder('p')
      .leftJoinAndSelect('p.proposers', 'pr')
      .where('p.id IN (:...ids)', { ids: ids.map((r) => r.id) })
      .getMany();
    const byId = new Map(rows.map((r) => [r.id, toProposal(r)]));
    return { items: ids.map((r) => byId.get(r.id)).filter((p): p is Proposal => Boolean(p)), total, page, pageSize };
  }

  async insertProposal(manager: EntityManager, input: NewProposal): Promise<Proposal> {
    const row = await manager.save(
      ProposalEntity,
      manager.create(ProposalEntity, {
        sessionId: input.sessionId,
        number: input.number,
        kind: input.kind,
        title: input.title,
        body: input.body,
        category: input.category,
        receivedOn: input.receivedOn,
        status: ProposalStatus.Registered,
      }),
    );
    await this.replaceProposers(manager, row.id, input.proposers);
    const saved = await this.findProposal(row.id, { kind: 'city' }, manager);
    if (!saved) throw new Error(`Proposal ${row.id} vanished inside its own transaction`);
    return saved;
  }

  async replaceProposers(
    manager: EntityManager,
    proposalId: string,
    proposers: NewProposal['proposers'],
  ): Promise<void> {
    await manager.delete(ProposerEntity, { proposalId });
    await manager.insert(
      ProposerEntity,
      proposers.map((p, index) => ({
        proposalId,
        position: index + 1,
        role: index === 0 ? ProposerRole.Lead : ProposerRole.CoSigner,
        kind: p.kind,
        name: p.name,
        phone: p.phone ?? null,
        address: p.address ?? null,
        email: p.email ?? null,
      })),
    );
  }

  /**
   * Writes only when the row still has the version the caller read: true on success, false
   * when someone else changed it first.
   */
  async updateProposal(
    manager: EntityManager,
    id: string,
    expectedVersion: number,
    changes: Partial<
      Pick<Proposal, 'number' | 'title' | 'body' | 'category' | 'receivedOn' | 'status' | 'mergedIntoId'>
    >,
  ): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .update(ProposalEntity)
      .set({ ...changes, version: () => 'version + 1' })
      .where('id = :id AND version = :expectedVersion', { id, expectedVersion })
      .execute();
    return (result.affected ?? 0) === 1;
  }

  async deleteProposal(manager: EntityManager, id: string): Promise<void> {
    await manager.delete(ProposalEntity, { id });
  }

  async findNumbersTaken(sessionId: string, numbers: readonly number[]): Promise<number[]> {
    if (numbers.length === 0) return [];
    const rows = await this.dataSource
      .getRepository(ProposalEntity)
      .createQueryBuilder('p')
      .select('p.number', 'number')
      .where('p.session_id = :sessionId AND p.number IN (:...numbers)', { sessionId, numbers })
      .getRawMany<{ number: number }>();
    return rows.map((r) => Number(r.number));
  }
}
