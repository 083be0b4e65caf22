import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddPublicationToSearchDocuments1795300000043 implements MigrationInterface {
  name = 'AddPublicationToSearchDocuments1795300000043';

  async up(q: QueryRunner): Promise<void> {
    // An issued public reply is visible to every bureau only once published, as on /public:
    // from its issue date plus its body's delay. The delay is a handling rule that can change, so
    // the index keeps the facts (body, issue date) and searches compare them with today's cutoff.
    await q.query(`ALTER TABLE search_documents ADD COLUMN public_body session_body`);
    await q.query(`ALTER TABLE search_documents ADD COLUMN issued_on date`);
    await q.query(`
      ALTER TABLE search_documents ADD CONSTRAINT search_documents_public_has_issue_date
        CHECK ((public_body IS NULL) = (issued_on IS NULL))`);
    // Replies indexed before: the issue date in the city's time zone (the default TIMEZONE); a
    // rebuild (npm run search:rebuild) recomputes it with the configured one.
    await q.query(`
      UPDATE search_documents d
         SET public_body = s.body, issued_on = (r.issued_at AT TIME ZONE 'Asia/Shanghai')::date,
             visible_to_all = false
        FROM replies r
        JOIN proposals p ON p.id = r.proposal_id
        JOIN sessions s ON s.id = p.session_id
       WHERE d.doc_kind = 'reply' AND d.source_id = r.id AND d.visible_to_all AND r.issued_at IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`UPDATE search_documents SET visible_to_all = true WHERE public_body IS NOT NULL`);
    await q.query(`ALTER TABLE search_documents DROP CONSTRAINT search_documents_public_has_issue_date`);
    await q.query(`ALTER TABLE search_documents DROP COLUMN issued_on`);
    await q.query(`ALTER TABLE search_documents DROP COLUMN public_body`);
  }
}
