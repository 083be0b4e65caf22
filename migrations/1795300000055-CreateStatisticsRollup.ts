import { MigrationInterface, QueryRunner } from 'typeorm';

/*
 * The supervision statistics read every assignment with its replies, extensions, talks,
 * reassignment requests and feedback: 15 s for all sessions at 1,000,000 proposals
 * (bench/results.md). They now read a rollup: per session and bureau, counts grouped by the
 * few facts that depend on the day they are asked (status, whether answered and replied, and
 * the dates due while not), with everything else summed.
 *
 * - statistics_facts: what each assignment adds to the rollup now (one row each).
 * - statistics_counts: the rollup, the sum of the facts rows by scope and key.
 * - statistics_stale: assignments changed since their facts were taken. A trigger on each table
 *   the facts come from appends one row per change, in the change's own transaction; appending
 *   locks nothing another transaction waits on.
 *
 * Statistics are the rollup, minus the stale assignments' facts, plus their facts as they are
 * now: exact in every snapshot, costing what changed since the last fold. statistics_fold()
 * (the worker, every minute) takes stale rows, replaces their facts and moves the difference
 * into the rollup. statistics_rebuild() takes the facts of every assignment again.
 *
 * The rules are those of the statistics query this replaces (libs/supervision/src/domain/
 * supervision-rules.ts): the first signed reply dates the answer and is judged against the due
 * date it answered, the latest carries the grade, asking for reassignment answers the 交办 as
 * acknowledging does, the proposer's latest feedback stands.
 */

const OPEN = `'assigned', 'acknowledged', 'reassignment_requested', 'extension_requested', 'rehandling'`;

/** Grouped on: the scope, and what a statistic's condition or "due before today" reads. */
const KEYS = ['session_id', 'bureau_id', 'status', 'replying', 'answered', 'acknowledge_by', 'replied', 'due_on'];

/** Summed. */
const VALUES = [
  'assignments',
  'acknowledged_on_time',
  'replied_on_time',
  'talked',
  'approved_extensions',
  'extended',
  'pending_extensions',
  'grade_a',
  'grade_b',
  'grade_c',
  'grade_d',
  'grade_other',
  'feedback',
  'work_satisfied',
  'work_basically_satisfied',
  'work_unsatisfied',
  'result_satisfied',
  'result_basically_satisfied',
  'result_unsatisfied',
  'days_to_reply',
];

const keyColumns = KEYS.join(', ');
const valueColumns = VALUES.join(', ');
const negatedValues = VALUES.map((v) => `-${v}`).join(', ');
const summedValues = VALUES.map((v) => `sum(${v})`).join(', ');
const valueDefinitions = VALUES.map((v) => `${v} ${v === 'days_to_reply' ? 'bigint' : 'integer'} NOT NULL`).join(
  ',\n        ',
);
const keyDefinitions = `session_id uuid NOT NULL,
        bureau_id uuid NOT NULL,
        status assignment_status NOT NULL,
        replying boolean NOT NULL,
        answered boolean NOT NULL,
        acknowledge_by date,
        replied boolean NOT NULL,
        due_on date`;

/** Asia/Shanghai unless the deployment says otherwise (TIMEZONE, as the API and worker read it). */
const timezone = () => process.env.TIMEZONE ?? 'Asia/Shanghai';

const RATINGS = ['satisfied', 'basically_satisfied', 'unsatisfied'];

/** 1 when the condition holds, 0 when it does not or cannot be told (a NULL on either side). */
const flag = (condition: string) => `coalesce(${condition}, false)::int`;

const FOLD_LOCK = 7_395_300_055;

export class CreateStatisticsRollup1795300000055 implements MigrationInterface {
  name = 'CreateStatisticsRollup1795300000055';

