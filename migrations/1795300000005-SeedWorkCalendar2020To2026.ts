import { MigrationInterface, QueryRunner } from 'typeorm';
import snapshot from './data/work-calendar-2020-2026.json';

/** Holidays and 调休 weekends of 2020–2026 from chinese-days (scripts/export-calendar.ts made the snapshot). */
export class SeedWorkCalendar2020To20261795300000005 implements MigrationInterface {
  name = 'SeedWorkCalendar2020To20261795300000005';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `INSERT INTO work_calendar (day, kind, name, source)
       SELECT d.date::date, d.kind::calendar_day_kind, d.name, 'chinese-days'
         FROM jsonb_to_recordset($1::jsonb) AS d(date text, kind text, name text)
       ON CONFLICT (day) DO NOTHING`,
      [JSON.stringify(snapshot.days)],
    );
    await q.query(
      `INSERT INTO work_calendar_years (year, source) SELECT unnest($1::smallint[]), 'chinese-days' ON CONFLICT DO NOTHING`,
      [snapshot.years],
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `DELETE FROM work_calendar WHERE source = 'chinese-days' AND extract(year FROM day) = ANY($1::int[])`,
      [snapshot.years],
    );
    await q.query(`DELETE FROM work_calendar_years WHERE source = 'chinese-days' AND year = ANY($1::smallint[])`, [
      snapshot.years,
    ]);
  }
}
