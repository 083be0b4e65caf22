import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DafuConfig } from '@dafu/platform/config/dafu-config';
import type { DataSource, EntityManager } from 'typeorm';
import {
  indexedDocument,
  replyText,
  type ReplyContentText,
  type SearchDocumentInput,
  type SearchDocumentKind,
} from './domain/search-document';
import type { Segmenter } from './domain/search-text';
import { jiebaIdf, jiebaSegmenter } from './jieba-segmenter';

const BATCH = 500;

export interface RebuildCounts {
  proposals: number;
  replies: number;
  archivedLetters: number;
  seconds: number;
}

/**
 * Keeps `search_documents` in step with its sources. Each method reloads the sources by id (the
 * truth) and upserts or removes their documents, so it is idempotent and may run as often as
 * events arrive. Drafts are never indexed: only signed and issued replies.
 */
@Injectable()
export class SearchIndexer {
  private readonly logger = new Logger(SearchIndexer.name);
  private readonly segmenter: Segmenter = jiebaSegmenter();
  private readonly idf = jiebaIdf();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: DafuConfig,
  ) {}

  async indexProposals(ids: readonly string[], manager: EntityManager = this.dataSource.manager): Promise<number> {
    if (ids.length === 0) return 0;
    const rows = await manager.query<ProposalRow[]>(PROPOSAL_SOURCES, [ids]);
    const docs = rows.map((r): SearchDocumentInput => ({
      docKind: 'proposal',
      sourceId: r.id,
      proposalId: r.id,
      sessionId: r.session_id,
      sessionLabel: r.session_label,
      bureauIds: r.bureau_ids ?? [],
      visibleToAll: false,
      publicBody: null,
      issuedOn: null,
      proposalKind: r.kind,
      proposalNumber: r.number,
      grade: null,
      state: r.status,
      title: r.title,
      headings: '',
      body: r.body,
      documentNumber: null,
      names: r.names ?? '',
      datedOn: r.received_on,
    }));
    await this.write(manager, 'proposal', ids, docs);
    return docs.length;
  }

  async indexReplies(ids: readonly string[], manager: EntityManager = this.dataSource.manager): Promise<number> {
    if (ids.length === 0) return 0;
    const rows = await manager.query<ReplyRow[]>(REPLY_SOURCES, [ids, this.config.timezone]);
    const docs = rows.map((r): SearchDocumentInput => {
      const text = replyText(r.content ?? {});
      const published = r.status === 'issued' && r.issued_on !== null && r.content?.disclosure?.level === 'public';
      return {
        docKind: 'reply',
        sourceId: r.id,
        proposalId: r.proposal_id,
        sessionId: r.session_id,
        sessionLabel: r.session_label,
        bureauIds: [r.bureau_id],
        visibleToAll: false,
        publicBody: published ? r.session_body : null,
        issuedOn: published ? r.issued_on : null,
        proposalKind: r.kind,
        proposalNumber: r.number,
        grade: r.grade,
        state: r.status,
        title: r.proposal_title,
        headings: text.headings,
        body: text.body,
        documentNumber: r.document_number,
        names: [text.names, r.signatory_name ?? '', r.bureau_name].filter((n) => n !== '').join('、'),
        datedOn: r.signed_on,
      };
    });
    await this.write(manager, 'reply', ids, docs);
    return docs.length;
  }

  async indexArchivedLetters(
    ids: readonly string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<number> {
    if (ids.length === 0) return 0;
    const rows = await manager.query<ArchivedRow[]>(ARCHIVED_SOURCES, [ids]);
    const docs = rows.map((r): SearchDocumentInput => ({
      docKind: 'archived_letter',
      sourceId: r.id,
      proposalId: null,
      sessionId: null,
      sessionLabel: r.session_label,
      bureauIds: [],
      visibleToAll: true,
      publicBody: null,
      issuedOn: null,
      proposalKind: r.kind,
      proposalNumber: r.proposal_number,
      grade: r.grade,
      state: 'archived',
      title: r.proposal_title ?? r.file_name,
      headings: (r.section_headings ?? []).join('\n'),
      body: r.text,
      documentNumber: r.document_number,
      names: [...(r.addressees?.people ?? []), r.addressees?.organisation ?? '', r.signatory ?? '', r.issuer ?? '']
        .filter((n) => n !== '')
        .join('、'),
      datedOn: r.letter_date,
    }));
    await this.write(manager, 'archived_letter', ids, docs);
    return docs.length;
  }

  /** The proposal an assignment belongs to: its bureaus (who may read it) changed. */
  async indexProposalOfAssignment(assignmentId: string): Promise<void> {
    const rows = await this.dataSource.query<{ proposal_id: string }[]>(
      `SELECT proposal_id FROM assignments WHERE id = $1`,
      [assignmentId],
    );
    if (rows.length > 0) await this.indexProposals([rows[0].proposal_id]);
  }

  /** Everything again, in batches: after a restore, a change of segmentation, or a lost index. */
  async rebuild(): Promise<RebuildCounts> {
    const started = Date.now();
    await this.dataSource.query(`DELETE FROM search_documents`);
    const proposals = await this.inBatches(`SELECT id FROM proposals`, (ids) => this.indexProposals(ids));
    const replies = await this.inBatches(`SELECT id FROM replies WHERE status IN ('signed', 'issued')`, (ids) =>
      this.indexReplies(ids),
    );
    const archivedLetters = await this.inBatches(`SELECT id FROM archived_letters`, (ids) =>
      this.indexArchivedLetters(ids),
    );
    const seconds = (Date.now() - started) / 1000;
    this.logger.log({ proposals, replies, archivedLetters, seconds }, 'Search index rebuilt');
    return { proposals, replies, archivedLetters, seconds };
  }

  private async inBatches(sql: string, work: (ids: string[]) => Promise<number>): Promise<number> {
    let total = 0;
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const rows = await this.dataSource.query<{ id: string }[]>(
        `SELECT id FROM (${sql}) s WHERE id > $1 ORDER BY id LIMIT ${BATCH}`,
        [after],
      );
      if (rows.length === 0) return total;
      total += await work(rows.map((r) => r.id));
      after = rows[rows.length - 1].id;
    }
  }

  /** Upserts the documents found and removes those of the ids whose source is gone (or is no longer indexed). */
  private async write(
    manager: EntityManager,
    kind: SearchDocumentKind,
    ids: readonly string[],
    docs: SearchDocumentInput[],
  ): Promise<void> {
    const found = new Set(docs.map((d) => d.sourceId));
    const gone = ids.filter((id) => !found.has(id));
    if (gone.length > 0) {
      await manager.query(`DELETE FROM search_documents WHERE doc_kind = $1 AND source_id = ANY($2::uuid[])`, [
        kind,
        gone,
      ]);
    }
    if (docs.length === 0) return;
    const indexed = docs.map((d) => indexedDocument(d, this.segmenter, this.idf));
    await manager.query(UPSERT, [
      JSON.stringify(
        indexed.map((d) => ({
          doc_kind: d.docKind,
          source_id: d.sourceId,
          proposal_id: d.proposalId,
          session_id: d.sessionId,
          session_label: d.sessionLabel,
          bureau_ids: d.bureauIds,
          visible_to_all: d.visibleToAll,
          public_body: d.publicBody,
          issued_on: d.issuedOn,
          proposal_kind: d.proposalKind,
          proposal_number: d.proposalNumber,
          grade: d.grade,
          state: d.state,
          title: d.title,
          headings: d.headings,
          body: d.body,
          document_number: d.documentNumber,
          names: d.names,
          dated_on: d.datedOn,
          tsv: d.tsv,
          key_terms: d.keyTerms,
          name_grams: d.nameGrams,
        })),
      ),
    ]);
  }
}