  async up(q: QueryRunner): Promise<void> {
    // The per-assignment lookups below: only the pending request had an index.
    await q.query(`CREATE INDEX reassignment_requests_assignment_idx ON reassignment_requests (assignment_id)`);
    await q.query(
      `CREATE INDEX replies_assignment_signed_idx ON replies (assignment_id) WHERE status IN ('signed', 'issued')`,
    );

    await q.query(`
      CREATE TABLE statistics_facts (
        assignment_id uuid PRIMARY KEY,
        ${keyDefinitions},
        ${valueDefinitions}
      )`);
    await q.query(`
      CREATE TABLE statistics_counts (
        ${keyDefinitions},
        ${valueDefinitions}
      )`);
    await q.query(`CREATE INDEX statistics_counts_scope_idx ON statistics_counts (session_id, bureau_id)`);
    await q.query(`CREATE INDEX statistics_counts_bureau_idx ON statistics_counts (bureau_id)`);
    await q.query(`CREATE TABLE statistics_stale (id bigserial PRIMARY KEY, assignment_id uuid NOT NULL)`);
    // The timezone acknowledgements and reassignment requests were dated in when the facts were taken.
    await q.query(`
      CREATE TABLE statistics_rollup_state (
        singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
        timezone text NOT NULL,
        rebuilt_at timestamptz NOT NULL
      )`);

    await q.query(`
      CREATE FUNCTION statistics_facts_of(ids uuid[], tz text) RETURNS SETOF statistics_facts
      LANGUAGE sql STABLE AS $$
        SELECT a.id, p.session_id, a.bureau_id, a.status, a.role <> 'co',
               ans.answered_on IS NOT NULL,
               CASE WHEN ans.answered_on IS NULL THEN a.acknowledge_by END,
               rf.replied_on IS NOT NULL,
               CASE WHEN rf.replied_on IS NULL OR a.status IN (${OPEN}) THEN a.due_on END,
               1,
               ${flag('ans.answered_on <= a.acknowledge_by')},
               ${flag('rf.replied_on <= coalesce(rf.replied_due_on, a.due_on)')},
               ${flag('t.first_talk_on <= rf.replied_on')},
               x.approved, ${flag('x.approved > 0')}, x.pending,
               ${['A', 'B', 'C', 'D'].map((g) => flag(`rf.grade = '${g}'`)).join(', ')},
               ${flag(`rf.grade NOT IN ('A', 'B', 'C', 'D')`)},
               ${flag('fb.work_rating IS NOT NULL')},
               ${RATINGS.map((r) => flag(`fb.work_rating = '${r}'`)).join(', ')},
               ${RATINGS.map((r) => flag(`fb.result_rating = '${r}'`)).join(', ')},
               coalesce(rf.replied_on - a.assigned_on, 0)::bigint
          FROM unnest(ids) AS u(id)
          JOIN assignments a ON a.id = u.id
          JOIN proposals p ON p.id = a.proposal_id
          CROSS JOIN LATERAL (
            SELECT min(r.signed_on) AS replied_on,
                   (array_agg(r.due_on ORDER BY r.signed_on, r.signed_at))[1] AS replied_due_on,
                   (array_agg(r.grade ORDER BY r.round DESC, r.signed_at DESC))[1] AS grade
              FROM replies r
             WHERE r.assignment_id = a.id AND r.status IN ('signed', 'issued')) rf
          CROSS JOIN LATERAL (
            SELECT count(*) FILTER (WHERE e.status = 'approved')::int AS approved,
                   count(*) FILTER (WHERE e.status = 'pending')::int AS pending
              FROM extension_requests e WHERE e.assignment_id = a.id) x
          CROSS JOIN LATERAL (
            SELECT min(c.occurred_on) AS first_talk_on FROM proposer_contacts c WHERE c.assignment_id = a.id) t
          CROSS JOIN LATERAL (
            SELECT least((a.acknowledged_at AT TIME ZONE tz)::date,
                         (SELECT min((rr.created_at AT TIME ZONE tz)::date)
                            FROM reassignment_requests rr WHERE rr.assignment_id = a.id)) AS answered_on) ans
          LEFT JOIN LATERAL (
            SELECT f.work_rating::text, f.result_rating::text FROM feedback f
             WHERE f.assignment_id = a.id ORDER BY f.recorded_at DESC LIMIT 1) fb ON true
      $$`);

    await q.query(`
      CREATE FUNCTION statistics_fold(tz text, batch integer) RETURNS integer
      LANGUAGE plpgsql AS $$
      DECLARE
        ids uuid[];
        sessions uuid[];
        bureaus uuid[];
      BEGIN
        -- One fold at a time: it is the only writer of the facts and the rollup.
        IF NOT pg_try_advisory_xact_lock(${FOLD_LOCK}) THEN RETURN 0; END IF;
        WITH taken AS (
          DELETE FROM statistics_stale
           WHERE id IN (SELECT id FROM statistics_stale ORDER BY id LIMIT batch)
          RETURNING assignment_id)
        SELECT array_agg(DISTINCT assignment_id) INTO ids FROM taken;
        IF ids IS NULL THEN RETURN 0; END IF;
        SELECT array_agg(DISTINCT session_id), array_agg(DISTINCT bureau_id) INTO sessions, bureaus
          FROM statistics_facts WHERE assignment_id = ANY(ids);
        INSERT INTO statistics_counts (${keyColumns}, ${valueColumns})
          SELECT ${keyColumns}, ${negatedValues} FROM statistics_facts WHERE assignment_id = ANY(ids);
        DELETE FROM statistics_facts WHERE assignment_id = ANY(ids);
        INSERT INTO statistics_facts SELECT * FROM statistics_facts_of(ids, tz);
        INSERT INTO statistics_counts (${keyColumns}, ${valueColumns})
          SELECT ${keyColumns}, ${valueColumns} FROM statistics_facts WHERE assignment_id = ANY(ids);
        SELECT coalesce(sessions, '{}') || array_agg(DISTINCT session_id), coalesce(bureaus, '{}') || array_agg(DISTINCT bureau_id)
          INTO sessions, bureaus FROM statistics_facts WHERE assignment_id = ANY(ids);
        -- Merge the scopes touched back to one row per key.
        WITH gone AS (
          DELETE FROM statistics_counts WHERE session_id = ANY(sessions) AND bureau_id = ANY(bureaus) RETURNING *)
        INSERT INTO statistics_counts (${keyColumns}, ${valueColumns})
          SELECT ${keyColumns}, ${summedValues} FROM gone GROUP BY ${keyColumns} HAVING sum(assignments) <> 0;
        RETURN cardinality(ids);
      END $$`);

    await q.query(`
      CREATE FUNCTION statistics_rebuild(tz text) RETURNS void
      LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_advisory_xact_lock(${FOLD_LOCK});
        DELETE FROM statistics_stale;
        DELETE FROM statistics_facts;
        DELETE FROM statistics_counts;
        INSERT INTO statistics_facts SELECT * FROM statistics_facts_of(ARRAY(SELECT id FROM assignments), tz);
        INSERT INTO statistics_counts (${keyColumns}, ${valueColumns})
          SELECT ${keyColumns}, ${summedValues} FROM statistics_facts GROUP BY ${keyColumns};
        INSERT INTO statistics_rollup_state (timezone, rebuilt_at) VALUES (tz, now())
          ON CONFLICT (singleton) DO UPDATE SET timezone = excluded.timezone, rebuilt_at = excluded.rebuilt_at;
      END $$`);

    await q.query(`
      CREATE FUNCTION statistics_mark_assignment_stale() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO statistics_stale (assignment_id) VALUES (CASE WHEN TG_OP = 'DELETE' THEN OLD.id ELSE NEW.id END);
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE FUNCTION statistics_mark_dependent_stale() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP IN ('UPDATE', 'DELETE') THEN
          INSERT INTO statistics_stale (assignment_id) VALUES (OLD.assignment_id);
        END IF;
        IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND NEW.assignment_id IS DISTINCT FROM OLD.assignment_id) THEN
          INSERT INTO statistics_stale (assignment_id) VALUES (NEW.assignment_id);
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE FUNCTION statistics_mark_proposal_stale() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO statistics_stale (assignment_id) SELECT id FROM assignments WHERE proposal_id = NEW.id;
        RETURN NULL;
      END $$`);

    for (const trigger of TRIGGERS) await q.query(trigger.create);

    // Writes to the seven tables wait for this (CREATE TRIGGER locks them to the commit): about a
    // minute at 1,000,000 proposals, 4 s at 100,000.
    await q.query(`SELECT statistics_rebuild($1)`, [timezone()]);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const trigger of TRIGGERS) await q.query(`DROP TRIGGER ${trigger.name} ON ${trigger.table}`);
    await q.query(`DROP FUNCTION statistics_mark_proposal_stale()`);
    await q.query(`DROP FUNCTION statistics_mark_dependent_stale()`);
    await q.query(`DROP FUNCTION statistics_mark_assignment_stale()`);
    await q.query(`DROP FUNCTION statistics_rebuild(text)`);
    await q.query(`DROP FUNCTION statistics_fold(text, integer)`);
    await q.query(`DROP FUNCTION statistics_facts_of(uuid[], text)`);
    await q.query(`DROP TABLE statistics_rollup_state`);
    await q.query(`DROP TABLE statistics_stale`);
    await q.query(`DROP TABLE statistics_counts`);
    await q.query(`DROP TABLE statistics_facts`);
    await q.query(`DROP INDEX replies_assignment_signed_idx`);
    await q.query(`DROP INDEX reassignment_requests_assignment_idx`);
  }
}

