import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddSignedDisclosureToReplies1795300000054 implements MigrationInterface {
  name = 'AddSignedDisclosureToReplies1795300000054';

  async up(q: QueryRunner): Promise<void> {
    // The signed version's 公开 level, kept on the reply at sign-off: the public feed read every
    // issued reply's signed text (JSON) to find the public ones, 22 s at 1,000,000 proposals
    // (bench/results.md). A signed version never changes, so the copy cannot drift.
    await q.query(`
      ALTER TABLE replies ADD COLUMN signed_disclosure text
        CONSTRAINT replies_signed_disclosure_check CHECK (signed_disclosure IN ('public', 'on_request', 'not_public'))`);
    await q.query(`
      UPDATE replies r SET signed_disclosure = v.content->'disclosure'->>'level'
        FROM reply_versions v
       WHERE v.reply_id = r.id AND v.number = r.signed_version`);
    await q.query(`
      CREATE INDEX replies_public_issued_at_idx ON replies (issued_at DESC, id)
        WHERE status = 'issued' AND signed_disclosure = 'public'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX replies_public_issued_at_idx`);
    await q.query(`ALTER TABLE replies DROP COLUMN signed_disclosure`);
  }
}
