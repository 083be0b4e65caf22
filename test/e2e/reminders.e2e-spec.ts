import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { INestApplicationContext } from '@nestjs/common';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import Redis from 'ioredis';
import { JobName, QueueName } from '@dafu/platform/queue/queue-names';
import { OrganisationKind, Role, SessionBody } from '@dafu/platform/vocabulary';
import { verifyWebhookSignature } from '@dafu/reminders/domain/webhook-signature';
import { ReminderEvents } from '@dafu/reminders/jobs/reminder-events';
import { NotificationSender, QuietHoursHold } from '@dafu/reminders/notification-sender.service';
import { ReminderScheduler } from '@dafu/reminders/reminder-scheduler.service';
import { bearer, TestContext, TestUser } from '@dafu/testing';
import { smtpSink, until } from '@dafu/testing/letters';

/** Monday 2 March 2026, noon in Beijing: 交办 day of every item here. */
const ASSIGNED_ON = '2026-03-02';
const MONDAY_NOON = new Date('2026-03-02T12:00:00+08:00');
/** The first overdue day of the acknowledgement, due Monday 9 March (five working days). */
const TUESDAY_AFTER = new Date('2026-03-10T12:00:00+08:00');

describe('Deadline reminders, escalation and notifications', () => {
  let ctx: TestContext;
  let sink: Awaited<ReturnType<typeof smtpSink>>;
  let registrar: TestUser;
  let supervisor: TestUser;
  let admin: TestUser;
  let staff: { clerk: TestUser; reviewer: TestUser; signatory: TestUser };
  let sessionId: string;
  let reminders: Queue;
  let worker: INestApplicationContext;

  beforeAll(async () => {
    sink = await smtpSink();
    ctx = await TestContext.start({ env: { SMTP_URL: `smtp://127.0.0.1:${sink.port}` } });
    ctx.pinNow(MONDAY_NOON);
    registrar = await ctx.newUser(Role.Registrar);
    supervisor = await ctx.newUser(
      Role.Supervisor,
      await ctx.newOrganisation(OrganisationKind.SupervisionOffice, '市委市政府督查局'),
    );
    admin = await ctx.newUser(Role.Admin);
    const bureau = await ctx.newBureau();
    staff = {
      clerk: await ctx.newUser(Role.Clerk, bureau),
      reviewer: await ctx.newUser(Role.Reviewer, bureau),
      signatory: await ctx.newUser(Role.Signatory, bureau),
    };
    for (const user of [supervisor, ...Object.values(staff)]) {
      await ctx.dataSource.query(`UPDATE users SET email = $2 WHERE id = $1`, [
        user.id,
        `${user.username}@example.gov.cn`,
      ]);
    }
    sessionId = (await ctx.newSession(registrar)).id;
    reminders = ctx.app.get<Queue>(getQueueToken(QueueName.Reminders), { strict: false });
    worker = await ctx.startWorker();
  });
  afterAll(async () => {
    delete process.env.SMTP_URL;
    await ctx.close();
    await sink.close();
  });

  /** Delayed reminder jobs of an assignment as `kind--dueOn--milestone @ when they fire`. */
  async function scheduled(assignmentId: string): Promise<string[]> {
    const now = MONDAY_NOON.getTime();
    return (await reminders.getDelayed())
      .filter((job) => String(job.id).startsWith(assignmentId))
      .map((job) => `${String(job.id).slice(assignmentId.length + 2)} @ ${new Date(now + job.delay).toISOString()}`)
      .sort();
  }

  async function assigned(bureaus: { bureauId: string; role: 'lead' | 'co' | 'separate' }[] = []) {
    const made = await ctx.newProposalAssignedTo(
      registrar,
      sessionId,
      bureaus.length > 0 ? bureaus : [{ bureauId: staff.clerk.organisation.id, role: 'lead' }],
      ASSIGNED_ON,
    );
    return { ...made, assignment: made.assignments[0] };
  }

  /**
   * Waits until exactly these jobs are scheduled. A reconciliation that read the assignment just
   * before a change may add a job the change removed; the next one takes it away again (and a
   * stale job tells nobody when it fires), so the schedule is right soon, not at every instant.
   */
  async function settlesOn(assignmentId: string, jobs: string[]): Promise<void> {
    let last: string[] = [];
    try {
      await until(
        async () => JSON.stringify((last = await scheduled(assignmentId))) === JSON.stringify(jobs),
        'the schedule',
      );
    } finally {
      expect(last).toEqual(jobs);
    }
  }

  const reminderRows = (assignmentId: string) =>
    ctx.dataSource.query<{ user_id: string; milestone: string; escalation: boolean }[]>(
      `SELECT user_id, milestone, escalation FROM notifications WHERE assignment_id = $1 ORDER BY user_id`,
      [assignmentId],
    );

  /** The e-mails the sink got about the given assignments, by their Message-IDs. */
  async function mailsAbout(assignmentIds: string[]) {
    const rows = await ctx.dataSource.query<{ id: string }[]>(
      `SELECT d.id FROM notification_deliveries d JOIN notifications n ON n.id = d.notification_id
        WHERE d.channel = 'email' AND n.assignment_id = ANY($1::uuid[])`,
      [assignmentIds],
    );
    const ids = new Set(rows.map((r) => `<notification-${r.id}@dafu>`));
    return sink.received.filter((mail) => ids.has(/^Message-ID: (.+)$/im.exec(mail.raw)?.[1]?.trim() ?? ''));
  }

  it('schedules the next reminder of each deadline when an item is assigned', async () => {
    ctx.pinNow(MONDAY_NOON);
    const { assignment } = await assigned();
    expect(assignment).toMatchObject({ acknowledgeBy: '2026-03-09', dueOn: '2026-06-02' });
    // 3 days before the acknowledgement (Friday 6th) and 1 day before (Sunday 8th, so Friday too) meet:
    // the nearer stands. The reply's first is 14 days before 2 June. Both at 08:00 Beijing time.
    await until(async () => (await scheduled(assignment.id)).length === 2, 'the reminders to be scheduled');
    await settlesOn(assignment.id, [
      'acknowledge--2026-03-09--before-1 @ 2026-03-06T00:00:00.000Z',
      'reply--2026-06-02--before-14 @ 2026-05-19T00:00:00.000Z',
    ]);
  });

  it('drops the acknowledgement reminders once acknowledged, and moves the reply’s with an approved extension', async () => {
    ctx.pinNow(MONDAY_NOON);
    const { assignment } = await assigned();
    await until(async () => (await scheduled(assignment.id)).length === 2, 'the reminders to be scheduled');
    const acknowledged = await ctx
      .http()
      .post(`/assignments/${assignment.id}/acknowledge`)
      .set(...bearer(staff.clerk));
    expect(acknowledged.status).toBe(200);
    await until(async () => (await scheduled(assignment.id)).length === 1, 'the acknowledgement reminder to go');
    await settlesOn(assignment.id, ['reply--2026-06-02--before-14 @ 2026-05-19T00:00:00.000Z']);

    await ctx
      .http()
      .post(`/assignments/${assignment.id}/extension-request`)
      .set(...bearer(staff.clerk))
      .send({ reason: '需等待年度预算批复', requestedDueOn: '2026-07-15' });
    const approved = await ctx
      .http()
      .post(`/assignments/${assignment.id}/extension-request/approve`)
      .set(...bearer(registrar))
      .send({});
    expect(approved.status).toBe(200);
    await until(
      async () => (await scheduled(assignment.id)).some((job) => job.includes('2026-07-15')),
      'the reminder to move',
    );
    await settlesOn(assignment.id, ['reply--2026-07-15--before-14 @ 2026-07-01T00:00:00.000Z']);
  });

  it('cancels a co bureau’s reminders when its opinion is sent', async () => {
    ctx.pinNow(MONDAY_NOON);
    const coBureau = await ctx.newBureau();
    const co = { clerk: await ctx.newUser(Role.Clerk, coBureau), reviewer: await ctx.newUser(Role.Reviewer, coBureau) };
    const { assignments } = await assigned([
      { bureauId: staff.clerk.organisation.id, role: 'lead' },
      { bureauId: coBureau.id, role: 'co' },
    ]);
    const coAssignment = assignments[1];
    await until(async () => (await scheduled(coAssignment.id)).length === 2, 'the co bureau’s reminders');
    expect(await scheduled(coAssignment.id)).toContain('co_opinion--2026-04-02--before-14 @ 2026-03-19T00:00:00.000Z');

    await ctx
      .http()
      .post(`/assignments/${coAssignment.id}/acknowledge`)
      .set(...bearer(co.clerk));
    await ctx
      .http()
      .put(`/assignments/${coAssignment.id}/opinion`)
      .set(...bearer(co.clerk))
      .send({ body: '同意主办单位意见。' });
    const sent = await ctx
      .http()
      .post(`/assignments/${coAssignment.id}/opinion/send`)
      .set(...bearer(co.reviewer));
    expect(sent.status).toBe(200);
    await until(async () => (await scheduled(coAssignment.id)).length === 0, 'the reminders to be cancelled');
  });

  it('moves the reminders to the new bureau when the registrar reassigns the item', async () => {
    ctx.pinNow(MONDAY_NOON);
    const { assignment } = await assigned();
    await until(async () => (await scheduled(assignment.id)).length === 2, 'the reminders to be scheduled');
    const other = await ctx.newBureau();
    const moved = await ctx
      .http()
      .post(`/assignments/${assignment.id}/reassign`)
      .set(...bearer(registrar))
      .send({ bureauId: other.id, reason: '职责调整' });
    expect(moved.status).toBe(200);
    await settlesOn(assignment.id, []);
    await settlesOn(moved.body.id, [
      'acknowledge--2026-03-09--before-1 @ 2026-03-06T00:00:00.000Z',
      'reply--2026-06-02--before-14 @ 2026-05-19T00:00:00.000Z',
    ]);
  });

  it('tells the bureau and, once overdue, the supervisors, each once, in the app and by e-mail', async () => {
    ctx.pinNow(MONDAY_NOON);
    const { assignment, proposal } = await assigned();
    await until(async () => (await scheduled(assignment.id)).length === 2, 'the reminders to be scheduled');
    // Tuesday 10 March: the acknowledgement is a day overdue. Reconciliation finds it owed now.
    ctx.pinNow(TUESDAY_AFTER);
    await worker.get(ReminderScheduler).reconcile();
    await until(async () => (await reminderRows(assignment.id)).length === 4, 'four people to be told');
    const rows = await reminderRows(assignment.id);
    expect(new Set(rows.map((r) => r.milestone))).toEqual(new Set(['overdue-1']));
    expect(rows.filter((r) => r.escalation).map((r) => r.user_id)).toEqual([supervisor.id]);

    const clerkSees = await ctx
      .http()
      .get('/notifications')
      .set(...bearer(staff.clerk));
    const mine = clerkSees.body.find((n: { assignmentId: string }) => n.assignmentId === assignment.id);
    expect(mine).toMatchObject({
      kind: 'reminder',
      title: `【已逾期】第${proposal.number}号提案签收期限已逾期1天`,
      deadlineKind: 'acknowledge',
      dueOn: '2026-03-09',
      escalation: false,
      readAt: null,
    });
    expect(mine.body).toContain('签收期限为2026年3月9日，已逾期1天');
    const supervisorSees = await ctx
      .http()
      .get('/notifications?unread=true')
      .set(...bearer(supervisor));
    expect(supervisorSees.body.find((n: { assignmentId: string }) => n.assignmentId === assignment.id)).toMatchObject({
      escalation: true,
      title: expect.stringMatching(/^【逾期督办】.+第\d+号提案签收期限已逾期1天$/),
    });

    // Four e-mails, one to each person, with the reminder's words.
    await until(async () => (await mailsAbout([assignment.id])).length >= 4, 'four e-mails');
    const mails = await mailsAbout([assignment.id]);
    expect(mails.map((m) => m.to[0]).sort()).toEqual(
      [supervisor, ...Object.values(staff)].map((u) => `${u.username}@example.gov.cn`.toLowerCase()).sort(),
    );
    expect(mails.every((m) => m.raw.includes('Message-ID: <notification-'))).toBe(true);

    // The timeline says so; firing again tells nobody twice.
    const timeline = await ctx
      .http()
      .get(`/assignments/${assignment.id}/timeline`)
      .set(...bearer(staff.clerk));
    expect(timeline.body.at(-1).text.zh).toBe('签收期限（2026-03-09）已逾期1天，已提醒本单位并报督查部门');
    const again = await worker.get(ReminderScheduler).fire({
      assignmentId: assignment.id,
      deadlineKind: 'acknowledge',
      dueOn: '2026-03-09',
      milestone: 'overdue-1',
    });
    expect(again).toBe('already_sent');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await reminderRows(assignment.id)).toHaveLength(4);
    expect(await mailsAbout([assignment.id])).toHaveLength(4);

    // Unread count and mark read, each person only their own.
    const count = async (user: TestUser) =>
      (
        await ctx
          .http()
          .get('/notifications/unread-count')
          .set(...bearer(user))
      ).body.count as number;
    const before = await count(staff.clerk);
    const read = await ctx
      .http()
      .post(`/notifications/${mine.id}/read`)
      .set(...bearer(staff.clerk));
    expect(read.body.readAt).not.toBeNull();
    expect(await count(staff.clerk)).toBe(before - 1);
    const foreign = await ctx
      .http()
      .post(`/notifications/${mine.id}/read`)
      .set(...bearer(staff.reviewer));
    expect(foreign.status).toBe(404);
    expect(foreign.body.code).toBe('NOTIFICATION_NOT_FOUND');
  });

  it('tells each person once when two workers fire the same reminders at the same moment', async () => {
    ctx.pinNow(MONDAY_NOON);
    const items = await Promise.all(Array.from({ length: 8 }, () => assigned()));
    ctx.pinNow(TUESDAY_AFTER);
    const second = await ctx.startExtraWorker();
    const fired = await Promise.all(
      items.flatMap(({ assignment }) =>
        [worker, second, worker, second].map((w) =>
          w.get(ReminderScheduler).fire({
            assignmentId: assignment.id,
            deadlineKind: 'acknowledge',
            dueOn: '2026-03-09',
            milestone: 'overdue-1',
          }),
        ),
      ),
    );
    expect(fired.filter((outcome) => outcome === 'sent').length).toBeLessThanOrEqual(items.length);
    for (const { assignment } of items) {
      const rows = await reminderRows(assignment.id);
      expect(rows.filter((r) => r.milestone === 'overdue-1')).toHaveLength(4);
    }
    const ids = items.map((item) => item.assignment.id);
    await until(async () => (await mailsAbout(ids)).length >= items.length * 4, 'one e-mail per person and item');
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const mails = await mailsAbout(ids);
    expect(mails).toHaveLength(items.length * 4);
    expect(new Set(mails.map((m) => m.raw.match(/^Message-ID: (.+)$/im)?.[1])).size).toBe(items.length * 4);
  });

  it('restores the schedule after Redis loses it', async () => {
    ctx.pinNow(MONDAY_NOON);
    const { assignment } = await assigned();
    await until(async () => (await scheduled(assignment.id)).length === 2, 'the reminders to be scheduled');
    const expected = await scheduled(assignment.id);
    // As FLUSHDB would: every key of the reminder queue goes, its periodic reconciliation included.
    const redis = new Redis(process.env.REDIS_URL as string);
    try {
      await redis.del(...(await redis.keys(`${ctx.redisPrefix}:bull:${QueueName.Reminders}:*`)));
    } finally {
      redis.disconnect();
    }
    expect(await scheduled(assignment.id)).toEqual([]);
    expect(await reminders.getJobSchedulers()).toEqual([]);
    await worker.get(ReminderEvents).ensureSchedules();
    expect((await reminders.getJobSchedulers()).map((s) => s.key)).toEqual([JobName.ReconcileReminders]);
    const result = await worker.get(ReminderScheduler).reconcile();
    expect(result.scheduled).toBeGreaterThanOrEqual(2);
    expect(await scheduled(assignment.id)).toEqual(expected);
    // And the other way: a job nothing owes is removed.
    await reminders.add(
      JobName.FireReminder,
      { assignmentId: assignment.id, deadlineKind: 'reply', dueOn: '2026-01-01', milestone: 'due' },
      { jobId: `${assignment.id}--reply--2026-01-01--due`, delay: 86_400_000 },
    );
    expect((await worker.get(ReminderScheduler).reconcile()).removed).toBeGreaterThanOrEqual(1);
    expect(await scheduled(assignment.id)).toEqual(expected);
  });

  it('lets a supervisor urge a bureau about its overdue items, recorded on each timeline; nobody else may', async () => {
    ctx.pinNow(MONDAY_NOON);
    const { assignment } = await assigned();
    ctx.pinNow(TUESDAY_AFTER);
    const bureauId = staff.clerk.organisation.id;
    const refused = await ctx
      .http()
      .post(`/bureaus/${bureauId}/urges`)
      .set(...bearer(registrar))
      .send({ message: '请抓紧办理' });
    expect(refused.status).toBe(403);
    const invalid = await ctx
      .http()
      .post(`/bureaus/${bureauId}/urges`)
      .set(...bearer(supervisor))
      .send({ message: '请抓紧办理', assignmentIds: [supervisor.id] });
    expect(invalid.status).toBe(422);
    expect(invalid.body.code).toBe('URGE_ASSIGNMENT_INVALID');

    const urged = await ctx
      .http()
      .post(`/bureaus/${bureauId}/urges`)
      .set(...bearer(supervisor))
      .send({ message: '请于本周内完成签收', assignmentIds: [assignment.id] });
    expect(urged.status).toBe(201);
    expect(urged.body).toMatchObject({ assignmentIds: [assignment.id], notified: 3 });
    const clerkSees = await ctx
      .http()
      .get('/notifications')
      .set(...bearer(staff.clerk));
    const urge = clerkSees.body.find((n: { kind: string }) => n.kind === 'urge');
    expect(urge).toMatchObject({ assignmentId: assignment.id, title: '【催办】市委市政府督查局催办1件' });
    expect(urge.body).toContain('请于本周内完成签收');
    const timeline = await ctx
      .http()
      .get(`/assignments/${assignment.id}/timeline`)
      .set(...bearer(staff.clerk));
    expect(timeline.body.map((e: { text: { zh: string } }) => e.text.zh)).toContain(
      '市委市政府督查局催办：请于本周内完成签收',
    );
    const otherBureau = await ctx
      .http()
      .post(`/bureaus/${(await ctx.newBureau()).id}/urges`)
      .set(...bearer(supervisor))
      .send({ message: '请抓紧办理' });
    expect(otherBureau.status).toBe(422);
    expect(otherBureau.body.code).toBe('URGE_NOTHING_TO_URGE');
  });

  it('posts each notification to the city’s webhook with a signature the platform can verify', async () => {
    const received: { headers: IncomingHttpHeaders; body: string }[] = [];
    const server: Server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        received.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
        response.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/dafu`;
      const made = await ctx
        .http()
        .post('/admin/notification-webhooks')
        .set(...bearer(admin))
        .send({ name: '市政务协同平台', url });
      expect(made.status).toBe(201);
      expect(made.body.secret).toHaveLength(43);
      const listed = await ctx
        .http()
        .get('/admin/notification-webhooks')
        .set(...bearer(admin));
      expect(listed.body[0]).not.toHaveProperty('secret');

      ctx.pinNow(MONDAY_NOON);
      const { assignment } = await assigned();
      ctx.pinNow(TUESDAY_AFTER);
      await worker.get(ReminderScheduler).reconcile();
      const about = () => received.filter((call) => JSON.parse(call.body).notification.assignmentId === assignment.id);
      await until(async () => about().length >= 4, 'four webhook calls');
      for (const call of received) {
        const timestamp = Number(call.headers['x-dafu-timestamp']);
        expect(
          verifyWebhookSignature(
            made.body.secret,
            timestamp,
            call.body,
            String(call.headers['x-dafu-signature']),
            timestamp,
          ),
        ).toBe(true);
      }
      expect(about().map((call) => JSON.parse(call.body).notification.milestone)).toEqual(Array(4).fill('overdue-1'));
      expect(verifyWebhookSignature(made.body.secret, 0, received[0].body, 'sha256=forged', 0)).toBe(false);
      const off = await ctx
        .http()
        .delete(`/admin/notification-webhooks/${made.body.id}`)
        .set(...bearer(admin));
      expect(off.body.active).toBe(false);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('sends one digest a day to those who prefer it, instead of single mails', async () => {
    const reviewer = staff.reviewer;
    const refused = await ctx
      .http()
      .put('/me/notification-preferences')
      .set(...bearer(reviewer))
      .send({ emailMode: 'hourly' });
    expect(refused.status).toBe(400);
    const set = await ctx
      .http()
      .put('/me/notification-preferences')
      .set(...bearer(reviewer))
      .send({ emailMode: 'daily_digest' });
    expect(set.body).toEqual({ emailMode: 'daily_digest' });
    expect(
      (
        await ctx
          .http()
          .get('/me/notification-preferences')
          .set(...bearer(reviewer))
      ).body,
    ).toEqual({
      emailMode: 'daily_digest',
    });
    try {
      ctx.pinNow(MONDAY_NOON);
      const items = [await assigned(), await assigned()];
      ctx.pinNow(TUESDAY_AFTER);
      const ids = items.map((item) => item.assignment.id);
      await worker.get(ReminderScheduler).reconcile();
      await until(async () => (await mailsAbout(ids)).length >= 2 * 3, 'the others’ single mails');
      const address = `${reviewer.username}@example.gov.cn`.toLowerCase();
      expect((await mailsAbout(ids)).filter((m) => m.to.includes(address))).toEqual([]);

      const digestsBefore = sink.received.filter((m) => m.to.includes(address)).length;
      expect(await worker.get(NotificationSender).sendDigests()).toBe(1);
      expect(await worker.get(NotificationSender).sendDigests()).toBe(0);
      await until(async () => sink.received.filter((m) => m.to.includes(address)).length > digestsBefore, 'the digest');
      await new Promise((resolve) => setTimeout(resolve, 500));
      const digests = sink.received.filter((m) => m.to.includes(address)).slice(digestsBefore);
      expect(digests).toHaveLength(1);
      const [{ n }] = await ctx.dataSource.query(
        `SELECT count(*)::int AS n FROM notifications WHERE user_id = $1 AND digest_delivery_id IS NULL`,
        [reviewer.id],
      );
      expect(n).toBe(0);
    } finally {
      await ctx
        .http()
        .put('/me/notification-preferences')
        .set(...bearer(reviewer))
        .send({ emailMode: 'immediate' });
    }
  });

  it('holds what is made in the quiet hours until 08:00, and lists a delivery that failed for good to admins', async () => {
    ctx.pinNow(MONDAY_NOON);
    const { assignment } = await assigned();
    ctx.pinNow(new Date('2026-03-10T23:30:00+08:00'));
    const urged = await ctx
      .http()
      .post(`/bureaus/${staff.clerk.organisation.id}/urges`)
      .set(...bearer(supervisor))
      .send({ message: '请明日上午答复', assignmentIds: [assignment.id] });
    expect(urged.status).toBe(201);
    const held = await ctx.dataSource.query<{ id: string; not_before: Date; status: string }[]>(
      `SELECT d.id, d.not_before, d.status FROM notification_deliveries d JOIN notifications n ON n.id = d.notification_id
        WHERE n.urge_id = $1`,
      [urged.body.id],
    );
    expect(held).toHaveLength(3);
    expect(held.every((d) => d.not_before.toISOString() === '2026-03-11T00:00:00.000Z')).toBe(true);
    // Their jobs wait in Redis until 08:00 (8½ hours from the pinned 23:30).
    const notifications = ctx.app.get<Queue>(getQueueToken(QueueName.Notifications), { strict: false });
    await until(async () => {
      const delayed = await notifications.getDelayed();
      return held.every((d) =>
        delayed.some((job) => job.data.deliveryId === d.id && job.delay === 30 * 60_000 + 8 * 3_600_000),
      );
    }, 'the held jobs');
    const sender = worker.get(NotificationSender);
    await expect(sender.deliver(held[0].id, false)).rejects.toBeInstanceOf(QuietHoursHold);
    expect((await mailsAbout([assignment.id])).length).toBe(0);

    // 08:00 the next morning it goes; a recipient the server refuses fails, and the last attempt is final.
    ctx.pinNow(new Date('2026-03-11T08:00:00+08:00'));
    const [{ target }] = await ctx.dataSource.query(`SELECT target FROM notification_deliveries WHERE id = $1`, [
      held[1].id,
    ]);
    sink.refused.add(String(target).toLowerCase());
    try {
      await expect(sender.deliver(held[1].id, true)).rejects.toThrow();
    } finally {
      sink.refused.clear();
    }
    expect(await sender.deliver(held[0].id, false)).toBe('sent');
    expect(await sender.deliver(held[0].id, false)).toBe('already_sent');
    const failed = await ctx
      .http()
      .get('/admin/notification-deliveries/failed')
      .set(...bearer(admin));
    expect(failed.body.find((d: { id: string }) => d.id === held[1].id)).toMatchObject({
      channel: 'email',
      status: 'failed',
      attempts: 1,
      lastError: expect.stringContaining('550'),
    });
    expect(
      (
        await ctx
          .http()
          .get('/admin/notification-deliveries/failed')
          .set(...bearer(staff.clerk))
      ).status,
    ).toBe(403);
  });

  it('takes each body’s own reminder rules, and refuses nonsense', async () => {
    const updated = await ctx
      .http()
      .put('/handling-rules/npc')
      .set(...bearer(admin))
      .send({ reminderDaysBefore: [10, 5, 1], reminderOnDueDay: false, reminderOverdueEveryWorkingDays: 5 });
    expect(updated.status).toBe(200);
    expect(updated.body.rules).toMatchObject({
      reminderDaysBefore: [10, 5, 1],
      reminderOnDueDay: false,
      reminderOverdueEveryWorkingDays: 5,
    });
    for (const bad of [
      { reminderDaysBefore: [0] },
      { reminderDaysBefore: 'weekly' },
      { reminderOverdueEveryWorkingDays: 0 },
    ]) {
      const refused = await ctx
        .http()
        .put('/handling-rules/npc')
        .set(...bearer(admin))
        .send(bad);
      expect(refused.status).toBe(400);
      expect(refused.body.code).toBe('VALIDATION_FAILED');
    }
    ctx.pinNow(MONDAY_NOON);
    const npcRegistrar = await ctx.newUser(Role.Registrar, await ctx.newOrganisation(OrganisationKind.NpcCommittee));
    const npcSession = (await ctx.newSession(npcRegistrar, SessionBody.Npc)).id;
    const { assignments } = await ctx.newProposalAssignedTo(
      npcRegistrar,
      npcSession,
      [{ bureauId: staff.clerk.organisation.id, role: 'lead' }],
      ASSIGNED_ON,
    );
    await settlesOn(assignments[0].id, [
      'acknowledge--2026-03-09--before-5 @ 2026-03-04T00:00:00.000Z',
      // 10 days before 2 June is Saturday 23 May: the Friday before.
      'reply--2026-06-02--before-10 @ 2026-05-22T00:00:00.000Z',
    ]);
  });
});
