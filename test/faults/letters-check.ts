import Redis from 'ioredis';
import type { Client } from 'pg';
import { type Bureau, Run } from './harness';

/** What the worker left once it is done with a bureau's signed replies, and what is wrong with it. */
export interface LettersOutcome {
  issued: number;
  documents: number;
  files: number;
  unpublished: number;
  relayFailures: number;
  domainJobs: { finished: number; failed: number; startedTwice: number; missing: number };
  problems: string[];
}

/**
 * How long the outbox and its jobs may take to finish after the last letter is issued: the last
 * retry of a failing domain-event job waits 128 s, the eight attempts about 4¼ minutes. A quiet
 * run settles within seconds; only a job still retrying keeps the check waiting.
 */
const SETTLE_MS = 300_000;

/**
 * Every outbox row's job, as BullMQ recorded it: finished, failed for good, or neither (the
 * relay's jobs are kept a day once finished). A job that failed an attempt and then succeeded is
 * finished, and counts as started twice.
 */
async function domainJobsOf(db: Client, redis: { url: string; prefix: string }) {
  const { rows } = await db.query<{ id: string }>(`SELECT id FROM outbox_events ORDER BY id`);
  const client = new Redis(redis.url, { maxRetriesPerRequest: 1 });
  const domainJobs = { finished: 0, failed: 0, startedTwice: 0, missing: 0 };
  const queue = `${redis.prefix}:bull:domain-events`;
  try {
    const pipeline = client.pipeline();
    for (const { id } of rows) {
      const jobId = `outbox-${id}--domain.event`;
      pipeline.zscore(`${queue}:completed`, jobId);
      pipeline.zscore(`${queue}:failed`, jobId);
      pipeline.hget(`${queue}:${jobId}`, 'ats');
    }
    const answers = ((await pipeline.exec()) ?? []).map(([, value]) => value as string | null);
    for (let i = 0; i < answers.length; i += 3) {
      const [completed, failed, started] = answers.slice(i, i + 3);
      if (completed !== null) domainJobs.finished += 1;
      else if (failed !== null) domainJobs.failed += 1;
      else domainJobs.missing += 1;
      if (Number(started ?? 0) > 1) domainJobs.startedTwice += 1;
    }
  } finally {
    client.disconnect();
  }
  return domainJobs;
}

async function count(db: Client, query: string, params: unknown[]): Promise<number> {
  const { rows } = await db.query<{ n: string }>(query, params);
  return Number(rows[0].n);
}

/** Replies of the bureau issued, and outbox rows still unpublished (anywhere in the fault's database). */
export async function progress(db: Client, bureau: Bureau) {
  return {
    issued: await count(db, `SELECT count(*) AS n FROM replies WHERE bureau_id = $1 AND status = 'issued'`, [
      bureau.bureauId,
    ]),
    unpublished: await count(db, `SELECT count(*) AS n FROM outbox_events WHERE published_at IS NULL`, []),
  };
}

/**
 * Each of `expected` signed replies issued once with one DOCX and one PDF, one issue audit event
 * and one `reply.issued` outbox row; every outbox row published, and its BullMQ job finished.
 */
export async function lettersOutcome(
  run: Run,
  db: Client,
  bureau: Bureau,
  expected: number,
  label: string,
  redis: { url: string; prefix: string },
): Promise<LettersOutcome> {
  const problems: string[] = [];
  const scope = [bureau.bureauId];
  const issued = await count(db, `SELECT count(*) AS n FROM replies WHERE bureau_id = $1 AND status = 'issued'`, scope);
  if (issued !== expected) problems.push(`${issued} replies issued, not ${expected}`);
  const documents = await count(
    db,
    `SELECT count(*) AS n FROM reply_documents d JOIN replies r ON r.id = d.reply_id WHERE r.bureau_id = $1`,
    scope,
  );
  if (documents !== 2 * expected) problems.push(`${documents} documents, not ${2 * expected}`);
  const issueEvents = await count(
    db,
    `SELECT count(*) AS n FROM audit_events a JOIN replies r ON r.id = a.entity_id
     WHERE r.bureau_id = $1 AND a.action = 'reply.issue'`,
    scope,
  );
  if (issueEvents !== expected) problems.push(`${issueEvents} issue audit events, not ${expected}`);
  const issuedRows = await count(
    db,
    `SELECT count(*) AS n FROM outbox_events o JOIN replies r ON r.id = o.aggregate_id
     WHERE r.bureau_id = $1 AND o.event_name = 'reply.issued'`,
    scope,
  );
  if (issuedRows !== expected) problems.push(`${issuedRows} reply.issued outbox rows, not ${expected}`);
  const deliveriesTwice = await count(
    db,
    `SELECT count(*) AS n FROM (
       SELECT d.reply_id, d.recipient_kind, d.recipient_name FROM deliveries d JOIN replies r ON r.id = d.reply_id
       WHERE r.bureau_id = $1 GROUP BY 1, 2, 3 HAVING count(*) > 1) x`,
    scope,
  );
  if (deliveriesTwice) problems.push(`${deliveriesTwice} recipients planned twice`);
  // The last letters' own events (reply.issued) are still being relayed and handled when the
  // letters are seen issued: wait for them, within a bound, before calling anything lost.
  const settled = async () => {
    const unpublished = await count(db, `SELECT count(*) AS n FROM outbox_events WHERE published_at IS NULL`, []);
    const domainJobs = await domainJobsOf(db, redis);
    return { unpublished, domainJobs };
  };
  const deadline = Date.now() + SETTLE_MS;
  let state = await settled();
  while ((state.unpublished > 0 || state.domainJobs.missing > 0) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    state = await settled();
  }
  const { unpublished, domainJobs } = state;
  if (unpublished) problems.push(`${unpublished} outbox rows never published`);
  const relayFailures = await count(db, `SELECT count(*) AS n FROM outbox_events WHERE last_error IS NOT NULL`, []);
  if (domainJobs.failed) problems.push(`${domainJobs.failed} domain-event jobs failed`);
  if (domainJobs.missing) problems.push(`${domainJobs.missing} outbox rows without a finished job`);

  // Files are keyed by content: a second render of a letter would leave more than two.
  const files = (await run.storedFiles(label)).filter((f) => f.includes('/letters/')).length;
  return { issued, documents, files, unpublished, relayFailures, domainJobs, problems };
}
