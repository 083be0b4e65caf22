import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { assertUnreachable } from '@dafu/platform/errors/assert-unreachable';
import type { SessionBody } from '@dafu/platform/vocabulary';
import { Satisfaction } from '@dafu/feedback/domain/feedback';
import { OPEN_ASSIGNMENT_STATUSES, type AssignmentStatus } from '@dafu/handling/domain/assignment-status';
import { ALL_ASSIGNMENT_STATUSES, roundedAverage } from './domain/supervision-rules';
import {
  OverdueSort,
  SortOrder,
  type OverdueItem,
  type OverdueTrendPoint,
  type StatisticsCounts,
  type SupervisionFilter,
} from './supervision.types';

/** Literal lists for the SQL below: they come from enums, never from a request. */
const sqlList = (values: readonly string[]) => values.map((v) => `'${v.replace(/'/g, "''")}'`).join(', ');
const OPEN = sqlList(OPEN_ASSIGNMENT_STATUSES);
const ENDED = `'reassigned', 'withdrawn'`;
const SATISFACTION_COLUMNS = Object.values(Satisfaction);

/**
 * The statistics (one group) or the ranking (a group per bureau) from the rollup: its counts,
 * less what the assignments changed since the last fold added to them, plus what those add now.
 * One statement, so one snapshot: exact whether or not the worker has folded. The definitions
 * are those of domain/supervision-rules.ts; migration 055 takes each assignment's facts.
 * Parameters: $1 session (or null: all), $2 bureau (or null: all), $3 today, $4 the timezone
 * acknowledgements are dated in.
 */
function statisticsSql(groupByBureau: boolean): string {
  const counted = `status NOT IN (${ENDED})`;
  const sum = (column: string, condition: string) =>
    `coalesce(sum(sign * ${column}) FILTER (WHERE ${condition}), 0)::int`;
  const statusColumns = ALL_ASSIGNMENT_STATUSES.map((s) => `${sum('assignments', `status = '${s}'`)} AS "status_${s}"`);
  const replyingCounted = `${counted} AND replying`;
  // The three parts have the facts' shape: the rollup's rows have no assignment. A rollup taken
  // in another timezone (TIMEZONE changed, the worker not yet rebuilt it) is not read: every
  // assignment's facts are taken afresh instead, slow but right.
  return `
    WITH current AS (SELECT coalesce((SELECT timezone = $4 FROM statistics_rollup_state), false) AS rollup),
    stale AS MATERIALIZED (
      SELECT DISTINCT assignment_id FROM statistics_stale WHERE (SELECT rollup FROM current)
      UNION ALL
      SELECT id FROM assignments WHERE NOT (SELECT rollup FROM current)
    ),
    rows AS (
      SELECT NULL::uuid, c.*, 1 AS sign FROM statistics_counts c WHERE (SELECT rollup FROM current)
      UNION ALL
      SELECT f.*, -1 FROM statistics_facts f
       WHERE (SELECT rollup FROM current) AND f.assignment_id IN (SELECT assignment_id FROM stale)
      UNION ALL
      SELECT n.*, 1 FROM statistics_facts_of(ARRAY(SELECT assignment_id FROM stale), $4) n
    ),
    f AS (
      SELECT * FROM rows
       WHERE ($1::uuid IS NULL OR session_id = $1::uuid) AND ($2::uuid IS NULL OR bureau_id = $2::uuid)
    )
    SELECT ${groupByBureau ? 'bureau_id AS "bureauId",' : ''}
      ${statusColumns.join(',\n      ')},
      ${sum('assignments', counted)} AS total,
      ${sum('assignments', replyingCounted)} AS replying,
      ${sum('acknowledged_on_time', counted)} AS ack_on_time,
      ${sum('assignments', `${counted} AND (answered OR acknowledge_by < $3::date)`)} AS ack_due,
      ${sum('replied_on_time', replyingCounted)} AS replied_on_time,
      ${sum('assignments', `${replyingCounted} AND (replied OR due_on < $3::date)`)} AS reply_due,
      ${sum('assignments', `${replyingCounted} AND replied`)} AS replied,
      ${sum('talked', replyingCounted)} AS talked,
      ${sum('assignments', `status IN (${OPEN}) AND due_on < $3::date`)} AS overdue,
      ${sum('approved_extensions', counted)} AS extensions,
      ${sum('extended', counted)} AS extended,
      ${sum('pending_extensions', counted)} AS pending_extensions,
      ${['A', 'B', 'C', 'D'].map((g) => `${sum(`grade_${g.toLowerCase()}`, replyingCounted)} AS "grade_${g}"`).join(',\n      ')},
      ${sum('grade_other', replyingCounted)} AS grade_other,
      ${sum('feedback', replyingCounted)} AS feedback,
      ${SATISFACTION_COLUMNS.map((r) => `${sum(`work_${r}`, counted)} AS "work_${r}"`).join(',\n      ')},
      ${SATISFACTION_COLUMNS.map((r) => `${sum(`result_${r}`, counted)} AS "result_${r}"`).join(',\n      ')},
      sum(sign * days_to_reply) FILTER (WHERE ${replyingCounted} AND replied)::numeric
        / nullif(sum(sign * assignments) FILTER (WHERE ${replyingCounted} AND replied), 0) AS avg_days
    FROM f
    ${groupByBureau ? 'GROUP BY bureau_id HAVING sum(sign * assignments) > 0' : ''}`;
}

