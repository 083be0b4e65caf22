import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { ReadScope } from '@dafu/platform/auth/access';
import { ReplyStatus } from '@dafu/replies/domain/reply-status';
import { FOLLOW_UP_GRADES, type FollowUpFacts } from './domain/follow-up';
import type { FeedbackChannel, Satisfaction } from './domain/feedback';
import type { Feedback, FollowUpFilter, FollowUpLetter, FollowUpListItem } from './feedback.types';

const SELECT_FEEDBACK = `
  SELECT f.id, f.reply_id AS "replyId", f.assignment_id AS "assignmentId", f.bureau_id AS "bureauId",
         f.proposal_id AS "proposalId", f.work_rating AS "workRating", f.result_rating AS "resultRating",
         f.talked_before_reply AS "talkedBeforeReply", f.comments, f.channel, f.recorded_by AS "recordedBy",
         u.display_name AS "recordedByName", f.recorded_at AS "recordedAt"
    FROM feedback f LEFT JOIN users u ON u.id = f.recorded_by`;

const SELECT_FOLLOW_UP = `
  SELECT fu.id, fu.reply_id AS "replyId", fu.assignment_id AS "assignmentId", fu.bureau_id AS "bureauId",
         fu.proposal_id AS "proposalId", fu.body, fu.sent_on::text AS "sentOn", fu.solved,
         fu.recorded_by AS "recordedBy", u.display_name AS "recordedByName", fu.recorded_at AS "recordedAt"
    FROM follow_ups fu LEFT JOIN users u ON u.id = fu.recorded_by`;

/**
 * A reply stands on the follow-up list while it is the latest issued letter of its assignment,
 * graded B or C, with no follow-up letter reporting the matter solved (domain/follow-up.ts says
 * the same for one reply; this is the set-wise form).
 */
const ON_LIST = `
  r.status = 'issued' AND r.grade = ANY($1::text[])
  AND NOT EXISTS (SELECT 1 FROM follow_ups s WHERE s.reply_id = r.id AND s.solved)
  AND NOT EXISTS (SELECT 1 FROM replies later
                   WHERE later.assignment_id = r.assignment_id AND later.round > r.round
                     AND later.status = 'issued')`;

export interface NewFeedback {
  replyId: string;
  assignmentId: string;
  bureauId: string;
  proposalId: string;
  workRating: Satisfaction;
  resultRating: Satisfaction;
  talkedBeforeReply: boolean;
  comments: string;
  channel: FeedbackChannel;
  recordedBy: string | null;
}

export interface NewFollowUp {
  replyId: string;
  assignmentId: string;
  bureauId: string;
  proposalId: string;
  body: string;
  sentOn: string;
  solved: boolean;
  recordedBy: string;
}

@Injectable()
export class FeedbackRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  async insertFeedback(manager: EntityManager, input: NewFeedback): Promise<Feedback> {
    const [row] = await manager.query<{ id: string }[]>(
      `INSERT INTO feedback (reply_id, assignment_id, bureau_id, proposal_id, work_rating, result_rating,
                             talked_before_reply, comments, channel, recorded_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
      [
        input.replyId,
        input.assignmentId,
        input.bureauId,
        input.proposalId,
        input.workRating,
        input.resultRating,
        input.talkedBeforeReply,
        input.comments,
        input.channel,
        input.recordedBy,
      ],
    );
    const [feedback] = await manager.query<Feedback[]>(`${SELECT_FEEDBACK} WHERE f.id = $1`, [row.id]);
    return feedback;
  }

  async feedbackOfReply(replyId: string, manager: EntityManager = this.dataSource.manager): Promise<Feedback | null> {
    const [row] = await manager.query<Feedback[]>(`${SELECT_FEEDBACK} WHERE f.reply_id = $1`, [replyId]);
    return row ?? null;
  }

  /** Where a reply stands for the follow-up list; call with the reply locked. */
  async followUpFacts(manager: EntityManager, replyId: string): Promise<FollowUpFacts | null> {
    const [row] = await manager.query<FollowUpFacts[]>(
      `SELECT r.status AS "replyStatus", r.grade,
              EXISTS (SELECT 1 FROM follow_ups s WHERE s.reply_id = r.id AND s.solved) AS solved,
              EXISTS (SELECT 1 FROM replies later
                       WHERE later.assignment_id = r.assignment_id AND later.round > r.round
                         AND later.status = 'issued') AS superseded
         FROM replies r WHERE r.id = $1`,
      [replyId],
    );
    return row ? { ...row, replyStatus: row.replyStatus as ReplyStatus } : null;
  }

  async insertFollowUp(manager: EntityManager, input: NewFollowUp): Promise<FollowUpLetter> {
    const [row] = await manager.query<{ id: string }[]>(
      `INSERT INTO follow_ups (reply_id, assignment_id, bureau_id, proposal_id, body, sent_on, solved, recorded_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [
        input.replyId,
        input.assignmentId,
        input.bureauId,
        input.proposalId,
        input.body,
        input.sentOn,
        input.solved,
        input.recordedBy,
      ],
    );
    const [letter] = await manager.query<FollowUpLetter[]>(`${SELECT_FOLLOW_UP} WHERE fu.id = $1`, [row.id]);
    return letter;
  }

  followUpsOfReply(replyId: string): Promise<FollowUpLetter[]> {
    return this.dataSource.query<FollowUpLetter[]>(
      `${SELECT_FOLLOW_UP} WHERE fu.reply_id = $1 ORDER BY fu.sent_on, fu.recorded_at`,
      [replyId],
    );
  }

  /** The follow-up list, oldest letter first; a bureau's scope sees only its own replies. */
  async followUpList(filter: FollowUpFilter, scope: ReadScope): Promise<{ items: FollowUpListItem[]; total: number }> {
    const params: unknown[] = [FOLLOW_UP_GRADES];
    const where = [ON_LIST];
    if (scope.kind === 'bureau') {
      params.push(scope.bureauId);
      where.push(`r.bureau_id = $${params.length}`);
    }
    if (filter.bureauId) {
      params.push(filter.bureauId);
      where.push(`r.bureau_id = $${params.length}`);
    }
    if (filter.sessionId) {
      params.push(filter.sessionId);
      where.push(`p.session_id = $${params.length}`);
    }
    const from = `FROM replies r JOIN proposals p ON p.id = r.proposal_id WHERE ${where.join(' AND ')}`;
    const [{ total }] = await this.dataSource.query<{ total: number }[]>(
      `SELECT count(*)::int AS total ${from}`,
      params,
    );
    const items = await this.dataSource.query<FollowUpListItem[]>(
      `SELECT r.id AS "replyId", r.assignment_id AS "assignmentId", r.proposal_id AS "proposalId",
              p.number AS "proposalNumber", p.title AS "proposalTitle", p.session_id AS "sessionId",
              r.bureau_id AS "bureauId", o.name AS "bureauName", r.grade, r.document_number AS "documentNumber",
              r.signed_on::text AS "signedOn", r.issued_at AS "issuedAt",
              (SELECT count(*)::int FROM follow_ups l WHERE l.reply_id = r.id) AS letters,
              (SELECT max(l.sent_on)::text FROM follow_ups l WHERE l.reply_id = r.id) AS "lastLetterOn"
         ${from.replace('WHERE', 'JOIN organisations o ON o.id = r.bureau_id WHERE')}
        ORDER BY r.issued_at NULLS LAST, p.number, r.id
        LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, filter.limit, filter.offset],
    );
    return { items, total };
  }
}
