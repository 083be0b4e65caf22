import { MigrationInterface, QueryRunner } from 'typeorm';

export class IndexOpenAssignmentsByBureau1795300000053 implements MigrationInterface {
  name = 'IndexOpenAssignmentsByBureau1795300000053';

  async up(q: QueryRunner): Promise<void> {
    // A bureau's open assignments by due date: the clerk's list (GET /assignments?open=true), the
    // drafts page and a bureau's overdue items. Without it the list read every assignment the
    // bureau ever had (22,000 at 1,000,000 proposals) to keep its open few (bench/results.md).
    // The statuses are those of OPEN_ASSIGNMENT_STATUSES (libs/handling/src/domain/assignment-status.ts).
    await q.query(`
      CREATE INDEX assignments_bureau_open_due_idx ON assignments (bureau_id, due_on)
        WHERE status IN ('assigned', 'acknowledged', 'reassignment_requested', 'extension_requested', 'rehandling')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX assignments_bureau_open_due_idx`);
  }
}
