import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateCoOpinionsAndContacts1795300000007 implements MigrationInterface {
  name = 'CreateCoOpinionsAndContacts1795300000007';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TYPE co_opinion_status AS ENUM ('draft', 'sent', 'waived')`);
    // One 会办意见 per co assignment: drafted by its clerk, sent by its reviewer, or waived by the lead.
    await q.query(`
      CREATE TABLE co_opinions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        assignment_id uuid NOT NULL UNIQUE REFERENCES assignments (id) ON DELETE RESTRICT,
        body text NOT NULL DEFAULT '',
        status co_opinion_status NOT NULL DEFAULT 'draft',
        drafted_by uuid REFERENCES users (id) ON DELETE RESTRICT,
        sent_by uuid REFERENCES users (id) ON DELETE RESTRICT,
        sent_at timestamptz,
        waived_by uuid REFERENCES users (id) ON DELETE RESTRICT,
        waived_at timestamptz,
        waive_reason text,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT co_opinions_sent_has_text CHECK (status <> 'sent' OR (btrim(body) <> '' AND sent_at IS NOT NULL)),
        CONSTRAINT co_opinions_waiver_says_why CHECK (status <> 'waived' OR (btrim(coalesce(waive_reason, '')) <> '' AND waived_at IS NOT NULL))
      )`);
    await q.query(`CREATE TYPE contact_method AS ENUM ('phone', 'visit', 'meeting', 'letter', 'online', 'other')`);
    // 沟通: each talk with the proposer before the reply.
    await q.query(`
      CREATE TABLE proposer_contacts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        assignment_id uuid NOT NULL REFERENCES assignments (id) ON DELETE RESTRICT,
        occurred_on date NOT NULL,
        method contact_method NOT NULL,
        participants text NOT NULL CHECK (btrim(participants) <> ''),
        summary text NOT NULL CHECK (btrim(summary) <> ''),
        logged_by uuid NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX proposer_contacts_assignment_idx ON proposer_contacts (assignment_id, occurred_on)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE proposer_contacts`);
    await q.query(`DROP TYPE contact_method`);
    await q.query(`DROP TABLE co_opinions`);
    await q.query(`DROP TYPE co_opinion_status`);
  }
}
