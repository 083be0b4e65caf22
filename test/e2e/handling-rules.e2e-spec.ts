import { addCalendarMonths } from '@dafu/deadlines/domain/local-date';
import { Role } from '@dafu/platform/vocabulary';
import { bearer, TestContext, TestUser, today } from '@dafu/testing';

describe('Handling rules per body', () => {
  let ctx: TestContext;
  let registrar: TestUser;
  let admin: TestUser;

  beforeAll(async () => {
    ctx = await TestContext.start();
    registrar = await ctx.newUser(Role.Registrar);
    admin = await ctx.newUser(Role.Admin);
  });
  afterAll(() => ctx.close());

  it('ships design.md’s defaults for both bodies', async () => {
    const rules = await ctx
      .http()
      .get('/handling-rules')
      .set(...bearer(registrar));
    expect(rules.body).toEqual([
      {
        body: 'cppcc',
        rules: {
          acknowledgeWorkingDays: 5,
          replyMonths: 3,
          coOpinionMonths: 1,
          extensionCapMonths: 6,
          rehandlingMonths: 1,
          talkRequiredBeforeReview: false,
          reminderDaysBefore: [14, 7, 3, 1],
          reminderOnDueDay: true,
          reminderOverdueEveryWorkingDays: 3,
          publicationDelayWorkingDays: 0,
        },
      },
      {
        body: 'npc',
        rules: {
          acknowledgeWorkingDays: 5,
          replyMonths: 3,
          coOpinionMonths: 1,
          extensionCapMonths: 6,
          rehandlingMonths: 1,
          talkRequiredBeforeReview: false,
          reminderDaysBefore: [14, 7, 3, 1],
          reminderOnDueDay: true,
          reminderOverdueEveryWorkingDays: 3,
          publicationDelayWorkingDays: 0,
        },
      },
    ]);
  });

  it('moves the stored due dates of open items in one step, except those an extension set', async () => {
    const session = await ctx.newSession(registrar);
    const bureau = await ctx.newBureau();
    const clerk = await ctx.newUser(Role.Clerk, bureau);
    const plain = await ctx.newAssignedProposal(registrar, session.id, bureau.id);
    const extendedItem = await ctx.newProposal(registrar, session.id);
    const [extended] = (
      await ctx
        .http()
        .post(`/proposals/${extendedItem.id}/assignments`)
        .set(...bearer(registrar))
        .send({ assignments: [{ bureauId: bureau.id, role: 'lead' }] })
    ).body;
    await ctx
      .http()
      .post(`/assignments/${extended.id}/acknowledge`)
      .set(...bearer(clerk));
    const extendedTo = addCalendarMonths(today(), 5);
    await ctx
      .http()
      .post(`/assignments/${extended.id}/extension-request`)
      .set(...bearer(clerk))
      .send({ reason: '需要更多时间', requestedDueOn: extendedTo });
    await ctx
      .http()
      .post(`/assignments/${extended.id}/extension-request/approve`)
      .set(...bearer(registrar))
      .send({});

    const updated = await ctx
      .http()
      .put('/handling-rules/cppcc')
      .set(...bearer(admin))
      .send({ replyMonths: 4, acknowledgeWorkingDays: 10 });
    expect(updated.status).toBe(200);
    expect(updated.body.rules).toMatchObject({ replyMonths: 4, acknowledgeWorkingDays: 10, coOpinionMonths: 1 });
    expect(updated.body.moved).toBeGreaterThanOrEqual(1);

    const plainNow = await ctx
      .http()
      .get(`/assignments/${plain.assignment.id}`)
      .set(...bearer(clerk));
    expect(plainNow.body.dueOn).toBe('2023-07-01');
    const extendedNow = await ctx
      .http()
      .get(`/assignments/${extended.id}`)
      .set(...bearer(clerk));
    expect(extendedNow.body.dueOn).toBe(extendedTo);

    const timeline = await ctx
      .http()
      .get(`/assignments/${plain.assignment.id}/timeline`)
      .set(...bearer(clerk));
    expect(timeline.body.at(-1).text.zh).toBe('办理规则调整，办理期限由2023-06-01改为2023-07-01');
    const events = await ctx.dataSource.query(
      `SELECT payload FROM outbox_events WHERE aggregate_id = $1 AND event_name = 'assignment.due_date_changed'`,
      [plain.assignment.id],
    );
    expect(events).toEqual([
      { payload: expect.objectContaining({ previousDueOn: '2023-06-01', dueOn: '2023-07-01' }) },
    ]);
    const npc = await ctx
      .http()
      .get('/handling-rules')
      .set(...bearer(admin));
    expect(npc.body[1].rules.replyMonths).toBe(3);
  });

  it('refuses rules that contradict each other, and unknown bodies', async () => {
    const contradiction = await ctx
      .http()
      .put('/handling-rules/npc')
      .set(...bearer(admin))
      .send({ replyMonths: 3, coOpinionMonths: 4 });
    expect(contradiction.status).toBe(422);
    expect(contradiction.body.code).toBe('HANDLING_RULES_INVALID');
    const capTooShort = await ctx
      .http()
      .put('/handling-rules/npc')
      .set(...bearer(admin))
      .send({ extensionCapMonths: 2 });
    expect(capTooShort.status).toBe(422);
    const unknown = await ctx
      .http()
      .put('/handling-rules/senate')
      .set(...bearer(admin))
      .send({ replyMonths: 2 });
    expect(unknown.status).toBe(400);
    const outOfRange = await ctx
      .http()
      .put('/handling-rules/npc')
      .set(...bearer(admin))
      .send({ acknowledgeWorkingDays: 0 });
    expect(outOfRange.status).toBe(400);
  });
});
