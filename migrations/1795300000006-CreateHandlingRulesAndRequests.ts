import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateHandlingRulesAndRequests1795300000006 implements MigrationInterface {
  name = 'CreateHandlingRulesAndRequests1795300000006';

  async up(q: QueryRunner): Promise<void> {
    // The deadline rules of design.md, one row per body so a city can set CPPCC and NPC apart.
    await q.query(`
      CREATE TABLE handling_rules (
        body session_body PRIMARY KEY,
        acknowledge_working_days smallint NOT NULL DEFAULT 5 CHECK (acknowledge_working_days BETWEEN 1 AND 30),
        reply_months smallint NOT NULL DEFAULT 3 CHECK (reply_months BETWEEN 1 AND 12),
        co_opinion_months smallint NOT NULL DEFAULT 1 CHECK (co_opinion_months BETWEEN 1 AND 6),
        extension_cap_months smallint NOT NULL DEFAULT 6 CHECK (extension_cap_months BETWEEN 1 AND 24),
        rehandling_months smallint NOT NULL DEFAULT 1 CHECK (rehandling_months BETWEEN 1 AND 6),
        talk_required_before_review boolean NOT NULL DEFAULT false,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT handling_rules_co_before_reply CHECK (co_opinion_months <= reply_months),
        CONSTRAINT handling_rules_cap_after_reply CHECK (extension_cap_months >= reply_months)
      )`);
    await q.query(`INSERT INTO handling_rules (body) VALUES ('cppcc'), ('npc')`);

    // Stored at 交办 from the working-day calendar, like the due date: never recomputed on read.
    await q.query(`ALTER TABLE assignments ADD COLUMN acknowledge_by date`);
    // Rows made before this change get a week (five working days in an ordinary week); new rows
    // get the calendar's answer from the service.
    await q.query(`UPDATE assignments SET acknowledge_by = assigned_on + 7`);
    await q.query(`ALTER TABLE assignments ALTER COLUMN acknowledge_by SET NOT NULL`);
    await q.query(`ALTER TABLE assignments ADD COLUMN acknowledged_at timestamptz`);
    await q.query(
      `ALTER TABLE assignments ADD COLUMN reassigned_from_id uuid REFERENCES assignments (id) ON DELETE RESTRICT`,
    );

    await q.query(`CREATE TYPE request_status AS ENUM ('pending', 'approved', 'rejected')`);
    await q.query(`
      CREATE TABLE reassignment_requests (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        assignment_id uuid NOT NULL REFERENCES assignments (id) ON DELETE RESTRICT,
        requested_by uuid NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
        reason text NOT NULL CHECK (btrim(reason) <> ''),
        suggested_bureau_id uuid REFERENCES organisations (id) ON DELETE RESTRICT,
        status request_status NOT NULL DEFAULT 'pending',
        decided_by uuid REFERENCES users (id) ON DELETE RESTRICT,
        decision_reason text,
        new_assignment_id uuid REFERENCES assignments (id) ON DELETE RESTRICT,
        created_at timestamptz NOT NULL DEFAULT now(),
        decided_at timestamptz,
        CONSTRAINT reassignment_decided CHECK ((status = 'pending') = (decided_at IS NULL)),
        CONSTRAINT reassignment_approval_names_new CHECK ((status = 'approved') = (new_assignment_id IS NOT NULL)),
        CONSTRAINT reassignment_rejection_says_why CHECK (status <> 'rejected' OR btrim(coalesce(decision_reason, '')) <> '')
      )`);
    await q.query(
      `CREATE UNIQUE INDEX reassignment_requests_one_pending ON reassignment_requests (assignment_id) WHERE status = 'pending'`,
    );
    await q.query(`
      CREATE TABLE extension_requests (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        assignment_id uuid NOT NULL REFERENCES assignments (id) ON DELETE RESTRICT,
        requested_by uuid NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
        reason text NOT NULL CHECK (btrim(reason) <> ''),
        previous_due_on date NOT NULL,
        requested_due_on date NOT NULL CHECK (requested_due_on > previous_due_on),
        status request_status NOT NULL DEFAULT 'pending',
        decided_by uuid REFERENCES users (id) ON DELETE RESTRICT,
        decision_reason text,
        created_at timestamptz NOT NULL DEFAULT now(),
        decided_at timestamptz,
        CONSTRAINT extension_decided CHECK ((status = 'pending') = (decided_at IS NULL)),
        CONSTRAINT extension_rejection_says_why CHECK (status <> 'rejected' OR btrim(coalesce(decision_reason, '')) <> '')
      )`);
    await q.query(
      `CREATE UNIQUE INDEX extension_requests_one_pending ON extension_requests (assignment_id) WHERE status = 'pending'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE extension_requests`);
    await q.query(`DROP TABLE reassignment_requests`);
    await q.query(`DROP TYPE request_status`);
    await q.query(`ALTER TABLE assignments DROP COLUMN reassigned_from_id`);
    await q.query(`ALTER TABLE assignments DROP COLUMN acknowledged_at`);
    await q.query(`ALTER TABLE assignments DROP COLUMN acknowledge_by`);
    await q.query(`DROP TABLE handling_rules`);
  }
}
