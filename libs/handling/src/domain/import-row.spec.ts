import {
  checkImportRows,
  IMPORT_COLUMNS,
  importableRows,
  ImportProblemCode,
  importProblems,
  parseProposalNumber,
  parseReceivedOn,
  proposerKind,
  splitNames,
  type ImportedRow,
  type RowProblem,
  type SheetRow,
} from './import-row';

const VALID: Record<string, string> = { 编号: '146', 标题: '关于发展职业教育的提案', 提案人: '张三' };

/** What the import takes from a file: the rows it would register and every problem. */
function parseImportRows(rows: SheetRow[]): { rows: ImportedRow[]; problems: RowProblem[] } {
  const check = checkImportRows(rows);
  return { rows: importableRows(check), problems: importProblems(check) };
}

/** Rows numbered from line 2, each the valid row with some cells changed. */
function sheet(...changes: Record<string, string>[]): SheetRow[] {
  return changes.map((change, index) => ({
    line: index + 2,
    cells: { ...VALID, 编号: String(146 + index), ...change },
  }));
}

function only(rows: SheetRow[]): ImportedRow {
  const result = parseImportRows(rows);
  expect(result.problems).toEqual([]);
  expect(result.rows).toHaveLength(1);
  return result.rows[0];
}

function problemsOf(rows: SheetRow[]): RowProblem[] {
  const result = parseImportRows(rows);
  expect(result.problems).not.toEqual([]);
  return result.problems;
}