interface ProposalRow {
  id: string;
  session_id: string;
  session_label: string;
  kind: 'proposal' | 'suggestion';
  number: number;
  title: string;
  body: string;
  status: string;
  received_on: string | null;
  bureau_ids: string[] | null;
  names: string | null;
}

interface ReplyRow {
  id: string;
  proposal_id: string;
  bureau_id: string;
  bureau_name: string;
  status: string;
  grade: string | null;
  document_number: string | null;
  signatory_name: string | null;
  signed_on: string | null;
  /** Local date of issue; null until issued. */
  issued_on: string | null;
  session_body: 'cppcc' | 'npc';
  session_id: string;
  session_label: string;
  kind: 'proposal' | 'suggestion';
  number: number;
  proposal_title: string;
  content: ReplyContentText | null;
}

interface ArchivedRow {
  id: string;
  file_name: string;
  text: string;
  document_number: string | null;
  signatory: string | null;
  grade: string | null;
  issuer: string | null;
  kind: 'proposal' | 'suggestion' | null;
  session_label: string | null;
  proposal_number: number | null;
  addressees: { people?: string[]; organisation?: string | null } | null;
  proposal_title: string | null;
  section_headings: string[] | null;
  letter_date: string | null;
}

const PROPOSAL_SOURCES = `
  SELECT p.id, p.session_id, s.name AS session_label, p.kind, p.number, p.title, p.body, p.status,
         to_char(p.received_on, 'YYYY-MM-DD') AS received_on,
         (SELECT array_agg(DISTINCT a.bureau_id) FROM assignments a
           WHERE a.proposal_id = p.id AND a.status NOT IN ('reassigned', 'withdrawn')) AS bureau_ids,
         (SELECT string_agg(pr.name, '、' ORDER BY pr.position) FROM proposers pr WHERE pr.proposal_id = p.id) AS names
    FROM proposals p JOIN sessions s ON s.id = p.session_id
   WHERE p.id = ANY($1::uuid[])`;

