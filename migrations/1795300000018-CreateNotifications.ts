import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateNotifications1795300000018 implements MigrationInterface {
  name = 'CreateNotifications1795300000018';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TYPE notification_email_mode AS ENUM ('immediate', 'daily_digest', 'off')`);
    await q.query(
      `ALTER TABLE users ADD COLUMN notification_email_mode notification_email_mode NOT NULL DEFAULT 'immediate'`,
    );

    // 催办 sent by hand by the supervision office to a bureau, about some of its assignments.
    await q.query(`
      CREATE TABLE urges (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        bureau_id uuid NOT NULL REFERENCES organisations (id) ON DELETE RESTRICT,
        assignment_ids uuid[] NOT NULL CHECK (cardinality(assignment_ids) >= 1),
        message text NOT NULL CHECK (btrim(message) <> ''),
        sent_by uuid NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);

    await q.query(`CREATE TYPE notification_kind AS ENUM ('reminder', 'urge')`);
    await q.query(`CREATE TYPE deadline_kind AS ENUM ('acknowledge', 'co_opinion', 'reply')`);
    // What a user sees in the app. A reminder names its (assignment, deadline, due date,
    // milestone): the unique index below makes each reach each person once, whatever workers
    // run or restart.
    await q.query(`
      CREATE TABLE notifications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
        kind notification_kind NOT NULL,
        assignment_id uuid REFERENCES assignments (id) ON DELETE RESTRICT,
        deadline_kind deadline_kind,
        due_on date,
        milestone text,
        escalation boolean NOT NULL DEFAULT false,
        urge_id uuid REFERENCES urges (id) ON DELETE RESTRICT,
        title text NOT NULL,
        body text NOT NULL,
        link text,
        created_at timestamptz NOT NULL DEFAULT now(),
        read_at timestamptz,
        -- Set when a daily digest took it in (for users who prefer one mail a day).
        digest_delivery_id uuid,
        CONSTRAINT notifications_reminder_named CHECK (kind <> 'reminder' OR (
          assignment_id IS NOT NULL AND deadline_kind IS NOT NULL AND due_on IS NOT NULL AND milestone IS NOT NULL)),
        CONSTRAINT notifications_urge_named CHECK ((kind = 'urge') = (urge_id IS NOT NULL))
      )`);
    await q.query(`
      CREATE UNIQUE INDEX notifications_reminder_once
        ON notifications (assignment_id, deadline_kind, due_on, milestone, user_id) WHERE kind = 'reminder'`);
    await q.query(`CREATE INDEX notifications_user_idx ON notifications (user_id, created_at DESC)`);
    await q.query(`CREATE INDEX notifications_unread_idx ON notifications (user_id) WHERE read_at IS NULL`);

    // A city's own messaging platform, told of every notification by a signed POST.
    await q.query(`
      CREATE TABLE notification_webhooks (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (btrim(name) <> ''),
        url text NOT NULL CHECK (url ~ '^https?://'),
        secret text NOT NULL CHECK (length(secret) >= 32),
        active boolean NOT NULL DEFAULT true,
        created_by uuid NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);

    await q.query(`CREATE TYPE notification_channel AS ENUM ('email', 'webhook')`);
    await q.query(`CREATE TYPE notification_delivery_status AS ENUM ('pending', 'sent', 'failed')`);
    // One row per message that leaves Dafu: a notification by e-mail or to a webhook, or a
    // user's daily digest. Sent after not_before (quiet hours), retried with backoff.
    await q.query(`
      CREATE TABLE notification_deliveries (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        channel notification_channel NOT NULL,
        notification_id uuid REFERENCES notifications (id) ON DELETE RESTRICT,
        user_id uuid REFERENCES users (id) ON DELETE RESTRICT,
        webhook_id uuid REFERENCES notification_webhooks (id) ON DELETE RESTRICT,
        digest_on date,
        target text NOT NULL,
        not_before timestamptz NOT NULL,
        status notification_delivery_status NOT NULL DEFAULT 'pending',
        attempts integer NOT NULL DEFAULT 0,
        last_error text,
        message_id text,
        sent_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT notification_deliveries_one_subject CHECK ((notification_id IS NULL) = (digest_on IS NOT NULL)),
        CONSTRAINT notification_deliveries_webhook_named CHECK ((channel = 'webhook') = (webhook_id IS NOT NULL)),
        CONSTRAINT notification_deliveries_email_to_user CHECK (channel <> 'email' OR user_id IS NOT NULL),
        CONSTRAINT notification_deliveries_sent_when CHECK ((status = 'sent') = (sent_at IS NOT NULL))
      )`);
    await q.query(`
      CREATE UNIQUE INDEX notification_deliveries_email_once
        ON notification_deliveries (notification_id) WHERE channel = 'email' AND notification_id IS NOT NULL`);
    await q.query(`
      CREATE UNIQUE INDEX notification_deliveries_webhook_once
        ON notification_deliveries (notification_id, webhook_id) WHERE channel = 'webhook'`);
    await q.query(`
      CREATE UNIQUE INDEX notification_deliveries_digest_once
        ON notification_deliveries (user_id, digest_on) WHERE digest_on IS NOT NULL`);
    await q.query(`
      CREATE INDEX notification_deliveries_pending_idx ON notification_deliveries (not_before)
        WHERE status = 'pending'`);
    await q.query(`
      ALTER TABLE notifications ADD CONSTRAINT notifications_digest_delivery_fk
        FOREIGN KEY (digest_delivery_id) REFERENCES notification_deliveries (id) ON DELETE RESTRICT`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE notifications DROP CONSTRAINT notifications_digest_delivery_fk`);
    await q.query(`DROP TABLE notification_deliveries`);
    await q.query(`DROP TYPE notification_delivery_status`);
    await q.query(`DROP TYPE notification_channel`);
    await q.query(`DROP TABLE notification_webhooks`);
    await q.query(`DROP TABLE notifications`);
    await q.query(`DROP TYPE deadline_kind`);
    await q.query(`DROP TYPE notification_kind`);
    await q.query(`DROP TABLE urges`);
    await q.query(`ALTER TABLE users DROP COLUMN notification_email_mode`);
    await q.query(`DROP TYPE notification_email_mode`);
  }
}
