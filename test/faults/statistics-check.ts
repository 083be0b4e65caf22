import type { Client } from 'pg';

/** The advisory lock statistics_fold() and statistics_rebuild() take (migration 055). */
const FOLD_LOCK = 7_395_300_055;
const TIMEZONE = 'Asia/Shanghai';

export interface RollupCheck {
  /** Changed assignments still waiting for a fold when the fault ended. */
  waiting: number;
  problems: string[];
}

/**
 * The supervision statistics' rollup after a fault, once everything waiting is folded, must be
 * what taking every assignment's facts afresh gives: a change a trigger missed, or a fold that
 * lost one, shows as a difference. Done in one REPEATABLE READ snapshot with the workers' folds
 * held off, and rolled back: the fault's database is left as it was.
 */
export async function statisticsRollupCheck(db: Client): Promise<RollupCheck> {
  const count = async (query: string) => Number((await db.query<{ n: string }>(query)).rows[0].n);
  await db.query(`SELECT pg_advisory_lock($1)`, [FOLD_LOCK]);
  try {
    await db.query('BEGIN ISOLATION LEVEL REPEATABLE READ');
    try {
      const waiting = await count(`SELECT count(DISTINCT assignment_id) AS n FROM statistics_stale`);
      while ((await db.query(`SELECT statistics_fold($1, 100000) AS n`, [TIMEZONE])).rows[0].n > 0);
      await db.query(`CREATE TEMP TABLE folded_facts ON COMMIT DROP AS TABLE statistics_facts`);
      await db.query(`CREATE TEMP TABLE folded_counts ON COMMIT DROP AS TABLE statistics_counts`);
      await db.query(`SELECT statistics_rebuild($1)`, [TIMEZONE]);
      const differing = (table: string, folded: string) =>
        count(`SELECT count(*) AS n FROM ((TABLE ${folded} EXCEPT ALL TABLE ${table})
                 UNION ALL (TABLE ${table} EXCEPT ALL TABLE ${folded})) d`);
      const facts = await differing('statistics_facts', 'folded_facts');
      const counts = await differing('statistics_counts', 'folded_counts');
      const problems: string[] = [];
      if (facts) problems.push(`${facts} statistics facts rows differ from a fresh take of every assignment`);
      if (counts) problems.push(`${counts} statistics rollup rows differ from the sums of the facts`);
      return { waiting, problems };
    } finally {
      await db.query('ROLLBACK');
    }
  } finally {
    await db.query(`SELECT pg_advisory_unlock($1)`, [FOLD_LOCK]);
  }
}

/** The figure's words for it. */
export function rollupFigure(check: RollupCheck): string {
  return (
    `statistics rollup: ${check.waiting} changed assignments folded, ` +
    (check.problems.length ? 'differs from a rebuild' : 'equal to a rebuild')
  );
}
