import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateAttachments1795300000009 implements MigrationInterface {
  name = 'CreateAttachments1795300000009';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TYPE attachment_owner AS ENUM ('co_opinion', 'contact')`);
    // Files live in the storage backend under storage_key; the row is what authorizes a download.
    await q.query(`
      CREATE TABLE attachments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        assignment_id uuid NOT NULL REFERENCES assignments (id) ON DELETE RESTRICT,
        owner_type attachment_owner NOT NULL,
        owner_id uuid NOT NULL,
        filename text NOT NULL CHECK (btrim(filename) <> '' AND length(filename) <= 255),
        content_type text NOT NULL,
        size_bytes integer NOT NULL CHECK (size_bytes > 0),
        sha256 char(64) NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        storage_key text NOT NULL UNIQUE,
        uploaded_by uuid NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX attachments_owner_idx ON attachments (owner_type, owner_id)`);
    await q.query(`CREATE INDEX attachments_assignment_idx ON attachments (assignment_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE attachments`);
    await q.query(`DROP TYPE attachment_owner`);
  }
}
