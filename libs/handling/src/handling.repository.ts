import type { ReplyStatus } from '@dafu/replies/domain/reply-status';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { ReadScope } from '@dafu/platform/auth/access';
import { assertUnreachable } from '@dafu/platform/errors/assert-unreachable';
import type { AssignmentRole, SessionBody } from '@dafu/platform/vocabulary';
import { DEFAULT_HANDLING_RULES, HandlingRules } from './domain/handling-rules';
import { ExtensionRequestEntity, ReassignmentRequestEntity, RequestStatus } from './entities/handling-requests.entity';
import { HandlingRulesEntity } from './entities/handling-rules.entity';
import { CoOpinionEntity, ProposerContactEntity } from './entities/co-opinion.entity';
import { AttachmentEntity } from './entities/attachment.entity';
import { AssignmentStatus, ENDED_ASSIGNMENT_STATUSES, OPEN_ASSIGNMENT_STATUSES } from './domain/assignment-status';
import { AssignmentEntity } from './entities/assignment.entity';
import type { Assignment, AssignmentRequests, NamedAssignment } from './handling.types';

function toAssignment(row: AssignmentEntity): Assignment {
  return {
    id: row.id,
    proposalId: row.proposalId,
    bureauId: row.bureauId,
    role: row.role,
    status: row.status,
    assignedOn: row.assignedOn,
    dueOn: row.dueOn,
    acknowledgeBy: row.acknowledgeBy,
    acknowledgedAt: row.acknowledgedAt,
    reassignedFromId: row.reassignedFromId,
    assignedBy: row.assignedBy,
    version: row.version,
    createdAt: row.createdAt,
  };
}

interface AssignmentViewRow {
  id: string;
  proposal_id: string;
  bureau_id: string;
  role: AssignmentRole;
  status: AssignmentStatus;
  assigned_on: string;
  due_on: string;
  acknowledge_by: string;
  acknowledged_at: Date | null;
  reassigned_from_id: string | null;
  assigned_by: string | null;
  version: number;
  created_at: Date;
  bureau_name: string;
  proposal_number: number;
  proposal_title: string;
  session_id: string;
}

function toView(row: AssignmentViewRow): NamedAssignment {
  return {
    id: row.id,
    proposalId: row.proposal_id,
    bureauId: row.bureau_id,
    role: row.role,
    status: row.status,
    assignedOn: row.assigned_on,
    dueOn: row.due_on,
    acknowledgeBy: row.acknowledge_by,
    acknowledgedAt: row.acknowledged_at,
    reassignedFromId: row.reassigned_from_id,
    assignedBy: row.assigned_by,
    version: Number(row.version),
    createdAt: row.created_at,
    bureauName: row.bureau_name,
    proposalNumber: Number(row.proposal_number),
    proposalTitle: row.proposal_title,
    sessionId: row.session_id,
  };
}

/** An assignment with the bureau's name and the proposal's number and title, for lists and detail pages. */
const ASSIGNMENT_VIEW_SELECT = `
  SELECT a.id, a.proposal_id, a.bureau_id, a.role, a.status, a.assigned_on::text AS assigned_on,
         a.due_on::text AS due_on, a.acknowledge_by::text AS acknowledge_by, a.acknowledged_at,
         a.reassigned_from_id, a.assigned_by, a.version, a.created_at,
         o.name AS bureau_name, p.number AS proposal_number, p.title AS proposal_title, p.session_id
    FROM assignments a
    JOIN organisations o ON o.id = a.bureau_id
    JOIN proposals p ON p.id = a.proposal_id`;

interface HandlingRequestRow {
  id: string;
  assignment_id: string;
  reason: string;
  status: RequestStatus;
  requested_by: string;
  requested_by_name: string | null;
  created_at: Date;
  decided_by: string | null;
  decided_by_name: string | null;
  decision_reason: string | null;
  decided_at: Date | null;
}

interface ReassignmentRequestRow extends HandlingRequestRow {
  suggested_bureau_id: string | null;
  suggested_bureau_name: string | null;
  new_assignment_id: string | null;
}

