import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { readScopeOf, type ReadScope } from '@dafu/platform/auth/access';
import type { Actor } from '@dafu/platform/auth/actor';
import { assertUnreachable } from '@dafu/platform/errors/assert-unreachable';
import type { ProposalKind } from '@dafu/platform/vocabulary';
import { normaliseDocumentNumber, type SearchDocumentKind } from './domain/search-document';
import { buildSearchQuery, type Segmenter } from './domain/search-text';
import { buildSnippet } from './domain/snippet';
import type { SearchPageDto, SearchQueryDto } from './dto/search.dto';
import { jiebaSegmenter } from './jieba-segmenter';
import { SearchPublication } from './search-publication';
import { escapeLike } from '@dafu/platform/database/like-pattern';

/** Ranking reads every matching tsvector: beyond this many matches, the most recent are ranked. */
export const RANKED_AT_MOST = 2000;

/**
 * Within a read-only search transaction: prefer the GIN bitmap over a sequential scan. The planner
 * does not count the cost of detoasting every tsvector a sequential scan tests (2.5 KB each), so
 * for a common word it picks the scan, five times slower than the bitmap, which needs no tsvector.
 */
export async function preferIndexes(manager: EntityManager): Promise<void> {
  await manager.query(`SET LOCAL enable_seqscan = off`);
}

/** Weights of D, C (body), B (headings, names), A (title) for ts_rank_cd. */
const RANK_WEIGHTS = '{0.1, 0.2, 0.5, 1.0}';

interface HitRow {
  doc_kind: SearchDocumentKind;
  source_id: string;
  proposal_id: string | null;
  session_id: string | null;
  session_label: string | null;
  proposal_kind: ProposalKind | null;
  proposal_number: number | null;
  grade: string | null;
  state: string | null;
  title: string;
  body: string;
  document_number: string | null;
  names: string;
  dated_on: string | null;
  rank: number;
}

/** A body's latest issue date whose public replies are published today. */
export interface PublicationCutoff {
  body: string;
  cutoff: string;
}

/**
 * Filters and scope as SQL, with their parameters numbered from `params.length`. A bureau reads
 * its own records, the archive, and other bureaus' public replies once published (`cutoffs`).
 */
export function scopeCondition(
  scope: ReadScope,
  params: unknown[],
  cutoffs: readonly PublicationCutoff[] = [],
): string | null {
  switch (scope.kind) {
    case 'city':
      return null;
    case 'bureau': {
      params.push(scope.bureauId);
      const own = `$${params.length}::uuid = ANY (d.bureau_ids)`;
      const published = cutoffs.map(({ body, cutoff }) => {
        params.push(body, cutoff);
        return `(d.public_body = $${params.length - 1}::session_body AND d.issued_on <= $${params.length}::date)`;
      });
      return `(${['d.visible_to_all', own, ...published].join(' OR ')})`;
    }
    default:
      return assertUnreachable(scope);
  }
}

/**
 * A name contains the text: two characters through the name-gram GIN index (no trigram in them),
 * three to twenty through the trigram index; null otherwise (one character matches too much).
 */
export function nameCondition(text: string, params: unknown[]): string | null {
  const length = [...text].length;
  if (length === 2) {
    params.push([text.toLowerCase()]);
    return `d.name_grams @> $${params.length}::text[]`;
  }
  if (length < 3 || length > 20) return null;
  params.push(`%${escapeLike(text)}%`);
  return `d.names ILIKE $${params.length}`;
}

/** 文号 carry a year: digits, usually in brackets (三民文〔2023〕21号). */
export function looksLikeDocumentNumber(text: string): boolean {
  return /[0-9０-９]/.test(text) || /[〔〕[\]［］【】]/.test(text);
}

/**
 * Search over `search_documents`: jieba's words against the tsvector (GIN), 文号 and names by
 * substring (pg_trgm GIN), ranked by cover density, snippets highlighted here on the original text.
 */
