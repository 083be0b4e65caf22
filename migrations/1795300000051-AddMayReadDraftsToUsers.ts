import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddMayReadDraftsToUsers1795300000051 implements MigrationInterface {
  name = 'AddMayReadDraftsToUsers1795300000051';

  async up(q: QueryRunner): Promise<void> {
    // City readers (supervisors, registrars) see a draft's status only, unless an admin grants this.
    await q.query(`ALTER TABLE users ADD COLUMN may_read_drafts boolean NOT NULL DEFAULT false`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users DROP COLUMN may_read_drafts`);
  }
}
