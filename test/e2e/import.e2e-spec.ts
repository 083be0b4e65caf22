import ExcelJS from 'exceljs';
import { Role } from '@dafu/platform/vocabulary';
import { bearer, TestContext, TestUser } from '@dafu/testing';

describe('Bulk import of a 提案委 list', () => {
  let ctx: TestContext;
  let registrar: TestUser;
  let leadBureauName: string;
  let coBureauName: string;

  beforeAll(async () => {
    ctx = await TestContext.start();
    registrar = await ctx.newUser(Role.Registrar);
    leadBureauName = (await ctx.newBureau()).name;
    coBureauName = (await ctx.newBureau()).name;
  });
  afterAll(() => ctx.close());

  async function countProposals(sessionId: string): Promise<number> {
    const response = await ctx
      .http()
      .get('/proposals')
      .query({ sessionId })
      .set(...bearer(registrar));
    return response.body.total as number;
  }

  it('imports a CSV with proposers, lead and co bureaus, and assigns them', async () => {
    const session = await ctx.newSession(registrar);
    const csv = [
      '编号,标题,提案人,类别,主办单位,会办单位',
      `146,关于积极应对人口老龄化国家战略，推动老龄事业和产业发展的提案,姚峥、左锋杰、韩冰,社会事业,${leadBureauName},${coBureauName}`,
      `1014,关于应对人口老龄化加快我市养老机构发展的提案,民盟本溪市委,社会事业,${leadBureauName},`,
      '7,关于暂不交办的提案,张三,,,',
    ].join('\r\n');
    const response = await ctx
      .http()
      .post('/proposals/import')
      .query({ sessionId: session.id, assignedOn: '2023-03-01' })
      .set(...bearer(registrar))
      .attach('file', Buffer.from(`\uFEFF${csv}`, 'utf8'), { filename: '交办清单.csv', contentType: 'text/csv' });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ imported: 3, assignments: 3 });

    const list = await ctx
      .http()
      .get('/proposals')
      .query({ sessionId: session.id })
      .set(...bearer(registrar));
    const [seven, p146, p1014] = list.body.items;
    expect(seven).toMatchObject({ number: 7, status: 'registered' });
    expect(p146).toMatchObject({ number: 146, status: 'assigned', category: '社会事业' });
    expect(p146.proposers.map((p: { name: string; role: string }) => `${p.name}:${p.role}`)).toEqual([
      '姚峥:lead',
      '左锋杰:co_signer',
      '韩冰:co_signer',
    ]);
    expect(p1014.proposers).toEqual([
      expect.objectContaining({ name: '民盟本溪市委', kind: 'organisation', role: 'lead' }),
    ]);

    const assignments = await ctx
      .http()
      .get(`/proposals/${p146.id}/assignments`)
      .set(...bearer(registrar));
    expect(
      assignments.body
        .map((a: { bureauName: string; role: string; dueOn: string }) => [a.bureauName, a.role, a.dueOn])
        .sort(),
    ).toEqual(
      [
        [leadBureauName, 'lead', '2023-06-01'],
        [coBureauName, 'co', '2023-04-01'],
      ].sort(),
    );
  });

  it('imports nothing when one row is bad, and names the row', async () => {
    const session = await ctx.newSession(registrar);
    const csv = [
      '编号,标题,提案人,主办单位',
      `1,关于第一件事的提案,张三,${leadBureauName}`,
      `abc,关于第二件事的提案,李四,${leadBureauName}`,
      `3,关于第三件事的提案,王五,${leadBureauName}`,
    ].join('\n');
    const response = await ctx
      .http()
      .post('/proposals/import')
      .query({ sessionId: session.id })
      .set(...bearer(registrar))
      .attach('file', Buffer.from(csv, 'utf8'), { filename: 'list.csv', contentType: 'text/csv' });
    expect(response.status).toBe(422);
    expect(response.body.code).toBe('IMPORT_ROWS_INVALID');
    expect(response.body.details.problems).toEqual([expect.objectContaining({ line: 3, field: 'number' })]);
    expect(response.body.details.problems[0].zh).toContain('第3行');
    expect(await countProposals(session.id)).toBe(0);
  });

  it('reports unknown bureaus and numbers already registered, all at once', async () => {
    const session = await ctx.newSession(registrar);
    await ctx.newProposal(registrar, session.id, { number: 2 });
    const csv = ['编号,标题,提案人,主办单位', '1,关于甲的提案,张三,不存在的局', '2,关于乙的提案,李四,'].join('\n');
    const response = await ctx
      .http()
      .post('/proposals/import')
      .query({ sessionId: session.id })
      .set(...bearer(registrar))
      .attach('file', Buffer.from(csv, 'utf8'), { filename: 'list.csv' });
    expect(response.status).toBe(422);
    expect(response.body.details.problems.map((p: { line: number; field: string }) => `${p.line}:${p.field}`)).toEqual([
      '2:leadBureau',
      '3:number',
    ]);
    expect(await countProposals(session.id)).toBe(1);
  });

  it('imports an XLSX list', async () => {
    const session = await ctx.newSession(registrar);
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('交办清单');
    sheet.addRow(['提案号', '案由', '提案人', '主办单位', '收到日期']);
    sheet.addRow([
      228,
      '关于发展养老事业和养老产业，加强养老服务保障的提案',
      '刘晓静',
      leadBureauName,
      new Date(Date.UTC(2024, 0, 15)),
    ]);
    sheet.addRow([229, '关于另一件事的提案', '赵六，钱七', '', '']);
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
    const response = await ctx
      .http()
      .post('/proposals/import')
      .query({ sessionId: session.id })
      .set(...bearer(registrar))
      .attach('file', buffer, { filename: '交办清单.xlsx' });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ imported: 2, assignments: 1 });
    const list = await ctx
      .http()
      .get('/proposals')
      .query({ sessionId: session.id, number: 228 })
      .set(...bearer(registrar));
    expect(list.body.items[0]).toMatchObject({
      title: '关于发展养老事业和养老产业，加强养老服务保障的提案',
      receivedOn: '2024-01-15',
      status: 'assigned',
    });
  });

  it('refuses a request without a file, and files that are not lists', async () => {
    const session = await ctx.newSession(registrar);
    const noFile = await ctx
      .http()
      .post('/proposals/import')
      .query({ sessionId: session.id })
      .set(...bearer(registrar))
      .send({});
    expect(noFile.status).toBe(400);
    expect(noFile.body.code).toBe('IMPORT_FILE_MISSING');
    const pdf = await ctx
      .http()
      .post('/proposals/import')
      .query({ sessionId: session.id })
      .set(...bearer(registrar))
      .attach('file', Buffer.from('%PDF-1.7'), { filename: 'letter.pdf' });
    expect(pdf.status).toBe(415);
    expect(pdf.body.code).toBe('IMPORT_FORMAT_UNSUPPORTED');
    const headerOnly = await ctx
      .http()
      .post('/proposals/import')
      .query({ sessionId: session.id })
      .set(...bearer(registrar))
      .attach('file', Buffer.from('编号,标题,提案人\n'), { filename: 'empty.csv' });
    expect(headerOnly.status).toBe(422);
    expect(headerOnly.body.code).toBe('IMPORT_EMPTY');
  });

  it('lets only the registrar of the session’s body import', async () => {
    const session = await ctx.newSession(registrar);
    const clerk = await ctx.newUser(Role.Clerk);
    const response = await ctx
      .http()
      .post('/proposals/import')
      .query({ sessionId: session.id })
      .set(...bearer(clerk))
      .attach('file', Buffer.from('编号,标题,提案人\n1,题目,张三\n'), { filename: 'list.csv' });
    expect(response.status).toBe(403);
  });
});
