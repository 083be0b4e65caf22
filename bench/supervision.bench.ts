import type { Actor } from '@dafu/platform/auth/actor';
import type { DafuConfig } from '@dafu/platform/config/dafu-config';
import { OrganisationKind, Role } from '@dafu/platform/vocabulary';
import type { DeadlinesService } from '@dafu/deadlines/deadlines.service';
import { type CalendarDay, WorkingDayCalendar } from '@dafu/deadlines/domain/working-days';
import { LetterFontsProvider } from '@dafu/documents/letter-fonts.provider';
import { ExportFormat, ExportView } from '@dafu/supervision/dto/supervision.dto';
import { SupervisionRepository } from '@dafu/supervision/supervision.repository';
import { SupervisionService } from '@dafu/supervision/supervision.service';
import { OverdueSort, RankingSort, SortOrder } from '@dafu/supervision/supervision.types';
import { createEmptyDatabase, dropDatabase, migrationDataSource, newRunId } from '@dafu/testing/test-database';
import type { BenchRow } from './bench-result';
import { benchSize, log, measure } from './bench-support';

const GROUP = 'supervision';
const BUREAUS = 60;
const SESSIONS = 10;
/** "Today" for every figure: late in the last session's year, so its items are in every state. */
const TODAY = '2026-11-30';

/**
 * A city's worth of proposals, made in Postgres with generate_series: 10 sessions (2017–2026),
 * 60 bureaus, one lead assignment per proposal in every state, a co assignment on every third,
 * replies with grades (a second round for re-handled ones), talks, extensions and feedback.
 */
export function generationSql(size: number): string[] {
  return [
    `SELECT setseed(0.42)`,
    `INSERT INTO organisations (name, kind, document_number_prefix)
       SELECT '基准测试局' || g, 'bureau', '基' || g || '文' FROM generate_series(1, ${BUREAUS}) g`,
    `INSERT INTO organisations (name, kind) VALUES ('基准督查室', 'supervision_office')`,
    `INSERT INTO users (username, display_name, organisation_id, roles, password_hash)
       SELECT 'bench_user', '基准用户', id, '{clerk}', 'x' FROM organisations WHERE name = '基准测试局1'`,
    `INSERT INTO sessions (body, term, sitting, year, name)
       SELECT 'cppcc', 10 + g / 5, 1 + g % 5, 2016 + g, '市政协基准第' || g || '次会议' FROM generate_series(1, ${SESSIONS}) g`,
    `CREATE TEMP TABLE bench_sessions AS SELECT id, year, (row_number() OVER (ORDER BY year) - 1)::int AS k FROM sessions`,
    `CREATE TEMP TABLE bench_bureaus AS
       SELECT id, (row_number() OVER (ORDER BY name))::int AS k FROM organisations WHERE kind = 'bureau'`,
    `INSERT INTO proposals (session_id, number, kind, title, body, status)
       SELECT s.id, g / ${SESSIONS} + 1, 'proposal', '关于基准测试第' || g || '号事项的提案', '基准正文', 'assigned'
         FROM generate_series(0, ${size - 1}) g JOIN bench_sessions s ON s.k = g % ${SESSIONS}`,
    `CREATE TEMP TABLE bench_assignments AS
       WITH p AS (
         SELECT p.id, s.year, (row_number() OVER (ORDER BY p.id))::int AS i, random() AS u
           FROM proposals p JOIN bench_sessions s ON s.id = p.session_id
       ), leads AS (
         SELECT gen_random_uuid() AS id, p.id AS proposal_id, p.i, 'lead'::assignment_role AS role,
                1 + (p.i * 7919) % ${BUREAUS} AS bureau_k,
                CASE WHEN p.u < .05 THEN 'assigned' WHEN p.u < .25 THEN 'acknowledged'
                     WHEN p.u < .26 THEN 'reassignment_requested' WHEN p.u < .29 THEN 'extension_requested'
                     WHEN p.u < .54 THEN 'replied' WHEN p.u < .74 THEN 'feedback_received'
                     WHEN p.u < .77 THEN 'rehandling' WHEN p.u < .95 THEN 'closed'
                     WHEN p.u < .97 THEN 'reassigned' ELSE 'withdrawn' END::assignment_status AS status,
                make_date(p.year, 1, 15) + (p.i % 300) AS assigned_on, random() AS u2, random() AS u3
           FROM p
       ), cos AS (
         SELECT gen_random_uuid(), p.id, p.i, 'co'::assignment_role, 1 + (p.i * 7919 + 1) % ${BUREAUS},
                CASE WHEN p.u < .1 THEN 'assigned' WHEN p.u < .3 THEN 'acknowledged' WHEN p.u < .9 THEN 'opinion_sent'
                     ELSE 'closed' END::assignment_status,
                make_date(p.year, 1, 15) + (p.i % 300), random(), random()
           FROM p WHERE p.i % 3 = 0
       )
       SELECT * FROM leads UNION ALL SELECT * FROM cos`,
    `INSERT INTO assignments (id, proposal_id, bureau_id, role, status, assigned_on, due_on, acknowledge_by, acknowledged_at)
       SELECT a.id, a.proposal_id, b.id, a.role, a.status, a.assigned_on,
              a.assigned_on + CASE WHEN a.role = 'co' THEN 30 WHEN a.u3 < .1 THEN 120 ELSE 90 END,
              a.assigned_on + 7,
              CASE WHEN a.status IN ('assigned', 'reassigned', 'withdrawn') THEN NULL
                   ELSE ((a.assigned_on + (a.u2 * 10)::int)::timestamp + interval '10 hours') AT TIME ZONE 'Asia/Shanghai' END
         FROM bench_assignments a JOIN bench_bureaus b ON b.k = a.bureau_k`,
    `INSERT INTO replies (assignment_id, bureau_id, proposal_id, round, status, started_by, last_saved_by, grade,
       document_number, signed_version, signatory_id, signatory_name, signed_on, signed_at, issued_at, due_on)
       SELECT a.id, a.bureau_id, a.proposal_id, 1, 'issued', u.id, u.id,
              CASE WHEN ba.u3 < .6 THEN 'A' WHEN ba.u3 < .9 THEN 'B' ELSE 'C' END,
              'BENCH-' || a.id, 1, u.id, '基准签发人', a.assigned_on + 30 + (ba.u2 * 80)::int,
              now(), now(), a.due_on
         FROM assignments a JOIN bench_assignments ba ON ba.id = a.id CROSS JOIN (SELECT id FROM users LIMIT 1) u
        WHERE a.role = 'lead' AND a.status IN ('replied', 'feedback_received', 'rehandling', 'closed')`,
    `INSERT INTO replies (assignment_id, bureau_id, proposal_id, round, status, started_by, last_saved_by)
       SELECT a.id, a.bureau_id, a.proposal_id, 2, 'drafting', u.id, u.id
         FROM assignments a CROSS JOIN (SELECT id FROM users LIMIT 1) u WHERE a.status = 'rehandling'`,
    `INSERT INTO proposer_contacts (assignment_id, occurred_on, method, participants, summary, logged_by)
       SELECT a.id, a.assigned_on + 20, 'phone', '基准委员', '电话沟通', u.id
         FROM assignments a JOIN bench_assignments ba ON ba.id = a.id CROSS JOIN (SELECT id FROM users LIMIT 1) u
        WHERE a.role = 'lead' AND ba.u2 < .8`,
    `INSERT INTO extension_requests (assignment_id, requested_by, reason, previous_due_on, requested_due_on, status,
       decided_by, decided_at)
       SELECT a.id, u.id, '需协调', a.assigned_on + 90, a.assigned_on + 120, 'approved', u.id, now()
         FROM assignments a JOIN bench_assignments ba ON ba.id = a.id CROSS JOIN (SELECT id FROM users LIMIT 1) u
        WHERE a.role = 'lead' AND ba.u3 < .1 AND a.status NOT IN ('reassigned', 'withdrawn')`,
    `INSERT INTO extension_requests (assignment_id, requested_by, reason, previous_due_on, requested_due_on)
       SELECT a.id, u.id, '需协调', a.due_on, a.due_on + 30
         FROM assignments a CROSS JOIN (SELECT id FROM users LIMIT 1) u WHERE a.status = 'extension_requested'`,
    `INSERT INTO feedback (reply_id, assignment_id, bureau_id, proposal_id, work_rating, result_rating,
       talked_before_reply, channel, recorded_by, recorded_at)
       SELECT r.id, r.assignment_id, r.bureau_id, r.proposal_id,
              CASE WHEN a.status = 'rehandling' THEN 'unsatisfied' WHEN random() < .7 THEN 'satisfied'
                   ELSE 'basically_satisfied' END::satisfaction,
              CASE WHEN a.status = 'rehandling' THEN 'unsatisfied' WHEN random() < .6 THEN 'satisfied'
                   WHEN random() < .8 THEN 'basically_satisfied' ELSE 'unsatisfied' END::satisfaction,
              true, 'registrar', u.id, r.signed_at + interval '20 days'
         FROM replies r JOIN assignments a ON a.id = r.assignment_id CROSS JOIN (SELECT id FROM users LIMIT 1) u
        WHERE r.round = 1 AND a.status IN ('feedback_received', 'rehandling', 'closed')`,
    `ANALYZE`,
  ];
}

