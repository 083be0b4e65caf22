import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { readScopeOf } from '@dafu/platform/auth/access';
import type { Actor } from '@dafu/platform/auth/actor';
import { similarityFingerprint, type ReplyContentText } from './domain/search-document';
import { anyPairQuery, cosine, sharedWording, shingles, type Segmenter } from './domain/search-text';
import { jiebaIdf, jiebaSegmenter } from './jieba-segmenter';
import { SearchPublication } from './search-publication';
import { preferIndexes, scopeCondition } from './search.service';

/** A section of an earlier letter a clerk can insert; its index is what the inserted section's source records. */
export interface ReusableSection {
  index: number;
  heading: string;
  paragraphs: string[];
}

export interface SimilarReply {
  /** past_reply: a signed or issued reply in Dafu; archived_letter: an imported historical letter. */
  kind: 'past_reply' | 'archived_letter';
  /** The reply's id or the archived letter's id: what a section's source records. */
  id: string;
  proposalId: string | null;
  title: string;
  sessionLabel: string | null;
  documentNumber: string | null;
  grade: string | null;
  datedOn: string | null;
  score: number;
  /** The words of the current proposal the earlier letter shares, best first. */
  sharedTerms: string[];
  sections: ReusableSection[];
}

/** Words of the fingerprint that pick the candidates (any two of them): 8 words, 28 pairs. */
const QUERY_TERMS = 8;
const CANDIDATES = 100;
/** Candidates whose wording is compared, best by topic first. */
const RERANKED = 30;
const LIMIT = 5;

/**
 * Earlier replies to near-identical questions (濮阳 answered the same 社区养老 question in 2023 and
 * 2024): the current proposal's fingerprint (its best words, tf × idf) against each indexed
 * letter's. Only letters the reader may see: drafts are not in the index.
 */
