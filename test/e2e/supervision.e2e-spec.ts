import { Workbook } from 'exceljs';
import { OrganisationKind, Role, SessionBody } from '@dafu/platform/vocabulary';
import { bearer, TestContext, TestUser } from '@dafu/testing';
import { binaryBody } from '@dafu/testing/letters';
import { pdfPlainText, readPdfText } from '@dafu/testing/pdf-text';
import { OVERDUE_HEADERS, RANKING_HEADERS } from '@dafu/supervision/export/supervision-tables';
import { StatisticsRollup } from '@dafu/supervision/statistics-rollup';
import { DafuConfig } from '@dafu/platform/config/dafu-config';

/**
 * Statistics against figures computed by hand. Today is pinned to Saturday 2023-06-10; every
 * assignment is made on 2023-03-01 and then put in a known state directly in the database, with
 * due date 2023-06-01 and acknowledgement deadline 2023-03-08 unless its line says otherwise.
 *
 * Session S, bureau 甲 (B1):
 *   a1 lead      replied            ack 03-06; reply 05-20 (A); talk 05-10; feedback 满意/满意
 *   a2 lead      feedback_received  ack 03-09 local (03-08 UTC); reply 06-05 (B), late; talk 06-06,
 *                                   after the reply; feedback 基本满意/不满意
 *   a3 lead      acknowledged       ack 03-02; two approved extensions and a rejected one, due 07-01
 *   a4 lead      extension_requested ack 03-07; a pending extension; a voided reply (A, 05-01); overdue 9 days
 *   a5 co        opinion_sent       ack 03-03 (co of b1)
 *   a6 lead      reassigned         ended: counted nowhere
 *   a7 separate  assigned           asked for reassignment 03-06 (refused), never acknowledged; due 06-09:
 *                                   overdue 1 day (0 working days)
 * Session S, bureau 乙 (B2):
 *   b1 lead      closed             ack 03-03; reply 04-01 (C), talks 03-20 and 03-25, feedback
 *                                   不满意/不满意 (04-10); re-handled: reply 05-15 (A), feedback 满意/满意 (05-20)
 *   b2 lead      rehandling         ack 03-05; reply 06-02 (B), a day late on its due date 06-01;
 *                                   talk 05-31; feedback 不满意/不满意; re-handling due 06-30
 *   b3 lead      acknowledged       ack 03-07; due 06-10 (today: not overdue)
 *   b4 lead      withdrawn          ended
 *   b5 lead      assigned           assigned 06-05, acknowledge by 06-12, due 09-05
 * Session S2 (NPC), bureau 乙: c1 lead acknowledged, ack 03-02, due 05-01: overdue 40 days.
 */
