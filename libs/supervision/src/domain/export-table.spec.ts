import { defuseFormula, toCsv } from './export-table';

describe('export tables', () => {
  it('writes CSV with a BOM, CRLF and quoting where needed', () => {
    const csv = toCsv({
      title: 't',
      headers: ['承办单位', '逾期天数'],
      rows: [
        ['民政局', 3],
        ['财政局, "综合"', null],
        ['多行\n标题', 0],
      ],
    });
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.subarray(3).toString('utf8')).toBe(
      '承办单位,逾期天数\r\n民政局,3\r\n"财政局, ""综合""",\r\n"多行\n标题",0\r\n',
    );
  });

  it.each([
    ['=HYPERLINK("x")', `'=HYPERLINK("x")`],
    ['+1', `'+1`],
    ['-1', `'-1`],
    ['@SUM(A1)', `'@SUM(A1)`],
    ['关于=的提案', '关于=的提案'],
    ['', ''],
  ])('defuses %s as %s', (text, expected) => {
    expect(defuseFormula(text)).toBe(expected);
  });

  it('keeps negative numbers as numbers', () => {
    expect(
      toCsv({ title: 't', headers: ['n'], rows: [[-2]] })
        .subarray(3)
        .toString(),
    ).toBe('n\r\n-2\r\n');
  });
});
