import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddReminderRulesToHandlingRules1795300000017 implements MigrationInterface {
  name = 'AddReminderRulesToHandlingRules1795300000017';

  async up(q: QueryRunner): Promise<void> {
    // design.md's defaults: 14, 7, 3 and 1 days before, on the due day, then every 3 working days.
    await q.query(`
      ALTER TABLE handling_rules
        ADD COLUMN reminder_days_before smallint[] NOT NULL DEFAULT '{14,7,3,1}'
          CONSTRAINT handling_rules_reminder_days_before_check
          CHECK (cardinality(reminder_days_before) <= 8 AND 1 <= ALL (reminder_days_before)
                 AND 90 >= ALL (reminder_days_before)),
        ADD COLUMN reminder_on_due_day boolean NOT NULL DEFAULT true,
        ADD COLUMN reminder_overdue_every_working_days smallint NOT NULL DEFAULT 3
          CONSTRAINT handling_rules_reminder_overdue_every_check
          CHECK (reminder_overdue_every_working_days BETWEEN 1 AND 30)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE handling_rules
        DROP COLUMN reminder_overdue_every_working_days,
        DROP COLUMN reminder_on_due_day,
        DROP COLUMN reminder_days_before`);
  }
}
