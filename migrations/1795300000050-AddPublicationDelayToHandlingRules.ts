import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddPublicationDelayToHandlingRules1795300000050 implements MigrationInterface {
  name = 'AddPublicationDelayToHandlingRules1795300000050';

  async up(q: QueryRunner): Promise<void> {
    // 0: a reply marked public appears at once; rules that speak of "within 20 working days" set up to that.
    await q.query(`
      ALTER TABLE handling_rules
        ADD COLUMN publication_delay_working_days smallint NOT NULL DEFAULT 0
          CONSTRAINT handling_rules_publication_delay_check
          CHECK (publication_delay_working_days BETWEEN 0 AND 60)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE handling_rules DROP COLUMN publication_delay_working_days`);
  }
}
