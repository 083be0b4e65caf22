/**
 * 文号 as GB/T 9704 writes it: prefix, year in 六角括号 〔〕, sequence without leading zeros, 号.
 * e.g. 三民文〔2023〕21号.
 */
export function formatDocumentNumber(prefix: string, year: number, sequence: number): string {
  const trimmed = checkDocumentNumberSeries(prefix, year);
  if (!Number.isInteger(sequence) || sequence < 1) {
    throw new RangeError(`Sequence must be a positive integer: ${sequence}`);
  }
  return `${trimmed}〔${year}〕${sequence}号`;
}

/** A series is a bureau prefix and a year; returns the trimmed prefix, or throws when either is unusable. */
export function checkDocumentNumberSeries(prefix: string, year: number): string {
  const trimmed = prefix.trim();
  if (trimmed === '') throw new RangeError('A document number needs its bureau prefix');
  if (!Number.isInteger(year) || year < 1949 || year > 2200) throw new RangeError(`Implausible year: ${year}`);
  return trimmed;
}

const DOCUMENT_NUMBER = /^(.+?)\s*[〔［[（(](\d{4})[〕］\]）)]\s*第?0*(\d+)号$/;

/** Reads a 文号 back, accepting the brackets people type by mistake ([] () 〔〕) and a stray 第. */
export function parseDocumentNumber(text: string): { prefix: string; year: number; sequence: number } | null {
  const match = DOCUMENT_NUMBER.exec(text.trim());
  if (!match) return null;
  const sequence = Number(match[3]);
  if (sequence < 1) return null;
  return { prefix: match[1].trim(), year: Number(match[2]), sequence };
}
