import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateAssignments1795300000002 implements MigrationInterface {
  name = 'CreateAssignments1795300000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TYPE assignment_role AS ENUM ('lead', 'co', 'separate')`);
    await q.query(`
      CREATE TYPE assignment_status AS ENUM (
        'assigned', 'acknowledged', 'reassignment_requested', 'reassigned', 'extension_requested',
        'replied', 'opinion_sent', 'feedback_received', 'rehandling', 'closed', 'withdrawn'
      )`);
    await q.query(`
      CREATE TABLE assignments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        proposal_id uuid NOT NULL REFERENCES proposals (id) ON DELETE RESTRICT,
        bureau_id uuid NOT NULL REFERENCES organisations (id) ON DELETE RESTRICT,
        role assignment_role NOT NULL,
        status assignment_status NOT NULL DEFAULT 'assigned',
        assigned_on date NOT NULL,
        due_on date NOT NULL,
        assigned_by uuid REFERENCES users (id) ON DELETE SET NULL,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT assignments_due_after_assigned CHECK (due_on > assigned_on),
        CONSTRAINT assignments_co_ends_with_opinion CHECK (
          (role = 'co' AND status NOT IN ('replied', 'feedback_received', 'rehandling'))
          OR (role <> 'co' AND status <> 'opinion_sent')
        )
      )`);
    // Ended assignments (reassigned elsewhere, withdrawn) stay as history and do not count.
    await q.query(`
      CREATE UNIQUE INDEX assignments_one_lead_per_proposal ON assignments (proposal_id)
        WHERE role = 'lead' AND status NOT IN ('reassigned', 'withdrawn')`);
    await q.query(`
      CREATE UNIQUE INDEX assignments_bureau_once_per_proposal ON assignments (proposal_id, bureau_id)
        WHERE status NOT IN ('reassigned', 'withdrawn')`);
    await q.query(`CREATE INDEX assignments_bureau_due_idx ON assignments (bureau_id, due_on)`);
    await q.query(`CREATE INDEX assignments_proposal_idx ON assignments (proposal_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE assignments`);
    await q.query(`DROP TYPE assignment_status`);
    await q.query(`DROP TYPE assignment_role`);
  }
}
