import { OrganisationKind, Role } from '@dafu/platform/vocabulary';
import { bearer, TestContext, TestUser } from '@dafu/testing';

describe('Proposal registry', () => {
  let ctx: TestContext;
  let registrar: TestUser;
  let npcRegistrar: TestUser;

  beforeAll(async () => {
    ctx = await TestContext.start();
    registrar = await ctx.newUser(Role.Registrar);
    npcRegistrar = await ctx.newUser(Role.Registrar, await ctx.newOrganisation(OrganisationKind.NpcCommittee));
  });
  afterAll(() => ctx.close());

  describe('sessions', () => {
    it('creates a session named the way the letters name it', async () => {
      const response = await ctx
        .http()
        .post('/sessions')
        .set(...bearer(registrar))
        .send({ body: 'cppcc', term: 8, sitting: 1, year: 2023 });
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({
        body: 'cppcc',
        term: 8,
        sitting: 1,
        year: 2023,
        name: '市政协八届一次会议',
      });

      const npc = await ctx
        .http()
        .post('/sessions')
        .set(...bearer(npcRegistrar))
        .send({ body: 'npc', term: 9, sitting: 1, year: 2023 });
      expect(npc.status).toBe(201);
      expect(npc.body.name).toBe('市九届人大一次会议');

      const listed = await ctx
        .http()
        .get('/sessions')
        .set(...bearer(registrar));
      expect(listed.body.map((s: { name: string }) => s.name)).toEqual(
        expect.arrayContaining(['市政协八届一次会议', '市九届人大一次会议']),
      );
    });

    it('refuses the same session twice with a clear 409', async () => {
      await ctx
        .http()
        .post('/sessions')
        .set(...bearer(registrar))
        .send({ body: 'cppcc', term: 30, sitting: 2, year: 2024 });
      const again = await ctx
        .http()
        .post('/sessions')
        .set(...bearer(registrar))
        .send({ body: 'cppcc', term: 30, sitting: 2, year: 2024 });
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('SESSION_ALREADY_EXISTS');
    });

    it('lets each committee register only its own body', async () => {
      const response = await ctx
        .http()
        .post('/sessions')
        .set(...bearer(npcRegistrar))
        .send({ body: 'cppcc', term: 31, sitting: 1, year: 2024 });
      expect(response.status).toBe(403);
      expect(response.body.code).toBe('FORBIDDEN');
    });

    it('refuses bad input field by field, in both languages, without writing anything', async () => {
      const response = await ctx
        .http()
        .post('/sessions')
        .set(...bearer(registrar))
        .send({ body: 'parliament', term: 0, year: 'soon', extra: 1 });
      expect(response.status).toBe(400);
      expect(response.body.code).toBe('VALIDATION_FAILED');
      const fields = response.body.details.fields.map((f: { field: string }) => f.field);
      expect(fields).toEqual(expect.arrayContaining(['body', 'term', 'sitting', 'year', 'extra']));
      expect(response.body.details.fields[0].zh).toEqual(expect.any(String));
      expect(response.body.details.fields[0].en).toEqual(expect.any(String));
    });

    it('answers malformed JSON with a coded 400, not a 500', async () => {
      const response = await ctx
        .http()
        .post('/sessions')
        .set(...bearer(registrar))
        .set('content-type', 'application/json')
        .send('{"body":');
      expect(response.status).toBe(400);
      expect(response.body.code).toBe('VALIDATION_FAILED');
    });

    it('deletes an empty session but not one that holds proposals', async () => {
      const empty = await ctx.newSession(registrar);
      expect(
        (
          await ctx
            .http()
            .delete(`/sessions/${empty.id}`)
            .set(...bearer(registrar))
        ).status,
      ).toBe(204);
      expect(
        (
          await ctx
            .http()
            .get(`/sessions/${empty.id}`)
            .set(...bearer(registrar))
        ).status,
      ).toBe(404);

      const full = await ctx.newSession(registrar);
      await ctx.newProposal(registrar, full.id);
      const refused = await ctx
        .http()
        .delete(`/sessions/${full.id}`)
        .set(...bearer(registrar));
      expect(refused.status).toBe(409);
      expect(refused.body.code).toBe('SESSION_HAS_PROPOSALS');
    });
  });

  describe('proposals', () => {
    let sessionId: string;
    beforeAll(async () => {
      sessionId = (await ctx.newSession(registrar)).id;
    });

    it('registers a proposal with its lead proposer and co-signers', async () => {
      const response = await ctx
        .http()
        .post('/proposals')
        .set(...bearer(registrar))
        .send({
          sessionId,
          number: 146,
          title: '关于积极应对人口老龄化国家战略，推动老龄事业和产业发展的提案',
          category: '社会事业',
          receivedOn: '2023-01-12',
          proposers: [{ name: '姚峥', phone: '13800000000' }, { name: '左锋杰' }, { name: '韩冰' }],
        });
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({
        number: 146,
        kind: 'proposal',
        status: 'registered',
        receivedOn: '2023-01-12',
        version: 1,
        proposers: [
          { position: 1, role: 'lead', kind: 'person', name: '姚峥', phone: '13800000000' },
          { position: 2, role: 'co_signer', name: '左锋杰' },
          { position: 3, role: 'co_signer', name: '韩冰' },
        ],
      });

      const audit = await ctx
        .http()
        .get('/audit-events')
        .query({ entityType: 'proposal', entityId: response.body.id })
        .set(...bearer(registrar));
      expect(audit.body).toEqual([
        expect.objectContaining({ action: 'proposal.registered', actorUserId: registrar.id, toState: 'registered' }),
      ]);
    });

    it('refuses a number already used in the session with a 409 naming it', async () => {
      await ctx.newProposal(registrar, sessionId, { number: 500 });
      const duplicate = await ctx
        .http()
        .post('/proposals')
        .set(...bearer(registrar))
        .send({ sessionId, number: 500, title: '另一件提案', proposers: [{ name: '李四' }] });
      expect(duplicate.status).toBe(409);
      expect(duplicate.body).toMatchObject({ code: 'PROPOSAL_NUMBER_TAKEN', details: { number: 500 } });
      expect(duplicate.body.messages.zh).toContain('编号');

      const other = await ctx.newSession(registrar);
      const sameNumberElsewhere = await ctx
        .http()
        .post('/proposals')
        .set(...bearer(registrar))
        .send({ sessionId: other.id, number: 500, title: '另一件提案', proposers: [{ name: '李四' }] });
      expect(sameNumberElsewhere.status).toBe(201);
    });

    it('refuses a 建议 in a CPPCC session', async () => {
      const response = await ctx
        .http()
        .post('/proposals')
        .set(...bearer(registrar))
        .send({ sessionId, number: 501, kind: 'suggestion', title: '题目', proposers: [{ name: '王五' }] });
      expect(response.status).toBe(422);
      expect(response.body.code).toBe('PROPOSAL_KIND_MISMATCH');
    });

    it('refuses a proposal without proposers, or naming one twice', async () => {
      const none = await ctx
        .http()
        .post('/proposals')
        .set(...bearer(registrar))
        .send({ sessionId, number: 502, title: '题目', proposers: [] });
      expect(none.status).toBe(400);
      expect(none.body.details.fields[0].field).toBe('proposers');
      const twice = await ctx
        .http()
        .post('/proposals')
        .set(...bearer(registrar))
        .send({ sessionId, number: 503, title: '题目', proposers: [{ name: '王五' }, { name: '王五' }] });
      expect(twice.status).toBe(400);
      expect(twice.body.details.fields[0].zh).toContain('王五');
      const nested = await ctx
        .http()
        .post('/proposals')
        .set(...bearer(registrar))
        .send({ sessionId, number: 504, title: '题目', proposers: [{ name: '' }] });
      expect(nested.body.details.fields[0].field).toBe('proposers.0.name');
    });

    it('updates with optimistic locking: a stale version gets 409', async () => {
      const proposal = await ctx.newProposal(registrar, sessionId);
      const first = await ctx
        .http()
        .patch(`/proposals/${proposal.id}`)
        .set(...bearer(registrar))
        .send({ version: 1, title: '修改后的标题' });
      expect(first.status).toBe(200);
      expect(first.body).toMatchObject({ title: '修改后的标题', version: 2 });
      const stale = await ctx
        .http()
        .patch(`/proposals/${proposal.id}`)
        .set(...bearer(registrar))
        .send({ version: 1, title: '过时的修改' });
      expect(stale.status).toBe(409);
      expect(stale.body.code).toBe('STALE_VERSION');
      const current = await ctx
        .http()
        .get(`/proposals/${proposal.id}`)
        .set(...bearer(registrar));
      expect(current.body.title).toBe('修改后的标题');
    });

    it('lists with filters, title search and pagination totals', async () => {
      const session = await ctx.newSession(registrar);
      for (let n = 1; n <= 7; n += 1) {
        await ctx.newProposal(registrar, session.id, {
          number: n,
          title: n % 2 ? `关于养老服务的提案${n}` : `关于交通的提案${n}`,
        });
      }
      const page1 = await ctx
        .http()
        .get('/proposals')
        .query({ sessionId: session.id, pageSize: 3 })
        .set(...bearer(registrar));
      expect(page1.body).toMatchObject({ total: 7, page: 1, pageSize: 3 });
      expect(page1.body.items.map((p: { number: number }) => p.number)).toEqual([1, 2, 3]);
      const page3 = await ctx
        .http()
        .get('/proposals')
        .query({ sessionId: session.id, pageSize: 3, page: 3 })
        .set(...bearer(registrar));
      expect(page3.body.items.map((p: { number: number }) => p.number)).toEqual([7]);

      const search = await ctx
        .http()
        .get('/proposals')
        .query({ sessionId: session.id, q: '养老' })
        .set(...bearer(registrar));
      expect(search.body.total).toBe(4);
      const percent = await ctx
        .http()
        .get('/proposals')
        .query({ sessionId: session.id, q: '%' })
        .set(...bearer(registrar));
      expect(percent.body.total).toBe(0);
      const byStatus = await ctx
        .http()
        .get('/proposals')
        .query({ sessionId: session.id, status: 'assigned' })
        .set(...bearer(registrar));
      expect(byStatus.body.total).toBe(0);
      const badFilter = await ctx
        .http()
        .get('/proposals')
        .query({ status: 'lost' })
        .set(...bearer(registrar));
      expect(badFilter.status).toBe(400);
    });

    it('deletes a registration mistake, but an assigned proposal only by withdrawal', async () => {
      const mistake = await ctx.newProposal(registrar, sessionId);
      expect(
        (
          await ctx
            .http()
            .delete(`/proposals/${mistake.id}`)
            .set(...bearer(registrar))
        ).status,
      ).toBe(204);
      const bureau = await ctx.newBureau();
      const { proposal } = await ctx.newAssignedProposal(registrar, sessionId, bureau.id);
      const refused = await ctx
        .http()
        .delete(`/proposals/${proposal.id}`)
        .set(...bearer(registrar));
      expect(refused.status).toBe(409);
      expect(refused.body.code).toBe('PROPOSAL_HAS_ASSIGNMENTS');
    });

    it('says "not found" for an unknown id and 400 for a malformed one', async () => {
      const unknown = await ctx
        .http()
        .get('/proposals/00000000-0000-4000-8000-000000000000')
        .set(...bearer(registrar));
      expect(unknown.status).toBe(404);
      expect(unknown.body.code).toBe('PROPOSAL_NOT_FOUND');
      const malformed = await ctx
        .http()
        .get('/proposals/not-a-uuid')
        .set(...bearer(registrar));
      expect(malformed.status).toBe(400);
    });
  });
});
