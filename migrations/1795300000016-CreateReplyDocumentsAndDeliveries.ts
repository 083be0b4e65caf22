import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateReplyDocumentsAndDeliveries1795300000016 implements MigrationInterface {
  name = 'CreateReplyDocumentsAndDeliveries1795300000016';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TYPE reply_document_kind AS ENUM ('docx', 'pdf')`);
    // The final files of a signed reply: one of each kind, made once from the signed version.
    // sha256 identifies a file for /verify; signed_digest is the digest the PDF's signature
    // covers, which still names the letter when someone has altered a copy.
    await q.query(`
      CREATE TABLE reply_documents (
        reply_id uuid NOT NULL REFERENCES replies (id) ON DELETE RESTRICT,
        kind reply_document_kind NOT NULL,
        storage_key text NOT NULL,
        sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        size_bytes integer NOT NULL CHECK (size_bytes > 0),
        signed_version integer NOT NULL,
        signed_digest text CHECK (signed_digest ~ '^[0-9a-f]{64}$'),
        signing_credential_id uuid REFERENCES signing_credentials (id) ON DELETE RESTRICT,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (reply_id, kind),
        CONSTRAINT reply_documents_sha256_key UNIQUE (sha256),
        CONSTRAINT reply_documents_pdf_is_signed CHECK (
          (kind = 'pdf') = (signing_credential_id IS NOT NULL AND signed_digest IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX reply_documents_signed_digest_idx ON reply_documents (signed_digest)`);

    await q.query(`CREATE TYPE delivery_recipient_kind AS ENUM ('proposer', 'cc')`);
    await q.query(`CREATE TYPE delivery_channel AS ENUM ('email', 'mailroom')`);
    await q.query(`CREATE TYPE delivery_status AS ENUM ('pending', 'sent', 'failed')`);
    // One row per recipient of an issued letter. E-mails are sent by the worker; the rest wait
    // on the mailroom's printable list until someone marks them posted.
    await q.query(`
      CREATE TABLE deliveries (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        reply_id uuid NOT NULL REFERENCES replies (id) ON DELETE RESTRICT,
        bureau_id uuid NOT NULL REFERENCES organisations (id) ON DELETE RESTRICT,
        position smallint NOT NULL CHECK (position >= 1),
        recipient_kind delivery_recipient_kind NOT NULL,
        recipient_name text NOT NULL CHECK (btrim(recipient_name) <> ''),
        email text,
        postal_address text,
        copies smallint NOT NULL DEFAULT 1 CHECK (copies BETWEEN 1 AND 99),
        channel delivery_channel NOT NULL,
        status delivery_status NOT NULL DEFAULT 'pending',
        attempts integer NOT NULL DEFAULT 0,
        last_error text,
        message_id text,
        sent_at timestamptz,
        sent_by uuid REFERENCES users (id) ON DELETE RESTRICT,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT deliveries_position_key UNIQUE (reply_id, position),
        CONSTRAINT deliveries_email_has_address CHECK (channel <> 'email' OR email IS NOT NULL),
        CONSTRAINT deliveries_sent_when CHECK ((status = 'sent') = (sent_at IS NOT NULL))
      )`);
    await q.query(`
      CREATE INDEX deliveries_mailroom_idx ON deliveries (bureau_id, created_at)
        WHERE channel = 'mailroom' AND status = 'pending'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE deliveries`);
    await q.query(`DROP TYPE delivery_status`);
    await q.query(`DROP TYPE delivery_channel`);
    await q.query(`DROP TYPE delivery_recipient_kind`);
    await q.query(`DROP TABLE reply_documents`);
    await q.query(`DROP TYPE reply_document_kind`);
  }
}
