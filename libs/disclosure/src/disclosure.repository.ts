import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ReplyStatus } from '@dafu/replies/domain/reply-status';
import { Disclosure, type ReplyContent } from '@dafu/replies/domain/reply-content';
import type { SessionBody } from '@dafu/platform/vocabulary';
import { buildSearchQuery, type Segmenter } from '@dafu/search/domain/search-text';
import { normaliseDocumentNumber } from '@dafu/search/domain/search-document';
import { jiebaSegmenter } from '@dafu/search/jieba-segmenter';
import type { PublicationCutoffs, PublicFeedQuery, PublicReplySummary, PublicSession } from './disclosure.types';
import { escapeLike } from '@dafu/platform/database/like-pattern';

interface SummaryRow {
  id: string;
  document_number: string;
  session_id: string;
  session_name: string;
  body: SessionBody;
  proposal_kind: string;
  proposal_number: number;
  proposal_title: string;
  bureau_id: string;
  bureau_name: string;
  grade: string | null;
  letter_date: string;
  issued_on: string;
}

/**
 * What may be published, as one SQL condition: issued, the signed version marked public (kept on
 * the reply at sign-off as signed_disclosure), and issued on or before the body's cutoff (the
 * publication delay on the work calendar, computed in Node by the domain rule). Every public
 * query goes through it; `withSignedText` joins the signed version for the reply's own page.
 */
function publishedFrom(withSignedText = false): string {
  return `
    FROM replies r
    ${withSignedText ? 'JOIN reply_versions v ON v.reply_id = r.id AND v.number = r.signed_version' : ''}
    JOIN proposals p ON p.id = r.proposal_id
    JOIN sessions s ON s.id = p.session_id
    JOIN organisations o ON o.id = r.bureau_id
   WHERE r.status = '${ReplyStatus.Issued}'
     AND r.issued_at IS NOT NULL
     AND r.document_number IS NOT NULL
     AND r.signed_disclosure = '${Disclosure.Public}'
     AND (r.issued_at AT TIME ZONE $3)::date <=
         (SELECT c.cutoff FROM unnest($1::text[], $2::date[]) AS c(body, cutoff) WHERE c.body = s.body::text)`;
}
const PUBLISHED_FROM = publishedFrom();

const SUMMARY_COLUMNS = `
  r.id, r.document_number, s.id AS session_id, s.name AS session_name, s.body::text AS body,
  p.kind::text AS proposal_kind, p.number AS proposal_number, p.title AS proposal_title,
  o.id AS bureau_id, o.name AS bureau_name, r.grade,
  to_char(r.signed_on, 'YYYY-MM-DD') AS letter_date,
  to_char((r.issued_at AT TIME ZONE $3)::date, 'YYYY-MM-DD') AS issued_on`;

function toSummary(row: SummaryRow): PublicReplySummary {
  return {
    id: row.id,
    documentNumber: row.document_number,
    sessionId: row.session_id,
    sessionName: row.session_name,
    body: row.body,
    proposalKind: row.proposal_kind,
    proposalNumber: Number(row.proposal_number),
    proposalTitle: row.proposal_title,
    bureauId: row.bureau_id,
    bureauName: row.bureau_name,
    grade: row.grade,
    letterDate: row.letter_date,
    issuedOn: row.issued_on,
  };
}

@Injectable()
export class DisclosureRepository {
  private readonly segmenter: Segmenter = jiebaSegmenter();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * The reply matches the words: its signed letter in the search index (jieba's words, every one
   * must match), or its title or 文号 containing the text. Only replies the feed already allows
   * are looked at, so the index can reveal nothing else.
   */
  private textCondition(text: string, params: unknown[]): string {
    const alternatives: string[] = [];
    const { tsquery } = buildSearchQuery(text, this.segmenter);
    if (tsquery) {
      alternatives.push(`EXISTS (SELECT 1 FROM search_documents d
        WHERE d.doc_kind = 'reply' AND d.source_id = r.id AND d.tsv @@ $${params.push(tsquery)}::tsquery)`);
    }
    alternatives.push(`p.title ILIKE $${params.push(`%${escapeLike(text)}%`)}`);
    alternatives.push(`r.document_number ILIKE $${params.push(`%${escapeLike(normaliseDocumentNumber(text))}%`)}`);
    return `(${alternatives.join(' OR ')})`;
  }

