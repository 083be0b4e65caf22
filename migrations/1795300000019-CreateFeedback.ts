import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateFeedback1795300000019 implements MigrationInterface {
  name = 'CreateFeedback1795300000019';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TYPE satisfaction AS ENUM ('satisfied', 'basically_satisfied', 'unsatisfied')`);
    await q.query(`CREATE TYPE feedback_channel AS ENUM ('registrar', 'proposer_link')`);
    // 反馈: the proposer's answer to one issued reply, from the form sent with the letter. The
    // work (办理工作) and the result (办理结果) are rated separately. bureau_id and proposal_id
    // repeat the assignment's so the statistics group without a join.
    await q.query(`
      CREATE TABLE feedback (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        reply_id uuid NOT NULL REFERENCES replies (id) ON DELETE RESTRICT,
        assignment_id uuid NOT NULL REFERENCES assignments (id) ON DELETE RESTRICT,
        bureau_id uuid NOT NULL REFERENCES organisations (id) ON DELETE RESTRICT,
        proposal_id uuid NOT NULL REFERENCES proposals (id) ON DELETE RESTRICT,
        work_rating satisfaction NOT NULL,
        result_rating satisfaction NOT NULL,
        talked_before_reply boolean NOT NULL,
        comments text NOT NULL DEFAULT '',
        channel feedback_channel NOT NULL,
        recorded_by uuid REFERENCES users (id) ON DELETE RESTRICT,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT feedback_once_per_reply UNIQUE (reply_id),
        CONSTRAINT feedback_registrar_named CHECK ((channel = 'registrar') = (recorded_by IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX feedback_bureau_idx ON feedback (bureau_id)`);
    await q.query(`CREATE INDEX feedback_assignment_idx ON feedback (assignment_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE feedback`);
    await q.query(`DROP TYPE feedback_channel`);
    await q.query(`DROP TYPE satisfaction`);
  }
}
