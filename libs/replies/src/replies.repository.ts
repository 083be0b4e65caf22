import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { ReadScope } from '@dafu/platform/auth/access';
import { Role, SessionBody } from '@dafu/platform/vocabulary';
import type { ReplyContent } from './domain/reply-content';
import { OPEN_REPLY_STATUSES } from './domain/reply-status';
import type { ReviewStep } from './domain/review-chain';
import { ReplyEntity, ReplyVersionEntity, ReviewCommentEntity } from './entities/reply.entity';
import { GradeScaleEntity, ReplyTemplateEntity, ReviewChainEntity } from './entities/reply-configuration.entity';
import type {
  DocumentNumberSeries,
  Reply,
  ReplySummary,
  ReplyVersion,
  ReplyVersionSummary,
  ReviewComment,
} from './replies.types';

function toReply(row: ReplyEntity): Reply {
  return {
    id: row.id,
    assignmentId: row.assignmentId,
    bureauId: row.bureauId,
    proposalId: row.proposalId,
    round: row.round,
    status: row.status,
    reviewSteps: row.reviewSteps,
    currentStep: row.currentStep,
    version: row.version,
    startedBy: row.startedBy,
    lastSavedBy: row.lastSavedBy,
    lastSavedAt: row.lastSavedAt,
    submittedAt: row.submittedAt,
    grade: row.grade,
    documentNumber: row.documentNumber,
    signedVersion: row.signedVersion,
    signatoryId: row.signatoryId,
    signatoryName: row.signatoryName,
    signedOn: row.signedOn,
    dueOn: row.dueOn,
    signedAt: row.signedAt,
    issuedAt: row.issuedAt,
    voidedAt: row.voidedAt,
    voidReason: row.voidReason,
    withdrawnAt: row.withdrawnAt,
    withdrawReason: row.withdrawReason,
    createdAt: row.createdAt,
  };
}

/**
 * What a scope may reach: a bureau its own replies; the city every reply, whose unsigned text
 * RepliesService still hides from readers without the grant (domain/reply-reading.ts).
 */
function scopeCondition(scope: ReadScope, alias: string, params: unknown[]): string {
  if (scope.kind === 'bureau') {
    params.push(scope.bureauId);
    return `${alias}.bureau_id = $${params.length}`;
  }
  return 'TRUE';
}

export type ReplyChanges = Partial<
  Pick<
    ReplyEntity,
    | 'status'
    | 'reviewSteps'
    | 'currentStep'
    | 'version'
    | 'lastSavedBy'
    | 'lastSavedAt'
    | 'submittedAt'
    | 'grade'
    | 'documentNumber'
    | 'documentNumberPrefix'
    | 'documentNumberYear'
    | 'documentNumberSequence'
    | 'signedVersion'
    | 'signedDisclosure'
    | 'signatoryId'
    | 'signatoryName'
    | 'signedOn'
    | 'dueOn'
    | 'signedAt'
    | 'issuedAt'
    | 'voidedBy'
    | 'voidedAt'
    | 'voidReason'
    | 'withdrawnAt'
    | 'withdrawReason'
  >
>;