  private publishedParams(cutoffs: PublicationCutoffs, timezone: string): unknown[] {
    return [cutoffs.map((c) => c.body), cutoffs.map((c) => c.cutoff), timezone];
  }

  async feed(
    query: PublicFeedQuery,
    cutoffs: PublicationCutoffs,
    timezone: string,
  ): Promise<{ items: PublicReplySummary[]; total: number }> {
    const params = this.publishedParams(cutoffs, timezone);
    const filters: string[] = [];
    const text = query.q?.trim() ?? '';
    if (text !== '') filters.push(this.textCondition(text, params));
    if (query.sessionId) filters.push(`s.id = $${params.push(query.sessionId)}`);
    if (query.bureauId) filters.push(`o.id = $${params.push(query.bureauId)}`);
    if (query.grade) filters.push(`r.grade = $${params.push(query.grade)}`);
    const conditions = filters.map((f) => `AND ${f}`).join(' ');
    const skipped = (query.page - 1) * query.pageSize;
    const limit = params.push(query.pageSize);
    const offset = params.push(skipped);
    // The page and the count apart: the page walks the index of public issued replies newest
    // first and stops after a page, where a window count made it join every published reply
    // (1.2 s at 100,000 proposals against 0.16 s for the count alone).
    const rows = await this.dataSource.query<SummaryRow[]>(
      `SELECT ${SUMMARY_COLUMNS} ${PUBLISHED_FROM} ${conditions}
        ORDER BY r.issued_at DESC, r.id
        LIMIT $${limit} OFFSET $${offset}`,
      params,
    );
    const lastPage = rows.length < query.pageSize && (rows.length > 0 || skipped === 0);
    let total = skipped + rows.length;
    if (!lastPage) {
      const [counted] = await this.dataSource.query<{ n: string }[]>(
        `SELECT count(*) AS n ${PUBLISHED_FROM} ${conditions}`,
        params.slice(0, params.length - 2),
      );
      total = Number(counted.n);
    }
    return { items: rows.map(toSummary), total };
  }

  /** A published reply with its signed text; null when it is unknown or not (yet) public. */
  async published(
    id: string,
    cutoffs: PublicationCutoffs,
    timezone: string,
  ): Promise<{
    summary: PublicReplySummary;
    content: ReplyContent;
    signatoryName: string | null;
    hasPdf: boolean;
  } | null> {
    const params = this.publishedParams(cutoffs, timezone);
    const at = params.push(id);
    const rows = await this.dataSource.query<
      (SummaryRow & { content: ReplyContent; signatory_name: string | null; has_pdf: boolean })[]
    >(
      `SELECT ${SUMMARY_COLUMNS}, v.content, r.signatory_name,
              EXISTS (SELECT 1 FROM reply_documents d WHERE d.reply_id = r.id AND d.kind = 'pdf') AS has_pdf
         ${publishedFrom(true)} AND r.id = $${at}`,
      params,
    );
    const row = rows[0];
    if (!row) return null;
    return { summary: toSummary(row), content: row.content, signatoryName: row.signatory_name, hasPdf: row.has_pdf };
  }

  /** Sessions with at least one published reply, newest first. */
  async sessions(cutoffs: PublicationCutoffs, timezone: string): Promise<PublicSession[]> {
    const rows = await this.dataSource.query<
      { id: string; name: string; body: SessionBody; term: number; sitting: number; year: number; n: string }[]
    >(
      `SELECT s.id, s.name, s.body::text AS body, s.term, s.sitting, s.year, count(*) AS n
         ${PUBLISHED_FROM}
        GROUP BY s.id
        ORDER BY s.year DESC, s.body, s.term DESC, s.sitting DESC`,
      this.publishedParams(cutoffs, timezone),
    );
    return rows.map((row) => ({
      id: row.id,
      name: row.name,
      body: row.body,
      term: Number(row.term),
      sitting: Number(row.sitting),
      year: Number(row.year),
      publishedReplies: Number(row.n),
    }));
  }
}
