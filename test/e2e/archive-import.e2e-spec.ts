import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Document, Packer, Paragraph } from 'docx';
import JSZip from 'jszip';
import { Role } from '@dafu/platform/vocabulary';
import { PARSED_FIELDS } from '@dafu/archive/domain/reply-letter-parser';
import { bearer, TestContext, TestUser } from '@dafu/testing';
import { EXPECTED_LETTERS, SEEDS_DIR } from '@dafu/testing/seed-letters';

type Result = {
  file: string;
  status: string;
  failure: string | null;
  letterId: string | null;
  encoding: string | null;
  recovered: Record<string, unknown> | null;
  notRecovered: { field: string; reason: string }[];
};

function seedBytes(file: string): Buffer {
  return readFileSync(join(SEEDS_DIR, file));
}

/** What expected.json says, as the report must show it: non-empty fields recovered, null ones reported missing. */
function expectRecoveredAsExpected(result: Result, file: string) {
  const expected = EXPECTED_LETTERS.find((l) => l.file === file) as unknown as Record<string, unknown>;
  for (const field of PARSED_FIELDS) {
    const value = expected[field];
    const empty = value === null || (Array.isArray(value) && value.length === 0);
    if (empty) {
      expect({ file, field, recovered: result.recovered?.[field] }).toEqual({ file, field, recovered: undefined });
    } else if (field === 'session') {
      expect({ file, field, value: result.recovered?.[field] }).toEqual({
        file,
        field,
        value: expect.objectContaining(value as object),
      });
    } else {
      expect({ file, field, value: result.recovered?.[field] }).toEqual({ file, field, value });
    }
    if (value === null) {
      expect(result.notRecovered.map((n) => n.field)).toContain(field);
    }
  }
}