const SUPERVISOR: Actor = {
  userId: '00000000-0000-4000-8000-000000000001',
  username: 'bench_supervisor',
  organisationId: '00000000-0000-4000-8000-000000000002',
  organisationKind: OrganisationKind.SupervisionOffice,
  roles: [Role.Supervisor],
};

export async function run(): Promise<BenchRow[]> {
  const size = benchSize();
  const name = `dafu_test_bench_${newRunId()}`;
  log(`  database ${name}, ${size.toLocaleString('en-US')} proposals`);
  const settings = await createEmptyDatabase(name);
  const dataSource = migrationDataSource(settings);
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
    const started = Date.now();
    const runner = dataSource.createQueryRunner();
    try {
      for (const statement of generationSql(size)) await runner.query(statement);
    } finally {
      await runner.release();
    }
    const [counts] = await dataSource.query<Record<string, number>[]>(
      `SELECT (SELECT count(*) FROM proposals)::int AS proposals, (SELECT count(*) FROM assignments)::int AS assignments,
              (SELECT count(*) FROM replies)::int AS replies, (SELECT count(*) FROM feedback)::int AS feedback,
              (SELECT count(*) FROM proposer_contacts)::int AS talks,
              (SELECT count(*) FROM extension_requests)::int AS extensions`,
    );
    const generatedIn = ((Date.now() - started) / 1000).toFixed(1);
    log(`  generated in ${generatedIn} s: ${JSON.stringify(counts)}`);

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

    // The same queries without the indexes of migration 030, to show what they are for.
    await dataSource.query(`DROP INDEX assignments_open_due_idx`);
    await dataSource.query(`DROP INDEX extension_requests_assignment_idx`);
    await dataSource.query(`ANALYZE`);
    const withIndexes = rows.length;
    await suite('(without migration 030)');
    for (const row of rows.slice(withIndexes)) row.note = 'indexes of migration 030 dropped';
    return rows;
  } finally {
    await dataSource.destroy();
    await dropDatabase(name);
    log(`  dropped ${name}`);
  }
}
