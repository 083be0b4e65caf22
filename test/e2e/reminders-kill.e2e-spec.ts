import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { OrganisationKind, Role } from '@dafu/platform/vocabulary';
import { addDays, localDateOf } from '@dafu/deadlines/domain/local-date';
import { TestContext, TestUser } from '@dafu/testing';
import { smtpSink, until } from '@dafu/testing/letters';

const ITEMS = 50;
const PEOPLE = 4;
const ROOT = join(__dirname, '../..');

/** The real worker as production runs it, in its own process, so it can be killed with SIGKILL. */
function workerProcess(): ChildProcess {
  const child = spawn(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', 'apps/worker/src/main.ts'],
    { cwd: ROOT, env: { ...process.env, TS_NODE_PROJECT: join(ROOT, 'tsconfig.json') }, stdio: 'ignore' },
  );
  return child;
}

describe('A worker killed in the middle of a batch of reminders', () => {
  let ctx: TestContext;
  let sink: Awaited<ReturnType<typeof smtpSink>>;
  let registrar: TestUser;
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    sink = await smtpSink();
    // Real time here (the worker is another process); no quiet hours, so the test runs at any hour.
    ctx = await TestContext.start({
      env: {
        SMTP_URL: `smtp://127.0.0.1:${sink.port}`,
        QUIET_HOURS: '00:00-00:00',
        WORKER_STALLED_INTERVAL_MS: '1000',
      },
    });
    registrar = await ctx.newUser(Role.Registrar);
  });
  afterAll(async () => {
    for (const child of children) child.kill('SIGKILL');
    for (const key of ['SMTP_URL', 'QUIET_HOURS', 'WORKER_STALLED_INTERVAL_MS']) delete process.env[key];
    await ctx.close();
    await sink.close();
  });

  const count = async (sql: string) => Number((await ctx.dataSource.query<{ n: string }[]>(sql))[0].n);

  it('is restarted and tells each person once, with one e-mail each', async () => {
    const bureau = await ctx.newBureau();
    const people = [
      await ctx.newUser(Role.Clerk, bureau),
      await ctx.newUser(Role.Reviewer, bureau),
      await ctx.newUser(Role.Signatory, bureau),
      await ctx.newUser(Role.Supervisor, await ctx.newOrganisation(OrganisationKind.SupervisionOffice)),
    ];
    for (const user of people) {
      await ctx.dataSource.query(`UPDATE users SET email = $2 WHERE id = $1`, [
        user.id,
        `${user.username}@example.gov.cn`,
      ]);
    }
    const sessionId = (await ctx.newSession(registrar)).id;
    // Assigned a month ago: every acknowledgement is overdue today, whatever day the test runs.
    const assignedOn = addDays(localDateOf(new Date(), 'Asia/Shanghai'), -30);
    for (let i = 0; i < ITEMS; i += 1) {
      await ctx.newProposalAssignedTo(registrar, sessionId, [{ bureauId: bureau.id, role: 'lead' }], assignedOn);
    }
    const total = ITEMS * PEOPLE;
    const told = () => count(`SELECT count(*) AS n FROM notifications WHERE kind = 'reminder'`);

    const first = workerProcess();
    children.push(first);
    await until(async () => (await told()) > 0, 'the first worker to start telling', 60_000);
    first.kill('SIGKILL');
    await new Promise((resolve) => first.once('exit', resolve));
    const toldWhenKilled = await told();
    const mailedWhenKilled = sink.received.length;
    process.stdout.write(`killed after ${toldWhenKilled}/${total} reminders and ${mailedWhenKilled} e-mails\n`);

    children.push(workerProcess());
    await until(
      async () =>
        (await told()) === total &&
        (await count(`SELECT count(*) AS n FROM notification_deliveries WHERE status = 'sent'`)) === total,
      'the second worker to finish',
      90_000,
    );
    expect(
      await count(`SELECT count(*) AS n FROM (SELECT DISTINCT assignment_id, milestone, user_id FROM notifications) x`),
    ).toBe(total);
    const messageIds = sink.received.map((mail) => /^Message-ID: (.+)$/im.exec(mail.raw)?.[1]?.trim());
    expect(new Set(messageIds).size).toBe(total);
    // SMTP has no transaction with Postgres: a kill between the server's "250 OK" and the commit
    // resends that one mail, with the same Message-ID, so the mailbox shows it once. At most one per
    // delivery the dead worker was sending (its concurrency).
    expect(sink.received.length - total).toBeLessThanOrEqual(4);
    for (const user of people) {
      const address = `${user.username}@example.gov.cn`.toLowerCase();
      const ids = new Set(
        sink.received.filter((m) => m.to.includes(address)).map((m) => /^Message-ID: (.+)$/im.exec(m.raw)?.[1]),
      );
      expect(ids.size).toBe(ITEMS);
    }
  }, 180_000);
});
