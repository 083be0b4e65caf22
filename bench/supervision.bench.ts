import type { DafuConfig } from '@dafu/platform/config/dafu-config';
import type { DeadlinesService } from '@dafu/deadlines/deadlines.service';
import { type CalendarDay, WorkingDayCalendar } from '@dafu/deadlines/domain/working-days';
import { LetterFontsProvider } from '@dafu/documents/letter-fonts.provider';
import { ExportFormat, ExportView } from '@dafu/supervision/dto/supervision.dto';
import { SupervisionRepository } from '@dafu/supervision/supervision.repository';
import { SupervisionService } from '@dafu/supervision/supervision.service';
import { OverdueSort, RankingSort, SortOrder } from '@dafu/supervision/supervision.types';
import { postgresOptions } from '@dafu/platform/database/database-settings';
import { DataSource } from 'typeorm';
import type { BenchRow } from './bench-result';
import { benchSize, measure, SUPERVISOR } from './bench-support';
import { BUREAUS, benchDatabase, TODAY } from './data';

const GROUP = 'supervision';

export async function run(): Promise<BenchRow[]> {
  const size = benchSize();
  // The shared generator's data with every proposal's assignments spread over all states, as
  // these figures have always been measured.
  const database = await benchDatabase(size);
  const counts = database.counts;
  const dataSource = new DataSource({ ...postgresOptions(database.settings), logging: false });
  await dataSource.initialize();
  try {
    const days = await dataSource.query<CalendarDay[]>(
      `SELECT to_char(day, 'YYYY-MM-DD') AS date, kind::text AS kind, name FROM work_calendar`,
    );
    const years = (await dataSource.query<{ year: number }[]>(`SELECT year FROM work_calendar_years`)).map(
      (r) => r.year,
    );
    const deadlines = {
      today: () => TODAY,
      calendar: () => Promise.resolve(new WorkingDayCalendar(days, years)),
    } as unknown as DeadlinesService;
    const config = { timezone: 'Asia/Shanghai', letterFonts: {} } as unknown as DafuConfig;
    const service = new SupervisionService(
      new SupervisionRepository(dataSource),
      deadlines,
      config,
      new LetterFontsProvider(config),
    );
    const [{ id: sessionId }] = await dataSource.query<{ id: string }[]>(
      `SELECT id FROM sessions ORDER BY year DESC LIMIT 1`,
    );
    const [{ id: bureauId }] = await dataSource.query<{ id: string }[]>(
      `SELECT id FROM organisations WHERE name = '基准测试局7'`,
    );
    const overdueTotal = (await service.overdue(SUPERVISOR, {})).total;
    const common = { group: GROUP, size };
    const note = `${counts.assignments.toLocaleString('en-US')} assignments`;

    const rows: BenchRow[] = [];
    const suite = async (suffix: string) => {
      const tag = (n: string) => (suffix ? `${n} ${suffix}` : n);
      rows.push(
        await measure({ ...common, name: tag('statistics, all sessions'), note }, () =>
          service.statistics(SUPERVISOR, {}),
        ),
        await measure({ ...common, name: tag('statistics, one session') }, () =>
          service.statistics(SUPERVISOR, { sessionId }),
        ),
        await measure({ ...common, name: tag('statistics, one bureau') }, () =>
          service.statistics(SUPERVISOR, { bureauId }),
        ),
        await measure({ ...common, name: tag('statistics, one bureau in one session') }, () =>
          service.statistics(SUPERVISOR, { sessionId, bureauId }),
        ),
        await measure({ ...common, name: tag('ranking, all sessions'), note: `${BUREAUS} bureaus` }, () =>
          service.ranking(SUPERVISOR, {}),
        ),
        await measure({ ...common, name: tag('ranking, one session') }, () =>
          service.ranking(SUPERVISOR, { sessionId, sort: RankingSort.Satisfaction }),
        ),
        await measure(
          { ...common, name: tag('overdue, page 1 of 50, most overdue first'), note: `${overdueTotal} overdue` },
          () => service.overdue(SUPERVISOR, {}),
        ),
        await measure({ ...common, name: tag('overdue, page 200 of 50') }, () =>
          service.overdue(SUPERVISOR, { page: 200 }),
        ),
        await measure({ ...common, name: tag('overdue, one session, by bureau') }, () =>
          service.overdue(SUPERVISOR, { sessionId, sort: OverdueSort.Bureau, order: SortOrder.Asc }),
        ),
        await measure({ ...common, name: tag('overdue, one bureau') }, () => service.overdue(SUPERVISOR, { bureauId })),
      );
    };
    await suite('');
    rows.push(
      await measure({ ...common, name: 'export statistics, XLSX' }, () =>
        service.export(SUPERVISOR, { view: ExportView.Statistics, format: ExportFormat.Xlsx }),
      ),
      await measure({ ...common, name: 'export ranking, XLSX' }, () =>
        service.export(SUPERVISOR, { view: ExportView.Ranking, format: ExportFormat.Xlsx }),
      ),
      await measure(
        { ...common, name: 'export overdue, CSV (every overdue item)', note: `${overdueTotal} rows` },
        () => service.export(SUPERVISOR, { view: ExportView.Overdue, format: ExportFormat.Csv }),
        { samples: 5, warmup: 1 },
      ),
      await measure(
        { ...common, name: 'export overdue, XLSX (every overdue item)', note: `${overdueTotal} rows` },
        () => service.export(SUPERVISOR, { view: ExportView.Overdue, format: ExportFormat.Xlsx }),
        { samples: 5, warmup: 1 },
      ),
      await measure(
        { ...common, name: 'session report, PDF', note: 'figures, 60-bureau ranking, 50 overdue items' },
        () => service.report(SUPERVISOR, sessionId),
        { samples: 5, warmup: 1 },
      ),
    );

    // The same queries without the indexes of migration 030, to show what they are for; put
    // back afterwards, as other modules may share the database.
    const dropped = await dataSource.query<{ definition: string }[]>(
      `SELECT indexdef AS definition FROM pg_indexes
        WHERE indexname IN ('assignments_open_due_idx', 'extension_requests_assignment_idx')`,
    );
    await dataSource.query(`DROP INDEX assignments_open_due_idx`);
    await dataSource.query(`DROP INDEX extension_requests_assignment_idx`);
    await dataSource.query(`ANALYZE`);
    const withIndexes = rows.length;
    try {
      await suite('(without migration 030)');
    } finally {
      for (const { definition } of dropped) await dataSource.query(definition);
      await dataSource.query(`ANALYZE`);
    }
    for (const row of rows.slice(withIndexes)) row.note = 'indexes of migration 030 dropped';
    return rows;
  } finally {
    await dataSource.destroy();
  }
}
