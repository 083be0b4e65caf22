import { MigrationInterface, QueryRunner } from 'typeorm';

export class AllowAttachmentsOnReplies1795300000013 implements MigrationInterface {
  name = 'AllowAttachmentsOnReplies1795300000013';

  async up(q: QueryRunner): Promise<void> {
    // Supporting material of a draft (tables, photos) travels with the reply.
    await q.query(`ALTER TYPE attachment_owner ADD VALUE 'reply'`);
  }

  async down(q: QueryRunner): Promise<void> {
    // Postgres cannot drop an enum value: rebuild the type without it, refusing if it is in use.
    const [{ count }] = await q.query(`SELECT count(*)::int AS count FROM attachments WHERE owner_type = 'reply'`);
    if (count > 0) throw new Error(`${count} attachments belong to replies; remove them before reverting`);
    await q.query(`ALTER TYPE attachment_owner RENAME TO attachment_owner_with_reply`);
    await q.query(`CREATE TYPE attachment_owner AS ENUM ('co_opinion', 'contact')`);
    await q.query(
      `ALTER TABLE attachments ALTER COLUMN owner_type TYPE attachment_owner USING owner_type::text::attachment_owner`,
    );
    await q.query(`DROP TYPE attachment_owner_with_reply`);
  }
}
