/**
 * Writes the holiday and 调休 days of chinese-days for a range of years as a JSON snapshot for a
 * data migration: `npm run calendar:export -- 2027 2027 > migrations/data/work-calendar-2027.json`.
 */
import { readFileSync } from 'node:fs';

interface ChineseDays {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

const [from, to] = process.argv.slice(2).map(Number);
if (!from || !to || to < from) {
  process.stderr.write('usage: export-calendar FROM_YEAR TO_YEAR\n');
  process.exit(2);
}
const data = JSON.parse(readFileSync(require.resolve('chinese-days/dist/chinese-days.json'), 'utf8')) as ChineseDays;
const inRange = (date: string) => Number(date.slice(0, 4)) >= from && Number(date.slice(0, 4)) <= to;
const nameOf = (value: string) => value.split(',')[1] ?? value;
const days = [
  ...Object.entries(data.holidays)
    .filter(([d]) => inRange(d))
    .map(([date, v]) => ({ date, kind: 'holiday', name: nameOf(v) })),
  ...Object.entries(data.workdays)
    .filter(([d]) => inRange(d))
    .map(([date, v]) => ({ date, kind: 'working_weekend', name: nameOf(v) })),
].sort((a, b) => a.date.localeCompare(b.date));
const years = Array.from({ length: to - from + 1 }, (_, i) => from + i);
process.stdout.write(`${JSON.stringify({ source: 'chinese-days', years, days }, null, 1)}\n`);
