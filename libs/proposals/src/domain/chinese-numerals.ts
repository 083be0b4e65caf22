const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 14 → 十四, 20 → 二十, 99 → 九十九: how terms, sittings and section numbers are written. */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 999) throw new RangeError(`chineseNumeral supports 0..999, got ${n}`);
  if (n < 10) return DIGITS[n];
  if (n < 20) return `十${n % 10 === 0 ? '' : DIGITS[n % 10]}`;
  if (n < 100) return `${DIGITS[Math.floor(n / 10)]}十${n % 10 === 0 ? '' : DIGITS[n % 10]}`;
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  if (rest === 0) return `${DIGITS[hundreds]}百`;
  if (rest < 10) return `${DIGITS[hundreds]}百零${DIGITS[rest]}`;
  return `${DIGITS[hundreds]}百${rest < 20 ? '一' : ''}${chineseNumeral(rest)}`;
}

const DIGIT_VALUES: Record<string, number> = {
  零: 0,
  〇: 0,
  '○': 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/**
 * 八 → 8, 十四 → 14, 二十 → 20, 一百零二 → 102, 14 → 14; digit-by-digit (二〇二三 → 2023) when
 * there is no 十/百. Null when it is not a numeral.
 */
export function parseChineseNumber(text: string): number | null {
  const s = text.trim().replace(/[０-９]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
  if (s === '') return null;
  if (/^\d+$/.test(s)) return Number(s);
  if (![...s].every((ch) => ch in DIGIT_VALUES || ch === '十' || ch === '百')) return null;
  if (!s.includes('十') && !s.includes('百')) {
    return Number([...s].map((ch) => DIGIT_VALUES[ch]).join(''));
  }
  let total = 0;
  let pending: number | null = null;
  let lastUnit = Infinity;
  for (const ch of s) {
    if (ch in DIGIT_VALUES) {
      // 一百零二: 零 only marks the missing tens.
      if (DIGIT_VALUES[ch] === 0 && pending === null && total > 0) continue;
      if (pending !== null) return null;
      pending = DIGIT_VALUES[ch];
      continue;
    }
    const unit = ch === '百' ? 100 : 10;
    if (unit >= lastUnit) return null;
    total += (pending ?? 1) * unit;
    pending = null;
    lastUnit = unit;
  }
  return total + (pending ?? 0);
}
