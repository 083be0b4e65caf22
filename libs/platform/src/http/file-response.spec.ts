import { contentDisposition } from './file-response';

describe('contentDisposition', () => {
  it('names the file in RFC 5987 with an ASCII fallback', () => {
    expect(contentDisposition('attachment', '督查统计(全部)_2023-06-10.xlsx', 'supervision-statistics.xlsx')).toBe(
      'attachment; filename="supervision-statistics.xlsx"; filename*=UTF-8\'\'%E7%9D%A3%E6%9F%A5%E7%BB%9F%E8%AE%A1%28%E5%85%A8%E9%83%A8%29_2023-06-10.xlsx',
    );
    expect(contentDisposition('attachment', 'a.csv', 'a"b\\c中.csv')).toBe(
      `attachment; filename="a_b_c_.csv"; filename*=UTF-8''a.csv`,
    );
  });

  it('gives only the RFC 5987 name when there is no fallback, inline or as an attachment', () => {
    expect(contentDisposition('inline', '三民文〔2023〕21号.pdf')).toBe(
      `inline; filename*=UTF-8''${encodeURIComponent('三民文〔2023〕21号.pdf')}`,
    );
    expect(contentDisposition('attachment', "it's.pdf")).toBe(`attachment; filename*=UTF-8''it%27s.pdf`);
  });
});
