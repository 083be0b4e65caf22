import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { Client } from 'pg';
import { addDays, localDateOf } from '@dafu/deadlines/domain/local-date';
import { smtpSink } from '@dafu/testing/letters';
import {
  type Bureau,
  call,
  type Fault,
  type FaultResult,
  inParallel,
  newBureau,
  Run,
  say,
  sleep,
  sql,
  until,
} from './harness';

const BUREAUS = 3;
const ASSIGNMENTS_PER_BUREAU = 20;
/** Each bureau's clerk, reviewer and signatory, and the supervision office's supervisor. */
const PEOPLE_PER_BUREAU = 3;
/** The second worker is killed once this many more e-mails have reached the SMTP server. */
const KILL_AFTER_MAILS = 40;

/**
 * The worker SIGKILLed twice in the middle of a batch of reminders: 60 assignments in 3 bureaus, all
 * assigned 30 days ago so that every acknowledgement is overdue, each bureau's clerk, reviewer
 * and signatory and a supervisor with an e-mail address and immediate e-mails. A worker starts
 * with a fake SMTP server and is killed once the first reminders are told; a second worker is
 * killed once 40 more e-mails have arrived; a third finishes. Every reminder must be told once
 * (one notification per assignment, milestone and person) and reach its recipient's mailbox once: one Message-ID per reminder. A mail accepted by
 * SMTP just before the kill may come again with the same Message-ID (mail clients show it once);
 * those are counted, not lost. Two Message-IDs for one reminder, or none, are losses.
 */
