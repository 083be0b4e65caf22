import ExcelJS from 'exceljs';
import { Role } from '@dafu/platform/vocabulary';
import { bearer, TestContext, TestUser } from '@dafu/testing';

interface PreviewRow {
  line: number;
  number: number | null;
  title: string | null;
  kind: string;
  proposers: { name: string; kind: string }[];
  leadBureau: string | null;
  coBureaus: string[];
  problems: { line: number; field: string; code: string; zh: string; en: string }[];
}

describe('Preview (dry run) of a 提案委 list import', () => {
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

  function send(path: 'preview' | 'import', sessionId: string, file: Buffer, filename: string, user = registrar) {
    return ctx
      .http()
      .post(path === 'preview' ? '/proposals/import/preview' : '/proposals/import')
      .query({ sessionId })
      .set(...bearer(user))
      .attach('file', file, { filename });
  }

  function codesByLine(rows: PreviewRow[]): [number, string[]][] {
    return rows.map((row) => [row.line, row.problems.map((p) => `${p.field}:${p.code}`)]);
  }

  it('previews a CSV row by row, with the problems the import would refuse it for, and writes nothing', async () => {
    const session = await ctx.newSession(registrar);
    await ctx.newProposal(registrar, session.id, { number: 9 });
    const csv = [
      '编号,标题,提案人,主办单位,会办单位',
      `146,关于养老的提案,姚峥、民盟本溪市委,${leadBureauName},${coBureauName}`,
      ',,',
      `abc,关于第二件事的提案,李四,${leadBureauName},`,
      '9,关于已登记的提案,王五,,',
      '10,,赵六,不存在的局,',
      '146,关于重复编号的提案,钱七,,',
    ].join('\r\n');
    const before = await countProposals(session.id);
    const response = await send('preview', session.id, Buffer.from(`\uFEFF${csv}`, 'utf8'), '交办清单.csv');

    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      filename: '交办清单.csv',
      importable: false,
      counts: { rows: 5, valid: 1, withProblems: 4, alreadyRegistered: 1, problems: 5 },
      fileProblems: [],
    });
    const rows = response.body.rows as PreviewRow[];
    // Line 3 is blank: skipped, but the lines after it keep the numbers Excel shows.
    expect(codesByLine(rows)).toEqual([
      [2, []],
      [4, ['number:NUMBER_INVALID']],
      [5, ['number:NUMBER_TAKEN']],
      [6, ['title:TITLE_EMPTY', 'leadBureau:BUREAU_UNKNOWN']],
      [7, ['number:NUMBER_REPEATED']],
    ]);
    expect(rows[0]).toMatchObject({
      number: 146,
      title: '关于养老的提案',
      kind: 'proposal',
      proposers: [
        { name: '姚峥', kind: 'person' },
        { name: '民盟本溪市委', kind: 'organisation' },
      ],
      leadBureau: leadBureauName,
      coBureaus: [coBureauName],
    });
    expect(rows[1]).toMatchObject({ number: null, title: '关于第二件事的提案' });
    expect(rows[3].problems[1]).toEqual({
      line: 6,
      field: 'leadBureau',
      code: 'BUREAU_UNKNOWN',
      zh: '第6行：主办单位“不存在的局”不是系统中的承办单位',
      en: 'Line 6: "不存在的局" is not a bureau known to Dafu',
    });
    expect(await countProposals(session.id)).toBe(before);

    // The import refuses the same file for the same problems.
    const refused = await send('import', session.id, Buffer.from(csv, 'utf8'), '交办清单.csv');
    expect(refused.status).toBe(422);
    expect(refused.body.details.problems).toEqual(rows.flatMap((row) => row.problems));
  });

  it('previews an XLSX list, then the import of the same file registers its rows', async () => {
    const session = await ctx.newSession(registrar);
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('交办清单');
    sheet.addRow(['提案号', '案由', '提案人', '主办单位', '收到日期']);
    sheet.addRow([228, '关于发展养老事业的提案', '刘晓静', leadBureauName, new Date(Date.UTC(2024, 0, 15))]);
    sheet.addRow([229, '关于另一件事的提案', '赵六，钱七', '', '']);
    const good = Buffer.from(await workbook.xlsx.writeBuffer());

    const preview = await send('preview', session.id, good, '交办清单.xlsx');
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({
      importable: true,
      counts: { rows: 2, valid: 2, withProblems: 0, alreadyRegistered: 0, problems: 0 },
    });
    expect(preview.body.rows[0]).toMatchObject({
      line: 2,
      number: 228,
      receivedOn: '2024-01-15',
      leadBureau: leadBureauName,
      problems: [],
    });
    expect(await countProposals(session.id)).toBe(0);

    sheet.addRow([230, '关于日期的提案', '孙八', '', '2023-02-30']);
    const bad = await send('preview', session.id, Buffer.from(await workbook.xlsx.writeBuffer()), 'bad.xlsx');
    expect(bad.status).toBe(200);
    expect(bad.body.counts).toMatchObject({ rows: 3, valid: 2, withProblems: 1 });
    expect(codesByLine(bad.body.rows)).toEqual([
      [2, []],
      [3, []],
      [4, ['receivedOn:RECEIVED_ON_INVALID']],
    ]);
    expect(await countProposals(session.id)).toBe(0);

    const imported = await send('import', session.id, good, '交办清单.xlsx');
    expect(imported.status).toBe(201);
    expect(imported.body).toMatchObject({ imported: 2, assignments: 1 });
    expect(await countProposals(session.id)).toBe(2);

    // Previewed again, every number is now taken.
    const again = await send('preview', session.id, good, '交办清单.xlsx');
    expect(again.body).toMatchObject({ importable: false, counts: { alreadyRegistered: 2, valid: 0 } });
  });

  it('reports header problems as file problems', async () => {
    const session = await ctx.newSession(registrar);
    const response = await send('preview', session.id, Buffer.from('编号,案由\n1,题目\n'), 'list.csv');
    expect(response.status).toBe(200);
    expect(response.body.importable).toBe(false);
    expect(response.body.counts).toMatchObject({ rows: 1, valid: 0 });
    expect(response.body.fileProblems).toEqual([
      expect.objectContaining({ line: 1, field: 'header', code: 'HEADER_MISSING' }),
    ]);
  });

  it('refuses the files the import refuses, with the same codes', async () => {
    const session = await ctx.newSession(registrar);
    const noFile = await ctx
      .http()
      .post('/proposals/import/preview')
      .query({ sessionId: session.id })
      .set(...bearer(registrar))
      .send({});
    expect([noFile.status, noFile.body.code]).toEqual([400, 'IMPORT_FILE_MISSING']);
    const pdf = await send('preview', session.id, Buffer.from('%PDF-1.7'), 'letter.pdf');
    expect([pdf.status, pdf.body.code]).toEqual([415, 'IMPORT_FORMAT_UNSUPPORTED']);
    const headerOnly = await send('preview', session.id, Buffer.from('编号,标题,提案人\n'), 'empty.csv');
    expect([headerOnly.status, headerOnly.body.code]).toEqual([422, 'IMPORT_EMPTY']);
    const tooLarge = await send('preview', session.id, Buffer.alloc(10 * 1024 * 1024 + 1, 'a'), 'big.csv');
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body.code).toBe('PAYLOAD_TOO_LARGE');
    const noSession = await ctx
      .http()
      .post('/proposals/import/preview')
      .query({ sessionId: 'x' })
      .set(...bearer(registrar))
      .attach('file', Buffer.from('编号,标题,提案人\n1,题目,张三\n'), { filename: 'list.csv' });
    expect(noSession.status).toBe(400);
  });

  it('lets only the registrar preview', async () => {
    const session = await ctx.newSession(registrar);
    const clerk = await ctx.newUser(Role.Clerk);
    const response = await send(
      'preview',
      session.id,
      Buffer.from('编号,标题,提案人\n1,题目,张三\n'),
      'list.csv',
      clerk,
    );
    expect(response.status).toBe(403);
    expect(response.body.code).toBe('FORBIDDEN');
  });
});
