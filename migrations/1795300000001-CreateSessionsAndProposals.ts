import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateSessionsAndProposals1795300000001 implements MigrationInterface {
  name = 'CreateSessionsAndProposals1795300000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TYPE session_body AS ENUM ('cppcc', 'npc')`);
    await q.query(`CREATE TYPE proposal_kind AS ENUM ('proposal', 'suggestion')`);
    // proposal_kind is derived from the body so proposals can reference (session, kind):
    // a CPPCC session cannot hold a 建议, nor an NPC session a 提案.
    await q.query(`
      CREATE TABLE sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        body session_body NOT NULL,
        term smallint NOT NULL CHECK (term BETWEEN 1 AND 99),
        sitting smallint NOT NULL CHECK (sitting BETWEEN 1 AND 20),
        year smallint NOT NULL CHECK (year BETWEEN 1949 AND 2200),
        name text NOT NULL CHECK (btrim(name) <> ''),
        opened_on date,
        proposal_kind proposal_kind GENERATED ALWAYS AS (
          CASE body WHEN 'cppcc' THEN 'proposal'::proposal_kind ELSE 'suggestion'::proposal_kind END
        ) STORED,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT sessions_body_term_sitting_key UNIQUE (body, term, sitting),
        CONSTRAINT sessions_id_kind_key UNIQUE (id, proposal_kind)
      )`);
    await q.query(
      `CREATE TYPE proposal_status AS ENUM ('registered', 'assigned', 'replied', 'closed', 'withdrawn', 'merged')`,
    );
    await q.query(`
      CREATE TABLE proposals (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        session_id uuid NOT NULL,
        number integer NOT NULL CHECK (number > 0),
        kind proposal_kind NOT NULL,
        title text NOT NULL CHECK (btrim(title) <> ''),
        body text NOT NULL DEFAULT '',
        category text,
        received_on date,
        status proposal_status NOT NULL DEFAULT 'registered',
        merged_into_id uuid REFERENCES proposals (id) ON DELETE RESTRICT,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT proposals_session_number_key UNIQUE (session_id, number),
        CONSTRAINT proposals_session_kind_fkey FOREIGN KEY (session_id, kind)
          REFERENCES sessions (id, proposal_kind) ON DELETE RESTRICT,
        CONSTRAINT proposals_merged_has_target CHECK ((status = 'merged') = (merged_into_id IS NOT NULL)),
        CONSTRAINT proposals_not_merged_into_self CHECK (merged_into_id IS NULL OR merged_into_id <> id)
      )`);
    await q.query(`CREATE INDEX proposals_status_idx ON proposals (status)`);
    await q.query(`CREATE TYPE proposer_role AS ENUM ('lead', 'co_signer')`);
    await q.query(`CREATE TYPE proposer_kind AS ENUM ('person', 'organisation')`);
    await q.query(`
      CREATE TABLE proposers (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        proposal_id uuid NOT NULL REFERENCES proposals (id) ON DELETE CASCADE,
        position smallint NOT NULL CHECK (position >= 1),
        role proposer_role NOT NULL,
        kind proposer_kind NOT NULL,
        name text NOT NULL CHECK (btrim(name) <> ''),
        phone text,
        address text,
        CONSTRAINT proposers_position_key UNIQUE (proposal_id, position),
        CONSTRAINT proposers_name_once UNIQUE (proposal_id, name),
        CONSTRAINT proposers_lead_is_first CHECK ((role = 'lead') = (position = 1))
      )`);
    await q.query(`CREATE INDEX proposers_name_idx ON proposers (name)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE proposers`);
    await q.query(`DROP TYPE proposer_kind`);
    await q.query(`DROP TYPE proposer_role`);
    await q.query(`DROP TABLE proposals`);
    await q.query(`DROP TYPE proposal_status`);
    await q.query(`DROP TABLE sessions`);
    await q.query(`DROP TYPE proposal_kind`);
    await q.query(`DROP TYPE session_body`);
  }
}