/** Only the columns the facts read: a draft saved or a reply reviewed marks nothing. */
const TRIGGERS = [
  {
    name: 'assignments_statistics_stale',
    table: 'assignments',
    create: `
      CREATE TRIGGER assignments_statistics_stale
        AFTER INSERT OR DELETE OR UPDATE OF proposal_id, bureau_id, role, status, assigned_on, due_on, acknowledge_by, acknowledged_at
        ON assignments FOR EACH ROW EXECUTE FUNCTION statistics_mark_assignment_stale()`,
  },
  // A proposal moved to another session (the app never does) has its row locked FOR UPDATE, as
  // session_id is in proposals_session_number_key: an assignment inserted for it meanwhile (its
  // foreign key takes KEY SHARE) commits first or waits, so the trigger's lookup sees it.
  {
    name: 'proposals_statistics_stale',
    table: 'proposals',
    create: `
      CREATE TRIGGER proposals_statistics_stale
        AFTER UPDATE OF session_id ON proposals
        FOR EACH ROW WHEN (OLD.session_id IS DISTINCT FROM NEW.session_id)
        EXECUTE FUNCTION statistics_mark_proposal_stale()`,
  },
  {
    name: 'replies_statistics_stale',
    table: 'replies',
    create: `
      CREATE TRIGGER replies_statistics_stale
        AFTER INSERT OR DELETE OR UPDATE OF assignment_id, status, signed_on, signed_at, due_on, grade, round
        ON replies FOR EACH ROW EXECUTE FUNCTION statistics_mark_dependent_stale()`,
  },
  ...['extension_requests', 'proposer_contacts', 'reassignment_requests', 'feedback'].map((table) => ({
    name: `${table}_statistics_stale`,
    table,
    create: `
      CREATE TRIGGER ${table}_statistics_stale
        AFTER INSERT OR UPDATE OR DELETE ON ${table}
        FOR EACH ROW EXECUTE FUNCTION statistics_mark_dependent_stale()`,
  })),
];
