import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateFollowUps1795300000021 implements MigrationInterface {
  name = 'CreateFollowUps1795300000021';

  async up(q: QueryRunner): Promise<void> {
    // 跟踪办理: a reply graded B or C stays on the follow-up list until the bureau sends a
    // follow-up letter saying the matter is solved. Each letter is one row, never changed.
    // bureau_id and proposal_id repeat the reply's so the list is scoped without a join.
    await q.query(`
      CREATE TABLE follow_ups (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        reply_id uuid NOT NULL REFERENCES replies (id) ON DELETE RESTRICT,
        assignment_id uuid NOT NULL REFERENCES assignments (id) ON DELETE RESTRICT,
        bureau_id uuid NOT NULL REFERENCES organisations (id) ON DELETE RESTRICT,
        proposal_id uuid NOT NULL REFERENCES proposals (id) ON DELETE RESTRICT,
        body text NOT NULL CHECK (btrim(body) <> ''),
        sent_on date NOT NULL,
        solved boolean NOT NULL,
        recorded_by uuid NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
        recorded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX follow_ups_reply_idx ON follow_ups (reply_id, recorded_at)`);
    // Once solved the reply leaves the list: a second "solved" letter is refused, even concurrently.
    await q.query(`CREATE UNIQUE INDEX follow_ups_solved_once ON follow_ups (reply_id) WHERE solved`);
    // The list itself: issued replies by grade, per bureau.
    await q.query(`CREATE INDEX replies_issued_grade_idx ON replies (bureau_id, grade) WHERE status = 'issued'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX replies_issued_grade_idx`);
    await q.query(`DROP TABLE follow_ups`);
  }
}