export const workerKilledMidReminders: Fault = {
  name: 'worker killed mid-reminder batch',
  async run(run: Run): Promise<FaultResult> {
    const label = 'remind';
    const { settings } = await run.newDatabase(label);
    const redis = await run.startRedis('remind-redis');
    const sink = await smtpSink();
    const env = run.appEnv(settings, redis.url, label, {
      SMTP_URL: `smtp://127.0.0.1:${sink.port}`,
      WORKER_STALLED_INTERVAL_MS: '5000',
    });
    const api = await run.startApi('remind-api', env);
    const db = await sql(settings);
    const workers: ReturnType<Run['startWorker']>[] = [];
    try {
      const supervisor = await newSupervisor(db);
      const bureaus: Bureau[] = [];
      for (let i = 0; i < BUREAUS; i += 1) bureaus.push(await newBureau(db, api));
      for (const bureau of bureaus) await addReviewer(db, bureau);
      // E-mail addresses for everyone who is reminded (immediate e-mails are the default).
      await db.query(
        `UPDATE users SET email = username || '@example.gov.cn', notification_email_mode = 'immediate'
         WHERE organisation_id = ANY($1)`,
        [[...bureaus.map((b) => b.bureauId), supervisor.organisationId]],
      );
      // Assigned 30 days ago: every acknowledgement is overdue today, whatever day the fault runs.
      const assignedOn = addDays(localDateOf(new Date(), 'Asia/Shanghai'), -30);
      await inParallel(
        bureaus.flatMap((bureau) =>
          Array.from({ length: ASSIGNMENTS_PER_BUREAU }, (_, i) => ({ bureau, number: i + 1 })),
        ),
        8,
        async ({ bureau, number }) => {
          const proposal = await call(api, 'POST', '/proposals', bureau.registrar, {
            sessionId: bureau.sessionId,
            number,
            title: `关于故障提醒第${number}号的提案`,
            proposers: [{ name: '李四' }],
          });
          if (proposal.status !== 201) throw new Error(`creating a proposal: ${proposal.status}`);
          const assigned = await call(
            api,
            'POST',
            `/proposals/${proposal.body.id as string}/assignments`,
            bureau.registrar,
            {
              assignments: [{ bureauId: bureau.bureauId, role: 'lead' }],
              assignedOn,
            },
          );
          if (assigned.status !== 201)
            throw new Error(`assigning: ${assigned.status} ${JSON.stringify(assigned.body)}`);
        },
      );
      const due = BUREAUS * ASSIGNMENTS_PER_BUREAU * (PEOPLE_PER_BUREAU + 1);

      const startedAt = performance.now();
      const told = () => count(db, `SELECT count(*) AS n FROM notifications WHERE kind = 'reminder'`);
      // First kill while the reminders are being told (written with their deliveries), before any is mailed.
      workers.push(run.startWorker('remind-worker-1', env));
      await until(async () => (await told()) > 0, 'the first reminders to be told', 120_000);
      await run.kill(workers[0], 'SIGKILL');
      const toldAtFirstKill = await told();
      const mailedAtFirstKill = sink.received.length;
      say(`  first worker killed after ${toldAtFirstKill}/${due} reminders told and ${mailedAtFirstKill} e-mails`);

      // Second kill in the middle of sending.
      workers.push(run.startWorker('remind-worker-2', env));
      await until(
        async () => sink.received.length >= mailedAtFirstKill + KILL_AFTER_MAILS,
        `${KILL_AFTER_MAILS} reminder e-mails`,
        120_000,
      );
      await run.kill(workers[1], 'SIGKILL');
      const mailedAtKill = sink.received.length;
      const toldAtKill = await told();
      say(`  second worker killed after ${toldAtKill}/${due} reminders told and ${mailedAtKill} e-mails`);

      workers.push(run.startWorker('remind-worker-3', env));
      await until(
        async () =>
          (await told()) >= due &&
          (await count(db, `SELECT count(*) AS n FROM notification_deliveries WHERE status <> 'pending'`)) >= due,
        `all ${due} reminders to be sent by the third worker`,
        180_000,
      ).catch((error: Error) => say(`  ${error.message}`));
      const seconds = (performance.now() - startedAt) / 1000;
      // Let a late duplicate (a stalled job run again) show itself before counting.
      await sleep(2500);

      const outcome = await mailOutcome(db, sink.received);
      const problems = [...outcome.problems];
      if (outcome.reminders !== due) problems.push(`${outcome.reminders} reminders told, not ${due}`);
      if (mailedAtKill >= due) problems.push('the worker sent everything before it was killed: nothing was mid-batch');
      return {
        name: this.name,
        figure:
          `${due} reminders due (${BUREAUS * ASSIGNMENTS_PER_BUREAU} assignments, ${BUREAUS} bureaus, ` +
          `${BUREAUS * PEOPLE_PER_BUREAU + 1} people); killed while telling (${toldAtFirstKill} told, ` +
          `${mailedAtFirstKill} e-mailed) and again while sending (${mailedAtKill} e-mailed, ${toldAtKill} told); ` +
          `${outcome.seen}/${due} seen in the mailboxes (distinct Message-IDs) ${seconds.toFixed(1)} s after the first ` +
          `worker started; ${outcome.raw} e-mails received, ${outcome.raw - outcome.seen} resent with the same Message-ID; ` +
          `${outcome.missing} missing, ${outcome.twice} reminders with two Message-IDs`,
        problems,
      };
    } finally {
      await db.end();
      for (const worker of workers) await run.kill(worker);
      await run.kill(api.managed);
      await run.kill(redis.managed);
      await sink.close();
    }
  },
};

async function count(db: Client, query: string): Promise<number> {
  const { rows } = await db.query<{ n: string }>(query);
  return Number(rows[0].n);
}

