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