type CountsRow = Record<string, number | string | null>;

function countsOf(row: CountsRow): StatisticsCounts {
  const n = (key: string) => Number(row[key] ?? 0);
  const byStatus = Object.fromEntries(ALL_ASSIGNMENT_STATUSES.map((s) => [s, n(`status_${s}`)])) as Record<
    AssignmentStatus,
    number
  >;
  const satisfaction = (aspect: 'work' | 'result') => ({
    satisfied: n(`${aspect}_satisfied`),
    basicallySatisfied: n(`${aspect}_basically_satisfied`),
    unsatisfied: n(`${aspect}_unsatisfied`),
  });
  return {
    byStatus,
    total: n('total'),
    replying: n('replying'),
    acknowledgedOnTime: n('ack_on_time'),
    acknowledgementDue: n('ack_due'),
    repliedOnTime: n('replied_on_time'),
    replyDue: n('reply_due'),
    replied: n('replied'),
    talkedBeforeReply: n('talked'),
    overdue: n('overdue'),
    extensions: n('extensions'),
    extendedAssignments: n('extended'),
    pendingExtensionRequests: n('pending_extensions'),
    grades: { A: n('grade_A'), B: n('grade_B'), C: n('grade_C'), D: n('grade_D'), other: n('grade_other') },
    feedback: n('feedback'),
    work: satisfaction('work'),
    result: satisfaction('result'),
    averageDaysToReply: roundedAverage(row.avg_days as string | null),
  };
}

function overdueOrder(sort: OverdueSort, order: SortOrder): string {
  const dir = order === SortOrder.Asc ? 'ASC' : 'DESC';
  const flip = order === SortOrder.Asc ? 'DESC' : 'ASC';
  const tail = 's.year DESC, p.number ASC, a.id ASC';
  switch (sort) {
    // More days overdue is an earlier due date.
    case OverdueSort.DaysOverdue:
      return `a.due_on ${flip}, ${tail}`;
    case OverdueSort.DueOn:
      return `a.due_on ${dir}, ${tail}`;
    case OverdueSort.Bureau:
      return `o.name COLLATE "zh-Hans-CN-x-icu" ${dir}, a.due_on ASC, ${tail}`;
    default:
      return assertUnreachable(sort);
  }
}

export interface BureauCounts extends StatisticsCounts {
  bureauId: string;
  bureauName: string;
}

