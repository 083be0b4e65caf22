import { decodeCsv, parseCsv, previewOf, rowProblemsOf } from './sheet';

describe('parseCsv', () => {
  it('reads quoted cells with commas, doubled quotes and line breaks, and bare quotes inside a cell', () => {
    expect(parseCsv('编号,标题\r\n146,"关于""双减"",作业的提案"\n147,关于"双减"的提案\n148,"两行\n标题"')).toEqual([
      ['编号', '标题'],
      ['146', '关于"双减",作业的提案'],
      ['147', '关于"双减"的提案'],
      ['148', '两行\n标题'],
    ]);
  });
});

describe('decodeCsv', () => {
  it('reads UTF-8 (without its BOM) and falls back to GB18030', () => {
    expect(decodeCsv(new TextEncoder().encode('\uFEFF编号').buffer as ArrayBuffer)).toBe('编号');
    // 编号 in GBK
    expect(decodeCsv(new Uint8Array([0xb1, 0xe0, 0xba, 0xc5]).buffer)).toBe('编号');
  });
});

describe('previewOf', () => {
  it('skips blank rows but keeps the line numbers Excel shows', () => {
    expect(
      previewOf([
        ['编号', '标题'],
        ['146', '甲'],
        ['', ' '],
        ['147', '乙', '多余'],
      ]),
    ).toEqual({
      headers: ['编号', '标题'],
      rows: [
        { line: 2, cells: ['146', '甲'] },
        { line: 4, cells: ['147', '乙'] },
      ],
    });
  });
});

describe('rowProblemsOf', () => {
  it('takes the problems of an IMPORT_ROWS_INVALID body and nothing else', () => {
    const problem = { line: 3, field: 'title', zh: '第3行：缺少标题', en: 'Line 3: title missing' };
    expect(rowProblemsOf({ code: 'IMPORT_ROWS_INVALID', details: { problems: [problem, { line: 'x' }] } })).toEqual([
      problem,
    ]);
    expect(rowProblemsOf({ code: 'IMPORT_EMPTY' })).toEqual([]);
    expect(rowProblemsOf(null)).toEqual([]);
  });
});