@Injectable()
export class SearchService {
  private readonly segmenter: Segmenter = jiebaSegmenter();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly publication: SearchPublication,
  ) {}

  async search(actor: Actor, query: SearchQueryDto): Promise<SearchPageDto> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const params: unknown[] = [];
    const where: string[] = [];
    const text = query.q?.trim() ?? '';
    const built = buildSearchQuery(text, this.segmenter);
    let rank = '0';
    if (text !== '') {
      // The words; or the query as part of a 文号 (it has digits or brackets) or of a name (three
      // characters or more: what a trigram index can serve; two-character names match as words).
      const alternatives: string[] = [];
      const ranks: string[] = [];
      if (built.tsquery) {
        params.push(built.tsquery);
        const tsq = `$${params.length}::tsquery`;
        alternatives.push(`d.tsv @@ ${tsq}`);
        ranks.push(`ts_rank_cd('${RANK_WEIGHTS}', d.tsv, ${tsq}, 1)`);
      }
      if (looksLikeDocumentNumber(text)) {
        params.push(`%${escapeLike(normaliseDocumentNumber(text))}%`);
        alternatives.push(`d.document_number ILIKE $${params.length}`);
        ranks.push(`CASE WHEN d.document_number ILIKE $${params.length} THEN 10 ELSE 0 END`);
      }
      const name = nameCondition(text, params);
      if (name) {
        alternatives.push(name);
        ranks.push(`CASE WHEN ${name} THEN 1 ELSE 0 END`);
      }
      if (alternatives.length === 0) alternatives.push('false');
      rank = ranks.length > 0 ? `(${ranks.join(' + ')})` : '0';
      where.push(`(${alternatives.join(' OR ')})`);
    }
    if (query.documentNumber) {
      params.push(`%${escapeLike(normaliseDocumentNumber(query.documentNumber))}%`);
      where.push(`d.document_number ILIKE $${params.length}`);
    }
    if (query.name) where.push(nameCondition(query.name.trim(), params) ?? 'false');
    const readScope = readScopeOf(actor);
    const scope = scopeCondition(readScope, params, await this.publication.cutoffsFor(readScope));
    if (scope) where.push(scope);
    const filter = (column: string, value: unknown, cast = '') => {
      if (value === undefined || value === null || value === '') return;
      params.push(value);
      where.push(`${column} = $${params.length}${cast}`);
    };
    filter('d.session_id', query.sessionId, '::uuid');
    filter('d.proposal_kind', query.kind, '::proposal_kind');
    filter('d.doc_kind', query.type);
    filter('d.grade', query.grade);
    filter('d.state', query.state);
    if (query.bureauId) {
      params.push(query.bureauId);
      where.push(`$${params.length}::uuid = ANY (d.bureau_ids)`);
    }
    const condition = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
    // The GIN match needs no tsvector read; ranking does (detoasting each one), so a query matching
    // more than RANKED_AT_MOST documents is ranked among the most recent of them. The total stays exact.
    const { total, rows } = await this.dataSource.transaction(async (manager) => {
      // A name or 文号 alone is served by its trigram index, or by a scan that reads no tsvector.
      if (built.tsquery) await preferIndexes(manager);
      const [{ count }] = await manager.query<{ count: string }[]>(
        `SELECT count(*) FROM search_documents d ${condition}`,
        params,
      );
      if (Number(count) === 0) return { total: 0, rows: [] as HitRow[] };
      const limits = [...params, RANKED_AT_MOST, pageSize, (page - 1) * pageSize];
      const n = params.length;
      const found = await manager.query<HitRow[]>(
        `WITH candidates AS MATERIALIZED (
         SELECT d.id FROM search_documents d ${condition}
          ORDER BY d.dated_on DESC NULLS LAST, d.id LIMIT $${n + 1})
       SELECT d.doc_kind, d.source_id, d.proposal_id, d.session_id, d.session_label, d.proposal_kind,
              d.proposal_number, d.grade, d.state, d.title, d.body, d.document_number, d.names,
              to_char(d.dated_on, 'YYYY-MM-DD') AS dated_on, ${rank} AS rank
         FROM candidates c JOIN search_documents d ON d.id = c.id
        ORDER BY rank DESC, d.dated_on DESC NULLS LAST, d.id
        LIMIT $${n + 2} OFFSET $${n + 3}`,
        limits,
      );
      return { total: Number(count), rows: found };
    });
    const terms = [...built.terms, ...(text !== '' ? [text.toLowerCase()] : [])];
    return {
      items: rows.map((r) => ({
        type: r.doc_kind,
        id: r.source_id,
        proposalId: r.proposal_id,
        sessionId: r.session_id,
        sessionLabel: r.session_label,
        proposalKind: r.proposal_kind,
        proposalNumber: r.proposal_number,
        grade: r.grade,
        state: r.state,
        title: r.title,
        documentNumber: r.document_number,
        names: r.names,
        datedOn: r.dated_on,
        rank: Number(r.rank),
        snippet: buildSnippet(r.body || r.title, terms),
      })),
      total,
      page,
      pageSize,
      terms: built.terms,
      rankedAmong: Math.min(total, RANKED_AT_MOST),
    };
  }
}
