import { OrganisationKind, Role } from '@dafu/platform/vocabulary';
import { bearer, TestContext, TestUser } from '@dafu/testing';

describe('Assigning proposals to bureaus (交办)', () => {
  let ctx: TestContext;
  let registrar: TestUser;
  let sessionId: string;

  beforeAll(async () => {
    ctx = await TestContext.start();
    registrar = await ctx.newUser(Role.Registrar);
    sessionId = (await ctx.newSession(registrar)).id;
  });
  afterAll(() => ctx.close());

  it('creates lead and co assignments with due dates, moves the proposal to assigned, and audits every step', async () => {
    const [lead, co1, co2] = [await ctx.newBureau(), await ctx.newBureau(), await ctx.newBureau()];
    const proposal = await ctx.newProposal(registrar, sessionId);
    const response = await ctx
      .http()
      .post(`/proposals/${proposal.id}/assignments`)
      .set(...bearer(registrar))
      .send({
        assignedOn: '2023-01-31',
        assignments: [
          { bureauId: lead.id, role: 'lead' },
          { bureauId: co1.id, role: 'co' },
          { bureauId: co2.id, role: 'co' },
        ],
      });
    expect(response.status).toBe(201);
    expect(response.body).toEqual(
      expect.arrayContaining([
        // 31 January + 3 calendar months is the last day of April, not 1 May.
        expect.objectContaining({
          bureauId: lead.id,
          role: 'lead',
          status: 'assigned',
          assignedOn: '2023-01-31',
          dueOn: '2023-04-30',
        }),
        // Co-handling opinions are due within one month: end of February.
        expect.objectContaining({ bureauId: co1.id, role: 'co', dueOn: '2023-02-28' }),
        expect.objectContaining({ bureauId: co2.id, role: 'co', dueOn: '2023-02-28' }),
      ]),
    );

    const after = await ctx
      .http()
      .get(`/proposals/${proposal.id}`)
      .set(...bearer(registrar));
    expect(after.body.status).toBe('assigned');

    const proposalAudit = await ctx
      .http()
      .get('/audit-events')
      .query({ entityType: 'proposal', entityId: proposal.id })
      .set(...bearer(registrar));
    expect(proposalAudit.body.map((e: { action: string }) => e.action)).toEqual([
      'proposal.registered',
      'proposal.assign',
    ]);
    expect(proposalAudit.body[1]).toMatchObject({
      fromState: 'registered',
      toState: 'assigned',
      actorUserId: registrar.id,
    });

    for (const assignment of response.body) {
      const audit = await ctx
        .http()
        .get('/audit-events')
        .query({ entityType: 'assignment', entityId: assignment.id })
        .set(...bearer(registrar));
      expect(audit.body).toEqual([
        expect.objectContaining({ action: 'assignment.created', toState: 'assigned', requestId: expect.any(String) }),
      ]);
    }

    const listed = await ctx
      .http()
      .get(`/proposals/${proposal.id}/assignments`)
      .set(...bearer(registrar));
    expect(listed.body).toHaveLength(3);
    expect(listed.body[0]).toMatchObject({ bureauName: expect.any(String), proposalNumber: proposal.number });
  });

  it('adds a bureau later but never a second lead or the same bureau twice', async () => {
    const [lead, other] = [await ctx.newBureau(), await ctx.newBureau()];
    const { proposal } = await ctx.newAssignedProposal(registrar, sessionId, lead.id);

    const secondLead = await ctx
      .http()
      .post(`/proposals/${proposal.id}/assignments`)
      .set(...bearer(registrar))
      .send({ assignments: [{ bureauId: other.id, role: 'lead' }] });
    expect(secondLead.status).toBe(409);
    expect(secondLead.body.code).toBe('ASSIGNMENT_LEAD_EXISTS');

    const sameBureau = await ctx
      .http()
      .post(`/proposals/${proposal.id}/assignments`)
      .set(...bearer(registrar))
      .send({ assignments: [{ bureauId: lead.id, role: 'co' }] });
    expect(sameBureau.status).toBe(409);
    expect(sameBureau.body.code).toBe('ASSIGNMENT_BUREAU_REPEATED');

    const addCo = await ctx
      .http()
      .post(`/proposals/${proposal.id}/assignments`)
      .set(...bearer(registrar))
      .send({ assignments: [{ bureauId: other.id, role: 'co' }] });
    expect(addCo.status).toBe(201);
    const listed = await ctx
      .http()
      .get(`/proposals/${proposal.id}/assignments`)
      .set(...bearer(registrar));
    expect(listed.body).toHaveLength(2);
  });

  it('refuses co bureaus without a lead, and organisations that are not bureaus', async () => {
    const proposal = await ctx.newProposal(registrar, sessionId);
    const coOnly = await ctx
      .http()
      .post(`/proposals/${proposal.id}/assignments`)
      .set(...bearer(registrar))
      .send({ assignments: [{ bureauId: (await ctx.newBureau()).id, role: 'co' }] });
    expect(coOnly.status).toBe(422);
    expect(coOnly.body.code).toBe('ASSIGNMENT_LEAD_REQUIRED');

    const office = await ctx.newOrganisation(OrganisationKind.SupervisionOffice);
    const notBureau = await ctx
      .http()
      .post(`/proposals/${proposal.id}/assignments`)
      .set(...bearer(registrar))
      .send({ assignments: [{ bureauId: office.id, role: 'lead' }] });
    expect(notBureau.status).toBe(422);
    expect(notBureau.body.code).toBe('ASSIGNMENT_NOT_A_BUREAU');

    // Nothing was half-written: the proposal is still only registered and has no assignments.
    const after = await ctx
      .http()
      .get(`/proposals/${proposal.id}`)
      .set(...bearer(registrar));
    expect(after.body.status).toBe('registered');
    const listed = await ctx
      .http()
      .get(`/proposals/${proposal.id}/assignments`)
      .set(...bearer(registrar));
    expect(listed.body).toHaveLength(0);
  });

  it('assigns separately (分办) to several bureaus, each replying on its own', async () => {
    const proposal = await ctx.newProposal(registrar, sessionId);
    const response = await ctx
      .http()
      .post(`/proposals/${proposal.id}/assignments`)
      .set(...bearer(registrar))
      .send({
        assignedOn: '2023-11-30',
        assignments: [
          { bureauId: (await ctx.newBureau()).id, role: 'separate' },
          { bureauId: (await ctx.newBureau()).id, role: 'separate' },
        ],
      });
    expect(response.status).toBe(201);
    expect(response.body.map((a: { dueOn: string }) => a.dueOn)).toEqual(['2024-02-29', '2024-02-29']);
  });

  it('keeps one lead under concurrent 交办 of the same proposal', async () => {
    const proposal = await ctx.newProposal(registrar, sessionId);
    const bureaus = await Promise.all([ctx.newBureau(), ctx.newBureau(), ctx.newBureau(), ctx.newBureau()]);
    const responses = await Promise.all(
      bureaus.map((b) =>
        ctx
          .http()
          .post(`/proposals/${proposal.id}/assignments`)
          .set(...bearer(registrar))
          .send({ assignments: [{ bureauId: b.id, role: 'lead' }] }),
      ),
    );
    expect(responses.filter((r) => r.status === 201)).toHaveLength(1);
    expect(responses.filter((r) => r.status === 409).every((r) => r.body.code === 'ASSIGNMENT_LEAD_EXISTS')).toBe(true);
  });

  it('defaults the date of 交办 to today in Asia/Shanghai', async () => {
    const proposal = await ctx.newProposal(registrar, sessionId);
    const response = await ctx
      .http()
      .post(`/proposals/${proposal.id}/assignments`)
      .set(...bearer(registrar))
      .send({ assignments: [{ bureauId: (await ctx.newBureau()).id, role: 'lead' }] });
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    expect(response.body[0].assignedOn).toBe(today);
  });
});