describe('Archive import of historical reply letters', () => {
  let ctx: TestContext;
  let registrar: TestUser;
  let admin: TestUser;
  let clerk: TestUser;

  beforeAll(async () => {
    ctx = await TestContext.start();
    registrar = await ctx.newUser(Role.Registrar);
    admin = await ctx.newUser(Role.Admin);
    clerk = await ctx.newUser(Role.Clerk);
  });
  afterAll(() => ctx.close());

  function upload(user: TestUser, files: { name: string; content: Buffer }[]) {
    const req = ctx
      .http()
      .post('/archive/imports')
      .set(...bearer(user));
    for (const file of files) req.attach('files', file.content, { filename: file.name });
    return req;
  }

  it('imports the five seed letters as .txt, each parsed as expected.json says, and audits it', async () => {
    const response = await upload(
      registrar,
      EXPECTED_LETTERS.map((l) => ({ name: l.file, content: seedBytes(l.file) })),
    );
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ fileCount: 5, importedCount: 5, failedCount: 0 });
    const results = response.body.results as Result[];
    for (const letter of EXPECTED_LETTERS) {
      const result = results.find((r) => r.file === letter.file) as Result;
      expect(result).toMatchObject({ status: 'imported', failure: null, encoding: 'utf-8' });
      expectRecoveredAsExpected(result, letter.file);
    }

    const report = await ctx
      .http()
      .get(`/archive/imports/${response.body.id}`)
      .set(...bearer(registrar));
    expect(report.status).toBe(200);
    expect(report.body.results).toEqual(response.body.results);

    const sanmenxia = results.find((r) => r.file === 'sanmenxia-cppcc-8-1-146.txt') as Result;
    const letter = await ctx
      .http()
      .get(`/archive/letters/${sanmenxia.letterId}`)
      .set(...bearer(clerk));
    expect(letter.status).toBe(200);
    expect(letter.body).toMatchObject({
      documentNumber: '三民文〔2023〕21号',
      signatory: '李立明',
      grade: 'A',
      proposalNumber: 146,
      sessionBody: 'cppcc',
      sessionTerm: 8,
      sessionSitting: 1,
    });
    expect(letter.body.sections).toHaveLength(5);
    expect(letter.body.sections[0].heading).toBe('完善政策配套，健全养老服务机制');
    expect(letter.body.text).not.toMatch(/bookmark/);

    const audit = await ctx.dataSource.query(
      `SELECT action, data FROM audit_events WHERE entity_type = 'archive_import' AND entity_id = $1`,
      [response.body.id],
    );
    expect(audit).toEqual([{ action: 'archive.imported', data: { files: 5, imported: 5, duplicates: 0, failed: 0 } }]);

    const list = await ctx
      .http()
      .get('/archive/letters?sessionBody=npc')
      .set(...bearer(clerk));
    expect(list.body.items.map((l: { fileName: string }) => l.fileName)).toEqual(['puyang-npc-9-1-269.txt']);
  });

  it('imports the same letters inside a zip: parsed alike, already archived ones reported as duplicates', async () => {
    const zip = new JSZip();
    for (const letter of EXPECTED_LETTERS) zip.file(`letters/${letter.file}`, seedBytes(letter.file));
    const content = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    const response = await upload(admin, [{ name: 'seeds.zip', content }]);
    expect(response.status).toBe(201);
    const results = response.body.results as Result[];
    expect(results).toHaveLength(5);
    for (const letter of EXPECTED_LETTERS) {
      const result = results.find((r) => r.file === `seeds.zip/letters/${letter.file}`) as Result;
      expect(result.status).toBe('duplicate');
      expect(result.letterId).toEqual(expect.any(String));
      expectRecoveredAsExpected(result, letter.file);
    }
  });

  it('reads .docx letters (through mammoth), alone and inside a zip', async () => {
    const docxOf = (file: string) =>
      Packer.toBuffer(
        new Document({
          sections: [
            {
              children: seedBytes(file)
                .toString('utf8')
                .split('\n')
                .map((line) => new Paragraph(line)),
            },
          ],
        }),
      );
    const zip = new JSZip();
    zip.file('benxi.docx', await docxOf('benxi-cppcc-1014.txt'));
    const response = await upload(registrar, [
      { name: 'puyang.docx', content: await docxOf('puyang-npc-9-1-269.txt') },
      { name: 'docx.zip', content: await zip.generateAsync({ type: 'nodebuffer' }) },
    ]);
    expect(response.status).toBe(201);
    const results = response.body.results as Result[];
    expect(results.map((r) => [r.file, r.encoding])).toEqual([
      ['puyang.docx', 'docx'],
      ['docx.zip/benxi.docx', 'docx'],
    ]);
    expectRecoveredAsExpected(results[0], 'puyang-npc-9-1-269.txt');
    expectRecoveredAsExpected(results[1], 'benxi-cppcc-1014.txt');
  });

  it('reads GB18030 (GBK) text and a UTF-8 BOM', async () => {
    // A short letter saved as "ANSI" by Chinese Windows: GB18030 bytes (Node has no encoder for them).
    const gbk = Buffer.from(
      'udjT2rbUytDV/tCtvsW97Lb+tM674dLptdozMDG6xczhsLi1xLTwuLQKwfXP/r6yzq/UsaO6CsT6zOGz9rXEobC52NPat6LVucjVvOTV1cHP1tDQxLXEzOGwuKGx0tHK1c+koaPP1rTwuLTI58/Co7oK0ruhorzTv+zI1bzk1dXBz9bQ0MS9qMnoCsirytDS0b2os8nI1bzk1dXBz9bQ0MQ0Mrj2oaMKtv6horzTx7/Iy7LFttPO6b2oyegKv6rVudH4wM+7pMDt1LHF4NG1oaMK5afR9MrQw/HV/r7WCjIwMjTE6jbUwjTI1Qo=',
      'base64',
    );
    const text = seedBytes('jiaozuo-cppcc-192.txt').toString('utf8').replace('192号', '193号');
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    const response = await upload(registrar, [
      { name: 'gbk.txt', content: gbk },
      { name: 'bom.txt', content: bom },
    ]);
    const [fromGbk, fromBom] = response.body.results as Result[];
    expect(fromGbk).toMatchObject({ status: 'imported', encoding: 'gb18030' });
    expect(fromGbk.recovered).toMatchObject({
      proposalNumber: 301,
      issuer: '濮阳市民政局',
      addressees: { people: ['刘晓静'], title: '委员', organisation: null },
      proposalTitle: '关于发展日间照料中心的提案',
      sectionHeadings: ['加快日间照料中心建设', '加强人才队伍建设'],
      date: '2024-06-04',
    });
    expect(fromBom).toMatchObject({ status: 'imported', encoding: 'utf-8' });
    expect(fromBom.recovered?.proposalNumber).toBe(193);
  });

  it('gives broken, huge and hostile files their own reasons, never a 500', async () => {
    const bombZip = new JSZip();
    bombZip.file('bomb.txt', Buffer.alloc(120 * 1024 * 1024, 0x20));
    const bomb = await bombZip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    const many = new JSZip();
    for (let i = 0; i < 501; i++) many.file(`${i}.txt`, 'x');
    const manyEntries = await many.generateAsync({ type: 'nodebuffer' });
    const nested = new JSZip();
    nested.file('inner.zip', manyEntries);
    nested.file('readme.md', '说明');
    const nestedZip = await nested.generateAsync({ type: 'nodebuffer' });

    const response = await upload(registrar, [
      { name: 'broken.docx', content: Buffer.from('PK\u0003\u0004 this is not a docx') },
      { name: 'huge.txt', content: Buffer.alloc(6 * 1024 * 1024, 0x41) },
      { name: 'bomb.zip', content: bomb },
      { name: 'many.zip', content: manyEntries },
      { name: 'nested.zip', content: nestedZip },
      { name: 'minutes.txt', content: Buffer.from('会议纪要\n今天讨论了工作安排。') },
      { name: 'scan.pdf', content: Buffer.from('%PDF-1.4') },
    ]);
    expect(response.status).toBe(201);
    const byFile = Object.fromEntries((response.body.results as Result[]).map((r) => [r.file, r.failure]));
    expect(byFile).toEqual({
      'broken.docx': 'unreadable_docx',
      'huge.txt': 'file_too_large',
      'bomb.zip': 'archive_too_large',
      'many.zip': 'too_many_entries',
      'nested.zip/inner.zip': 'nested_archive',
      'nested.zip/readme.md': 'unsupported_type',
      'minutes.txt': 'not_a_reply_letter',
      'scan.pdf': 'unsupported_type',
    });
    expect(response.body).toMatchObject({ importedCount: 0, failedCount: 8 });
  });

  it('keeps a good letter when its neighbours hold what the database cannot store', async () => {
    const jiaozuo = seedBytes('jiaozuo-cppcc-192.txt').toString('utf8');
    const response = await upload(registrar, [
      { name: 'nul.txt', content: Buffer.from(jiaozuo.replace('答复', '答\u0000复')) },
      { name: 'number.txt', content: Buffer.from(jiaozuo.replace(/第\s*192\s*号/, '第99999999999号')) },
      { name: 'named\u0000\u202e.txt', content: Buffer.from(jiaozuo.replace('尊敬的', '')) },
    ]);
    expect(response.status).toBe(201);
    const [nul, number, named] = response.body.results as Result[];
    expect(named).toMatchObject({ file: 'named.txt', status: 'imported' });
    expect(nul).toMatchObject({ file: 'nul.txt', status: 'failed', failure: 'binary_content' });
    expect(number).toMatchObject({ file: 'number.txt', status: 'imported' });
    expect(number.notRecovered).toContainEqual(expect.objectContaining({ field: 'proposalNumber' }));
    const letters = await ctx
      .http()
      .get('/archive/letters')
      .query({ page: '1000000000000000000000' })
      .set(...bearer(registrar));
    expect(letters.status).toBe(400);
    const nulQuery = await ctx
      .http()
      .get('/archive/letters')
      .query({ q: 'a\u0000b' })
      .set(...bearer(registrar));
    expect(nulQuery.status).toBe(400);
  });

  it('refuses a request without files, and other roles', async () => {
    const empty = await ctx
      .http()
      .post('/archive/imports')
      .set(...bearer(registrar))
      .send({});
    expect(empty.status).toBe(400);
    expect(empty.body.code).toBe('ARCHIVE_FILES_MISSING');
    const refused = await upload(clerk, [{ name: 'a.txt', content: Buffer.from('x') }]);
    expect(refused.status).toBe(403);
    const missing = await ctx
      .http()
      .get('/archive/letters/00000000-0000-4000-8000-000000000000')
      .set(...bearer(clerk));
    expect(missing.body.code).toBe('ARCHIVED_LETTER_NOT_FOUND');
  });
});
