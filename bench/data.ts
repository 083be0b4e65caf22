import * as argon2 from 'argon2';
import type { DataSource } from 'typeorm';
import type { DatabaseSettings } from '@dafu/platform/config/dafu-config';
import { emptyReplyContent } from '@dafu/replies/domain/reply-content';
import { withDatabase } from '@dafu/platform/database/database-settings';
import { withMaintenanceClient } from '@dafu/platform/database/ensure-database';
import {
  createEmptyDatabase,
  dropDatabase,
  migrationDataSource,
  newRunId,
  testServerSettings,
} from '@dafu/testing/test-database';
import { log } from './bench-support';

/**
 * The one data generator of `npm run bench`: a city's worth of proposals made in PostgreSQL with
 * generate_series (multi-row INSERT … SELECT; pg-copy-streams is not a dependency and SQL that
 * makes its own rows needs no round trips): 10 sessions (2017–2026), 60 bureaus with three staff
 * each, one lead assignment per proposal in every state and a co assignment on every third,
 * drafts, signed and issued replies with their versions (half of them public), talks,
 * extensions, feedback, the audit events the timeline shows, and one search document per
 * proposal (words of ten subjects; the search bench indexes real text with jieba, which at
 * 1,000,000 documents would take most of an hour).
 */

export const BUREAUS = 60;
export const SESSIONS = 10;
/** "Today" for in-process figures: late in the last session's year, so its items are in every state. */
export const TODAY = '2026-11-30';
/**
 * Proposals whose assignments are spread over every state (the rest are finished) in the
 * databases the HTTP and worker benches share: a city has some thousands of items open at a
 * time, not a third of everything it ever handled; BENCH_ACTIVE, default 10,000.
 */
export const ACTIVE = Number(process.env.BENCH_ACTIVE ?? 10_000);

/** Every generated user's password. */
export const PASSWORD = 'Bench-password-2026';

/** Sizes by name: `10k`, `100k`, `1m`, or a number. */
export function parseSize(raw: string): number {
  const match = /^(\d+(?:\.\d+)?)([km]?)$/i.exec(raw.trim());
  if (!match) throw new Error(`Not a size: ${raw} (use e.g. 10k, 100k, 1m or 5000)`);
  const unit = match[2].toLowerCase() === 'k' ? 1_000 : match[2].toLowerCase() === 'm' ? 1_000_000 : 1;
  return Math.round(Number(match[1]) * unit);
}

export function sizeLabel(size: number): string {
  if (size >= 1_000_000 && size % 1_000_000 === 0) return `${size / 1_000_000}m`;
  if (size >= 1_000 && size % 1_000 === 0) return `${size / 1_000}k`;
  return String(size);
}

/** `--sizes=10k,100k` on the command line, else BENCH_SIZES, else the given default. */
export function benchSizes(defaults: readonly string[] = ['10k', '100k', '1m']): number[] {
  const arg = process.argv.find((a) => a.startsWith('--sizes='))?.slice('--sizes='.length);
  const raw = arg ?? process.env.BENCH_SIZES;
  return (raw ? raw.split(',') : defaults).filter((s) => s.trim() !== '').map(parseSize);
}

const SUBJECTS = ['养老', '教育', '医疗', '交通', '住房', '就业', '环保', '农业', '文旅', '托育'];
const TOPICS = ['服务 体系 建设', '社区 设施 完善', '资金 投入 保障', '人才 队伍 培养', '政策 落实 监管'];

/** What a generated draft and signed version say: a complete reply, public. */
export function benchReplyContent() {
  return {
    ...emptyReplyContent(),
    title: '关于基准测试提案的答复',
    addressees: { people: ['基准委员'], title: '委员', organisation: null, honorific: '' },
    opening: '您提出的关于基准测试的提案已收悉。现答复如下：',
    preamble: ['近年来，我局高度重视此项工作。'],
    sections: [
      { heading: '完善政策配套，健全工作机制', paragraphs: ['出台了实施意见。', '建立了联席会议制度。'], source: null },
      { heading: '加大财政投入，保障持续发展', paragraphs: ['市财政安排专项资金。'], source: null },
    ],
    closing: ['感谢您对我们工作的关心和支持。'],
    issuer: '基准测试局',
    contact: { name: '王丽', phone: '0398-2868001' },
    proposedGrade: { grade: 'A', justification: '所提问题已基本解决' },
  };
}

