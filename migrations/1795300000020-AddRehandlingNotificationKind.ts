import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddRehandlingNotificationKind1795300000020 implements MigrationInterface {
  name = 'AddRehandlingNotificationKind1795300000020';

  async up(q: QueryRunner): Promise<void> {
    // 重新办理: the bureau's clerks and the supervisors hear that 不满意 feedback reopened an assignment.
    await q.query(`ALTER TYPE notification_kind ADD VALUE IF NOT EXISTS 'rehandling'`);
  }

  async down(q: QueryRunner): Promise<void> {
    // Postgres cannot drop an enum value: the type is rebuilt without it, after the rows that use it.
    await q.query(`
      DELETE FROM notification_deliveries
       WHERE notification_id IN (SELECT id FROM notifications WHERE kind::text = 'rehandling')`);
    await q.query(`DELETE FROM notifications WHERE kind::text = 'rehandling'`);
    await q.query(`ALTER TABLE notifications DROP CONSTRAINT notifications_reminder_named`);
    await q.query(`ALTER TABLE notifications DROP CONSTRAINT notifications_urge_named`);
    await q.query(`DROP INDEX notifications_reminder_once`);
    await q.query(`ALTER TYPE notification_kind RENAME TO notification_kind_old`);
    await q.query(`CREATE TYPE notification_kind AS ENUM ('reminder', 'urge')`);
    await q.query(
      `ALTER TABLE notifications ALTER COLUMN kind TYPE notification_kind USING kind::text::notification_kind`,
    );
    await q.query(`DROP TYPE notification_kind_old`);
    await q.query(`
      ALTER TABLE notifications ADD CONSTRAINT notifications_reminder_named CHECK (kind <> 'reminder' OR (
        assignment_id IS NOT NULL AND deadline_kind IS NOT NULL AND due_on IS NOT NULL AND milestone IS NOT NULL))`);
    await q.query(
      `ALTER TABLE notifications ADD CONSTRAINT notifications_urge_named CHECK ((kind = 'urge') = (urge_id IS NOT NULL))`,
    );
    await q.query(`
      CREATE UNIQUE INDEX notifications_reminder_once
        ON notifications (assignment_id, deadline_kind, due_on, milestone, user_id) WHERE kind = 'reminder'`);
  }
}
