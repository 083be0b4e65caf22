import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateAuditEvents1795300000003 implements MigrationInterface {
  name = 'CreateAuditEvents1795300000003';

  async up(q: QueryRunner): Promise<void> {
    // No foreign keys: the trail must outlive whatever it describes (a deleted draft proposal, a removed user).
    await q.query(`
      CREATE TABLE audit_events (
        id bigserial PRIMARY KEY,
        occurred_at timestamptz NOT NULL DEFAULT now(),
        actor_user_id uuid,
        actor_organisation_id uuid,
        entity_type text NOT NULL,
        entity_id uuid NOT NULL,
        action text NOT NULL,
        from_state text,
        to_state text,
        reason text,
        data jsonb NOT NULL DEFAULT '{}'::jsonb,
        request_id text
      )`);
    await q.query(`CREATE INDEX audit_events_entity_idx ON audit_events (entity_type, entity_id, occurred_at)`);
    await q.query(`CREATE INDEX audit_events_actor_idx ON audit_events (actor_user_id, occurred_at)`);
    // The trail is append-only: updates and deletes are refused by the database itself.
    await q.query(`
      CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_events is append-only';
      END $$`);
    await q.query(`
      CREATE TRIGGER audit_events_no_update_or_delete BEFORE UPDATE OR DELETE ON audit_events
        FOR EACH ROW EXECUTE FUNCTION audit_events_append_only()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_events`);
    await q.query(`DROP FUNCTION audit_events_append_only()`);
  }
}
