import { Workbook } from 'exceljs';
import { DafuError } from '@dafu/platform/errors/dafu-error';
import { ErrorCode } from '@dafu/platform/errors/error-codes';
import { readSheet } from './read-sheet';

const utf8 = (text: string): Buffer => Buffer.from(text, 'utf8');

async function xlsx(build: (workbook: Workbook) => void): Promise<Buffer> {
  const workbook = new Workbook();
  build(workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function failure(promise: Promise<unknown>): Promise<DafuError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DafuError) return error;
    throw error;
  }
  throw new Error('expected readSheet to fail');
}

describe('readSheet', () => {
  describe('CSV', () => {
    it('keys cells by trimmed header and numbers the first data row line 2', async () => {
      const rows = await readSheet(
        utf8(' 编号 ,标题, 提案人\n146, 关于发展教育的提案 ,张三\n147,关于交通的提案,李四\n'),
        '清单.csv',
      );

      expect(rows).toEqual([
        { line: 2, cells: { 编号: '146', 标题: '关于发展教育的提案', 提案人: '张三' } },
        { line: 3, cells: { 编号: '147', 标题: '关于交通的提案', 提案人: '李四' } },
      ]);
    });

    it('strips the UTF-8 byte order mark Excel writes', async () => {
      const file = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8('编号,标题\r\n146,关于教育的提案\r\n')]);

      const rows = await readSheet(file, 'list.csv');

      expect(Object.keys(rows[0].cells)).toEqual(['编号', '标题']);
      expect(rows[0].cells['编号']).toBe('146');
    });

    it('decodes a GBK file as saved by Chinese Excel', async () => {
      // GBK bytes of "编号,标题,提案人\r\n146,关于发展教育的提案,张三、民盟市委\r\n".
      const file = Buffer.from(
        'b1e0bac52cb1eacce22ccce1b0b8c8cb0d0a3134362cb9d8d3dab7a2d5b9bdccd3fdb5c4cce1b0b82cd5c5c8fda1a2c3f1c3cbcad0ceaf0d0a',
        'hex',
      );

      const rows = await readSheet(file, '交办清单.csv');

      expect(rows).toEqual([{ line: 2, cells: { 编号: '146', 标题: '关于发展教育的提案', 提案人: '张三、民盟市委' } }]);
    });

    it('skips blank rows but keeps counting them, as Excel shows them', async () => {
      const rows = await readSheet(utf8('编号,标题\n146,甲\n\n , \n147,乙\n'), 'list.csv');

      expect(rows.map((row) => [row.line, row.cells['编号']])).toEqual([
        [2, '146'],
        [5, '147'],
      ]);
    });

    it('keeps a quoted cell with a line break as one row', async () => {
      const rows = await readSheet(utf8('编号,内容\n146,"第一段\n第二段"\n147,短\n'), 'list.csv');

      expect(rows).toEqual([
        { line: 2, cells: { 编号: '146', 内容: '第一段\n第二段' } },
        { line: 3, cells: { 编号: '147', 内容: '短' } },
      ]);
    });

    it('accepts quotes inside an unquoted cell and rows shorter or longer than the header', async () => {
      const rows = await readSheet(utf8('编号,标题,提案人\n146,关于"双减"的提案\n147,乙,王五,多余\n'), 'list.csv');

      expect(rows).toEqual([
        { line: 2, cells: { 编号: '146', 标题: '关于"双减"的提案', 提案人: '' } },
        { line: 3, cells: { 编号: '147', 标题: '乙', 提案人: '王五' } },
      ]);
    });

    it('keeps the first of two columns with the same header and ignores headerless columns', async () => {
      const rows = await readSheet(utf8('编号,标题,,标题\n146,甲,备注,乙\n'), 'list.csv');

      expect(rows).toEqual([{ line: 2, cells: { 编号: '146', 标题: '甲' } }]);
    });

    it('keeps a row whose only content is under no header, so the clerk hears about it', async () => {
      const rows = await readSheet(utf8('编号,标题\n,,146\n'), 'list.csv');

      expect(rows).toEqual([{ line: 2, cells: { 编号: '', 标题: '' } }]);
    });

    it('matches the extension case-insensitively', async () => {
      await expect(readSheet(utf8('编号\n1\n'), 'LIST.CSV')).resolves.toHaveLength(1);
    });

    it.each([
      ['an empty file', ''],
      ['a header only', '编号,标题,提案人\n'],
      ['only blank rows', '编号,标题\n\n,\n  ,  \n'],
    ])('rejects %s as having no data rows', async (_case, text) => {
      const error = await failure(readSheet(utf8(text), 'list.csv'));

      expect(error.code).toBe(ErrorCode.ImportEmpty);
    });

    it('rejects an unclosed quote as unparsable', async () => {
      const error = await failure(readSheet(utf8('编号,标题\n146,"关于教育\n'), 'list.csv'));

      expect(error.code).toBe(ErrorCode.ImportFormatUnsupported);
      expect(error.details).toEqual({ filename: 'list.csv' });
    });

    it('rejects a spreadsheet renamed to .csv', async () => {
      const file = await xlsx((workbook) => workbook.addWorksheet('清单').addRow(['编号']));

      const error = await failure(readSheet(file, 'list.csv'));

      expect(error.code).toBe(ErrorCode.ImportFormatUnsupported);
    });
  });

  describe('XLSX', () => {
    it('reads the first sheet, turning numbers, dates, rich text, formulas and links into text', async () => {
      const file = await xlsx((workbook) => {
        const sheet = workbook.addWorksheet('交办清单');
        sheet.addRow([' 编号 ', '标题', '提案人', '收到日期', '主办单位', '类别']);
        sheet.addRow([
          146,
          { richText: [{ text: '关于' }, { font: { bold: true }, text: '发展教育' }, { text: '的提案 ' }] },
          '张三',
          new Date(Date.UTC(2023, 6, 13)),
          { text: '市教育局', hyperlink: 'https://example.org/edu' },
          { formula: 'CONCATENATE("教","育")', result: '教育' },
        ]);
        sheet.addRow([]);
        sheet.addRow([147.5, '关于交通的提案', '李四', null, null, true]);
        workbook.addWorksheet('其他').addRow(['不应读取']);
      });

      const rows = await readSheet(file, '交办清单.XLSX');

      expect(rows).toEqual([
        {
          line: 2,
          cells: {
            编号: '146',
            标题: '关于发展教育的提案',
            提案人: '张三',
            收到日期: '2023-07-13',
            主办单位: '市教育局',
            类别: '教育',
          },
        },
        {
          line: 4,
          cells: { 编号: '147.5', 标题: '关于交通的提案', 提案人: '李四', 收到日期: '', 主办单位: '', 类别: 'true' },
        },
      ]);
    });

    it('reads a formula whose result is a date as a date', async () => {
      const file = await xlsx((workbook) => {
        const sheet = workbook.addWorksheet('清单');
        sheet.addRow(['编号', '日期']);
        sheet.addRow([1, { formula: 'DATE(2024,2,29)', result: new Date(Date.UTC(2024, 1, 29)) }]);
      });

      const rows = await readSheet(file, 'list.xlsx');

      expect(rows[0].cells['日期']).toBe('2024-02-29');
    });

    it('rejects a workbook whose first sheet has only a header', async () => {
      const file = await xlsx((workbook) => workbook.addWorksheet('清单').addRow(['编号', '标题']));

      const error = await failure(readSheet(file, 'list.xlsx'));

      expect(error.code).toBe(ErrorCode.ImportEmpty);
    });

    it('rejects bytes that are not a workbook', async () => {
      const error = await failure(readSheet(utf8('编号,标题\n146,甲\n'), 'list.xlsx'));

      expect(error.code).toBe(ErrorCode.ImportFormatUnsupported);
      expect(error.details).toEqual({ filename: 'list.xlsx' });
    });
  });

  it.each(['清单.xls', 'list.txt', 'list.csv.pdf', 'list'])('rejects %s as an unsupported format', async (filename) => {
    const error = await failure(readSheet(utf8('编号\n146\n'), filename));

    expect(error.code).toBe(ErrorCode.ImportFormatUnsupported);
    expect(error.details).toEqual({ filename });
  });
});