/** The supervision queries: reviewed SQL, aggregated in Postgres, nothing loaded row by row into Node. */
@Injectable()
export class SupervisionRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Runs one statement with JIT off. The planner overestimates the joined rows of these
   * aggregates, so their cost passes jit_above_cost and Postgres spends longer compiling than
   * running (the statistics, before they read the rollup: 1.0 s instead of 1.5–2.2 s for all
   * sessions at 100,000 proposals; bench/supervision.bench.ts).
   */
  private query<T>(sql: string, params: unknown[]): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query('SET LOCAL jit = off');
      return manager.query<T>(sql, params);
    });
  }

  async statistics(filter: SupervisionFilter, today: string, timezone: string): Promise<StatisticsCounts> {
    const [row] = await this.query<CountsRow[]>(statisticsSql(false), [
      filter.sessionId,
      filter.bureauId,
      today,
      timezone,
    ]);
    return countsOf(row);
  }

  /** One row per bureau with assignments in the filter, in name order (pinyin). */
  async statisticsByBureau(filter: SupervisionFilter, today: string, timezone: string): Promise<BureauCounts[]> {
    const rows = await this.query<CountsRow[]>(
      `WITH per_bureau AS (${statisticsSql(true)})
       SELECT pb.*, o.name AS "bureauName" FROM per_bureau pb JOIN organisations o ON o.id = pb."bureauId"
        ORDER BY o.name COLLATE "zh-Hans-CN-x-icu", o.id`,
      [filter.sessionId, filter.bureauId, today, timezone],
    );
    return rows.map((row) => ({
      ...countsOf(row),
      bureauId: row.bureauId as string,
      bureauName: row.bureauName as string,
    }));
  }

  /** Open assignments past their due date, a page of them in the order asked, with the total. */
  async overdue(
    filter: SupervisionFilter,
    today: string,
    sort: OverdueSort,
    order: SortOrder,
    page: { offset: number; limit: number | null },
  ): Promise<{ total: number; items: Omit<OverdueItem, 'workingDaysOverdue'>[] }> {
    const where = `a.status IN (${OPEN}) AND a.due_on < $3::date
        AND ($1::uuid IS NULL OR p.session_id = $1::uuid)
        AND ($2::uuid IS NULL OR a.bureau_id = $2::uuid)`;
    const params = [filter.sessionId, filter.bureauId, today];
    // The count needs the proposal only to filter on its session; the partial index answers the rest.
    const [{ total }] = await this.dataSource.query<{ total: number }[]>(
      filter.sessionId === null
        ? `SELECT count(*)::int AS total FROM assignments a
            WHERE a.status IN (${OPEN}) AND a.due_on < $2::date AND ($1::uuid IS NULL OR a.bureau_id = $1::uuid)`
        : `SELECT count(*)::int AS total FROM assignments a JOIN proposals p ON p.id = a.proposal_id WHERE ${where}`,
      filter.sessionId === null ? [filter.bureauId, today] : params,
    );
    const items = await this.dataSource.query<Omit<OverdueItem, 'workingDaysOverdue'>[]>(
      `SELECT a.id AS "assignmentId", p.id AS "proposalId", s.id AS "sessionId", s.name AS "sessionName",
              p.number AS "proposalNumber", p.title AS "proposalTitle", a.bureau_id AS "bureauId",
              o.name AS "bureauName", a.role, a.status, to_char(a.assigned_on, 'YYYY-MM-DD') AS "assignedOn",
              to_char(a.due_on, 'YYYY-MM-DD') AS "dueOn", ($3::date - a.due_on) AS "daysOverdue"
         FROM assignments a
         JOIN proposals p ON p.id = a.proposal_id
         JOIN sessions s ON s.id = p.session_id
         JOIN organisations o ON o.id = a.bureau_id
        WHERE ${where}
        ORDER BY ${overdueOrder(sort, order)}
        LIMIT $4 OFFSET $5`,
      [...params, page.limit, page.offset],
    );
    return { total, items };
  }

  /**
   * How many assignments were overdue on each of the dates, in one aggregate: due before the date
   * and not answered by it. The answer is the first signed reply (judged on the due date it
   * answered, as 按期答复率 is) or, for a co bureau, its sent opinion; an item in re-handling is
   * overdue again once its new due date has passed. An item that is no longer open but whose
   * answer has no date (none recorded) counts nowhere, as it does in "overdue now". Items that
   * ended (reassigned, withdrawn) count nowhere, and a due date is the current one: an extension
   * approved after its old due date had passed does not show the days it was overdue before.
   * Parameters: $1 session (or null), $2 bureau (or null), $3 the dates, $4 the timezone.
   */
  async overdueTrend(filter: SupervisionFilter, dates: string[], timezone: string): Promise<OverdueTrendPoint[]> {
    return this.query<OverdueTrendPoint[]>(
      `WITH window_dates AS (SELECT min(d) AS first_date, max(d) AS last_date FROM unnest($3::date[]) d),
       -- Only these can be overdue on a date of the window: open and due before its last date, or
       -- answered after its first date (a reply signed, an opinion sent; a day's margin for the
       -- timezone). The items answered before it, nearly all of them, are not read.
       candidates AS MATERIALIZED (
         SELECT a.id FROM assignments a, window_dates w
          WHERE a.status IN (${OPEN}) AND a.due_on < w.last_date AND ($2::uuid IS NULL OR a.bureau_id = $2::uuid)
         UNION
         SELECT r.assignment_id FROM replies r, window_dates w
          WHERE r.status IN ('signed', 'issued') AND r.signed_on > w.first_date
            AND ($2::uuid IS NULL OR r.bureau_id = $2::uuid)
         UNION
         SELECT o.assignment_id FROM co_opinions o, window_dates w
          WHERE o.status = 'sent' AND o.sent_at > (w.first_date - 1)::timestamp AT TIME ZONE $4
       ),
       -- Looked up one by one (LIMIT keeps the planner from hashing whole tables for a few thousand).
       scoped AS MATERIALIZED (
         SELECT a.*
           FROM candidates c
           CROSS JOIN LATERAL (
             SELECT a.id, a.status, a.assigned_on, a.due_on
               FROM assignments a
               JOIN proposals p ON p.id = a.proposal_id
              WHERE a.id = c.id
                AND ($1::uuid IS NULL OR p.session_id = $1::uuid)
                AND ($2::uuid IS NULL OR a.bureau_id = $2::uuid)
                AND a.status NOT IN (${ENDED})
              LIMIT 1) a
       ),
       answers AS (
         SELECT s.id AS assignment_id, r.answered_on, r.answered_due_on
           FROM scoped s
           CROSS JOIN LATERAL (
             SELECT min(r.signed_on) AS answered_on,
                    (array_agg(r.due_on ORDER BY r.signed_on, r.signed_at))[1] AS answered_due_on
               FROM replies r
              WHERE r.assignment_id = s.id AND r.status IN ('signed', 'issued')) r
          WHERE r.answered_on IS NOT NULL
         UNION ALL
         SELECT s.id, o.sent_on, NULL
           FROM scoped s
           CROSS JOIN LATERAL (
             SELECT (o.sent_at AT TIME ZONE $4)::date AS sent_on
               FROM co_opinions o
              WHERE o.assignment_id = s.id AND o.status = 'sent'
              LIMIT 1) o
       ),
       f AS (
         SELECT s.id, s.status, s.assigned_on, s.due_on, an.answered_on,
                coalesce(an.answered_due_on, s.due_on) AS first_due_on
           FROM scoped s LEFT JOIN answers an ON an.assignment_id = s.id
       ),
       days AS (SELECT DISTINCT unnest($3::date[]) AS d)
       SELECT to_char(days.d, 'YYYY-MM-DD') AS date, count(f.id)::int AS overdue
         FROM days
         LEFT JOIN f ON f.assigned_on <= days.d AND (
                (f.first_due_on < days.d
                 AND (f.answered_on > days.d OR (f.answered_on IS NULL AND f.status IN (${OPEN}))))
             OR (f.status = 'rehandling' AND f.due_on < days.d))
        GROUP BY days.d
        ORDER BY days.d`,
      [filter.sessionId, filter.bureauId, dates, timezone],
    );
  }

  async session(sessionId: string): Promise<{ name: string; body: SessionBody } | null> {
    const [row] = await this.dataSource.query<{ name: string; body: SessionBody }[]>(
      `SELECT name, body FROM sessions WHERE id = $1`,
      [sessionId],
    );
    return row ?? null;
  }

  async bureauName(bureauId: string): Promise<string | null> {
    const [row] = await this.dataSource.query<{ name: string }[]>(`SELECT name FROM organisations WHERE id = $1`, [
      bureauId,
    ]);
    return row?.name ?? null;
  }
}
