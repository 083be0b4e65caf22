import { MigrationInterface, QueryRunner } from 'typeorm';

export class EnablePgTrgm1795300000040 implements MigrationInterface {
  name = 'EnablePgTrgm1795300000040';

  async up(q: QueryRunner): Promise<void> {
    // Trigram indexes serve substring lookups of names and 文号 (search itself uses jieba + tsvector:
    // two-character words, most of Chinese, make no trigram).
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP EXTENSION IF EXISTS pg_trgm`);
  }
}