describe('checkImportRows', () => {
  it('turns a complete row into an import candidate', () => {
    const row = only([
      {
        line: 2,
        cells: {
          编号: '第146号',
          标题: '关于发展职业教育的提案',
          提案人: '民盟市委、张三，李四',
          类别: '教育',
          主办单位: '市教育局',
          会办单位: '市财政局、市人社局',
          分办单位: '',
          内容: '职业教育是……',
          收到日期: '2023年7月13日',
          备注: '不导入',
        },
      },
    ]);

    expect(row).toEqual({
      line: 2,
      number: 146,
      title: '关于发展职业教育的提案',
      body: '职业教育是……',
      category: '教育',
      receivedOn: '2023-07-13',
      proposers: [
        { name: '民盟市委', kind: 'organisation' },
        { name: '张三', kind: 'person' },
        { name: '李四', kind: 'person' },
      ],
      leadBureau: '市教育局',
      coBureaus: ['市财政局', '市人社局'],
      separateBureaus: [],
    });
  });

  it('leaves optional columns null or empty when absent or blank', () => {
    expect(only(sheet({ 类别: '', 内容: ' ' }))).toMatchObject({
      body: null,
      category: null,
      receivedOn: null,
      leadBureau: null,
      coBureaus: [],
      separateBureaus: [],
    });
  });

  describe('headers', () => {
    it.each([
      [
        'Chinese',
        {
          提案号: '7',
          案由: '关于交通的提案',
          委员: '王五',
          主办: '市交通局',
          协办单位: '市公安局',
          提交日期: '2024/3/1',
        },
      ],
      [
        'English, any case',
        {
          NUMBER: '7',
          Title: '关于交通的提案',
          proposers: '王五',
          LEAD: '市交通局',
          coBureaus: '市公安局',
          receivedon: '2024/3/1',
        },
      ],
    ])('accepts %s aliases', (_case, cells) => {
      expect(only([{ line: 2, cells }])).toMatchObject({
        number: 7,
        title: '关于交通的提案',
        proposers: [{ name: '王五', kind: 'person' }],
        leadBureau: '市交通局',
        coBureaus: ['市公安局'],
        receivedOn: '2024-03-01',
      });
    });

    it('reports every missing required column once, on line 1, and imports nothing', () => {
      const result = parseImportRows([
        { line: 2, cells: { 案由: '关于交通的提案', 备注: 'x' } },
        { line: 3, cells: { 案由: '乙' } },
      ]);

      expect(result.rows).toEqual([]);
      expect(result.problems).toEqual([
        expect.objectContaining({ line: 1, field: 'header', zh: expect.stringMatching(/^第1行：缺少“编号”列/) }),
        expect.objectContaining({ line: 1, field: 'header', zh: expect.stringMatching(/^第1行：缺少“提案人”列/) }),
      ]);
      expect(result.problems[0].zh).toContain('编号、提案号、建议号、案号、number');
      expect(result.problems[0].en).toMatch(/^Line 1: missing the number column/);
      expect(result.problems.map((p) => p.code)).toEqual([
        ImportProblemCode.HeaderMissing,
        ImportProblemCode.HeaderMissing,
      ]);
    });

    it('reports two columns meaning the same thing instead of guessing', () => {
      const result = parseImportRows(sheet({ 领衔人: '李四' }));

      expect(result.rows).toEqual([]);
      expect(result.problems).toEqual([
        {
          line: 1,
          field: 'header',
          code: ImportProblemCode.HeaderDuplicate,
          zh: '第1行：“提案人”和“领衔人”两列都表示提案人，请只保留一列',
          en: 'Line 1: columns "提案人" and "领衔人" both mean proposers; keep only one',
        },
      ]);
    });

    it('still checks the rows when the header is wrong, so the whole file can be fixed at once', () => {
      const problems = problemsOf([{ line: 2, cells: { 编号: 'abc', 标题: '' } }]);

      expect(problems.map((problem) => [problem.line, problem.field])).toEqual([
        [1, 'header'],
        [2, 'number'],
        [2, 'title'],
      ]);
    });
  });

  describe('number', () => {
    it.each([
      ['146', 146],
      ['146号', 146],
      ['第146号', 146],
      ['第 146 号', 146],
      ['１４６', 146],
      ['0146', 146],
    ])('accepts %s as %d', (cell, number) => {
      expect(only(sheet({ 编号: cell })).number).toBe(number);
    });

    it.each(['abc', '0', '-3', '146.5', '1e3', '第一百四十六号', '146-1', '99999999999'])('rejects %s', (cell) => {
      expect(problemsOf(sheet({}, {}, {}, { 编号: cell }))).toEqual([
        {
          line: 5,
          field: 'number',
          code: ImportProblemCode.NumberInvalid,
          zh: `第5行：编号“${cell}”不是正整数`,
          en: `Line 5: number "${cell}" is not a positive integer`,
        },
      ]);
    });

    it('names the column as the file does', () => {
      expect(problemsOf([{ line: 2, cells: { 提案号: 'x', 标题: '甲', 提案人: '张三' } }])[0].zh).toBe(
        '第2行：提案号“x”不是正整数',
      );
    });

    it('requires a number', () => {
      expect(problemsOf(sheet({ 编号: '' }))).toEqual([
        {
          line: 2,
          field: 'number',
          code: ImportProblemCode.NumberEmpty,
          zh: '第2行：编号为空',
          en: 'Line 2: number is empty',
        },
      ]);
    });

    it('reports a repeated number on the later line, naming the earlier one', () => {
      const result = parseImportRows(sheet({ 编号: '146' }, { 编号: '147' }, { 编号: '第146号' }));

      expect(result.problems).toEqual([
        {
          line: 4,
          field: 'number',
          code: ImportProblemCode.NumberRepeated,
          zh: '第4行：编号146与第2行重复',
          en: 'Line 4: number 146 is already used on line 2',
        },
      ]);
      expect(result.rows.map((row) => row.line)).toEqual([2, 3]);
    });
  });

  describe('title', () => {
    it('requires a title', () => {
      expect(problemsOf(sheet({ 标题: '' }))).toEqual([
        {
          line: 2,
          field: 'title',
          code: ImportProblemCode.TitleEmpty,
          zh: '第2行：标题为空',
          en: 'Line 2: title is empty',
        },
      ]);
    });

    it('accepts 300 characters and rejects 301', () => {
      expect(only(sheet({ 标题: '提'.repeat(300) })).title).toHaveLength(300);
      expect(problemsOf(sheet({ 标题: '提'.repeat(301) }))).toEqual([
        {
          line: 2,
          field: 'title',
          code: ImportProblemCode.TitleTooLong,
          zh: '第2行：标题超过300字（现有301字）',
          en: 'Line 2: title is longer than 300 characters (301)',
        },
      ]);
    });

    it('counts characters, not UTF-16 units', () => {
      expect(only(sheet({ 标题: '𠀀'.repeat(300) })).title).toBe('𠀀'.repeat(300));
    });
  });

  describe('proposers', () => {
    it.each([
      ['张三、李四、王五', ['张三', '李四', '王五']],
      ['张三，李四,王五', ['张三', '李四', '王五']],
      ['张三；李四;王五', ['张三', '李四', '王五']],
      ['张三/李四／王五', ['张三', '李四', '王五']],
      ['张三  李四\u3000王五', ['张三', '李四', '王五']],
      ['张三、、李四、', ['张三', '李四']],
      ['张三、李四、张三', ['张三', '李四']],
    ])('splits %s', (cell, names) => {
      expect(only(sheet({ 提案人: cell })).proposers.map((proposer) => proposer.name)).toEqual(names);
    });

    it.each(['', '、，;'])('requires at least one proposer (%p)', (cell) => {
      expect(problemsOf(sheet({ 提案人: cell }))).toEqual([
        {
          line: 2,
          field: 'proposers',
          code: ImportProblemCode.ProposersEmpty,
          zh: '第2行：提案人为空',
          en: 'Line 2: no proposer given',
        },
      ]);
    });
  });

  describe('receivedOn', () => {
    it.each([
      ['2023-07-13', '2023-07-13'],
      ['2023/7/13', '2023-07-13'],
      ['2023.7.3', '2023-07-03'],
      ['2023年7月13日', '2023-07-13'],
      ['2024-02-29', '2024-02-29'],
    ])('accepts %s', (cell, date) => {
      expect(only(sheet({ 收到日期: cell })).receivedOn).toBe(date);
    });

    it.each(['2023-02-29', '2023/13/1', '2023.4.31', '2023-07/13', '13/7/2023', '7月13日', 'yesterday'])(
      'rejects %s',
      (cell) => {
        expect(problemsOf(sheet({ 收到日期: cell }))).toEqual([
          {
            line: 2,
            field: 'receivedOn',
            code: ImportProblemCode.ReceivedOnInvalid,
            zh: `第2行：收到日期“${cell}”不是有效日期，请写成2023-07-13或2023年7月13日`,
            en: `Line 2: received date "${cell}" is not a valid date; write it as 2023-07-13 or 2023年7月13日`,
          },
        ]);
      },
    );
  });

  describe('bureaus', () => {
    it('splits co and separate bureaus like proposers', () => {
      expect(
        only(sheet({ 主办单位: '市教育局', 会办单位: '市财政局，市人社局', 分办单位: '甲区政府 乙区政府' })),
      ).toMatchObject({
        leadBureau: '市教育局',
        coBureaus: ['市财政局', '市人社局'],
        separateBureaus: ['甲区政府', '乙区政府'],
      });
    });

    it('accepts separate bureaus without a lead bureau', () => {
      expect(only(sheet({ 分办单位: '甲区政府、乙区政府' })).separateBureaus).toEqual(['甲区政府', '乙区政府']);
    });

    it('allows only one lead bureau', () => {
      expect(problemsOf(sheet({ 主办单位: '市教育局、市财政局' }))).toEqual([
        {
          line: 2,
          field: 'leadBureau',
          code: ImportProblemCode.LeadBureauMultiple,
          zh: '第2行：主办单位只能有一个，现填了“市教育局、市财政局”',
          en: 'Line 2: only one lead bureau is allowed, got "市教育局、市财政局"',
        },
      ]);
    });

    it('requires a lead bureau when there are co bureaus', () => {
      expect(problemsOf(sheet({ 会办单位: '市财政局' }))).toEqual([
        {
          line: 2,
          field: 'coBureaus',
          code: ImportProblemCode.CoBureausWithoutLead,
          zh: '第2行：填写了会办单位，必须同时填写主办单位',
          en: 'Line 2: co-handling bureaus need a lead bureau',
        },
      ]);
    });

    it.each([
      [
        { 主办单位: '市教育局', 会办单位: '市教育局' },
        'coBureaus',
        '主办单位和会办单位',
        'lead bureau and co-handling bureaus',
      ],
      [
        { 主办单位: '市教育局', 分办单位: '市教育局' },
        'separateBureaus',
        '主办单位和分办单位',
        'lead bureau and separately handling bureaus',
      ],
      [
        { 主办单位: '市财政局', 会办单位: '市教育局', 分办单位: '市教育局' },
        'separateBureaus',
        '会办单位和分办单位',
        'co-handling bureaus and separately handling bureaus',
      ],
    ])('lets a bureau appear only once in a row (%o)', (cells, field, zhColumns, enColumns) => {
      expect(problemsOf(sheet(cells))).toEqual([
        {
          line: 2,
          field,
          code: ImportProblemCode.BureauRepeated,
          zh: `第2行：“市教育局”同时出现在${zhColumns}中，同一单位只能出现一次`,
          en: `Line 2: "市教育局" appears in both ${enColumns}; a bureau may appear only once`,
        },
      ]);
    });

    it('quietly drops a bureau repeated within one cell', () => {
      expect(only(sheet({ 主办单位: '市教育局', 会办单位: '市财政局、市财政局' })).coBureaus).toEqual(['市财政局']);
    });
  });

  it('collects every problem of every row and keeps only the valid rows', () => {
    const result = parseImportRows(
      sheet(
        { 编号: 'x', 标题: '', 提案人: '' },
        {},
        { 收到日期: '2023-02-30', 会办单位: '市财政局' },
        { 编号: '147', 主办单位: '甲局、乙局' },
      ),
    );

    expect(result.problems.map((problem) => [problem.line, problem.field])).toEqual([
      [2, 'number'],
      [2, 'title'],
      [2, 'proposers'],
      [4, 'receivedOn'],
      [4, 'coBureaus'],
      [5, 'number'],
      [5, 'leadBureau'],
    ]);
    expect(result.problems.every((problem) => problem.zh.startsWith(`第${problem.line}行：`))).toBe(true);
    expect(result.problems.every((problem) => problem.en.startsWith(`Line ${problem.line}: `))).toBe(true);
    expect(result.rows.map((row) => row.line)).toEqual([3]);
  });

  it('returns nothing for no rows', () => {
    expect(checkImportRows([])).toEqual({ headerProblems: [], rows: [] });
  });

  it('keeps every row, bad ones too, with what could be read and its own problems', () => {
    const check = checkImportRows(sheet({ 编号: 'x', 主办单位: '市教育局' }, { 标题: '', 提案人: '民盟市委' }, {}));

    expect(check.headerProblems).toEqual([]);
    expect(check.rows.map((row) => [row.line, row.number, row.title, row.problems.map((p) => p.code)])).toEqual([
      [2, null, '关于发展职业教育的提案', [ImportProblemCode.NumberInvalid]],
      [3, 147, null, [ImportProblemCode.TitleEmpty]],
      [4, 148, '关于发展职业教育的提案', []],
    ]);
    expect(check.rows[0].leadBureau).toBe('市教育局');
    expect(check.rows[1].proposers).toEqual([{ name: '民盟市委', kind: 'organisation' }]);
    expect(importableRows(check).map((row) => row.line)).toEqual([4]);
  });

  it('imports no row while the header is wrong, though the rows are still read', () => {
    const check = checkImportRows(sheet({ 领衔人: '李四' }));

    expect(check.headerProblems.map((p) => p.code)).toEqual([ImportProblemCode.HeaderDuplicate]);
    expect(check.rows).toHaveLength(1);
    expect(check.rows[0].problems).toEqual([]);
    expect(importableRows(check)).toEqual([]);
  });
});