export interface GenerationOptions {
  size: number;
  /**
   * How many proposals (the last ones made) have their assignments spread over every state;
   * the others are finished (replied, feedback received, closed, reassigned, withdrawn). The
   * default, all of them, keeps the supervision figures comparable with earlier runs; a fixed
   * number keeps what is due the same at every size.
   */
  active?: number;
  passwordHash: string;
}

export function generationSql({ size, active = size, passwordHash }: GenerationOptions): string[] {
  const content = JSON.stringify(benchReplyContent()).replace(/'/g, "''");
  const firstActive = size - active;
  const user = `(SELECT id FROM users WHERE username = 'bench_clerk')`;
  return [
    `SELECT setseed(0.42)`,
    `INSERT INTO organisations (name, kind, document_number_prefix)
       SELECT '基准测试局' || g, 'bureau', '基' || g || '文' FROM generate_series(1, ${BUREAUS}) g`,
    `INSERT INTO organisations (name, kind) VALUES ('基准督查室', 'supervision_office'), ('基准提案委', 'cppcc_committee')`,
    `INSERT INTO users (username, display_name, organisation_id, roles, password_hash)
       SELECT 'bench_' || r || '_' || substr(o.name, 6), '基准' || r || substr(o.name, 6), o.id, ARRAY[r]::user_role[], '${passwordHash}'
         FROM organisations o CROSS JOIN unnest(ARRAY['clerk', 'reviewer', 'signatory']) r WHERE o.kind = 'bureau'`,
    `INSERT INTO users (username, display_name, organisation_id, roles, password_hash)
       SELECT 'bench_clerk', '基准承办员', id, '{clerk}'::user_role[], '${passwordHash}' FROM organisations WHERE name = '基准测试局1'
       UNION ALL SELECT 'bench_supervisor', '基准督查员', id, '{supervisor}'::user_role[], '${passwordHash}' FROM organisations WHERE name = '基准督查室'
       UNION ALL SELECT 'bench_registrar', '基准登记员', id, '{registrar}'::user_role[], '${passwordHash}' FROM organisations WHERE name = '基准提案委'`,
    `INSERT INTO sessions (body, term, sitting, year, name)
       SELECT 'cppcc', 10 + g / 5, 1 + g % 5, 2016 + g, '市政协基准第' || g || '次会议' FROM generate_series(1, ${SESSIONS}) g`,
    `CREATE TEMP TABLE bench_sessions AS SELECT id, year, name, (row_number() OVER (ORDER BY year) - 1)::int AS k FROM sessions`,
    `CREATE TEMP TABLE bench_bureaus AS
       SELECT id, (row_number() OVER (ORDER BY name))::int AS k FROM organisations WHERE kind = 'bureau'`,
    `CREATE TEMP TABLE bench_staff AS
       SELECT u.id, b.id AS bureau_id, (row_number() OVER (PARTITION BY b.id ORDER BY u.username) - 1)::int AS k
         FROM users u JOIN bench_bureaus b ON b.id = u.organisation_id WHERE u.username <> 'bench_clerk'`,
    `INSERT INTO proposals (session_id, number, kind, title, body, status)
       SELECT s.id, g / ${SESSIONS} + 1, 'proposal',
              '关于' || (ARRAY['${SUBJECTS.join("','")}'])[1 + g % ${SUBJECTS.length}]
                || '基准测试第' || g || '号事项的提案', '基准正文', 'assigned'
         FROM generate_series(0, ${size - 1}) g JOIN bench_sessions s ON s.k = g % ${SESSIONS}`,
    `CREATE TEMP TABLE bench_assignments AS
       WITH p AS (
         SELECT p.id, s.year, (row_number() OVER (ORDER BY p.id))::int AS i, random() AS u
           FROM proposals p JOIN bench_sessions s ON s.id = p.session_id
       ), leads AS (
         SELECT gen_random_uuid() AS id, p.id AS proposal_id, p.i, 'lead'::assignment_role AS role,
                1 + (p.i::bigint * 7919) % ${BUREAUS} AS bureau_k,
                CASE WHEN p.i <= ${firstActive} THEN
                       CASE WHEN p.u < .25 THEN 'replied' WHEN p.u < .45 THEN 'feedback_received'
                            WHEN p.u < .95 THEN 'closed' WHEN p.u < .97 THEN 'reassigned' ELSE 'withdrawn' END
                     WHEN p.u < .05 THEN 'assigned' WHEN p.u < .25 THEN 'acknowledged'
                     WHEN p.u < .26 THEN 'reassignment_requested' WHEN p.u < .29 THEN 'extension_requested'
                     WHEN p.u < .54 THEN 'replied' WHEN p.u < .74 THEN 'feedback_received'
                     WHEN p.u < .77 THEN 'rehandling' WHEN p.u < .95 THEN 'closed'
                     WHEN p.u < .97 THEN 'reassigned' ELSE 'withdrawn' END::assignment_status AS status,
                make_date(p.year, 1, 15) + (p.i % 300) AS assigned_on, random() AS u2, random() AS u3
           FROM p
       ), cos AS (
         SELECT gen_random_uuid(), p.id, p.i, 'co'::assignment_role, 1 + (p.i::bigint * 7919 + 1) % ${BUREAUS},
                CASE WHEN p.i <= ${firstActive} THEN CASE WHEN p.u < .9 THEN 'opinion_sent' ELSE 'closed' END
                     WHEN p.u < .1 THEN 'assigned' WHEN p.u < .3 THEN 'acknowledged' WHEN p.u < .9 THEN 'opinion_sent'
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
       SELECT a.id, a.bureau_id, a.proposal_id, 1, 'issued', st.id, st.id,
              CASE WHEN ba.u3 < .6 THEN 'A' WHEN ba.u3 < .9 THEN 'B' ELSE 'C' END,
              'BENCH-' || a.id, 1, st.id, '基准签发人', d.signed_on,
              (d.signed_on::timestamp + interval '16 hours') AT TIME ZONE 'Asia/Shanghai',
              (d.signed_on::timestamp + interval '17 hours') AT TIME ZONE 'Asia/Shanghai', a.due_on
         FROM assignments a JOIN bench_assignments ba ON ba.id = a.id
         JOIN bench_staff st ON st.bureau_id = a.bureau_id AND st.k = 2
         CROSS JOIN LATERAL (SELECT least(a.assigned_on + 30 + (ba.u2 * 80)::int, DATE '${TODAY}') AS signed_on) d
        WHERE a.role = 'lead' AND a.status IN ('replied', 'feedback_received', 'rehandling', 'closed')`,
    // Drafts: the second round of re-handled items, and the first of acknowledged ones.
    `INSERT INTO replies (assignment_id, bureau_id, proposal_id, round, status, started_by, last_saved_by)
       SELECT a.id, a.bureau_id, a.proposal_id, CASE WHEN a.status = 'rehandling' THEN 2 ELSE 1 END, 'drafting', st.id, st.id
         FROM assignments a JOIN bench_staff st ON st.bureau_id = a.bureau_id AND st.k = 0
        WHERE a.role = 'lead' AND a.status IN ('rehandling', 'acknowledged')`,
    // Every reply's version 1; issued ones alternate public and not public.
    `INSERT INTO reply_versions (reply_id, number, content, saved_by, saved_at)
       SELECT r.id, 1,
              CASE WHEN r.status = 'issued' AND get_byte(uuid_send(r.id), 15) % 2 = 1
                   THEN jsonb_set('${content}'::jsonb, '{disclosure}', '{"level": "not_public", "reason": "涉及内部事项"}')
                   ELSE '${content}'::jsonb END,
              r.started_by, coalesce(r.signed_at, now())
         FROM replies r`,
    // The signed version's 公开 level, as sign-off keeps it on the reply.
    `UPDATE replies r SET signed_disclosure = v.content->'disclosure'->>'level'
       FROM reply_versions v WHERE v.reply_id = r.id AND v.number = r.signed_version`,
    `INSERT INTO proposer_contacts (assignment_id, occurred_on, method, participants, summary, logged_by)
       SELECT a.id, a.assigned_on + 20, 'phone', '基准委员', '电话沟通', ${user}
         FROM assignments a JOIN bench_assignments ba ON ba.id = a.id
        WHERE a.role = 'lead' AND ba.u2 < .8`,
    `INSERT INTO extension_requests (assignment_id, requested_by, reason, previous_due_on, requested_due_on, status,
       decided_by, decided_at)
       SELECT a.id, ${user}, '需协调', a.assigned_on + 90, a.assigned_on + 120, 'approved', ${user}, now()
         FROM assignments a JOIN bench_assignments ba ON ba.id = a.id
        WHERE a.role = 'lead' AND ba.u3 < .1 AND a.status NOT IN ('reassigned', 'withdrawn')`,
    `INSERT INTO extension_requests (assignment_id, requested_by, reason, previous_due_on, requested_due_on)
       SELECT a.id, ${user}, '需协调', a.due_on, a.due_on + 30
         FROM assignments a WHERE a.status = 'extension_requested'`,
    `INSERT INTO feedback (reply_id, assignment_id, bureau_id, proposal_id, work_rating, result_rating,
       talked_before_reply, channel, recorded_by, recorded_at)
       SELECT r.id, r.assignment_id, r.bureau_id, r.proposal_id,
              CASE WHEN a.status = 'rehandling' THEN 'unsatisfied' WHEN random() < .7 THEN 'satisfied'
                   ELSE 'basically_satisfied' END::satisfaction,
              CASE WHEN a.status = 'rehandling' THEN 'unsatisfied' WHEN random() < .6 THEN 'satisfied'
                   WHEN random() < .8 THEN 'basically_satisfied' ELSE 'unsatisfied' END::satisfaction,
              true, 'registrar', ${user}, r.signed_at + interval '20 days'
         FROM replies r JOIN assignments a ON a.id = r.assignment_id
        WHERE r.round = 1 AND r.status = 'issued' AND a.status IN ('feedback_received', 'rehandling', 'closed')`,
    // The audit trail the timeline reads: each step by one of the bureau's staff (or the registrar).
    `INSERT INTO audit_events (occurred_at, actor_user_id, actor_organisation_id, entity_type, entity_id, action,
       from_state, to_state, data)
       SELECT e.at, e.actor, e.org, 'assignment', a.id, e.action, e.from_state, e.to_state, e.data
         FROM assignments a
         JOIN bench_staff clerk ON clerk.bureau_id = a.bureau_id AND clerk.k = 0
         JOIN bench_staff signer ON signer.bureau_id = a.bureau_id AND signer.k = 2
         CROSS JOIN (SELECT id, organisation_id FROM users WHERE username = 'bench_registrar') reg
         CROSS JOIN LATERAL (VALUES
           (a.assigned_on::timestamptz, reg.id, reg.organisation_id, 'assignment.created', NULL, 'assigned',
            jsonb_build_object('dueOn', a.due_on, 'acknowledgeBy', a.acknowledge_by), true),
           (a.acknowledged_at, clerk.id, a.bureau_id, 'assignment.acknowledge', 'assigned', 'acknowledged', '{}'::jsonb,
            a.acknowledged_at IS NOT NULL),
           (a.assigned_on + 40, signer.id, a.bureau_id, 'assignment.record_reply', 'acknowledged', 'replied', '{}'::jsonb,
            a.role = 'lead' AND a.status IN ('replied', 'feedback_received', 'rehandling', 'closed')),
           (a.assigned_on + 70, reg.id, reg.organisation_id, 'assignment.record_feedback', 'replied', 'feedback_received',
            '{"workRating": "satisfied", "resultRating": "satisfied", "channel": "registrar"}'::jsonb,
            a.role = 'lead' AND a.status IN ('feedback_received', 'rehandling', 'closed')),
           (a.assigned_on + 71, reg.id, reg.organisation_id, 'assignment.close', 'feedback_received', 'closed', '{}'::jsonb,
            a.status = 'closed')
         ) AS e(at, actor, org, action, from_state, to_state, data, happened)
        WHERE e.happened`,
    // One search document per proposal, its words as jieba would cut the title.
    `INSERT INTO search_documents (doc_kind, source_id, proposal_id, session_id, session_label, bureau_ids, proposal_kind,
       proposal_number, state, title, body, dated_on, tsv)
       SELECT 'proposal', p.id, p.id, p.session_id, s.name, coalesce(b.ids, '{}'), p.kind, p.number, p.status::text,
              p.title, p.body, make_date(s.year, 1, 15),
              setweight(to_tsvector('simple', w.subject || ' ' || w.topic || ' 提案'), 'A')
                || setweight(to_tsvector('simple', '基准 正文 ' || w.topic), 'C')
         FROM proposals p JOIN bench_sessions s ON s.id = p.session_id
         CROSS JOIN LATERAL (SELECT substr(p.title, 3, 2) AS subject,
                                    (ARRAY['${TOPICS.join("','")}'])[1 + p.number % ${TOPICS.length}] AS topic) w
         LEFT JOIN (SELECT proposal_id, array_agg(bureau_id) AS ids FROM assignments GROUP BY proposal_id) b
           ON b.proposal_id = p.id`,
    `ANALYZE`,
  ];
}

export interface BenchDatabase {
  name: string;
  settings: DatabaseSettings;
  size: number;
  active: number;
  counts: Record<string, number>;
  generatedSeconds: number;
}

/** The tables generation fills by the million; their secondary indexes are built after the rows. */
const BULK_TABLES = [
  'proposals',
  'assignments',
  'replies',
  'reply_versions',
  'proposer_contacts',
  'extension_requests',
  'feedback',
  'audit_events',
  'search_documents',
];

let passwordHash: Promise<string> | undefined;

/** The argon2 hash of PASSWORD, with the API's parameters (ARGON2_MEMORY_KIB 19456), made once. */
export function benchPasswordHash(): Promise<string> {
  passwordHash ??= argon2.hash(PASSWORD, { type: argon2.argon2id, memoryCost: 19456 });
  return passwordHash;
}

const made = new Map<string, Promise<BenchDatabase>>();

/**
 * A migrated database with generated data, made once per size and kind in this process and
 * shared by the modules that only read it; dropped by dropBenchDatabases (run.ts does it at the
 * end). Named dafu_bench_test_… ("test" is what the test library's guard asks for).
 */
export function benchDatabase(size: number, active = size): Promise<BenchDatabase> {
  const key = `${size}/${active}`;
  let database = made.get(key);
  if (!database) {
    database = makeBenchDatabase(size, active);
    made.set(key, database);
  }
  return database;
}

/**
 * BENCH_KEEP=1 keeps the generated databases (named without a run id, `…_keep`) and uses one
 * left by an earlier run instead of generating it again, after running any newer migrations on
 * it: re-measuring at 1,000,000 then takes minutes, not a quarter of an hour. Drop them by hand
 * (`DROP DATABASE dafu_bench_test_1m_a10k_keep`) when done.
 */
const KEEP = process.env.BENCH_KEEP === '1';

async function existingDatabase(name: string): Promise<boolean> {
  return withMaintenanceClient(testServerSettings(), async (client) => {
    const { rows } = await client.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [name]);
    return rows.length > 0;
  });
}