describe('Supervision: statistics, ranking, overdue, exports and report', () => {
  let ctx: TestContext;
  let registrar: TestUser;
  let npcRegistrar: TestUser;
  let supervisor: TestUser;
  let admin: TestUser;
  let clerk1: TestUser;
  let signatory1: TestUser;
  let clerk2: TestUser;
  let signatory2: TestUser;
  let session: { id: string; name: string };
  let session2: { id: string; name: string };
  let b1: string;
  let b2: string;
  const ids: Record<string, { assignmentId: string; proposalId: string; bureauId: string }> = {};
  let documentNumber = 0;

  const sql = (text: string, params: unknown[] = []) => ctx.dataSource.query(text, params);
  const get = (path: string, user: TestUser) =>
    ctx
      .http()
      .get(path)
      .set(...bearer(user));
  const file = (path: string, user: TestUser) => get(path, user).buffer(true).parse(binaryBody);

  async function assign(
    name: string,
    sessionId: string,
    bureauId: string,
    role: 'lead' | 'separate',
    assignedOn = '2023-03-01',
  ) {
    const by = sessionId === session.id ? registrar : npcRegistrar;
    const { proposal, assignments } = await ctx.newProposalAssignedTo(by, sessionId, [{ bureauId, role }], assignedOn);
    ids[name] = { assignmentId: assignments[0].id, proposalId: proposal.id, bureauId };
  }

  async function setState(
    name: string,
    state: { status: string; dueOn?: string; acknowledgeBy?: string; acknowledgedAt?: string | null },
  ) {
    await sql(
      `UPDATE assignments SET status = $2, due_on = $3, acknowledge_by = $4, acknowledged_at = $5 WHERE id = $1`,
      [
        ids[name].assignmentId,
        state.status,
        state.dueOn ?? '2023-06-01',
        state.acknowledgeBy ?? '2023-03-08',
        state.acknowledgedAt ?? null,
      ],
    );
  }

  async function reply(
    name: string,
    reply: {
      round?: number;
      signedOn: string;
      grade: string;
      status?: 'signed' | 'issued' | 'voided';
      /** The due date the reply answered; by default the assignment's as set above. */
      dueOn?: string;
    },
  ): Promise<string> {
    const { assignmentId, proposalId, bureauId } = ids[name];
    const [clerk, signatory] = bureauId === b1 ? [clerk1, signatory1] : [clerk2, signatory2];
    documentNumber += 1;
    const status = reply.status ?? 'issued';
    const [row] = await sql(
      `INSERT INTO replies (assignment_id, bureau_id, proposal_id, round, status, started_by, last_saved_by, grade,
         document_number, signed_version, signatory_id, signatory_name, signed_on, signed_at, issued_at,
         voided_by, voided_at, void_reason, due_on)
       VALUES ($1, $2, $3, $4, $5::reply_status, $6, $6, $7, $8, 1, $9, '测试签发人', $10, ($10::date + time '10:00') AT TIME ZONE 'Asia/Shanghai',
         CASE WHEN $5::reply_status = 'issued' THEN now() END,
         CASE WHEN $5::reply_status = 'voided' THEN $9::uuid END, CASE WHEN $5::reply_status = 'voided' THEN now() END,
         CASE WHEN $5::reply_status = 'voided' THEN '文号错误' END,
         coalesce($11::date, (SELECT due_on FROM assignments WHERE id = $1)))
       RETURNING id`,
      [
        assignmentId,
        bureauId,
        proposalId,
        reply.round ?? 1,
        status,
        clerk.id,
        reply.grade,
        `督查测试〔2023〕${documentNumber}号`,
        signatory.id,
        reply.signedOn,
        reply.dueOn ?? null,
      ],
    );
    return row.id as string;
  }

  async function talk(name: string, occurredOn: string) {
    const { assignmentId, bureauId } = ids[name];
    await sql(
      `INSERT INTO proposer_contacts (assignment_id, occurred_on, method, participants, summary, logged_by)
       VALUES ($1, $2, 'phone', '张三委员', '电话沟通办理思路', $3)`,
      [assignmentId, occurredOn, (bureauId === b1 ? clerk1 : clerk2).id],
    );
  }

  async function feedback(name: string, replyId: string, work: string, result: string, recordedAt: string) {
    const { assignmentId, proposalId, bureauId } = ids[name];
    await sql(
      `INSERT INTO feedback (reply_id, assignment_id, bureau_id, proposal_id, work_rating, result_rating,
         talked_before_reply, channel, recorded_by, recorded_at)
       VALUES ($1, $2, $3, $4, $5, $6, true, 'registrar', $7, $8)`,
      [replyId, assignmentId, bureauId, proposalId, work, result, registrar.id, recordedAt],
    );
  }

  /** A reassignment request (申请调整) the registrar refused. */
  async function refusedReassignmentRequest(name: string, requestedAt: string) {
    const { assignmentId, bureauId } = ids[name];
    await sql(
      `INSERT INTO reassignment_requests (assignment_id, requested_by, reason, status, decided_by, decision_reason,
         created_at, decided_at)
       VALUES ($1, $2, '不属于本单位职责', 'rejected', $3, '属于本单位职责', $4, $4::timestamptz + interval '1 day')`,
      [assignmentId, (bureauId === b1 ? clerk1 : clerk2).id, registrar.id, requestedAt],
    );
  }

  async function extension(name: string, status: 'approved' | 'rejected' | 'pending', from: string, to: string) {
    const { assignmentId, bureauId } = ids[name];
    const decided = status !== 'pending';
    await sql(
      `INSERT INTO extension_requests (assignment_id, requested_by, reason, previous_due_on, requested_due_on, status,
         decided_by, decision_reason, decided_at)
       VALUES ($1, $2, '需协调多个部门', $3, $4, $5, $6, $7, $8)`,
      [
        assignmentId,
        (bureauId === b1 ? clerk1 : clerk2).id,
        from,
        to,
        status,
        decided ? registrar.id : null,
        status === 'rejected' ? '理由不充分' : null,
        decided ? '2023-05-20T10:00:00+08:00' : null,
      ],
    );
  }

  beforeAll(async () => {
    ctx = await TestContext.start();
    registrar = await ctx.newUser(Role.Registrar);
    npcRegistrar = await ctx.newUser(Role.Registrar, await ctx.newOrganisation(OrganisationKind.NpcCommittee));
    supervisor = await ctx.newUser(Role.Supervisor);
    admin = await ctx.newUser(Role.Admin);
    const bureau1 = await ctx.newBureau('督查测试甲局');
    const bureau2 = await ctx.newBureau('督查测试乙局');
    b1 = bureau1.id;
    b2 = bureau2.id;
    clerk1 = await ctx.newUser(Role.Clerk, bureau1);
    signatory1 = await ctx.newUser(Role.Signatory, bureau1);
    clerk2 = await ctx.newUser(Role.Clerk, bureau2);
    signatory2 = await ctx.newUser(Role.Signatory, bureau2);
    session = await ctx.newSession(registrar, SessionBody.Cppcc);
    session2 = await ctx.newSession(npcRegistrar, SessionBody.Npc);

    for (const name of ['a1', 'a2', 'a3', 'a4', 'a6']) await assign(name, session.id, b1, 'lead');
    await assign('a7', session.id, b1, 'separate');
    for (const name of ['b2', 'b3', 'b4']) await assign(name, session.id, b2, 'lead');
    await assign('b5', session.id, b2, 'lead', '2023-06-05');
    await assign('c1', session2.id, b2, 'lead');
    // b1 (lead, 乙) with a5 as its co bureau (甲)
    const withCo = await ctx.newProposalAssignedTo(
      registrar,
      session.id,
      [
        { bureauId: b2, role: 'lead' },
        { bureauId: b1, role: 'co' },
      ],
      '2023-03-01',
    );
    ids.b1 = { assignmentId: withCo.assignments[0].id, proposalId: withCo.proposal.id, bureauId: b2 };
    ids.a5 = { assignmentId: withCo.assignments[1].id, proposalId: withCo.proposal.id, bureauId: b1 };

    await setState('a1', { status: 'replied', acknowledgedAt: '2023-03-06T10:00:00+08:00' });
    // 07:00 in Beijing on 9 March is still 8 March in UTC: late, because dates are local.
    await setState('a2', { status: 'feedback_received', acknowledgedAt: '2023-03-09T07:00:00+08:00' });
    await setState('a3', { status: 'acknowledged', acknowledgedAt: '2023-03-02T09:00:00+08:00', dueOn: '2023-07-01' });
    await setState('a4', { status: 'extension_requested', acknowledgedAt: '2023-03-07T09:00:00+08:00' });
    await setState('a5', { status: 'opinion_sent', acknowledgedAt: '2023-03-03T09:00:00+08:00' });
    await setState('a6', { status: 'reassigned', acknowledgedAt: null });
    await setState('a7', { status: 'assigned', acknowledgedAt: null, dueOn: '2023-06-09' });
    await setState('b1', { status: 'closed', acknowledgedAt: '2023-03-03T09:00:00+08:00' });
    await setState('b2', { status: 'rehandling', acknowledgedAt: '2023-03-05T09:00:00+08:00', dueOn: '2023-06-30' });
    await setState('b3', { status: 'acknowledged', acknowledgedAt: '2023-03-07T09:00:00+08:00', dueOn: '2023-06-10' });
    await setState('b4', { status: 'withdrawn', acknowledgedAt: null });
    await setState('b5', { status: 'assigned', acknowledgeBy: '2023-06-12', dueOn: '2023-09-05' });
    await setState('c1', { status: 'acknowledged', acknowledgedAt: '2023-03-02T09:00:00+08:00', dueOn: '2023-05-01' });

    const r1 = await reply('a1', { signedOn: '2023-05-20', grade: 'A' });
    await talk('a1', '2023-05-10');
    await feedback('a1', r1, 'satisfied', 'satisfied', '2023-05-28T10:00:00+08:00');
    const r2 = await reply('a2', { signedOn: '2023-06-05', grade: 'B' });
    await talk('a2', '2023-06-06');
    await feedback('a2', r2, 'basically_satisfied', 'unsatisfied', '2023-06-08T10:00:00+08:00');
    // a7 asked for reassignment within the window (refused) and has not acknowledged since: it
    // answered the 交办 in time all the same.
    await refusedReassignmentRequest('a7', '2023-03-06T10:00:00+08:00');
    await extension('a3', 'approved', '2023-06-01', '2023-06-15');
    await extension('a3', 'approved', '2023-06-15', '2023-07-01');
    await extension('a3', 'rejected', '2023-07-01', '2023-08-01');
    await extension('a4', 'pending', '2023-06-01', '2023-07-01');
    await reply('a4', { signedOn: '2023-05-01', grade: 'A', status: 'voided' });
    const rb1 = await reply('b1', { signedOn: '2023-04-01', grade: 'C' });
    await talk('b1', '2023-03-20');
    await talk('b1', '2023-03-25');
    await feedback('b1', rb1, 'unsatisfied', 'unsatisfied', '2023-04-10T10:00:00+08:00');
    const rb1b = await reply('b1', { round: 2, signedOn: '2023-05-15', grade: 'A' });
    await feedback('b1', rb1b, 'satisfied', 'satisfied', '2023-05-20T10:00:00+08:00');
    // Signed a day after its due date of 1 June; 重新办理 then gave the assignment until 30 June,
    // which must not make the first reply count as on time.
    const rb2 = await reply('b2', { signedOn: '2023-06-02', grade: 'B', dueOn: '2023-06-01' });
    await talk('b2', '2023-05-31');
    await feedback('b2', rb2, 'unsatisfied', 'unsatisfied', '2023-06-06T10:00:00+08:00');

    ctx.pinToday('2023-06-10');
  });
  afterAll(() => ctx.close());

  const r = (numerator: number, denominator: number, percent: number | null) => ({ numerator, denominator, percent });

  it('computes the statistics of a session to the hand-computed figures', async () => {
    const response = await get(`/supervision/statistics?sessionId=${session.id}`, supervisor);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      filter: { sessionId: session.id, bureauId: null },
      asOf: '2023-06-10',
      byStatus: {
        assigned: 2,
        acknowledged: 2,
        reassignment_requested: 0,
        extension_requested: 1,
        replied: 1,
        opinion_sent: 1,
        feedback_received: 1,
        rehandling: 1,
        closed: 1,
        reassigned: 1,
        withdrawn: 1,
      },
      total: 10,
      replying: 9,
      // on time: a1 a3 a4 a5 a7 (asked for reassignment in time) b1 b2 b3; late: a2; b5 not yet due
      acknowledgedOnTime: r(8, 9, 88.9),
      // on time: a1 b1; late a2 b2 (judged on the due date it answered, not the re-handling's);
      // missed a4 a7; a3 b3 b5 not yet due
      repliedOnTime: r(2, 6, 33.3),
      // a1 b1 b2 of the replied a1 a2 b1 b2
      talkedBeforeReply: r(3, 4, 75),
      replied: 4,
      overdue: 2,
      extensions: 2,
      extendedAssignments: 1,
      pendingExtensionRequests: 1,
      grades: { A: 2, B: 2, C: 0, D: 0, other: 0 },
      feedback: 4,
      workSatisfaction: {
        satisfied: r(2, 4, 50),
        basicallySatisfied: r(1, 4, 25),
        unsatisfied: r(1, 4, 25),
        satisfiedOrBasically: r(3, 4, 75),
      },
      resultSatisfaction: {
        satisfied: r(2, 4, 50),
        basicallySatisfied: r(0, 4, 0),
        unsatisfied: r(2, 4, 50),
        satisfiedOrBasically: r(2, 4, 50),
      },
      // (80 + 96 + 31 + 93) / 4
      averageDaysToReply: 75,
    });
  });

  describe('the rollup the statistics read', () => {
    const views = async () =>
      (
        await Promise.all([
          get(`/supervision/statistics?sessionId=${session.id}`, supervisor),
          get(`/supervision/statistics?sessionId=${session.id}&bureauId=${b1}`, supervisor),
          get('/supervision/statistics', supervisor),
          get(`/supervision/ranking?sessionId=${session.id}`, supervisor),
          get('/supervision/ranking', supervisor),
        ])
      ).map((response) => {
        expect(response.status).toBe(200);
        return response.body as unknown;
      });
    const waiting = async () => Number((await sql(`SELECT count(*) FROM statistics_stale`))[0].count);
    const rollup = () => new StatisticsRollup(ctx.dataSource, ctx.app.get(DafuConfig));
    const totalOfAll = async () => (await get('/supervision/statistics', supervisor)).body.total as number;

    it('gives the same figures unfolded, partly folded, folded and rebuilt', async () => {
      const unfolded = await views();
      expect(await waiting()).toBeGreaterThan(0);
      // Five changes at a time: some assignments folded, others still waiting.
      await sql(`SELECT statistics_fold('Asia/Shanghai', 5)`);
      expect(await waiting()).toBeGreaterThan(0);
      expect(await views()).toEqual(unfolded);
      expect(await rollup().fold()).toMatchObject({ rebuilt: false });
      expect(await waiting()).toBe(0);
      expect(await views()).toEqual(unfolded);
      // Folding merged the rows it touched: one per key.
      const [{ rows, keys }] = await sql(
        `SELECT count(*)::int AS rows, count(DISTINCT (session_id, bureau_id, status, replying, answered,
                acknowledge_by, replied, due_on))::int AS keys FROM statistics_counts`,
      );
      expect(rows).toBe(keys);
      await rollup().rebuild();
      expect(await views()).toEqual(unfolded);
    });

    it('counts a change at once, before the worker folds it', async () => {
      await rollup().fold();
      const before = await totalOfAll();
      await sql(`UPDATE assignments SET status = 'withdrawn' WHERE id = $1`, [ids.c1.assignmentId]);
      try {
        expect(await waiting()).toBe(1);
        expect(await totalOfAll()).toBe(before - 1);
        await rollup().fold();
        expect(await totalOfAll()).toBe(before - 1);
      } finally {
        await sql(`UPDATE assignments SET status = 'acknowledged' WHERE id = $1`, [ids.c1.assignmentId]);
      }
      expect(await totalOfAll()).toBe(before);
    });

    it('loses no change that commits while a fold runs', async () => {
      await rollup().fold();
      const before = await totalOfAll();
      const runner = ctx.dataSource.createQueryRunner();
      await runner.startTransaction();
      try {
        await runner.query(`UPDATE assignments SET status = 'withdrawn' WHERE id = $1`, [ids.c1.assignmentId]);
        // The fold cannot see the uncommitted change, and must not take its mark either.
        await rollup().fold();
        await runner.commitTransaction();
      } finally {
        await runner.release();
      }
      try {
        expect(await totalOfAll()).toBe(before - 1);
        await rollup().fold();
        expect(await totalOfAll()).toBe(before - 1);
        await rollup().rebuild();
        expect(await totalOfAll()).toBe(before - 1);
      } finally {
        await sql(`UPDATE assignments SET status = 'acknowledged' WHERE id = $1`, [ids.c1.assignmentId]);
      }
    });

    it('takes every fact again when the timezone it was taken in is not the configured one', async () => {
      const figures = await views();
      // Taken in UTC: 07:00 in Beijing on 9 March (a2's acknowledgement) would be 8 March, on time.
      // The API does not read such a rollup, however wrong, until the worker has rebuilt it.
      await sql(`UPDATE statistics_rollup_state SET timezone = 'UTC'`);
      await sql(`DELETE FROM statistics_counts WHERE bureau_id = $1`, [b1]);
      expect(await views()).toEqual(figures);
      expect(await rollup().fold()).toMatchObject({ rebuilt: true });
      expect((await sql(`SELECT timezone FROM statistics_rollup_state`))[0].timezone).toBe('Asia/Shanghai');
      expect(await views()).toEqual(figures);
    });
  });

  it('narrows to one bureau, and covers every session when none is named', async () => {
    const one = await get(`/supervision/statistics?sessionId=${session.id}&bureauId=${b1}`, supervisor);
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({
      filter: { sessionId: session.id, bureauId: b1 },
      total: 6,
      replying: 5,
      acknowledgedOnTime: r(5, 6, 83.3),
      repliedOnTime: r(1, 4, 25),
      talkedBeforeReply: r(1, 2, 50),
      overdue: 2,
      extensions: 2,
      grades: { A: 1, B: 1, C: 0, D: 0, other: 0 },
      averageDaysToReply: 88,
    });
    const all = await get('/supervision/statistics', supervisor);
    expect(all.status).toBe(200);
    expect(all.body).toMatchObject({
      filter: { sessionId: null, bureauId: null },
      total: 11,
      overdue: 3,
      acknowledgedOnTime: r(9, 10, 90),
      repliedOnTime: r(2, 7, 28.6),
      talkedBeforeReply: r(3, 4, 75),
      extensions: 2,
      pendingExtensionRequests: 1,
      grades: { A: 2, B: 2, C: 0, D: 0, other: 0 },
      feedback: 4,
      resultSatisfaction: { satisfiedOrBasically: r(2, 4, 50) },
      averageDaysToReply: 75,
    });
    const allRanking = await get('/supervision/ranking', supervisor);
    expect(allRanking.body.map((row: { bureauId: string; total: number }) => [row.bureauId, row.total])).toEqual([
      [b2, 5],
      [b1, 6],
    ]);
  });

  it('ranks the bureaus, best first, on the column asked for', async () => {
    const ranking = await get(`/supervision/ranking?sessionId=${session.id}`, supervisor);
    expect(ranking.status).toBe(200);
    expect(ranking.body).toEqual([
      {
        rank: 1,
        bureauId: b2,
        bureauName: '督查测试乙局',
        total: 4,
        replied: 2,
        repliedOnTime: r(1, 2, 50),
        talkedBeforeReply: r(2, 2, 100),
        satisfaction: r(1, 2, 50),
        overdue: 0,
        extensions: 0,
        averageDaysToReply: 62,
      },
      {
        rank: 2,
        bureauId: b1,
        bureauName: '督查测试甲局',
        total: 6,
        replied: 2,
        repliedOnTime: r(1, 4, 25),
        talkedBeforeReply: r(1, 2, 50),
        satisfaction: r(1, 2, 50),
        overdue: 2,
        extensions: 2,
        averageDaysToReply: 88,
      },
    ]);
    const bySatisfaction = await get(`/supervision/ranking?sessionId=${session.id}&sort=satisfaction`, supervisor);
    // A tie shares the rank; 甲 (jia) comes before 乙 (yi) in pinyin.
    expect(bySatisfaction.body.map((row: { rank: number; bureauId: string }) => [row.rank, row.bureauId])).toEqual([
      [1, b1],
      [1, b2],
    ]);
    const mostOverdue = await get(`/supervision/ranking?sessionId=${session.id}&sort=overdue&order=desc`, supervisor);
    expect(mostOverdue.body.map((row: { bureauId: string }) => row.bureauId)).toEqual([b1, b2]);
    expect((await get('/supervision/ranking?sort=nonsense', supervisor)).status).toBe(400);
  });

  it('lists what is overdue now, sorted and paged', async () => {
    const list = await get(`/supervision/overdue?sessionId=${session.id}`, supervisor);
    expect(list.status).toBe(200);
    expect(list.body).toMatchObject({ total: 2, page: 1, pageSize: 50 });
    expect(list.body.items).toEqual([
      expect.objectContaining({
        assignmentId: ids.a4.assignmentId,
        bureauName: '督查测试甲局',
        sessionName: session.name,
        role: 'lead',
        status: 'extension_requested',
        dueOn: '2023-06-01',
        daysOverdue: 9,
        workingDaysOverdue: 6,
      }),
      expect.objectContaining({
        assignmentId: ids.a7.assignmentId,
        role: 'separate',
        dueOn: '2023-06-09',
        daysOverdue: 1,
        // Friday's deadline, and today is Saturday.
        workingDaysOverdue: 0,
      }),
    ]);
    const order = async (query: string) =>
      (await get(`/supervision/overdue?${query}`, supervisor)).body.items.map(
        (i: { assignmentId: string }) => i.assignmentId,
      );
    const [a4, a7, c1] = [ids.a4.assignmentId, ids.a7.assignmentId, ids.c1.assignmentId];
    expect(await order('')).toEqual([c1, a4, a7]);
    expect(await order('sort=daysOverdue&order=asc')).toEqual([a7, a4, c1]);
    expect(await order('sort=dueOn&order=asc')).toEqual([c1, a4, a7]);
    expect(await order('sort=dueOn&order=desc')).toEqual([a7, a4, c1]);
    expect(await order('sort=bureau&order=asc')).toEqual([a4, a7, c1]);
    expect(await order('sort=bureau&order=desc')).toEqual([c1, a4, a7]);
    expect(await order(`bureauId=${b2}`)).toEqual([c1]);
    const second = await get('/supervision/overdue?page=2&pageSize=2', supervisor);
    expect(second.body).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(second.body.items.map((i: { assignmentId: string }) => i.assignmentId)).toEqual([a7]);
    expect(second.body.items[0].daysOverdue).toBe(1);
    expect((await get('/supervision/overdue', supervisor)).body.items[0]).toMatchObject({
      assignmentId: c1,
      daysOverdue: 40,
      // 2 to 3 May are holidays, Saturday 6 May a working day (调休).
      workingDaysOverdue: 28,
    });
    expect((await get('/supervision/overdue?pageSize=501', supervisor)).status).toBe(400);
    expect((await get('/supervision/overdue?sort=title', supervisor)).status).toBe(400);
  });

  it('counts what was overdue week by week, the last week being today', async () => {
    // 20 May: c1 (S2, due 1 May). 27 May: c1. 3 June: a2 (due 1 June, replied 5 June), a4 (due 1
    // June, only a voided reply), c1. 10 June: a4, a7 (due 9 June), c1 — "overdue now". Never:
    // a1, b1 (replied before their due date), a3, b3, b5 (not yet due), a5 (co, opinion sent),
    // b2 (replied 2 June, a day late, so not overdue on 3 June; its re-handling is due 30 June),
    // a6 and b4 (ended).
    const trend = await get(`/supervision/overdue-trend?weeks=4`, supervisor);
    expect(trend.status).toBe(200);
    expect(trend.body).toEqual({
      filter: { sessionId: null, bureauId: null },
      asOf: '2023-06-10',
      points: [
        { date: '2023-05-20', overdue: 1 },
        { date: '2023-05-27', overdue: 1 },
        { date: '2023-06-03', overdue: 3 },
        { date: '2023-06-10', overdue: 3 },
      ],
    });
    const points = async (query: string, user: TestUser = supervisor) =>
      (await get(`/supervision/overdue-trend?${query}`, user)).body.points.map((p: { overdue: number }) => p.overdue);
    expect(await points(`weeks=4&sessionId=${session.id}`)).toEqual([0, 0, 2, 2]);
    expect(await points(`weeks=4&sessionId=${session.id}&bureauId=${b2}`)).toEqual([0, 0, 0, 0]);
    // A bureau's users see their own: 乙 has c1 only.
    expect(await points('weeks=4', clerk2)).toEqual([1, 1, 1, 1]);
    expect((await get(`/supervision/overdue-trend?bureauId=${b1}`, clerk2)).status).toBe(403);
    // Twelve weeks unless asked; the oldest point is 77 days back.
    const twelve = await get('/supervision/overdue-trend', supervisor);
    expect(twelve.body.points).toHaveLength(12);
    expect(twelve.body.points[0]).toEqual({ date: '2023-03-25', overdue: 0 });
    expect((await get('/supervision/overdue-trend?weeks=0', supervisor)).status).toBe(400);
    expect((await get('/supervision/overdue-trend?weeks=53', supervisor)).status).toBe(400);
    expect((await get('/supervision/overdue-trend', admin)).status).toBe(403);
  });

  it("keeps a bureau's users to their own bureau; admins see no statistics", async () => {
    const own = await get(`/supervision/statistics?sessionId=${session.id}`, clerk1);
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({ filter: { sessionId: session.id, bureauId: b1 }, total: 6 });
    const named = await get(`/supervision/statistics?sessionId=${session.id}&bureauId=${b1}`, signatory1);
    expect(named.body.total).toBe(6);
    for (const path of [
      `/supervision/statistics?bureauId=${b2}`,
      `/supervision/overdue?bureauId=${b2}`,
      `/supervision/export?view=overdue&format=csv&bureauId=${b2}`,
    ]) {
      const refused = await get(path, clerk1);
      expect({ path, status: refused.status, code: refused.body.code }).toEqual({
        path,
        status: 403,
        code: 'SUPERVISION_BUREAU_NOT_ACCESSIBLE',
      });
    }
    const ranking = await get(`/supervision/ranking?sessionId=${session.id}`, clerk2);
    expect(ranking.body.map((row: { bureauId: string }) => row.bureauId)).toEqual([b2]);
    const overdue = await get('/supervision/overdue', clerk2);
    expect(overdue.body.items.map((i: { assignmentId: string }) => i.assignmentId)).toEqual([ids.c1.assignmentId]);
    // Registrars work city-wide.
    expect((await get(`/supervision/statistics?sessionId=${session.id}`, registrar)).body.total).toBe(10);
    for (const path of [
      '/supervision/statistics',
      '/supervision/ranking',
      `/supervision/sessions/${session.id}/report`,
    ]) {
      const refused = await get(path, admin);
      expect({ path, status: refused.status, code: refused.body.code }).toEqual({
        path,
        status: 403,
        code: 'FORBIDDEN',
      });
    }
    const unknown = await get('/supervision/statistics?sessionId=00000000-0000-4000-8000-000000000000', supervisor);
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('SESSION_NOT_FOUND');
  });

  it('exports the ranking as XLSX that reads back with its Chinese headers', async () => {
    const response = await file(`/supervision/export?view=ranking&format=xlsx&sessionId=${session.id}`, supervisor);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="supervision-ranking-2023-06-10.xlsx"; filename*=UTF-8''${encodeURIComponent('承办单位排名_2023-06-10.xlsx')}`,
    );
    const workbook = new Workbook();
    await workbook.xlsx.load(response.body as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet.name).toBe('承办单位排名');
    const rows = sheet.getSheetValues().filter(Boolean) as unknown[][];
    expect(rows[0].slice(1)).toEqual(RANKING_HEADERS);
    expect(rows.slice(1).map((row) => row.slice(1))).toEqual([
      [1, '督查测试乙局', 4, 2, '50.0%', '100.0%', '50.0%', 0, 0, 62],
      [2, '督查测试甲局', 6, 2, '25.0%', '50.0%', '50.0%', 2, 2, 88],
    ]);
  });

  it('exports the statistics as XLSX with numerators and denominators', async () => {
    const response = await file(`/supervision/export?view=statistics&format=xlsx&sessionId=${session.id}`, supervisor);
    expect(response.status).toBe(200);
    const workbook = new Workbook();
    await workbook.xlsx.load(response.body as unknown as ArrayBuffer);
    const rows = (workbook.worksheets[0].getSheetValues().filter(Boolean) as unknown[][]).map((row) => row.slice(1));
    expect(rows[0]).toEqual(['项目', '数值', '分子', '分母']);
    const find = (label: string) => rows.find((row) => row[0] === label);
    expect(find('统计范围')?.[1]).toBe('全部承办单位');
    expect(find('按期答复率')).toEqual(['按期答复率', '33.3%', 2, 6]);
    expect(find('沟通率')).toEqual(['沟通率', '75.0%', 3, 4]);
    expect(find('当前逾期件数')?.[1]).toBe(2);
    expect(find('办理结果满意及基本满意率')).toEqual(['办理结果满意及基本满意率', '50.0%', 2, 4]);
    expect(find('平均答复天数')?.[1]).toBe(75);
  });

  it('exports the overdue list as CSV with a BOM and Chinese headers', async () => {
    const response = await file(`/supervision/export?view=overdue&format=csv&sort=daysOverdue&order=asc`, supervisor);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent('逾期事项_2023-06-10.csv')}`,
    );
    const body = response.body as Buffer;
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = body.subarray(3).toString('utf8').trimEnd().split('\r\n');
    expect(lines[0]).toBe(OVERDUE_HEADERS.join(','));
    expect(lines).toHaveLength(4);
    expect(lines[1]).toContain(',督查测试甲局,分办,待签收,2023-03-01,2023-06-09,1,0');
    expect(lines[3]).toContain(',督查测试乙局,主办,办理中,2023-03-01,2023-05-01,40,28');
    expect((await get('/supervision/export?view=overdue&format=pdf', supervisor)).status).toBe(400);
    expect((await get('/supervision/export?format=csv', supervisor)).status).toBe(400);
  });

  it('prints the session report as a PDF in Chinese', async () => {
    const response = await file(`/supervision/sessions/${session.id}/report`, supervisor);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    const pdf = response.body as Buffer;
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = pdfPlainText(await readPdfText(pdf)).replace(/\s+/g, '');
    expect(text).toContain(`${session.name}提案办理情况统计报告`);
    expect(text).toContain('统计范围：全部承办单位');
    expect(text).toContain('按期答复率');
    expect(text).toContain('督查测试乙局');
    expect(text).toContain('三、逾期事项（共2件）');
    const own = await file(`/supervision/sessions/${session.id}/report`, clerk1);
    expect(own.status).toBe(200);
    const ownText = pdfPlainText(await readPdfText(own.body as Buffer)).replace(/\s+/g, '');
    expect(ownText).toContain('统计范围：督查测试甲局');
    expect(ownText).not.toContain('督查测试乙局');
    const missing = await get('/supervision/sessions/00000000-0000-4000-8000-000000000000/report', supervisor);
    expect(missing.status).toBe(404);
  });
});