describe('proposerKind', () => {
  it.each([
    '民革本溪市委',
    '民盟市委',
    '民建本溪市委会',
    '民进支部',
    '农工党市委',
    '致公党',
    '九三学社本溪市委',
    '台盟',
    '市工商联',
    '中共本溪市委',
    '社会和法制委员会',
    '文史专委会',
    '市妇女联合会',
    '市总工会',
    '市科学技术协会',
    '经济界',
    '医卫界别小组',
    '民主党派支部',
    '中共党组',
  ])('treats %s as an organisation', (name) => {
    expect(proposerKind(name)).toBe('organisation');
  });

  it.each(['张三', '欧阳建国', '李界明', '王委员'])('treats %s as a person', (name) => {
    expect(proposerKind(name)).toBe('person');
  });
});

describe('helpers', () => {
  it('splitNames drops empties and repeats', () => {
    expect(splitNames(' 甲 、乙,, 甲 ')).toEqual(['甲', '乙']);
  });

  it('parseProposalNumber returns null for non-numbers', () => {
    expect(parseProposalNumber('第146号')).toBe(146);
    expect(parseProposalNumber('号')).toBeNull();
  });

  it('parseReceivedOn returns null for impossible dates', () => {
    expect(parseReceivedOn('2023年7月13日')).toBe('2023-07-13');
    expect(parseReceivedOn('2100-02-29')).toBeNull();
  });
});

describe('IMPORT_COLUMNS', () => {
  it('requires exactly number, title and proposers', () => {
    expect(IMPORT_COLUMNS.filter((column) => column.required).map((column) => column.field)).toEqual([
      'number',
      'title',
      'proposers',
    ]);
  });

  it('gives every header alias to one column only, Chinese first', () => {
    const aliases = IMPORT_COLUMNS.flatMap((column) => column.headers.map((header) => header.toLowerCase()));
    expect(new Set(aliases).size).toBe(aliases.length);
    expect(IMPORT_COLUMNS.every((column) => /^[\u4e00-\u9fff]+$/u.test(column.headers[0]))).toBe(true);
  });
});

describe('a separate 附议人 column', () => {
  it('adds the co-signers after the lead named in 领衔人', () => {
    const { rows, problems } = parseImportRows([
      { line: 2, cells: { 编号: '146', 标题: '关于养老的提案', 领衔人: '姚峥', 附议人: '左锋杰、韩冰、姚峥' } },
    ]);
    expect(problems).toEqual([]);
    expect(rows[0].proposers.map((p) => p.name)).toEqual(['姚峥', '左锋杰', '韩冰']);
  });
});
