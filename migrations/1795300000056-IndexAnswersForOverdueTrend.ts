import { MigrationInterface, QueryRunner } from 'typeorm';

export class IndexAnswersForOverdueTrend1795300000056 implements MigrationInterface {
  name = 'IndexAnswersForOverdueTrend1795300000056';

  async up(q: QueryRunner): Promise<void> {
    // The overdue trend reads only what was answered within its weeks, besides the open items:
    // it aggregated every assignment, 7 s over all sessions at 1,000,000 proposals.
    await q.query(
      `CREATE INDEX replies_signed_on_idx ON replies (signed_on, assignment_id) WHERE status IN ('signed', 'issued')`,
    );
    await q.query(`CREATE INDEX co_opinions_sent_at_idx ON co_opinions (sent_at, assignment_id) WHERE status = 'sent'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX co_opinions_sent_at_idx`);
    await q.query(`DROP INDEX replies_signed_on_idx`);
  }
}