@Injectable()
export class RepliesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  get manager(): EntityManager {
    return this.dataSource.manager;
  }

  async insertReply(
    manager: EntityManager,
    input: { assignmentId: string; bureauId: string; proposalId: string; round: number; startedBy: string },
  ): Promise<Reply> {
    const row = await manager.save(
      ReplyEntity,
      manager.create(ReplyEntity, { ...input, lastSavedBy: input.startedBy, version: 1 }),
    );
    return toReply(await manager.findOneByOrFail(ReplyEntity, { id: row.id }));
  }

  async insertVersion(
    manager: EntityManager,
    input: { replyId: string; number: number; content: ReplyContent; savedBy: string },
  ): Promise<void> {
    await manager.insert(ReplyVersionEntity, input);
  }

  /** Locks the reply for the rest of the transaction; what the scope may not reach reads as missing. */
  async lockReply(manager: EntityManager, id: string, scope: ReadScope): Promise<Reply | null> {
    const params: unknown[] = [id];
    const condition = scopeCondition(scope, 'r', params);
    const rows = await manager.query<{ id: string }[]>(
      `SELECT r.id FROM replies r WHERE r.id = $1 AND ${condition} FOR UPDATE`,
      params,
    );
    if (rows.length === 0) return null;
    return toReply(await manager.findOneByOrFail(ReplyEntity, { id }));
  }

  async findReply(id: string, scope: ReadScope, manager = this.manager): Promise<Reply | null> {
    const params: unknown[] = [id];
    const condition = scopeCondition(scope, 'r', params);
    const rows = await manager.query<{ id: string }[]>(
      `SELECT r.id FROM replies r WHERE r.id = $1 AND ${condition}`,
      params,
    );
    if (rows.length === 0) return null;
    return toReply(await manager.findOneByOrFail(ReplyEntity, { id }));
  }

  async updateReply(manager: EntityManager, id: string, changes: ReplyChanges): Promise<void> {
    await manager.update(ReplyEntity, { id }, changes);
  }

  /** The reply of this assignment and round that is still open or signed, if any. */
  async liveReplyOf(manager: EntityManager, assignmentId: string, round: number): Promise<Reply | null> {
    const row = await manager
      .createQueryBuilder(ReplyEntity, 'r')
      .where('r.assignment_id = :assignmentId AND r.round = :round', { assignmentId, round })
      .andWhere(`r.status NOT IN ('withdrawn', 'voided')`)
      .getOne();
    return row ? toReply(row) : null;
  }

  async content(replyId: string, number: number, manager = this.manager): Promise<ReplyContent | null> {
    const row = await manager.findOneBy(ReplyVersionEntity, { replyId, number });
    return row?.content ?? null;
  }

  async versions(replyId: string): Promise<ReplyVersionSummary[]> {
    return this.manager.query<ReplyVersionSummary[]>(
      `SELECT v.number, v.saved_by AS "savedBy", u.display_name AS "savedByName", v.saved_at AS "savedAt"
         FROM reply_versions v LEFT JOIN users u ON u.id = v.saved_by
        WHERE v.reply_id = $1 ORDER BY v.number`,
      [replyId],
    );
  }

  async version(replyId: string, number: number, manager: EntityManager = this.manager): Promise<ReplyVersion | null> {
    const rows = await manager.query<ReplyVersion[]>(
      `SELECT v.number, v.content, v.saved_by AS "savedBy", u.display_name AS "savedByName", v.saved_at AS "savedAt"
         FROM reply_versions v LEFT JOIN users u ON u.id = v.saved_by
        WHERE v.reply_id = $1 AND v.number = $2`,
      [replyId, number],
    );
    return rows[0] ?? null;
  }

  /** Whether the user saved any version: the author may not approve or sign it. */
  async hasAuthored(manager: EntityManager, replyId: string, userId: string): Promise<boolean> {
    const rows = await manager.query<unknown[]>(
      `SELECT 1 FROM reply_versions WHERE reply_id = $1 AND saved_by = $2 LIMIT 1`,
      [replyId, userId],
    );
    return rows.length > 0;
  }

  async summaries(where: { assignmentId?: string; ids?: string[] }, scope: ReadScope): Promise<ReplySummary[]> {
    const params: unknown[] = [];
    const conditions = [scopeCondition(scope, 'r', params)];
    if (where.assignmentId) {
      params.push(where.assignmentId);
      conditions.push(`r.assignment_id = $${params.length}`);
    }
    if (where.ids) {
      params.push(where.ids);
      conditions.push(`r.id = ANY($${params.length}::uuid[])`);
    }
    return this.manager.query<ReplySummary[]>(
      `SELECT r.id, r.assignment_id AS "assignmentId", r.proposal_id AS "proposalId", p.number AS "proposalNumber",
              p.title AS "proposalTitle", r.round, r.status,
              CASE WHEN r.status = 'in_review' THEN r.review_steps -> r.current_step ->> 'name' END AS "currentStepName",
              r.version, r.last_saved_at AS "lastSavedAt", r.document_number AS "documentNumber",
              to_char(a.due_on, 'YYYY-MM-DD') AS "dueOn"
         FROM replies r
         JOIN proposals p ON p.id = r.proposal_id
         JOIN assignments a ON a.id = r.assignment_id
        WHERE ${conditions.join(' AND ')}
        ORDER BY a.due_on, r.created_at`,
      params,
    );
  }

  /**
   * What waits for this user in their bureau: drafts (sent back or not yet submitted) for clerks,
   * the review steps their roles take, and sign-off for signatories. Oldest deadline first.
   */
  async inbox(bureauId: string, roles: readonly Role[]): Promise<ReplySummary[]> {
    const rows = await this.manager.query<{ id: string }[]>(
      `SELECT r.id FROM replies r
        WHERE r.bureau_id = $1 AND (
              (r.status = 'drafting' AND $2::text[] @> ARRAY['clerk'])
           OR (r.status = 'in_review' AND (r.review_steps -> r.current_step ->> 'role') = ANY($2::text[]))
           OR (r.status = 'awaiting_signoff' AND $2::text[] @> ARRAY['signatory']))`,
      [bureauId, roles],
    );
    if (rows.length === 0) return [];
    return this.summaries({ ids: rows.map((r) => r.id) }, { kind: 'bureau', bureauId });
  }

  async comments(replyId: string): Promise<ReviewComment[]> {
    return this.manager.query<ReviewComment[]>(
      `SELECT c.id, c.version_number AS "versionNumber", c.step_name AS "stepName", c.anchor, c.body,
              c.author_id AS "authorId", au.display_name AS "authorName", c.created_at AS "createdAt",
              c.answer, c.answered_by AS "answeredBy", c.answered_at AS "answeredAt"
         FROM review_comments c LEFT JOIN users au ON au.id = c.author_id
        WHERE c.reply_id = $1 ORDER BY c.written_order`,
      [replyId],
    );
  }

  async insertComments(
    manager: EntityManager,
    comments: {
      replyId: string;
      versionNumber: number;
      stepName: string;
      anchor: string;
      body: string;
      authorId: string;
    }[],
  ): Promise<void> {
    if (comments.length > 0) await manager.insert(ReviewCommentEntity, comments);
  }

  async lockComment(manager: EntityManager, replyId: string, commentId: string): Promise<ReviewCommentEntity | null> {
    return manager
      .createQueryBuilder(ReviewCommentEntity, 'c')
      .setLock('pessimistic_write')
      .where('c.id = :commentId AND c.reply_id = :replyId', { commentId, replyId })
      .getOne();
  }

  async answerComment(manager: EntityManager, commentId: string, answer: string, userId: string): Promise<void> {
    await manager.update(
      ReviewCommentEntity,
      { id: commentId },
      { answer, answeredBy: userId, answeredAt: new Date() },
    );
  }

  // Configuration

  async reviewChain(bureauId: string, manager = this.manager): Promise<ReviewChainEntity | null> {
    return manager.findOneBy(ReviewChainEntity, { bureauId });
  }

  async saveReviewChain(manager: EntityManager, bureauId: string, steps: ReviewStep[], userId: string): Promise<void> {
    await manager.query(
      `INSERT INTO review_chains (bureau_id, steps, updated_by) VALUES ($1, $2::jsonb, $3)
       ON CONFLICT (bureau_id) DO UPDATE
         SET steps = EXCLUDED.steps, updated_by = EXCLUDED.updated_by, updated_at = now(),
             version = review_chains.version + 1`,
      [bureauId, JSON.stringify(steps), userId],
    );
  }

  async templates(): Promise<ReplyTemplateEntity[]> {
    return this.manager.find(ReplyTemplateEntity, { order: { body: 'ASC', updatedAt: 'ASC' } });
  }

  /** The bureau's own template for the body, else the body's. */
  async templatesFor(body: SessionBody, bureauId: string, manager = this.manager): Promise<ReplyTemplateEntity[]> {
    return manager
      .createQueryBuilder(ReplyTemplateEntity, 't')
      .where('t.body = :body AND (t.bureau_id = :bureauId OR t.bureau_id IS NULL)', { body, bureauId })
      .getMany();
  }

  async saveTemplate(
    manager: EntityManager,
    input: Omit<ReplyTemplateEntity, 'id' | 'version' | 'updatedAt'>,
  ): Promise<ReplyTemplateEntity> {
    const rows = await manager.query<{ id: string }[]>(
      `INSERT INTO reply_templates (body, bureau_id, title_template, opening_template, organisation_opening_template,
                                    closing, default_cc, headings_on_own_line, honorific, updated_by)
       VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7::jsonb, $8, $9, $10)
       ON CONFLICT ON CONSTRAINT reply_templates_one_per_body_and_bureau DO UPDATE
         SET title_template = EXCLUDED.title_template, opening_template = EXCLUDED.opening_template,
             organisation_opening_template = EXCLUDED.organisation_opening_template,
             closing = EXCLUDED.closing, default_cc = EXCLUDED.default_cc,
             headings_on_own_line = EXCLUDED.headings_on_own_line, honorific = EXCLUDED.honorific,
             updated_by = EXCLUDED.updated_by, updated_at = now(), version = reply_templates.version + 1
       RETURNING id`,
      [
        input.body,
        input.bureauId,
        input.titleTemplate,
        input.openingTemplate,
        input.organisationOpeningTemplate,
        JSON.stringify(input.closing),
        JSON.stringify(input.defaultCc),
        input.headingsOnOwnLine,
        input.honorific,
        input.updatedBy,
      ],
    );
    return manager.findOneByOrFail(ReplyTemplateEntity, { id: rows[0].id });
  }

  async gradeScales(manager = this.manager): Promise<GradeScaleEntity[]> {
    return manager.find(GradeScaleEntity, { order: { body: 'ASC' } });
  }

  async gradeScale(body: SessionBody, manager = this.manager): Promise<GradeScaleEntity> {
    return manager.findOneByOrFail(GradeScaleEntity, { body });
  }

  async saveGradeScale(manager: EntityManager, scale: Pick<GradeScaleEntity, 'body' | 'classes' | 'updatedBy'>) {
    await manager.update(
      GradeScaleEntity,
      { body: scale.body },
      { classes: scale.classes, updatedBy: scale.updatedBy },
    );
  }

  async documentNumberSeries(): Promise<DocumentNumberSeries[]> {
    return this.manager.query<DocumentNumberSeries[]>(
      `SELECT prefix, year, last_number AS "lastNumber", updated_at AS "updatedAt"
         FROM document_number_counters ORDER BY year DESC, prefix`,
    );
  }

  /** Locks the series row (creating none) so a continuation and a sign-off never cross. */
  async lockSeries(manager: EntityManager, prefix: string, year: number): Promise<number | null> {
    const rows = await manager.query<{ last_number: number }[]>(
      `SELECT last_number FROM document_number_counters WHERE prefix = $1 AND year = $2 FOR UPDATE`,
      [prefix, year],
    );
    return rows.length > 0 ? Number(rows[0].last_number) : null;
  }

  async highestIssuedInSeries(manager: EntityManager, prefix: string, year: number): Promise<number> {
    const [row] = await manager.query<{ max: number | null }[]>(
      `SELECT max(document_number_sequence) AS max FROM replies WHERE document_number_prefix = $1 AND document_number_year = $2`,
      [prefix, year],
    );
    return Number(row.max ?? 0);
  }

  async setSeries(manager: EntityManager, prefix: string, year: number, lastNumber: number): Promise<void> {
    await manager.query(
      `INSERT INTO document_number_counters (prefix, year, last_number) VALUES ($1, $2, $3)
       ON CONFLICT (prefix, year) DO UPDATE SET last_number = EXCLUDED.last_number, updated_at = now()`,
      [prefix, year, lastNumber],
    );
  }

  /** Open replies of an assignment: what must be withdrawn when the assignment ends. */
  async openRepliesOf(manager: EntityManager, assignmentId: string): Promise<Reply[]> {
    const rows = await manager
      .createQueryBuilder(ReplyEntity, 'r')
      .where('r.assignment_id = :assignmentId', { assignmentId })
      .andWhere('r.status IN (:...open)', { open: OPEN_REPLY_STATUSES })
      .getMany();
    return rows.map(toReply);
  }

  async latestRound(manager: EntityManager, assignmentId: string): Promise<number> {
    const [row] = await manager.query<{ max: number | null }[]>(
      `SELECT max(round) AS max FROM replies WHERE assignment_id = $1 AND status <> 'withdrawn'`,
      [assignmentId],
    );
    return Number(row.max ?? 0);
  }
}
