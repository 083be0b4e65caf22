import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateWorkCalendar1795300000004 implements MigrationInterface {
  name = 'CreateWorkCalendar1795300000004';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TYPE calendar_day_kind AS ENUM ('holiday', 'working_weekend')`);
    // Only the exceptions are stored: every other Monday–Friday is a working day.
    await q.query(`
      CREATE TABLE work_calendar (
        day date PRIMARY KEY,
        kind calendar_day_kind NOT NULL,
        name text NOT NULL CHECK (btrim(name) <> ''),
        source text NOT NULL CHECK (source IN ('chinese-days', 'admin')),
        updated_by uuid REFERENCES users (id) ON DELETE SET NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT work_calendar_working_weekend_is_weekend CHECK (kind <> 'working_weekend' OR extract(isodow FROM day) >= 6)
      )`);
    // A year is known once its State Council notice is in; deadlines in other years are flagged.
    await q.query(`
      CREATE TABLE work_calendar_years (
        year smallint PRIMARY KEY CHECK (year BETWEEN 1949 AND 2200),
        source text NOT NULL,
        note text,
        updated_by uuid REFERENCES users (id) ON DELETE SET NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE work_calendar_years`);
    await q.query(`DROP TABLE work_calendar`);
    await q.query(`DROP TYPE calendar_day_kind`);
  }
}