/** A supervision office with one supervisor (no login needed: the fault only reads their mail). */
async function newSupervisor(db: Client): Promise<{ organisationId: string }> {
  const tag = randomBytes(3).toString('hex');
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO organisations (name, kind) VALUES ($1, 'supervision_office') RETURNING id`,
    [`故障督查室${tag}`],
  );
  await db.query(
    `INSERT INTO users (username, display_name, organisation_id, roles, password_hash)
     VALUES ($1, '故障督查', $2, ARRAY['supervisor']::user_role[], 'unused')`,
    [`supervisor_${tag}`, rows[0].id],
  );
  return { organisationId: rows[0].id };
}

async function addReviewer(db: Client, bureau: Bureau): Promise<void> {
  await db.query(
    `INSERT INTO users (username, display_name, organisation_id, roles, password_hash)
     VALUES ($1, '故障审核', $2, ARRAY['reviewer']::user_role[], 'unused')`,
    [`reviewer_${randomBytes(3).toString('hex')}`, bureau.bureauId],
  );
}

/**
 * The mailboxes against the database: each reminder (one notification per assignment, deadline,
 * milestone and person) has one e-mail delivery, sent, whose Message-ID reached its recipient; no
 * reminder has two; no mail came that no delivery sent.
 */
async function mailOutcome(db: Client, received: { to: string[]; raw: string }[]) {
  const problems: string[] = [];
  const reminders = await count(
    db,
    `SELECT count(*) AS n FROM (SELECT DISTINCT assignment_id, deadline_kind, due_on, milestone, user_id
       FROM notifications WHERE kind = 'reminder') x`,
  );
  const notificationsTwice = await count(
    db,
    `SELECT count(*) AS n FROM (SELECT 1 FROM notifications WHERE kind = 'reminder'
       GROUP BY assignment_id, deadline_kind, due_on, milestone, user_id HAVING count(*) > 1) x`,
  );
  if (notificationsTwice) problems.push(`${notificationsTwice} reminders told twice`);
  const { rows: deliveries } = await db.query<{ reminder: string; id: string; target: string; status: string }>(
    `SELECT concat_ws(' ', n.assignment_id, n.deadline_kind, n.due_on, n.milestone, n.user_id) AS reminder,
       d.id, d.target, d.status FROM notifications n
     LEFT JOIN notification_deliveries d ON d.notification_id = n.id AND d.channel = 'email'
     WHERE n.kind = 'reminder'`,
  );
  const failed = deliveries.filter((d) => d.status !== 'sent').length;
  if (failed) problems.push(`${failed} reminder e-mails not sent (${tallyOf(deliveries.map((d) => d.status))})`);

  // Mail by (recipient, Message-ID): what the mailbox shows once, however often it arrived.
  const seenBy = new Map<string, number>();
  for (const mail of received) {
    const messageId = /^Message-ID:\s*(.+)$/im.exec(mail.raw)?.[1]?.trim() ?? '(none)';
    for (const to of mail.to) seenBy.set(`${to} ${messageId}`, (seenBy.get(`${to} ${messageId}`) ?? 0) + 1);
  }
  const raw = received.reduce((sum, mail) => sum + mail.to.length, 0);
  const expected = new Set(deliveries.map((d) => `${(d.target ?? '').toLowerCase()} <notification-${d.id}@dafu>`));
  const missing = [...expected].filter((key) => !seenBy.has(key)).length;
  const stray = [...seenBy.keys()].filter((key) => !expected.has(key)).length;
  // Two Message-IDs for one reminder (assignment, deadline, due date, milestone, person) in its recipient's mailbox.
  const perReminder = new Map<string, number>();
  for (const d of deliveries)
    if (d.id && seenBy.has(`${d.target.toLowerCase()} <notification-${d.id}@dafu>`))
      perReminder.set(d.reminder, (perReminder.get(d.reminder) ?? 0) + 1);
  const twice = [...perReminder.values()].filter((n) => n > 1).length;
  if (missing) problems.push(`${missing} reminders never reached their recipient`);
  if (twice) problems.push(`${twice} reminders reached their recipient under two Message-IDs`);
  if (stray) problems.push(`${stray} e-mails no reminder delivery sent`);
  return { reminders, seen: seenBy.size, raw, missing, twice, problems };
}

function tallyOf(values: (string | null)[]): string {
  const byValue = new Map<string, number>();
  for (const value of values) byValue.set(String(value), (byValue.get(String(value)) ?? 0) + 1);
  return [...byValue].map(([value, n]) => `${n}× ${value}`).join(', ');
}