interface ExtensionRequestRow extends HandlingRequestRow {
  previous_due_on: string;
  requested_due_on: string;
}

function toHandlingRequest(row: HandlingRequestRow) {
  return {
    id: row.id,
    assignmentId: row.assignment_id,
    reason: row.reason,
    status: row.status,
    requestedBy: row.requested_by,
    requestedByName: row.requested_by_name,
    createdAt: row.created_at,
    decidedBy: row.decided_by,
    decidedByName: row.decided_by_name,
    decisionReason: row.decision_reason,
    decidedAt: row.decided_at,
  };
}

export interface AssignmentFilter {
  /** Only assignments the bureau still has to work on. */
  open?: boolean;
  sessionId?: string;
  proposalId?: string;
  bureauId?: string;
  status?: AssignmentStatus;
  role?: AssignmentRole;
}

function scopeCondition(scope: ReadScope, params: unknown[]): string {
  switch (scope.kind) {
    case 'city':
      return 'TRUE';
    case 'bureau':
      params.push(scope.bureauId);
      return `a.bureau_id = $${params.length}`;
    default:
      return assertUnreachable(scope);
  }
}

export interface NewAssignment {
  proposalId: string;
  bureauId: string;
  role: AssignmentRole;
  assignedOn: string;
  dueOn: string;
  acknowledgeBy: string;
  assignedBy: string | null;
  reassignedFromId?: string | null;
}

export type AssignmentChanges = Partial<Pick<Assignment, 'status' | 'dueOn' | 'acknowledgedAt' | 'acknowledgeBy'>>;

