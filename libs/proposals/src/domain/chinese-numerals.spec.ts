import { chineseNumeral } from './chinese-numerals';

const DIGIT_VALUES: Record<string, number> = {
  零: 0,
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** An independent reader of 0..999 in Chinese numerals, to check every value chineseNumeral writes. */
function readChineseNumeral(text: string): number {
  if (text === '零') return 0;
  let total = 0;
  let digit: number | null = null;
  for (const char of text) {
    if (char === '百') {
      if (digit === null) throw new Error(`百 without a digit in ${text}`);
      total += digit * 100;
      digit = null;
    } else if (char === '十') {
      total += (digit ?? 1) * 10;
      digit = null;
    } else if (char === '零') {
      if (digit !== null) throw new Error(`零 after a digit in ${text}`);
    } else if (char in DIGIT_VALUES) {
      if (digit !== null) throw new Error(`two digits in a row in ${text}`);
      digit = DIGIT_VALUES[char];
    } else {
      throw new Error(`not a numeral character: ${char} in ${text}`);
    }
  }
  return total + (digit ?? 0);
}

describe('chineseNumeral', () => {
  it.each([
    [0, '零'],
    [1, '一'],
    [2, '二'],
    [8, '八'],
    [9, '九'],
    [10, '十'],
    [11, '十一'],
    [14, '十四'],
    [19, '十九'],
    [20, '二十'],
    [21, '二十一'],
    [30, '三十'],
    [99, '九十九'],
    [100, '一百'],
    [101, '一百零一'],
    [105, '一百零五'],
    [109, '一百零九'],
    [110, '一百一十'],
    [111, '一百一十一'],
    [115, '一百一十五'],
    [119, '一百一十九'],
    [120, '一百二十'],
    [146, '一百四十六'],
    [192, '一百九十二'],
    [200, '二百'],
    [228, '二百二十八'],
    [230, '二百三十'],
    [269, '二百六十九'],
    [305, '三百零五'],
    [310, '三百一十'],
    [900, '九百'],
    [990, '九百九十'],
    [999, '九百九十九'],
  ])('%i is %s', (n, text) => {
    expect(chineseNumeral(n)).toBe(text);
  });

  it.each([-1, -0.5, 1000, 1001, 10000, 1.5, 99.9, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])(
    'refuses %p with a RangeError',
    (n) => {
      expect(() => chineseNumeral(n)).toThrow(RangeError);
    },
  );

  const ALL = Array.from({ length: 1000 }, (_, n) => n);

  it('writes every number from 0 to 999 so that it reads back as itself', () => {
    for (const n of ALL) expect([n, readChineseNumeral(chineseNumeral(n))]).toEqual([n, n]);
  });

  it('never writes the same text for two numbers', () => {
    const texts = ALL.map(chineseNumeral);
    expect(new Set(texts).size).toBe(1000);
  });

  it('writes 10..19 without a leading 一, but keeps 一十 after a hundred', () => {
    for (let n = 10; n < 20; n += 1) expect(chineseNumeral(n).startsWith('十')).toBe(true);
    for (let h = 1; h < 10; h += 1) {
      for (let n = h * 100 + 10; n < h * 100 + 20; n += 1) expect(chineseNumeral(n)).toContain('百一十');
    }
  });

  it('uses 零 only for zero itself and for a missing tens digit, never at the end', () => {
    for (const n of ALL) {
      const text = chineseNumeral(n);
      const hasZero = text.includes('零');
      const expectedZero = n === 0 || (n > 100 && n % 100 > 0 && n % 100 < 10);
      expect([n, hasZero]).toEqual([n, expectedZero]);
      if (n > 0) expect(text.endsWith('零')).toBe(false);
    }
  });

  it('writes 二 (not 两) before 百', () => {
    expect(chineseNumeral(200)).toBe('二百');
    for (const n of ALL) expect(chineseNumeral(n)).not.toContain('两');
  });
});
