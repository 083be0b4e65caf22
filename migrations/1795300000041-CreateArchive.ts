import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateArchive1795300000041 implements MigrationInterface {
  name = 'CreateArchive1795300000041';

  async up(q: QueryRunner): Promise<void> {
    // One row per upload: every file's outcome (recovered fields, fields not recovered and why,
    // or why the file was refused) is kept for the report.
    await q.query(`
      CREATE TABLE archive_imports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        imported_by uuid NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
        organisation_id uuid NOT NULL REFERENCES organisations (id) ON DELETE RESTRICT,
        file_count integer NOT NULL CHECK (file_count >= 0),
        imported_count integer NOT NULL CHECK (imported_count >= 0),
        failed_count integer NOT NULL CHECK (failed_count >= 0),
        results jsonb NOT NULL DEFAULT '[]'::jsonb CHECK (jsonb_typeof(results) = 'array'),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    // The cleaned text and what the parser recovered; null fields were not recovered (never guessed).
    await q.query(`
      CREATE TABLE archived_letters (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        import_id uuid NOT NULL REFERENCES archive_imports (id) ON DELETE RESTRICT,
        file_name text NOT NULL,
        text_sha256 text NOT NULL UNIQUE CHECK (text_sha256 ~ '^[0-9a-f]{64}$'),
        text text NOT NULL CHECK (btrim(text) <> ''),
        document_number text,
        signatory text,
        grade text,
        issuer text,
        kind proposal_kind,
        session_label text,
        session_body session_body,
        session_term smallint,
        session_sitting smallint,
        proposal_number integer,
        addressees jsonb,
        proposal_title text,
        section_headings jsonb,
        sections jsonb NOT NULL DEFAULT '[]'::jsonb,
        letter_date date,
        contact jsonb,
        cc jsonb,
        problems jsonb NOT NULL DEFAULT '[]'::jsonb,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX archived_letters_import_idx ON archived_letters (import_id)`);
    await q.query(
      `CREATE INDEX archived_letters_session_idx ON archived_letters (session_body, session_term, session_sitting)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE archived_letters`);
    await q.query(`DROP TABLE archive_imports`);
  }
}
