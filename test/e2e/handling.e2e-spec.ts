import { addCalendarMonths, addDays } from '@dafu/deadlines/domain/local-date';
import { Role } from '@dafu/platform/vocabulary';
import { bearer, TestContext, TestUser, today, undocumentedShape } from '@dafu/testing';

describe('Handling an assignment: acknowledgement, reassignment, extension', () => {
  let ctx: TestContext;
  let registrar: TestUser;
  let supervisor: TestUser;
  let sessionId: string;

  beforeAll(async () => {
    ctx = await TestContext.start();
    registrar = await ctx.newUser(Role.Registrar);
    supervisor = await ctx.newUser(Role.Supervisor);
    sessionId = (await ctx.newSession(registrar)).id;
  });
  afterAll(() => ctx.close());

  /** A bureau with a clerk and a reviewer, and a proposal assigned to it as lead on the given date. */
  async function assignedToNewBureau(assignedOn = today()) {
    const bureau = await ctx.newBureau();
    const clerk = await ctx.newUser(Role.Clerk, bureau);
    const reviewer = await ctx.newUser(Role.Reviewer, bureau);
    const { proposal, assignment } = await ctx.newAssignedProposal(registrar, sessionId, bureau.id, assignedOn);
    return { bureau, clerk, reviewer, proposal, assignment };
  }

  async function outboxOf(assignmentId: string): Promise<{ event_name: string; payload: Record<string, unknown> }[]> {
    return ctx.dataSource.query(`SELECT event_name, payload FROM outbox_events WHERE aggregate_id = $1 ORDER BY id`, [
      assignmentId,
    ]);
  }

  async function auditActions(assignmentId: string): Promise<string[]> {
    const audit = await ctx
      .http()
      .get('/audit-events')
      .query({ entityType: 'assignment', entityId: assignmentId })
      .set(...bearer(registrar));
    return audit.body.map((e: { action: string }) => e.action);
  }

  it('gives five working days to acknowledge, counted over the National Day week and its 调休 Saturday', async () => {
    const { assignment } = await assignedToNewBureau('2026-09-29');
    expect(assignment.acknowledgeBy).toBe('2026-10-12');
    expect(assignment.dueOn).toBe('2026-12-29');
  });

  it('lets the bureau’s clerk acknowledge once; reviewers and other bureaus cannot', async () => {
    const { clerk, reviewer, assignment } = await assignedToNewBureau();
    const stranger = await ctx.newUser(Role.Clerk);

    const byReviewer = await ctx
      .http()
      .post(`/assignments/${assignment.id}/acknowledge`)
      .set(...bearer(reviewer));
    expect(byReviewer.status).toBe(403);
    const byStranger = await ctx
      .http()
      .post(`/assignments/${assignment.id}/acknowledge`)
      .set(...bearer(stranger));
    expect(byStranger.status).toBe(404);

    const acknowledged = await ctx
      .http()
      .post(`/assignments/${assignment.id}/acknowledge`)
      .set(...bearer(clerk));
    expect(acknowledged.status).toBe(200);
    expect(acknowledged.body).toMatchObject({ status: 'acknowledged', acknowledgedAt: expect.any(String) });
    expect(undocumentedShape(acknowledged.body, 'POST', '/assignments/{id}/acknowledge')).toEqual([]);

    const again = await ctx
      .http()
      .post(`/assignments/${assignment.id}/acknowledge`)
      .set(...bearer(clerk));
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({
      code: 'ASSIGNMENT_TRANSITION_REFUSED',
      details: { from: 'acknowledged', action: 'acknowledge' },
    });
    expect(await auditActions(assignment.id)).toEqual(['assignment.created', 'assignment.acknowledge']);
  });

  it('applies exactly one of two concurrent acknowledgements', async () => {
    const { bureau, clerk, assignment } = await assignedToNewBureau();
    const secondClerk = await ctx.newUser(Role.Clerk, bureau);
    const responses = await Promise.all(
      [clerk, secondClerk, clerk, secondClerk].map((c) =>
        ctx
          .http()
          .post(`/assignments/${assignment.id}/acknowledge`)
          .set(...bearer(c)),
      ),
    );
    expect(responses.map((r) => r.status).sort()).toEqual([200, 409, 409, 409]);
    expect((await auditActions(assignment.id)).filter((a) => a === 'assignment.acknowledge')).toHaveLength(1);
  });

  it('moves the item to the suggested bureau when the registrar approves a reassignment request', async () => {
    const { clerk, assignment, proposal } = await assignedToNewBureau();
    const rightBureau = await ctx.newBureau();
    const request = await ctx
      .http()
      .post(`/assignments/${assignment.id}/reassignment-request`)
      .set(...bearer(clerk))
      .send({ reason: '该事项属住房城乡建设部门职责', suggestedBureauId: rightBureau.id });
    expect(request.status).toBe(200);
    expect(request.body.status).toBe('reassignment_requested');

    const approved = await ctx
      .http()
      .post(`/assignments/${assignment.id}/reassignment-request/approve`)
      .set(...bearer(registrar))
      .send({});
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({
      bureauId: rightBureau.id,
      role: 'lead',
      status: 'assigned',
      assignedOn: today(),
      dueOn: addCalendarMonths(today(), 3),
      reassignedFromId: assignment.id,
    });

    const old = await ctx
      .http()
      .get(`/assignments/${assignment.id}`)
      .set(...bearer(registrar));
    expect(old.body.status).toBe('reassigned');
    expect(undocumentedShape(old.body, 'GET', '/assignments/{id}')).toEqual([]);
    expect(old.body).toMatchObject({ daysLeft: expect.any(Number), acceptedByDefault: false });
    // The clerk of the old bureau no longer sees the proposal as theirs to handle.
    const live = await ctx
      .http()
      .get(`/proposals/${proposal.id}/assignments`)
      .set(...bearer(registrar));
    expect(live.body.map((a: { status: string }) => a.status).sort()).toEqual(['assigned', 'reassigned']);
    expect(undocumentedShape(live.body, 'GET', '/proposals/{id}/assignments')).toEqual([]);
    const requests = await ctx
      .http()
      .get(`/assignments/${assignment.id}/requests`)
      .set(...bearer(clerk));
    expect(requests.body.reassignments).toEqual([
      expect.objectContaining({
        status: 'approved',
        newAssignmentId: approved.body.id,
        requestedBy: clerk.id,
        requestedByName: clerk.displayName,
        suggestedBureauId: rightBureau.id,
        suggestedBureauName: rightBureau.name,
        decidedBy: registrar.id,
        decidedByName: registrar.displayName,
      }),
    ]);
    expect(undocumentedShape(requests.body, 'GET', '/assignments/{id}/requests')).toEqual([]);
    expect(await auditActions(assignment.id)).toEqual([
      'assignment.created',
      'assignment.request_reassignment',
      'assignment.approve_reassignment',
    ]);
  });

  it('sends the item back to the bureau when the registrar rejects, with the reason kept', async () => {
    const { clerk, assignment } = await assignedToNewBureau();
    await ctx
      .http()
      .post(`/assignments/${assignment.id}/reassignment-request`)
      .set(...bearer(clerk))
      .send({ reason: '不属于本单位职责' });
    const noReason = await ctx
      .http()
      .post(`/assignments/${assignment.id}/reassignment-request/reject`)
      .set(...bearer(registrar))
      .send({});
    expect(noReason.status).toBe(400);
    const rejected = await ctx
      .http()
      .post(`/assignments/${assignment.id}/reassignment-request/reject`)
      .set(...bearer(registrar))
      .send({ reason: '该事项由你单位牵头办理' });
    expect(rejected.status).toBe(200);
    expect(rejected.body.status).toBe('assigned');
    const requests = await ctx
      .http()
      .get(`/assignments/${assignment.id}/requests`)
      .set(...bearer(clerk));
    expect(requests.body.reassignments).toEqual([
      expect.objectContaining({ status: 'rejected', decisionReason: '该事项由你单位牵头办理' }),
    ]);
  });

  it('counts an item as accepted after the window: the bureau can no longer ask, the registrar can still move it', async () => {
    const { clerk, assignment } = await assignedToNewBureau('2023-03-01');
    const late = await ctx
      .http()
      .post(`/assignments/${assignment.id}/reassignment-request`)
      .set(...bearer(clerk))
      .send({ reason: '不属于本单位职责' });
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('ASSIGNMENT_ACKNOWLEDGEMENT_WINDOW_PASSED');

    const other = await ctx.newBureau();
    const moved = await ctx
      .http()
      .post(`/assignments/${assignment.id}/reassign`)
      .set(...bearer(registrar))
      .send({ bureauId: other.id, reason: '职责调整' });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ bureauId: other.id, reassignedFromId: assignment.id });
  });

  it('moves the due date when an extension within six months is approved', async () => {
    const { clerk, assignment } = await assignedToNewBureau();
    await ctx
      .http()
      .post(`/assignments/${assignment.id}/acknowledge`)
      .set(...bearer(clerk));
    const requestedDueOn = addCalendarMonths(today(), 4);
    const request = await ctx
      .http()
      .post(`/assignments/${assignment.id}/extension-request`)
      .set(...bearer(clerk))
      .send({ reason: '需等待年度预算批复', requestedDueOn });
    expect(request.status).toBe(200);
    expect(request.body).toMatchObject({ status: 'extension_requested', dueOn: assignment.dueOn });

    const approved = await ctx
      .http()
      .post(`/assignments/${assignment.id}/extension-request/approve`)
      .set(...bearer(supervisor))
      .send({});
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'acknowledged', dueOn: requestedDueOn });
    const requests = await ctx
      .http()
      .get(`/assignments/${assignment.id}/requests`)
      .set(...bearer(registrar));
    expect(requests.body).toEqual({
      reassignments: [],
      extensions: [
        expect.objectContaining({
          status: 'approved',
          previousDueOn: assignment.dueOn,
          requestedDueOn,
          reason: '需等待年度预算批复',
          requestedByName: clerk.displayName,
          decidedByName: supervisor.displayName,
        }),
      ],
    });
    expect(undocumentedShape(requests.body, 'GET', '/assignments/{id}/requests')).toEqual([]);
    const audit = await ctx
      .http()
      .get('/audit-events')
      .query({ entityType: 'assignment', entityId: assignment.id })
      .set(...bearer(registrar));
    expect(audit.body.at(-1)).toMatchObject({
      action: 'assignment.approve_extension',
      data: { previousDueOn: assignment.dueOn, dueOn: requestedDueOn },
    });
  });

  it('refuses extensions past six months, into the past, or not later, and writes nothing', async () => {
    const { clerk, assignment } = await assignedToNewBureau();
    await ctx
      .http()
      .post(`/assignments/${assignment.id}/acknowledge`)
      .set(...bearer(clerk));
    const before = await auditActions(assignment.id);

    const dayPastCap = await ctx
      .http()
      .post(`/assignments/${assignment.id}/extension-request`)
      .set(...bearer(clerk))
      .send({ reason: '需要更多时间', requestedDueOn: addDays(addCalendarMonths(today(), 6), 1) });
    expect(dayPastCap.status).toBe(400);
    expect(dayPastCap.body.code).toBe('EXTENSION_PAST_CAP');
    const wayTooLate = await ctx
      .http()
      .post(`/assignments/${assignment.id}/extension-request`)
      .set(...bearer(clerk))
      .send({ reason: '需要更多时间', requestedDueOn: addCalendarMonths(today(), 7) });
    expect(wayTooLate.status).toBe(400);
    expect(wayTooLate.body).toMatchObject({
      code: 'EXTENSION_PAST_CAP',
      details: { latestAllowed: addCalendarMonths(today(), 6) },
    });
    const notLater = await ctx
      .http()
      .post(`/assignments/${assignment.id}/extension-request`)
      .set(...bearer(clerk))
      .send({ reason: '需要更多时间', requestedDueOn: assignment.dueOn });
    expect(notLater.body.code).toBe('EXTENSION_NOT_LATER');
    const noReason = await ctx
      .http()
      .post(`/assignments/${assignment.id}/extension-request`)
      .set(...bearer(clerk))
      .send({ requestedDueOn: addCalendarMonths(today(), 4) });
    expect(noReason.status).toBe(400);

    const after = await ctx
      .http()
      .get(`/assignments/${assignment.id}`)
      .set(...bearer(clerk));
    expect(after.body).toMatchObject({ status: 'acknowledged', dueOn: assignment.dueOn });
    expect(await auditActions(assignment.id)).toEqual(before);
    expect((await outboxOf(assignment.id)).map((e) => e.event_name)).toEqual([
      'assignment.created',
      'assignment.state_changed',
    ]);
  });

  it('refuses an extension before acknowledging and a rejection without a reason', async () => {
    const { clerk, assignment } = await assignedToNewBureau();
    const early = await ctx
      .http()
      .post(`/assignments/${assignment.id}/extension-request`)
      .set(...bearer(clerk))
      .send({ reason: '需要更多时间', requestedDueOn: addCalendarMonths(today(), 4) });
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('ASSIGNMENT_TRANSITION_REFUSED');
    await ctx
      .http()
      .post(`/assignments/${assignment.id}/acknowledge`)
      .set(...bearer(clerk));
    await ctx
      .http()
      .post(`/assignments/${assignment.id}/extension-request`)
      .set(...bearer(clerk))
      .send({ reason: '需要更多时间', requestedDueOn: addCalendarMonths(today(), 4) });
    const rejected = await ctx
      .http()
      .post(`/assignments/${assignment.id}/extension-request/reject`)
      .set(...bearer(registrar))
      .send({ reason: '可按期办结' });
    expect(rejected.body).toMatchObject({ status: 'acknowledged', dueOn: assignment.dueOn });
  });

  it('lists the bureau’s open items by due date with days left, and tells the story of each', async () => {
    const { bureau, clerk, assignment } = await assignedToNewBureau();
    const proposal2 = await ctx.newProposal(registrar, sessionId);
    await ctx
      .http()
      .post(`/proposals/${proposal2.id}/assignments`)
      .set(...bearer(registrar))
      .send({ assignedOn: '2026-09-29', assignments: [{ bureauId: bureau.id, role: 'lead' }] });
    await ctx
      .http()
      .post(`/assignments/${assignment.id}/acknowledge`)
      .set(...bearer(clerk));

    const open = await ctx
      .http()
      .get('/assignments')
      .query({ open: 'true' })
      .set(...bearer(clerk));
    expect(open.status).toBe(200);
    expect(open.body).toHaveLength(2);
    const [older, newer] = open.body;
    expect(older).toMatchObject({ dueOn: '2026-12-29', acceptedByDefault: true, status: 'assigned' });
    expect(newer).toMatchObject({ id: assignment.id, status: 'acknowledged', acceptedByDefault: false });
    const expectedDaysLeft = Math.round((Date.parse(newer.dueOn) - Date.parse(today())) / 86_400_000);
    expect(newer.daysLeft).toBe(expectedDaysLeft);
    expect(newer.workingDaysLeft).toBeLessThan(newer.daysLeft);
    expect(newer.workingDaysLeft).toBeGreaterThan(0);

    const timeline = await ctx
      .http()
      .get(`/assignments/${assignment.id}/timeline`)
      .set(...bearer(clerk));
    expect(timeline.status).toBe(200);
    expect(timeline.body.map((e: { text: { zh: string } }) => e.text.zh)).toEqual([
      expect.stringMatching(/^交办，办理期限\d{4}-\d{2}-\d{2}，应于\d{4}-\d{2}-\d{2}前签收$/),
      '签收',
    ]);
    expect(timeline.body[1]).toMatchObject({
      actorName: clerk.displayName,
      fromState: 'assigned',
      toState: 'acknowledged',
    });
    const stranger = await ctx.newUser(Role.Clerk);
    expect(
      (
        await ctx
          .http()
          .get(`/assignments/${assignment.id}/timeline`)
          .set(...bearer(stranger))
      ).status,
    ).toBe(404);
  });
});