async function makeBenchDatabase(size: number, active: number): Promise<BenchDatabase> {
  const base = `dafu_bench_test_${sizeLabel(size)}${active === size ? '' : `_a${sizeLabel(active)}`}`;
  const name = KEEP ? `${base}_keep` : `${base}_${newRunId()}`;
  if (KEEP && (await existingDatabase(name))) {
    const settings = withDatabase(testServerSettings(), name);
    const dataSource = migrationDataSource(settings);
    await dataSource.initialize();
    try {
      const ran = await dataSource.runMigrations({ transaction: 'each' });
      if (ran.length > 0) await dataSource.query(`ANALYZE`);
      const counts = await countRows(dataSource);
      log(`  kept ${name} (${ran.length} newer migrations run): ${JSON.stringify(counts)}`);
      return { name, settings, size, active, counts, generatedSeconds: Number.NaN };
    } finally {
      await dataSource.destroy();
    }
  }
  log(`  generating ${name}: ${size.toLocaleString('en-US')} proposals, ${active.toLocaleString('en-US')} active`);
  const settings = await createEmptyDatabase(name);
  const dataSource = migrationDataSource(settings);
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
    const started = Date.now();
    const runner = dataSource.createQueryRunner();
    try {
      // Bulk loading: no fsync wait per statement, and the secondary indexes built once at the
      // end (sorting once is far cheaper than a million GIN and B-tree insertions).
      await runner.query(`SET synchronous_commit = off`);
      await runner.query(`SET maintenance_work_mem = '512MB'`);
      await runner.query(`SET work_mem = '128MB'`);
      // No trigger per row: the statistics' rollup is taken once, after the rows are in.
      await runner.query(`SET session_replication_role = replica`);
      const indexes: { name: string; definition: string }[] = await runner.query(
        `SELECT i.indexname AS name, i.indexdef AS definition FROM pg_indexes i
          WHERE i.schemaname = 'public' AND i.tablename = ANY($1)
            AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = format('%I', i.indexname)::regclass)`,
        [BULK_TABLES],
      );
      for (const { name } of indexes) await runner.query(`DROP INDEX "${name}"`);
      for (const statement of generationSql({ size, active, passwordHash: await benchPasswordHash() })) {
        await runner.query(statement);
      }
      for (const { definition } of indexes) await runner.query(definition);
      await runner.query(`SET session_replication_role = DEFAULT`);
      await runner.query(`ANALYZE`);
      const rollupStarted = Date.now();
      await runner.query(`SELECT statistics_rebuild('Asia/Shanghai')`);
      log(`  statistics rollup taken in ${Math.round((Date.now() - rollupStarted) / 100) / 10} s`);
      await runner.query(`ANALYZE statistics_facts, statistics_counts`);
    } finally {
      await runner.release();
    }
    const generatedSeconds = Math.round((Date.now() - started) / 100) / 10;
    const counts = await countRows(dataSource);
    log(`  generated in ${generatedSeconds} s: ${JSON.stringify(counts)}`);
    return { name, settings, size, active, counts, generatedSeconds };
  } catch (error) {
    await dataSource.destroy();
    await dropDatabase(name);
    throw error;
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
  }
}

