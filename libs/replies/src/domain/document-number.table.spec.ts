import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkDocumentNumberSeries, formatDocumentNumber, parseDocumentNumber } from './document-number';

const SANMENXIA_LETTER = join(__dirname, '../../../../test/fixtures/seeds/sanmenxia-cppcc-8-1-146.txt');

describe('formatDocumentNumber', () => {
  it('writes the number exactly as the real 三门峡 reply letter prints it', () => {
    const letter = readFileSync(SANMENXIA_LETTER, 'utf8');
    const numberLine = letter.split('\n').find((line) => line.includes('签发人'));
    expect(numberLine).toBeDefined();
    expect(formatDocumentNumber('三民文', 2023, 21)).toBe('三民文〔2023〕21号');
    expect(numberLine!.trim().startsWith(formatDocumentNumber('三民文', 2023, 21))).toBe(true);
  });

  it.each([
    ['三民文', 2023, 1, '三民文〔2023〕1号'],
    ['三民文', 2023, 9, '三民文〔2023〕9号'],
    ['三民文', 2023, 10, '三民文〔2023〕10号'],
    ['三民文', 2023, 100, '三民文〔2023〕100号'],
    ['焦民文', 2024, 1, '焦民文〔2024〕1号'],
    ['本政办函', 2022, 1014, '本政办函〔2022〕1014号'],
    ['本人社', 2021, 76, '本人社〔2021〕76号'],
    [' 濮民文 ', 2023, 305, '濮民文〔2023〕305号'],
    ['\t三民文\n', 2023, 21, '三民文〔2023〕21号'],
    ['三民文', 1949, 1, '三民文〔1949〕1号'],
    ['三民文', 2200, 1, '三民文〔2200〕1号'],
  ])('%p, %i, %i → %s', (prefix, year, sequence, expected) => {
    expect(formatDocumentNumber(prefix, year, sequence)).toBe(expected);
  });

  it('uses the 六角括号 〔〕, not square brackets or parentheses', () => {
    const text = formatDocumentNumber('三民文', 2023, 21);
    expect(text).toContain('〔2023〕');
    expect(text).not.toMatch(/[[\]()（）［］]/);
  });

  it('never pads the sequence with zeros', () => {
    expect(formatDocumentNumber('三民文', 2023, 5)).not.toContain('05');
  });

  it.each([
    ['blank prefix', '', 2023, 1],
    ['whitespace prefix', '   ', 2023, 1],
    ['full-width space prefix', '\u3000', 2023, 1],
    ['sequence 0', '三民文', 2023, 0],
    ['negative sequence', '三民文', 2023, -3],
    ['fractional sequence', '三民文', 2023, 1.5],
    ['NaN sequence', '三民文', 2023, Number.NaN],
    ['infinite sequence', '三民文', 2023, Number.POSITIVE_INFINITY],
    ['two-digit year', '三民文', 23, 1],
    ['year before 1949', '三民文', 1948, 1],
    ['year after 2200', '三民文', 2201, 1],
    ['fractional year', '三民文', 2023.5, 1],
    ['NaN year', '三民文', Number.NaN, 1],
  ])('refuses a %s', (_name, prefix, year, sequence) => {
    expect(() => formatDocumentNumber(prefix, year, sequence)).toThrow(RangeError);
  });
});

describe('checkDocumentNumberSeries', () => {
  it.each([
    ['三民文', 2023, '三民文'],
    ['  三民文 ', 2023, '三民文'],
    ['本政办函', 1949, '本政办函'],
  ])('accepts %p in %i as %p', (prefix, year, trimmed) => {
    expect(checkDocumentNumberSeries(prefix, year)).toBe(trimmed);
  });

  it.each([
    ['', 2023],
    [' ', 2023],
    ['三民文', 0],
    ['三民文', 1948],
    ['三民文', 2201],
    ['三民文', 2023.1],
  ])('refuses %p in %p', (prefix, year) => {
    expect(() => checkDocumentNumberSeries(prefix, year)).toThrow(RangeError);
  });
});

describe('parseDocumentNumber', () => {
  const SANMENXIA = { prefix: '三民文', year: 2023, sequence: 21 };

  it.each([
    ['三民文〔2023〕21号', SANMENXIA],
    ['三民文[2023]21号', SANMENXIA],
    ['三民文(2023)21号', SANMENXIA],
    ['三民文（2023）21号', SANMENXIA],
    ['三民文［2023］21号', SANMENXIA],
    ['三民文〔2023〕第21号', SANMENXIA],
    ['三民文[2023]第21号', SANMENXIA],
    ['三民文（2023）第21号', SANMENXIA],
    ['三民文［2023］第21号', SANMENXIA],
    ['三民文〔2023〕021号', SANMENXIA],
    ['三民文〔2023〕第0021号', SANMENXIA],
    ['  三民文〔2023〕21号  ', SANMENXIA],
    ['三民文 〔2023〕 21号', SANMENXIA],
    ['本政办函〔2022〕1014号', { prefix: '本政办函', year: 2022, sequence: 1014 }],
    ['本人社〔2021〕76号', { prefix: '本人社', year: 2021, sequence: 76 }],
    ['焦民文〔2024〕1号', { prefix: '焦民文', year: 2024, sequence: 1 }],
    ['三民文〔2023〕10号', { prefix: '三民文', year: 2023, sequence: 10 }],
  ])('reads %p', (text, expected) => {
    expect(parseDocumentNumber(text)).toEqual(expected);
  });

  it.each([
    '',
    '   ',
    '三民文',
    '三民文2023年21号',
    '三民文〔2023〕21',
    '三民文〔2023〕号',
    '三民文〔2023〕0号',
    '三民文〔2023〕000号',
    '三民文〔2023〕第号',
    '三民文〔23〕21号',
    '三民文〔20233〕21号',
    '三民文2023〕21号',
    '三民文〔2023〕二十一号',
    '三民文〔二〇二三〕21号',
    '三民文〔2023〕-21号',
    '三民文〔2023〕21号文',
    '〔2023〕21号',
    '21号',
    'hello world',
  ])('refuses %p', (text) => {
    expect(parseDocumentNumber(text)).toBeNull();
  });

  it.each([
    ['三民文', 2023, 1],
    ['三民文', 2023, 9],
    ['三民文', 2023, 10],
    ['三民文', 2023, 21],
    ['三民文', 2023, 99],
    ['三民文', 2023, 100],
    ['三民文', 2023, 12345],
    ['本政办函', 2022, 1014],
    ['濮民文', 1949, 1],
    ['濮民文', 2200, 7],
  ])('round-trips %s %i %i', (prefix, year, sequence) => {
    expect(parseDocumentNumber(formatDocumentNumber(prefix, year, sequence))).toEqual({ prefix, year, sequence });
  });

  it('round-trips a prefix given with spaces as its trimmed self', () => {
    expect(parseDocumentNumber(formatDocumentNumber(' 三民文 ', 2023, 21))).toEqual(SANMENXIA);
  });

  it('reads a mistyped number back to the canonical form', () => {
    const parsed = parseDocumentNumber('三民文[2023]第021号');
    expect(parsed).not.toBeNull();
    expect(formatDocumentNumber(parsed!.prefix, parsed!.year, parsed!.sequence)).toBe('三民文〔2023〕21号');
  });
});
