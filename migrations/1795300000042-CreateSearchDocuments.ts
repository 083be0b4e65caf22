import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateSearchDocuments1795300000042 implements MigrationInterface {
  name = 'CreateSearchDocuments1795300000042';

  async up(q: QueryRunner): Promise<void> {
    // A read model rebuilt from the sources (proposals, signed and issued replies, archived letters):
    // `tsv` holds jieba's words (title A, headings B, body C) under the 'simple' configuration.
    await q.query(`
      CREATE TABLE search_documents (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        doc_kind text NOT NULL CHECK (doc_kind IN ('proposal', 'reply', 'archived_letter')),
        source_id uuid NOT NULL,
        proposal_id uuid,
        session_id uuid,
        session_label text,
        bureau_ids uuid[] NOT NULL DEFAULT '{}',
        visible_to_all boolean NOT NULL DEFAULT false,
        proposal_kind proposal_kind,
        proposal_number integer,
        grade text,
        state text,
        title text NOT NULL DEFAULT '',
        headings text NOT NULL DEFAULT '',
        body text NOT NULL DEFAULT '',
        document_number text,
        names text NOT NULL DEFAULT '',
        -- Every two-character run of each name: a two-character lookup (晓静) makes no trigram.
        name_grams text[] NOT NULL DEFAULT '{}',
        dated_on date,
        tsv tsvector NOT NULL,
        -- The text's best words with tf-idf weights (unit length): similar replies are their cosine.
        key_terms jsonb NOT NULL DEFAULT '{}'::jsonb,
        indexed_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (doc_kind, source_id)
      )`);
    await q.query(`CREATE INDEX search_documents_tsv_idx ON search_documents USING gin (tsv)`);
    await q.query(`CREATE INDEX search_documents_bureaus_idx ON search_documents USING gin (bureau_ids)`);
    await q.query(`CREATE INDEX search_documents_session_idx ON search_documents (session_id)`);
    await q.query(`CREATE INDEX search_documents_proposal_idx ON search_documents (proposal_id)`);
    await q.query(
      `CREATE INDEX search_documents_number_trgm_idx ON search_documents USING gin (document_number gin_trgm_ops)`,
    );
    await q.query(`CREATE INDEX search_documents_names_trgm_idx ON search_documents USING gin (names gin_trgm_ops)`);
    await q.query(`CREATE INDEX search_documents_name_grams_idx ON search_documents USING gin (name_grams)`);
    await q.query(`CREATE INDEX search_documents_title_trgm_idx ON search_documents USING gin (title gin_trgm_ops)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE search_documents`);
  }
}