export async function countRows(dataSource: DataSource): Promise<Record<string, number>> {
  const [counts] = await dataSource.query<Record<string, number>[]>(
    `SELECT (SELECT count(*) FROM proposals)::int AS proposals, (SELECT count(*) FROM assignments)::int AS assignments,
            (SELECT count(*) FROM assignments WHERE status IN ('assigned', 'acknowledged', 'reassignment_requested',
               'extension_requested', 'rehandling'))::int AS open,
            (SELECT count(*) FROM replies)::int AS replies, (SELECT count(*) FROM feedback)::int AS feedback,
            (SELECT count(*) FROM proposer_contacts)::int AS talks,
            (SELECT count(*) FROM extension_requests)::int AS extensions,
            (SELECT count(*) FROM audit_events)::int AS audit_events,
            (SELECT count(*) FROM search_documents)::int AS search_documents`,
  );
  return counts;
}

/** Drops every database benchDatabase made in this process (none with BENCH_KEEP=1). */
export async function dropBenchDatabases(): Promise<void> {
  for (const [key, database] of made) {
    made.delete(key);
    if (KEEP) continue;
    try {
      const { name } = await database;
      await dropDatabase(name);
      log(`  dropped ${name}`);
    } catch (error) {
      log(`  could not drop a bench database: ${String(error)}`);
    }
  }
}