describe('Bureau scope', () => {
  let ctx: TestContext;
  let registrar: TestUser;

  beforeAll(async () => {
    ctx = await TestContext.start();
    registrar = await ctx.newUser(Role.Registrar);
  });
  afterAll(() => ctx.close());

  it('never shows a bureau another bureau’s proposals or assignments', async () => {
    const session = await ctx.newSession(registrar);
    const [civilAffairs, finance] = [await ctx.newBureau('民政局甲'), await ctx.newBureau('财政局乙')];
    const civilClerk = await ctx.newUser(Role.Clerk, civilAffairs);
    const financeSignatory = await ctx.newUser(Role.Signatory, finance);
    const ours = await ctx.newAssignedProposal(registrar, session.id, civilAffairs.id);
    const theirs = await ctx.newAssignedProposal(registrar, session.id, finance.id);

    const ownAssignment = await ctx
      .http()
      .get(`/assignments/${ours.assignment.id}`)
      .set(...bearer(civilClerk));
    expect(ownAssignment.status).toBe(200);

    const otherAssignment = await ctx
      .http()
      .get(`/assignments/${theirs.assignment.id}`)
      .set(...bearer(civilClerk));
    expect(otherAssignment.status).toBe(404);
    expect(otherAssignment.body.code).toBe('ASSIGNMENT_NOT_FOUND');
    const otherProposal = await ctx
      .http()
      .get(`/proposals/${theirs.proposal.id}`)
      .set(...bearer(civilClerk));
    expect(otherProposal.status).toBe(404);
    const otherProposalAssignments = await ctx
      .http()
      .get(`/proposals/${theirs.proposal.id}/assignments`)
      .set(...bearer(civilClerk));
    expect(otherProposalAssignments.status).toBe(404);

    const list = await ctx
      .http()
      .get('/assignments')
      .set(...bearer(civilClerk));
    expect(list.body.map((a: { id: string }) => a.id)).toEqual([ours.assignment.id]);
    const filteredToOther = await ctx
      .http()
      .get('/assignments')
      .query({ bureauId: finance.id })
      .set(...bearer(civilClerk));
    expect(filteredToOther.body).toEqual([]);
    const proposals = await ctx
      .http()
      .get('/proposals')
      .set(...bearer(civilClerk));
    expect(proposals.body.items.map((p: { id: string }) => p.id)).toEqual([ours.proposal.id]);
    const proposalsFilteredToOther = await ctx
      .http()
      .get('/proposals')
      .query({ bureauId: finance.id })
      .set(...bearer(civilClerk));
    expect(proposalsFilteredToOther.body.total).toBe(0);

    const financeView = await ctx
      .http()
      .get(`/assignments/${ours.assignment.id}`)
      .set(...bearer(financeSignatory));
    expect(financeView.status).toBe(404);

    const supervisor = await ctx.newUser(Role.Supervisor);
    const cityWide = await ctx
      .http()
      .get('/assignments')
      .set(...bearer(supervisor));
    expect(cityWide.body.map((a: { id: string }) => a.id)).toEqual(
      expect.arrayContaining([ours.assignment.id, theirs.assignment.id]),
    );
  });
});