const REPLY_SOURCES = `
  SELECT r.id, r.proposal_id, r.bureau_id, o.name AS bureau_name, r.status, r.grade, r.document_number,
         r.signatory_name, to_char(r.signed_on, 'YYYY-MM-DD') AS signed_on,
         to_char((r.issued_at AT TIME ZONE $2)::date, 'YYYY-MM-DD') AS issued_on, s.body AS session_body,
         p.session_id, s.name AS session_label, p.kind, p.number, p.title AS proposal_title, v.content
    FROM replies r
    JOIN proposals p ON p.id = r.proposal_id
    JOIN sessions s ON s.id = p.session_id
    JOIN organisations o ON o.id = r.bureau_id
    JOIN reply_versions v ON v.reply_id = r.id AND v.number = r.signed_version
   WHERE r.id = ANY($1::uuid[]) AND r.status IN ('signed', 'issued')`;

const ARCHIVED_SOURCES = `
  SELECT id, file_name, text, document_number, signatory, grade, issuer, kind, session_label, proposal_number,
         addressees, proposal_title, section_headings, to_char(letter_date, 'YYYY-MM-DD') AS letter_date
    FROM archived_letters WHERE id = ANY($1::uuid[])`;

const UPSERT = `
  INSERT INTO search_documents (doc_kind, source_id, proposal_id, session_id, session_label, bureau_ids,
         visible_to_all, public_body, issued_on, proposal_kind, proposal_number, grade, state, title, headings, body,
         document_number, names, name_grams, dated_on, tsv, key_terms, indexed_at)
  SELECT d.doc_kind, d.source_id, d.proposal_id, d.session_id, d.session_label, d.bureau_ids, d.visible_to_all,
         d.public_body::session_body, d.issued_on,
         d.proposal_kind::proposal_kind, d.proposal_number, d.grade, d.state, d.title, d.headings, d.body,
         d.document_number, d.names, d.name_grams, d.dated_on, d.tsv::tsvector, d.key_terms, now()
    FROM jsonb_to_recordset($1::jsonb) AS d(doc_kind text, source_id uuid, proposal_id uuid, session_id uuid,
         session_label text, bureau_ids uuid[], visible_to_all boolean, public_body text, issued_on date, proposal_kind text, proposal_number integer,
         grade text, state text, title text, headings text, body text, document_number text, names text, name_grams text[],
         dated_on date, tsv text, key_terms jsonb)
  ON CONFLICT (doc_kind, source_id) DO UPDATE SET
    proposal_id = EXCLUDED.proposal_id, session_id = EXCLUDED.session_id, session_label = EXCLUDED.session_label,
    bureau_ids = EXCLUDED.bureau_ids, visible_to_all = EXCLUDED.visible_to_all,
    public_body = EXCLUDED.public_body, issued_on = EXCLUDED.issued_on,
    proposal_kind = EXCLUDED.proposal_kind, proposal_number = EXCLUDED.proposal_number, grade = EXCLUDED.grade,
    state = EXCLUDED.state, title = EXCLUDED.title, headings = EXCLUDED.headings, body = EXCLUDED.body,
    document_number = EXCLUDED.document_number, names = EXCLUDED.names, name_grams = EXCLUDED.name_grams, dated_on = EXCLUDED.dated_on,
    tsv = EXCLUDED.tsv, key_terms = EXCLUDED.key_terms, indexed_at = now()`;
