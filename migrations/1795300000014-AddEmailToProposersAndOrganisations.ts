import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddEmailToProposersAndOrganisations1795300000014 implements MigrationInterface {
  name = 'AddEmailToProposersAndOrganisations1795300000014';

  async up(q: QueryRunner): Promise<void> {
    // Where the signed letter goes: by e-mail when an address is known, otherwise by post
    // (the mailroom's list). cc recipients are matched to organisations by name.
    await q.query(`ALTER TABLE proposers ADD COLUMN email text`);
    await q.query(`ALTER TABLE organisations ADD COLUMN email text, ADD COLUMN postal_address text`);
    await q.query(`
      ALTER TABLE proposers ADD CONSTRAINT proposers_email_format
        CHECK (email IS NULL OR email ~ '^[^@[:space:]]+@[^@[:space:]]+$')`);
    await q.query(`
      ALTER TABLE organisations ADD CONSTRAINT organisations_email_format
        CHECK (email IS NULL OR email ~ '^[^@[:space:]]+@[^@[:space:]]+$')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE organisations DROP COLUMN postal_address, DROP COLUMN email`);
    await q.query(`ALTER TABLE proposers DROP COLUMN email`);
  }
}
