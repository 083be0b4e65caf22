import { Role } from '@dafu/platform/vocabulary';
import { bearer, TestContext, TestUser } from '@dafu/testing';

describe('Working-day calendar', () => {
  let ctx: TestContext;
  let admin: TestUser;
  let clerk: TestUser;

  beforeAll(async () => {
    ctx = await TestContext.start();
    admin = await ctx.newUser(Role.Admin);
    clerk = await ctx.newUser(Role.Clerk);
  });
  afterAll(() => ctx.close());

  it('ships the holiday notices through 2026, 调休 weekends included', async () => {
    const year = await ctx
      .http()
      .get('/calendar/2026')
      .set(...bearer(clerk));
    expect(year.status).toBe(200);
    expect(year.body.known).toBe(true);
    expect(year.body.days).toEqual(
      expect.arrayContaining([
        { date: '2026-10-01', kind: 'holiday', name: '国庆节', source: 'chinese-days' },
        { date: '2026-10-10', kind: 'working_weekend', name: '国庆节', source: 'chinese-days' },
        { date: '2026-02-14', kind: 'working_weekend', name: '春节', source: 'chinese-days' },
      ]),
    );
  });

  it('reports a coming year without a notice to admins and in /health, until an admin enters it', async () => {
    const status = await ctx
      .http()
      .get('/calendar/status')
      .set(...bearer(admin));
    const thisYear = Number(
      new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()),
    );
    const missing = [thisYear, thisYear + 1].filter((y) => y > 2026);
    expect(status.body.missingYears).toEqual(missing);
    const health = await ctx.http().get('/health');
    expect(health.body.info.calendar).toMatchObject({ status: 'up', missingYears: missing });

    for (const year of missing) {
      await ctx
        .http()
        .put(`/calendar/days/${year}-01-01`)
        .set(...bearer(admin))
        .send({ kind: 'holiday', name: '元旦' });
      const marked = await ctx
        .http()
        .put(`/calendar/years/${year}`)
        .set(...bearer(admin))
        .send({ note: `国务院办公厅关于${year}年部分节假日安排的通知` });
      expect(marked.body).toMatchObject({
        year,
        known: true,
        days: [expect.objectContaining({ date: `${year}-01-01`, source: 'admin' })],
      });
    }
    const after = await ctx
      .http()
      .get('/calendar/status')
      .set(...bearer(admin));
    expect(after.body.missingYears).toEqual([]);
  });

  it('lets an admin add a local holiday and a worked Saturday, and remove them again, with an audit trail', async () => {
    const holiday = await ctx
      .http()
      .put('/calendar/days/2026-12-24')
      .set(...bearer(admin))
      .send({ kind: 'holiday', name: '地方假日' });
    expect(holiday.status).toBe(200);
    const saturday = await ctx
      .http()
      .put('/calendar/days/2026-12-26')
      .set(...bearer(admin))
      .send({ kind: 'working_weekend', name: '调休' });
    expect(saturday.status).toBe(200);
    const year = await ctx
      .http()
      .get('/calendar/2026')
      .set(...bearer(clerk));
    expect(year.body.days).toEqual(
      expect.arrayContaining([expect.objectContaining({ date: '2026-12-24', source: 'admin' })]),
    );

    expect(
      (
        await ctx
          .http()
          .delete('/calendar/days/2026-12-24')
          .set(...bearer(admin))
      ).status,
    ).toBe(204);
    const missing = await ctx
      .http()
      .delete('/calendar/days/2026-12-24')
      .set(...bearer(admin));
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('CALENDAR_DAY_NOT_FOUND');

    const audit = await ctx
      .http()
      .get('/audit-events')
      .query({ entityType: 'calendar', entityId: '00000000-0000-4000-8000-00000000ca1e' })
      .set(...bearer(admin));
    expect(audit.body.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(['calendar.day_set', 'calendar.day_removed']),
    );
  });

  it('refuses a weekday as a worked weekend, and dates that are not dates', async () => {
    const weekday = await ctx
      .http()
      .put('/calendar/days/2026-12-23')
      .set(...bearer(admin))
      .send({ kind: 'working_weekend', name: '调休' });
    expect(weekday.status).toBe(422);
    expect(weekday.body.code).toBe('CALENDAR_WORKING_WEEKEND_NOT_WEEKEND');
    const notADate = await ctx
      .http()
      .put('/calendar/days/2026-02-30')
      .set(...bearer(admin))
      .send({ kind: 'holiday', name: '某日' });
    expect(notADate.status).toBe(400);
    expect(notADate.body.code).toBe('VALIDATION_FAILED');
    const noName = await ctx
      .http()
      .put('/calendar/days/2026-12-22')
      .set(...bearer(admin))
      .send({ kind: 'holiday' });
    expect(noName.status).toBe(400);
  });
});
