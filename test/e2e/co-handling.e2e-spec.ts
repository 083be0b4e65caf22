import { Role } from '@dafu/platform/vocabulary';
import { bearer, TestContext, TestUser, today } from '@dafu/testing';

describe('Co-handling (会办), separate handling (分办) and talks with proposers (沟通)', () => {
  let ctx: TestContext;
  let registrar: TestUser;
  let sessionId: string;

  beforeAll(async () => {
    ctx = await TestContext.start();
    registrar = await ctx.newUser(Role.Registrar);
    sessionId = (await ctx.newSession(registrar)).id;
  });
  afterAll(() => ctx.close());

  async function bureauWithStaff() {
    const bureau = await ctx.newBureau();
    return { bureau, clerk: await ctx.newUser(Role.Clerk, bureau), reviewer: await ctx.newUser(Role.Reviewer, bureau) };
  }

  /** A proposal with one lead and two co bureaus, all acknowledged. */
  async function coHandledProposal() {
    const lead = await bureauWithStaff();
    const coA = await bureauWithStaff();
    const coB = await bureauWithStaff();
    const { assignments } = await ctx.newProposalAssignedTo(registrar, sessionId, [
      { bureauId: lead.bureau.id, role: 'lead' },
      { bureauId: coA.bureau.id, role: 'co' },
      { bureauId: coB.bureau.id, role: 'co' },
    ]);
    const ids = { lead: assignments[0].id, coA: assignments[1].id, coB: assignments[2].id };
    for (const [staff, id] of [
      [lead, ids.lead],
      [coA, ids.coA],
      [coB, ids.coB],
    ] as const) {
      expect(
        (
          await ctx
            .http()
            .post(`/assignments/${id}/acknowledge`)
            .set(...bearer(staff.clerk))
        ).status,
      ).toBe(200);
    }
    return { lead, coA, coB, ids };
  }

  it('a co bureau drafts its opinion, its reviewer sends it, and the lead reads it', async () => {
    const { lead, coA, ids } = await coHandledProposal();

    const draft = await ctx
      .http()
      .put(`/assignments/${ids.coA}/opinion`)
      .set(...bearer(coA.clerk))
      .send({ body: '我局同意主办单位的办理思路，补充资金保障意见如下。' });
    expect(draft.status).toBe(200);
    expect(draft.body).toMatchObject({ status: 'draft', body: '我局同意主办单位的办理思路，补充资金保障意见如下。' });

    const leadSeesDraft = await ctx
      .http()
      .get(`/assignments/${ids.lead}/co-opinions`)
      .set(...bearer(lead.clerk));
    expect(leadSeesDraft.body.find((o: { assignmentId: string }) => o.assignmentId === ids.coA)).toMatchObject({
      status: 'draft',
      body: null,
    });

    const byClerk = await ctx
      .http()
      .post(`/assignments/${ids.coA}/opinion/send`)
      .set(...bearer(coA.clerk));
    expect(byClerk.status).toBe(403);
    const sent = await ctx
      .http()
      .post(`/assignments/${ids.coA}/opinion/send`)
      .set(...bearer(coA.reviewer));
    expect(sent.status).toBe(200);
    expect(sent.body).toMatchObject({ status: 'sent', sentAt: expect.any(String) });
    const coAssignment = await ctx
      .http()
      .get(`/assignments/${ids.coA}`)
      .set(...bearer(coA.clerk));
    expect(coAssignment.body.status).toBe('opinion_sent');

    const afterSend = await ctx
      .http()
      .put(`/assignments/${ids.coA}/opinion`)
      .set(...bearer(coA.clerk))
      .send({ body: '改一下' });
    expect(afterSend.status).toBe(409);

    const leadView = await ctx
      .http()
      .get(`/assignments/${ids.lead}/co-opinions`)
      .set(...bearer(lead.clerk));
    expect(leadView.body).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          assignmentId: ids.coA,
          status: 'sent',
          body: '我局同意主办单位的办理思路，补充资金保障意见如下。',
        }),
        expect.objectContaining({ assignmentId: ids.coB, status: 'missing', body: null }),
      ]),
    );
  });

  it('refuses to send an empty opinion and keeps co bureaus out of each other’s drafts', async () => {
    const { coA, coB, ids } = await coHandledProposal();
    const empty = await ctx
      .http()
      .post(`/assignments/${ids.coA}/opinion/send`)
      .set(...bearer(coA.reviewer));
    expect(empty.status).toBe(400);
    expect(empty.body.code).toBe('CO_OPINION_EMPTY');
    await ctx
      .http()
      .put(`/assignments/${ids.coA}/opinion`)
      .set(...bearer(coA.clerk))
      .send({ body: '草稿' });
    const other = await ctx
      .http()
      .get(`/assignments/${ids.coA}/opinion`)
      .set(...bearer(coB.clerk));
    expect(other.status).toBe(404);
  });

  it('lets the lead waive a missing opinion only with a reason', async () => {
    const { lead, coA, coB, ids } = await coHandledProposal();
    const noReason = await ctx
      .http()
      .post(`/assignments/${ids.lead}/co-opinions/${ids.coB}/waive`)
      .set(...bearer(lead.clerk))
      .send({});
    expect(noReason.status).toBe(400);
    const byCo = await ctx
      .http()
      .post(`/assignments/${ids.coA}/co-opinions/${ids.coB}/waive`)
      .set(...bearer(coA.clerk))
      .send({ reason: '无' });
    expect(byCo.status).toBe(409);
    expect(byCo.body.code).toBe('CO_OPINION_NOT_APPLICABLE');

    const waived = await ctx
      .http()
      .post(`/assignments/${ids.lead}/co-opinions/${ids.coB}/waive`)
      .set(...bearer(lead.reviewer))
      .send({ reason: '会办单位逾期未反馈，经电话沟通同意由主办单位直接答复' });
    expect(waived.status).toBe(200);
    expect(waived.body).toMatchObject({
      status: 'waived',
      waiveReason: '会办单位逾期未反馈，经电话沟通同意由主办单位直接答复',
    });
    const late = await ctx
      .http()
      .put(`/assignments/${ids.coB}/opinion`)
      .set(...bearer(coB.clerk))
      .send({ body: '迟到的意见' });
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('CO_OPINION_CLOSED');
  });

  it('lets each separate bureau handle and acknowledge on its own', async () => {
    const a = await bureauWithStaff();
    const b = await bureauWithStaff();
    const { proposal, assignments } = await ctx.newProposalAssignedTo(registrar, sessionId, [
      { bureauId: a.bureau.id, role: 'separate' },
      { bureauId: b.bureau.id, role: 'separate' },
    ]);
    await ctx
      .http()
      .post(`/assignments/${assignments[0].id}/acknowledge`)
      .set(...bearer(a.clerk));
    const listed = await ctx
      .http()
      .get(`/proposals/${proposal.id}/assignments`)
      .set(...bearer(registrar));
    expect(listed.body.map((x: { status: string }) => x.status).sort()).toEqual(['acknowledged', 'assigned']);
    const proposalNow = await ctx
      .http()
      .get(`/proposals/${proposal.id}`)
      .set(...bearer(registrar));
    expect(proposalNow.body.status).toBe('assigned');
  });

  it('logs talks with the proposer, never in the future, and only on the bureau’s own item', async () => {
    const { lead, coA, ids } = await coHandledProposal();
    const logged = await ctx
      .http()
      .post(`/assignments/${ids.lead}/contacts`)
      .set(...bearer(lead.clerk))
      .send({
        occurredOn: today(),
        method: 'phone',
        participants: '姚峥委员；承办人王丽',
        summary: '电话沟通办理思路，委员表示认可',
      });
    expect(logged.status).toBe(201);
    expect(logged.body).toMatchObject({ method: 'phone', occurredOn: today() });

    const future = await ctx
      .http()
      .post(`/assignments/${ids.lead}/contacts`)
      .set(...bearer(lead.clerk))
      .send({ occurredOn: '2999-01-01', method: 'visit', participants: '某人', summary: '拜访' });
    expect(future.status).toBe(400);
    expect(future.body.code).toBe('CONTACT_IN_THE_FUTURE');
    const badMethod = await ctx
      .http()
      .post(`/assignments/${ids.lead}/contacts`)
      .set(...bearer(lead.clerk))
      .send({ occurredOn: today(), method: 'pigeon', participants: '某人', summary: '拜访' });
    expect(badMethod.status).toBe(400);
    const otherBureau = await ctx
      .http()
      .post(`/assignments/${ids.lead}/contacts`)
      .set(...bearer(coA.clerk))
      .send({ occurredOn: today(), method: 'visit', participants: '某人', summary: '拜访' });
    expect(otherBureau.status).toBe(404);

    const list = await ctx
      .http()
      .get(`/assignments/${ids.lead}/contacts`)
      .set(...bearer(registrar));
    expect(list.body).toHaveLength(1);
  });
});
