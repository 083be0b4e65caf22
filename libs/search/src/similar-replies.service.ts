import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { readScopeOf } from '@dafu/platform/auth/access';
import type { Actor } from '@dafu/platform/auth/actor';
import type { ReplyContentText } from './domain/search-document';
import { anyOfQuery, keyTerms, type Segmenter } from './domain/search-text';
import { jiebaIdf, jiebaSegmenter } from './jieba-segmenter';
import { scopeCondition } from './search.service';

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

const MAX_TERMS = 24;
const LIMIT = 5;

/**
 * Earlier replies to near-identical questions (濮阳 answered the same 社区养老 question in 2023 and
 * 2024): the current proposal's key words (tf × idf) as an OR query, ranked by cover density plus
 * trigram similarity of the titles. Only letters the reader may see: drafts are not in the index.
 */
@Injectable()
export class SimilarRepliesService {
  private readonly segmenter: Segmenter = jiebaSegmenter();
  private readonly idf = jiebaIdf();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

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
    // The title says what is asked: counted three times against the body's words.
    const terms = keyTerms(`${title}\n${title}\n${title}\n${body}`, this.segmenter, this.idf, MAX_TERMS);
    const tsquery = anyOfQuery(terms);
    if (!tsquery) return [];
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
    const scope = scopeCondition(readScopeOf(actor), params);
    if (scope) where.push(scope);
    params.push(options.limit ?? LIMIT);
    const rows = await this.dataSource.query<SimilarRow[]>(
      `SELECT d.doc_kind, d.source_id, d.proposal_id, d.title, d.session_label, d.document_number, d.grade,
              to_char(d.dated_on, 'YYYY-MM-DD') AS dated_on,
              ts_rank_cd('{0.1, 0.2, 0.5, 1.0}', d.tsv, $1::tsquery, 1) + similarity(d.title, $2) AS score,
              CASE d.doc_kind
                WHEN 'reply' THEN (SELECT v.content FROM replies r JOIN reply_versions v
                                    ON v.reply_id = r.id AND v.number = r.signed_version WHERE r.id = d.source_id)
                ELSE (SELECT jsonb_build_object('sections', a.sections) FROM archived_letters a WHERE a.id = d.source_id)
              END AS content,
              (SELECT array_agg(t) FROM unnest($${params.length + 1}::text[]) t
                WHERE d.tsv @@ quote_literal(t)::tsquery) AS shared
         FROM search_documents d
        WHERE ${where.join(' AND ')}
        ORDER BY score DESC, d.dated_on DESC NULLS LAST, d.id
        LIMIT $${params.length}`,
      [...params, terms],
    );
    return rows.map((r) => ({
      kind: r.doc_kind === 'reply' ? 'past_reply' : 'archived_letter',
      id: r.source_id,
      proposalId: r.proposal_id,
      title: r.title,
      sessionLabel: r.session_label,
      documentNumber: r.document_number,
      grade: r.grade,
      datedOn: r.dated_on,
      score: Number(r.score),
      sharedTerms: terms.filter((t) => (r.shared ?? []).includes(t)),
      sections: sectionsOf(r.content),
    }));
  }
}

interface SimilarRow {
  doc_kind: 'reply' | 'archived_letter';
  source_id: string;
  proposal_id: string | null;
  title: string;
  session_label: string | null;
  document_number: string | null;
  grade: string | null;
  dated_on: string | null;
  score: string | number;
  content: ReplyContentText | null;
  shared: string[] | null;
}

function sectionsOf(content: ReplyContentText | null): ReusableSection[] {
  const sections = content?.sections ?? [];
  return sections.map((s, index) => ({ index, heading: s.heading ?? '', paragraphs: s.paragraphs ?? [] }));
}
