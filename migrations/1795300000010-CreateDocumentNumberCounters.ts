import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateDocumentNumberCounters1795300000010 implements MigrationInterface {
  name = 'CreateDocumentNumberCounters1795300000010';

  async up(q: QueryRunner): Promise<void> {
    // One row per 文号 prefix and year. Taken with a single upsert inside the sign-off
    // transaction: the row lock serialises concurrent sign-offs on every API instance, and a
    // rolled-back sign-off gives its number back, so numbers stay consecutive and unique.
    await q.query(`
      CREATE TABLE document_number_counters (
        prefix text NOT NULL CHECK (btrim(prefix) <> ''),
        year smallint NOT NULL CHECK (year BETWEEN 1949 AND 2200),
        last_number integer NOT NULL CHECK (last_number >= 1),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (prefix, year)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE document_number_counters`);
  }
}
