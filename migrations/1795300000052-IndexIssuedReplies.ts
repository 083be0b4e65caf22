import { MigrationInterface, QueryRunner } from 'typeorm';

export class IndexIssuedReplies1795300000052 implements MigrationInterface {
  name = 'IndexIssuedReplies1795300000052';

  async up(q: QueryRunner): Promise<void> {
    // The public feed: issued replies, newest first, a page at a time.
    await q.query(`CREATE INDEX replies_issued_at_idx ON replies (issued_at DESC, id) WHERE status = 'issued'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX replies_issued_at_idx`);
  }
}
