import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateLetterSettingsAndSigningCredentials1795300000015 implements MigrationInterface {
  name = 'CreateLetterSettingsAndSigningCredentials1795300000015';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TYPE letter_format AS ENUM ('document', 'letter')`);
    // How a bureau sets its letters (GB/T 9704 offers 文件格式 and 信函格式); a bureau without a
    // row gets the document format under its own name.
    await q.query(`
      CREATE TABLE letter_settings (
        bureau_id uuid PRIMARY KEY REFERENCES organisations (id) ON DELETE RESTRICT,
        format letter_format NOT NULL DEFAULT 'document',
        header_title text NOT NULL CHECK (btrim(header_title) <> '' AND char_length(header_title) <= 40),
        prints_grade_mark boolean NOT NULL DEFAULT true,
        seal_content bytea,
        seal_content_type text CHECK (seal_content_type IN ('image/png', 'image/jpeg')),
        version integer NOT NULL DEFAULT 1,
        updated_by uuid REFERENCES users (id) ON DELETE RESTRICT,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT letter_settings_seal_is_whole CHECK ((seal_content IS NULL) = (seal_content_type IS NULL)),
        CONSTRAINT letter_settings_seal_size CHECK (seal_content IS NULL OR octet_length(seal_content) <= 2097152)
      )`);

    // The key a bureau signs its PDFs with. The private key is sealed (AES-256-GCM under the
    // SIGNING_KEY_SECRET) and never leaves the worker; retired credentials stay for the record.
    await q.query(`
      CREATE TABLE signing_credentials (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        bureau_id uuid NOT NULL REFERENCES organisations (id) ON DELETE RESTRICT,
        certificate_pem text NOT NULL CHECK (certificate_pem LIKE '-----BEGIN CERTIFICATE-----%'),
        chain_pem text[] NOT NULL DEFAULT '{}',
        sealed_private_key text NOT NULL CHECK (sealed_private_key LIKE 'v1:%'),
        self_signed boolean NOT NULL,
        subject text NOT NULL,
        serial_number text NOT NULL,
        fingerprint_sha256 text NOT NULL CHECK (fingerprint_sha256 ~ '^[0-9a-f]{64}$'),
        not_before timestamptz NOT NULL,
        not_after timestamptz NOT NULL,
        created_by uuid REFERENCES users (id) ON DELETE RESTRICT,
        created_at timestamptz NOT NULL DEFAULT now(),
        retired_at timestamptz,
        CONSTRAINT signing_credentials_valid_period CHECK (not_before < not_after)
      )`);
    await q.query(`
      CREATE UNIQUE INDEX signing_credentials_one_current ON signing_credentials (bureau_id)
        WHERE retired_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE signing_credentials`);
    await q.query(`DROP TABLE letter_settings`);
    await q.query(`DROP TYPE letter_format`);
  }
}