@Injectable()
export class HandlingRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  async liveAssignmentsOf(manager: EntityManager, proposalId: string): Promise<Assignment[]> {
    const rows = await manager
      .createQueryBuilder(AssignmentEntity, 'a')
      .where('a.proposal_id = :proposalId', { proposalId })
      .andWhere('a.status NOT IN (:...ended)', { ended: ENDED_ASSIGNMENT_STATUSES })
      .getMany();
    return rows.map(toAssignment);
  }

  async insertAssignments(manager: EntityManager, inputs: readonly NewAssignment[]): Promise<Assignment[]> {
    if (inputs.length === 0) return [];
    const rows = await manager.save(
      AssignmentEntity,
      inputs.map((input) => manager.create(AssignmentEntity, { ...input, status: AssignmentStatus.Assigned })),
    );
    return rows.map(toAssignment);
  }

  /** Lists with bureau and proposal names, ordered by due date: what a clerk works through. */
  async listAssignments(filter: AssignmentFilter, scope: ReadScope): Promise<NamedAssignment[]> {
    const params: unknown[] = [];
    const conditions = [scopeCondition(scope, params)];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      conditions.push(sql.replace('?', `$${params.length}`));
    };
    if (filter.proposalId) add('a.proposal_id = ?', filter.proposalId);
    if (filter.sessionId) add('p.session_id = ?', filter.sessionId);
    // As the enum, not text, so the partial indexes on open assignments apply (migration 053).
    if (filter.open) add('a.status = ANY(?::assignment_status[])', OPEN_ASSIGNMENT_STATUSES);
    if (filter.bureauId) add('a.bureau_id = ?', filter.bureauId);
    if (filter.status) add('a.status = ?', filter.status);
    if (filter.role) add('a.role = ?', filter.role);
    const rows = await this.dataSource.query<AssignmentViewRow[]>(
      `${ASSIGNMENT_VIEW_SELECT} WHERE ${conditions.join(' AND ')}
        ORDER BY a.due_on, p.number, a.role
        LIMIT 1000`,
      params,
    );
    return rows.map(toView);
  }

  async findAssignment(
    id: string,
    scope: ReadScope,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<NamedAssignment | null> {
    const params: unknown[] = [id];
    const rows = await manager.query<AssignmentViewRow[]>(
      `${ASSIGNMENT_VIEW_SELECT} WHERE a.id = $1 AND ${scopeCondition(scope, params)}`,
      params,
    );
    return rows[0] ? toView(rows[0]) : null;
  }

  /** Locks the assignment for the rest of the transaction; another bureau's reads as missing. */
  async lockAssignment(manager: EntityManager, id: string, scope: ReadScope): Promise<Assignment | null> {
    const query = manager
      .createQueryBuilder(AssignmentEntity, 'a')
      .where('a.id = :id', { id })
      .setLock('pessimistic_write');
    if (scope.kind === 'bureau') query.andWhere('a.bureau_id = :bureauId', { bureauId: scope.bureauId });
    const row = await query.getOne();
    return row ? toAssignment(row) : null;
  }

  /** Writes only over the version the caller read, so no transition is applied twice. */
  async updateAssignment(
    manager: EntityManager,
    id: string,
    expectedVersion: number,
    changes: AssignmentChanges,
  ): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .update(AssignmentEntity)
      .set({ ...changes, version: () => 'version + 1' })
      .where('id = :id AND version = :expectedVersion', { id, expectedVersion })
      .execute();
    return (result.affected ?? 0) === 1;
  }

  async rulesFor(manager: EntityManager, body: SessionBody): Promise<HandlingRules> {
    const row = await manager.findOne(HandlingRulesEntity, { where: { body } });
    if (!row) return DEFAULT_HANDLING_RULES;
    return {
      acknowledgeWorkingDays: row.acknowledgeWorkingDays,
      replyMonths: row.replyMonths,
      coOpinionMonths: row.coOpinionMonths,
      extensionCapMonths: row.extensionCapMonths,
      rehandlingMonths: row.rehandlingMonths,
      talkRequiredBeforeReview: row.talkRequiredBeforeReview,
      reminderDaysBefore: row.reminderDaysBefore.map(Number),
      reminderOnDueDay: row.reminderOnDueDay,
      reminderOverdueEveryWorkingDays: row.reminderOverdueEveryWorkingDays,
      publicationDelayWorkingDays: row.publicationDelayWorkingDays,
    };
  }

  async bodyOfProposal(manager: EntityManager, proposalId: string): Promise<SessionBody> {
    const rows = await manager.query<{ body: SessionBody }[]>(
      `SELECT s.body FROM proposals p JOIN sessions s ON s.id = p.session_id WHERE p.id = $1`,
      [proposalId],
    );
    if (!rows[0]) throw new Error(`Proposal ${proposalId} has no session`);
    return rows[0].body;
  }

  async insertReassignmentRequest(
    manager: EntityManager,
    input: { assignmentId: string; requestedBy: string; reason: string; suggestedBureauId: string | null },
  ): Promise<ReassignmentRequestEntity> {
    return manager.save(ReassignmentRequestEntity, manager.create(ReassignmentRequestEntity, input));
  }

  async pendingReassignmentRequest(
    manager: EntityManager,
    assignmentId: string,
  ): Promise<ReassignmentRequestEntity | null> {
    return manager.findOne(ReassignmentRequestEntity, { where: { assignmentId, status: RequestStatus.Pending } });
  }

  async decideReassignmentRequest(
    manager: EntityManager,
    id: string,
    decision: {
      status: RequestStatus;
      decidedBy: string;
      decisionReason: string | null;
      newAssignmentId: string | null;
    },
  ): Promise<void> {
    await manager.update(ReassignmentRequestEntity, { id }, { ...decision, decidedAt: new Date() });
  }

  async insertExtensionRequest(
    manager: EntityManager,
    input: { assignmentId: string; requestedBy: string; reason: string; previousDueOn: string; requestedDueOn: string },
  ): Promise<ExtensionRequestEntity> {
    return manager.save(ExtensionRequestEntity, manager.create(ExtensionRequestEntity, input));
  }

  async pendingExtensionRequest(manager: EntityManager, assignmentId: string): Promise<ExtensionRequestEntity | null> {
    return manager.findOne(ExtensionRequestEntity, { where: { assignmentId, status: RequestStatus.Pending } });
  }

  async decideExtensionRequest(
    manager: EntityManager,
    id: string,
    decision: { status: RequestStatus; decidedBy: string; decisionReason: string | null },
  ): Promise<void> {
    await manager.update(ExtensionRequestEntity, { id }, { ...decision, decidedAt: new Date() });
  }

  /** Both kinds of request of one assignment, oldest first, each with its people's (and bureau's) names. */
  async requestsOf(assignmentId: string): Promise<AssignmentRequests> {
    const [reassignments, extensions] = await Promise.all([
      this.dataSource.query<ReassignmentRequestRow[]>(
        `SELECT r.id, r.assignment_id, r.reason, r.status, r.requested_by, rb.display_name AS requested_by_name,
                r.created_at, r.decided_by, db.display_name AS decided_by_name, r.decision_reason, r.decided_at,
                r.suggested_bureau_id, sb.name AS suggested_bureau_name, r.new_assignment_id
           FROM reassignment_requests r
           LEFT JOIN users rb ON rb.id = r.requested_by
           LEFT JOIN users db ON db.id = r.decided_by
           LEFT JOIN organisations sb ON sb.id = r.suggested_bureau_id
          WHERE r.assignment_id = $1
          ORDER BY r.created_at`,
        [assignmentId],
      ),
      this.dataSource.query<ExtensionRequestRow[]>(
        `SELECT e.id, e.assignment_id, e.reason, e.status, e.requested_by, rb.display_name AS requested_by_name,
                e.created_at, e.decided_by, db.display_name AS decided_by_name, e.decision_reason, e.decided_at,
                e.previous_due_on::text AS previous_due_on, e.requested_due_on::text AS requested_due_on
           FROM extension_requests e
           LEFT JOIN users rb ON rb.id = e.requested_by
           LEFT JOIN users db ON db.id = e.decided_by
          WHERE e.assignment_id = $1
          ORDER BY e.created_at`,
        [assignmentId],
      ),
    ]);
    return {
      reassignments: reassignments.map((row) => ({
        ...toHandlingRequest(row),
        suggestedBureauId: row.suggested_bureau_id,
        suggestedBureauName: row.suggested_bureau_name,
        newAssignmentId: row.new_assignment_id,
      })),
      extensions: extensions.map((row) => ({
        ...toHandlingRequest(row),
        previousDueOn: row.previous_due_on,
        requestedDueOn: row.requested_due_on,
      })),
    };
  }

  async findOpinion(manager: EntityManager, assignmentId: string): Promise<CoOpinionEntity | null> {
    return manager.findOne(CoOpinionEntity, { where: { assignmentId } });
  }

  async saveOpinion(
    manager: EntityManager,
    opinion: Partial<CoOpinionEntity> & { assignmentId: string },
  ): Promise<CoOpinionEntity> {
    const existing = await this.findOpinion(manager, opinion.assignmentId);
    return manager.save(
      CoOpinionEntity,
      existing ? manager.merge(CoOpinionEntity, existing, opinion) : manager.create(CoOpinionEntity, opinion),
    );
  }

  /** The co assignments of a proposal with their opinions, for the lead bureau's view. */
  async coOpinionsOfProposal(
    manager: EntityManager,
    proposalId: string,
  ): Promise<{ assignment: Assignment; bureauName: string; opinion: CoOpinionEntity | null }[]> {
    const rows = await manager
      .createQueryBuilder(AssignmentEntity, 'a')
      .where('a.proposal_id = :proposalId AND a.role = :role', { proposalId, role: 'co' })
      .andWhere('a.status NOT IN (:...ended)', { ended: ENDED_ASSIGNMENT_STATUSES })
      .orderBy('a.created_at')
      .getMany();
    const result = [];
    for (const row of rows) {
      const [{ name }] = await manager.query<{ name: string }[]>('SELECT name FROM organisations WHERE id = $1', [
        row.bureauId,
      ]);
      result.push({
        assignment: toAssignment(row),
        bureauName: name,
        opinion: await this.findOpinion(manager, row.id),
      });
    }
    return result;
  }

  async insertContact(
    manager: EntityManager,
    contact: Omit<ProposerContactEntity, 'id' | 'createdAt'>,
  ): Promise<ProposerContactEntity> {
    return manager.save(ProposerContactEntity, manager.create(ProposerContactEntity, contact));
  }

  /** Inside a transaction, pass its manager: a second pool connection per transaction starves the pool under load. */
  async contactsOf(assignmentId: string, manager = this.dataSource.manager): Promise<ProposerContactEntity[]> {
    return manager
      .getRepository(ProposerContactEntity)
      .find({ where: { assignmentId }, order: { occurredOn: 'ASC', createdAt: 'ASC' } });
  }

  async findContact(
    manager: EntityManager,
    assignmentId: string,
    contactId: string,
  ): Promise<ProposerContactEntity | null> {
    return manager.findOne(ProposerContactEntity, { where: { id: contactId, assignmentId } });
  }

  async insertAttachment(
    manager: EntityManager,
    attachment: Omit<AttachmentEntity, 'id' | 'createdAt'>,
  ): Promise<AttachmentEntity> {
    return manager.save(AttachmentEntity, manager.create(AttachmentEntity, attachment));
  }

  /** Bureau and status of the replies that own some attachments: whether a city reader may see them. */
  async replyStates(replyIds: string[]): Promise<{ id: string; bureauId: string; status: ReplyStatus }[]> {
    if (replyIds.length === 0) return [];
    return this.dataSource.query(
      `SELECT id, bureau_id AS "bureauId", status::text AS status FROM replies WHERE id = ANY($1)`,
      [replyIds],
    );
  }

  /** The admin's grant to read drafts (users.may_read_drafts), read afresh on every check. */
  async mayReadDrafts(userId: string): Promise<boolean> {
    const rows = await this.dataSource.query<{ granted: boolean }[]>(
      `SELECT may_read_drafts AS granted FROM users WHERE id = $1`,
      [userId],
    );
    return rows[0]?.granted === true;
  }

  async attachmentsOf(assignmentId: string): Promise<AttachmentEntity[]> {
    return this.dataSource
      .getRepository(AttachmentEntity)
      .find({ where: { assignmentId }, order: { createdAt: 'ASC' } });
  }

  async findAttachment(id: string): Promise<AttachmentEntity | null> {
    return this.dataSource.getRepository(AttachmentEntity).findOne({ where: { id } });
  }

  async allRules(): Promise<{ body: SessionBody; rules: HandlingRules }[]> {
    const rows = await this.dataSource.getRepository(HandlingRulesEntity).find({ order: { body: 'ASC' } });
    return Promise.all(
      rows.map(async (row) => ({ body: row.body, rules: await this.rulesFor(this.dataSource.manager, row.body) })),
    );
  }

  async lockRules(manager: EntityManager, body: SessionBody): Promise<HandlingRules> {
    await manager.query(`SELECT 1 FROM handling_rules WHERE body = $1 FOR UPDATE`, [body]);
    return this.rulesFor(manager, body);
  }

  async saveRules(manager: EntityManager, body: SessionBody, rules: HandlingRules): Promise<void> {
    await manager.upsert(HandlingRulesEntity, { body, ...rules, updatedAt: new Date() }, ['body']);
  }

  /** Open assignments of a body's proposals, locked, with whether an approved extension set their due date. */
  async openAssignmentsOfBody(
    manager: EntityManager,
    body: SessionBody,
  ): Promise<(Assignment & { extended: boolean })[]> {
    const rows = await manager.query<{ id: string; extended: boolean }[]>(
      `SELECT a.id,
              EXISTS (SELECT 1 FROM extension_requests e WHERE e.assignment_id = a.id AND e.status = 'approved') AS extended
         FROM assignments a
         JOIN proposals p ON p.id = a.proposal_id
         JOIN sessions s ON s.id = p.session_id
        WHERE s.body = $1 AND a.status::text = ANY($2)
        ORDER BY a.id
          FOR UPDATE OF a`,
      [body, OPEN_ASSIGNMENT_STATUSES],
    );
    const result = [];
    for (const row of rows) {
      const entity = await manager.findOne(AssignmentEntity, { where: { id: row.id } });
      if (entity) result.push({ ...toAssignment(entity), extended: row.extended });
    }
    return result;
  }
}
