import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateOrganisationsAndUsers1795300000000 implements MigrationInterface {
  name = 'CreateOrganisationsAndUsers1795300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pgcrypto`);
    await q.query(
      `CREATE TYPE organisation_kind AS ENUM ('bureau', 'cppcc_committee', 'npc_committee', 'supervision_office', 'system')`,
    );
    await q.query(`
      CREATE TABLE organisations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        short_name text,
        kind organisation_kind NOT NULL,
        document_number_prefix text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT organisations_name_key UNIQUE (name),
        CONSTRAINT organisations_name_not_blank CHECK (btrim(name) <> ''),
        CONSTRAINT organisations_prefix_only_for_bureaus CHECK (document_number_prefix IS NULL OR kind = 'bureau'),
        CONSTRAINT organisations_prefix_not_blank CHECK (document_number_prefix IS NULL OR btrim(document_number_prefix) <> '')
      )`);
    await q.query(
      `CREATE TYPE user_role AS ENUM ('registrar', 'clerk', 'reviewer', 'signatory', 'supervisor', 'admin')`,
    );
    await q.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        username text NOT NULL,
        display_name text NOT NULL,
        organisation_id uuid NOT NULL REFERENCES organisations (id) ON DELETE RESTRICT,
        roles user_role[] NOT NULL,
        password_hash text NOT NULL,
        email text,
        phone text,
        disabled_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT users_have_a_role CHECK (cardinality(roles) >= 1),
        CONSTRAINT users_username_format CHECK (username ~ '^[A-Za-z0-9._-]{3,50}$')
      )`);
    await q.query(`CREATE UNIQUE INDEX users_username_lower_key ON users (lower(username))`);
    await q.query(`CREATE INDEX users_organisation_idx ON users (organisation_id)`);
    await q.query(`
      CREATE TABLE refresh_tokens (
        id uuid PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX refresh_tokens_live_idx ON refresh_tokens (user_id) WHERE revoked_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE refresh_tokens`);
    await q.query(`DROP TABLE users`);
    await q.query(`DROP TYPE user_role`);
    await q.query(`DROP TABLE organisations`);
    await q.query(`DROP TYPE organisation_kind`);
  }
}
