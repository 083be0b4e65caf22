import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateOutbox1795300000008 implements MigrationInterface {
  name = 'CreateOutbox1795300000008';

  async up(q: QueryRunner): Promise<void> {
    // Written in the transaction of the change it announces; the worker's relay publishes it to
    // BullMQ afterwards, so background work is never lost when Redis is down.
    await q.query(`
      CREATE TABLE outbox_events (
        id bigserial PRIMARY KEY,
        event_name text NOT NULL,
        aggregate_type text NOT NULL,
        aggregate_id uuid NOT NULL,
        payload jsonb NOT NULL DEFAULT '{}'::jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        published_at timestamptz,
        attempts integer NOT NULL DEFAULT 0,
        last_error text
      )`);
    await q.query(`CREATE INDEX outbox_events_unpublished_idx ON outbox_events (id) WHERE published_at IS NULL`);
    await q.query(`CREATE INDEX outbox_events_aggregate_idx ON outbox_events (aggregate_type, aggregate_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE outbox_events`);
  }
}