@Injectable()
export class SimilarRepliesService {
  private readonly segmenter: Segmenter = jiebaSegmenter();
  private readonly idf = jiebaIdf();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly publication: SearchPublication,
  ) {}

  async forProposal(actor: Actor, proposalId: string): Promise<SimilarReply[]> {
    const [proposal] = await this.dataSource.query<{ title: string; body: string }[]>(
      `SELECT title, body FROM proposals WHERE id = $1`,
      [proposalId],
    );
    if (!proposal) return [];
    return this.similarTo(actor, proposal.title, proposal.body, { excludeProposalId: proposalId });
  }

  async similarTo(
    actor: Actor,
    title: string,
    body: string,
    options: { excludeProposalId?: string; excludeArchivedLetterId?: string; limit?: number } = {},
  ): Promise<SimilarReply[]> {
    const fingerprint = similarityFingerprint(title, body, this.segmenter, this.idf);
    const terms = Object.keys(fingerprint).slice(0, QUERY_TERMS);
    const tsquery = anyPairQuery(terms);
    if (!tsquery) return [];
    // Candidates: letters sharing two of the best words (GIN), the likeliest titles first (pg_trgm
    // similarity, cheap: no tsvector is read); then ranked by the cosine of the fingerprints, so a
    // long letter that merely mentions many of the words does not win.
    const params: unknown[] = [tsquery, title];
    const where = [`d.tsv @@ $1::tsquery`, `d.doc_kind IN ('reply', 'archived_letter')`];
    if (options.excludeProposalId) {
      params.push(options.excludeProposalId);
      where.push(`d.proposal_id IS DISTINCT FROM $${params.length}::uuid`);
    }
    if (options.excludeArchivedLetterId) {
      params.push(options.excludeArchivedLetterId);
      where.push(`NOT (d.doc_kind = 'archived_letter' AND d.source_id = $${params.length}::uuid)`);
    }
    const readScope = readScopeOf(actor);
    const scope = scopeCondition(readScope, params, await this.publication.cutoffsFor(readScope));
    if (scope) where.push(scope);
    const candidates = await this.dataSource.transaction(async (manager) => {
      await preferIndexes(manager);
      return manager.query<CandidateRow[]>(
        `SELECT d.doc_kind, d.source_id, d.proposal_id, d.title, d.session_label, d.document_number, d.grade,
              to_char(d.dated_on, 'YYYY-MM-DD') AS dated_on, d.key_terms
         FROM search_documents d
        WHERE ${where.join(' AND ')}
        ORDER BY similarity(d.title, $2) DESC, d.dated_on DESC NULLS LAST, d.id
        LIMIT ${CANDIDATES}`,
        params,
      );
    });
    const byTopic = candidates
      .map((row) => ({ row, score: cosine(fingerprint, row.key_terms ?? {}) }))
      .sort((a, b) => b.score - a.score)
      .slice(0, RERANKED);
    // Reused wording (same sentences, same paragraphs) lifts a letter above others on the same subject.
    const bodies = await this.bodiesOf(byTopic.map(({ row }) => row));
    const own = shingles(`${title}\n${body}`);
    const best = byTopic
      .map(({ row, score }) => ({
        row,
        score: Math.round((score + sharedWording(own, shingles(bodies.get(row.source_id) ?? ''))) * 1e4) / 1e4,
      }))
      .sort((a, b) => b.score - a.score || (b.row.dated_on ?? '').localeCompare(a.row.dated_on ?? ''))
      .slice(0, options.limit ?? LIMIT);
    const contents = await this.contentsOf(best.map(({ row }) => row));
    return best.map(({ row, score }) => ({
      kind: row.doc_kind === 'reply' ? 'past_reply' : 'archived_letter',
      id: row.source_id,
      proposalId: row.proposal_id,
      title: row.title,
      sessionLabel: row.session_label,
      documentNumber: row.document_number,
      grade: row.grade,
      datedOn: row.dated_on,
      score,
      sharedTerms: Object.keys(fingerprint).filter((t) => (row.key_terms ?? {})[t] !== undefined),
      sections: sectionsOf(contents.get(row.source_id) ?? null),
    }));
  }

  private async bodiesOf(rows: CandidateRow[]): Promise<Map<string, string>> {
    if (rows.length === 0) return new Map();
    const found = await this.dataSource.query<{ doc_kind: string; source_id: string; text: string }[]>(
      `SELECT doc_kind, source_id, title || E'\\n' || body AS text FROM search_documents
        WHERE source_id = ANY($1::uuid[]) AND doc_kind IN ('reply', 'archived_letter')`,
      [rows.map((r) => r.source_id)],
    );
    return new Map(found.map((r) => [r.source_id, r.text]));
  }

  /** The sections of the chosen letters: a reply's signed version, an archived letter's parsed sections. */
  private async contentsOf(rows: CandidateRow[]): Promise<Map<string, ReplyContentText>> {
    const replies = rows.filter((r) => r.doc_kind === 'reply').map((r) => r.source_id);
    const letters = rows.filter((r) => r.doc_kind === 'archived_letter').map((r) => r.source_id);
    const found = await this.dataSource.query<{ id: string; content: ReplyContentText }[]>(
      `SELECT r.id, v.content FROM replies r JOIN reply_versions v ON v.reply_id = r.id AND v.number = r.signed_version
        WHERE r.id = ANY($1::uuid[])
       UNION ALL
       SELECT a.id, jsonb_build_object('sections', a.sections) FROM archived_letters a WHERE a.id = ANY($2::uuid[])`,
      [replies, letters],
    );
    return new Map(found.map((r) => [r.id, r.content]));
  }
}

interface CandidateRow {
  doc_kind: 'reply' | 'archived_letter';
  source_id: string;
  proposal_id: string | null;
  title: string;
  session_label: string | null;
  document_number: string | null;
  grade: string | null;
  dated_on: string | null;
  key_terms: Record<string, number> | null;
}

function sectionsOf(content: ReplyContentText | null): ReusableSection[] {
  const sections = content?.sections ?? [];
  return sections.map((s, index) => ({ index, heading: s.heading ?? '', paragraphs: s.paragraphs ?? [] }));
}
