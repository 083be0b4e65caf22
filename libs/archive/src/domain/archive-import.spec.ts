import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeText, fileTypeOf, isZipNoise, looksLikeReplyLetter, recoveryReport } from './archive-import';
import { parseReplyLetter } from './reply-letter-parser';

const SEEDS = join(__dirname, '../../../../test/fixtures/seeds');

describe('fileTypeOf', () => {
  it.each([
    ['a.txt', 'txt'],
    ['A.TXT', 'txt'],
    ['答复.docx', 'docx'],
    ['letters.zip', 'zip'],
    ['old.doc', 'other'],
    ['scan.pdf', 'other'],
    ['noext', 'other'],
  ])('%s is %s', (name, type) => {
    expect(fileTypeOf(name)).toBe(type);
  });
});

describe('isZipNoise', () => {
  it.each([
    ['dir/', true],
    ['__MACOSX/._a.txt', true],
    ['sub/.DS_Store', true],
    ['~$答复.docx', true],
    ['sub/答复.txt', false],
  ])('%s → %s', (path, noise) => {
    expect(isZipNoise(path)).toBe(noise);
  });
});

describe('decodeText', () => {
  const text = '对市政协八届一次会议第146号提案的答复';

  it('reads UTF-8 without and with a BOM', () => {
    expect(decodeText(Buffer.from(text, 'utf8'))).toEqual({ text, encoding: 'utf-8' });
    expect(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]))).toEqual({
      text,
      encoding: 'utf-8',
    });
  });

  it('reads UTF-16 with a BOM', () => {
    expect(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]))).toEqual({
      text,
      encoding: 'utf-16le',
    });
  });

  it('reads GBK / GB18030 when the bytes are not UTF-8', () => {
    // 答复 in GBK: B4F0 B8B4.
    expect(decodeText(Buffer.from([0xb4, 0xf0, 0xb8, 0xb4]))).toEqual({ text: '答复', encoding: 'gb18030' });
  });
});

describe('recoveryReport and looksLikeReplyLetter', () => {
  it('reports each missing field with the reason (not_in_letter when the letter does not say it)', () => {
    const parsed = parseReplyLetter(readFileSync(join(SEEDS, 'jiaozuo-cppcc-192.txt'), 'utf8'));
    const report = recoveryReport(parsed);
    expect(report.recovered.proposalNumber).toBe(192);
    expect(report.notRecovered).toContainEqual({ field: 'documentNumber', reason: 'not_in_letter' });
    expect(Object.keys(report.recovered)).not.toContain('documentNumber');
    expect(looksLikeReplyLetter(parsed)).toBe(true);
  });

  it('a text that is no letter names every field and is not taken for one', () => {
    const parsed = parseReplyLetter('会议纪要\n今天天气很好。');
    expect(looksLikeReplyLetter(parsed)).toBe(false);
    const report = recoveryReport(parsed);
    expect(report.recovered).toEqual({});
    expect(report.notRecovered.length).toBeGreaterThanOrEqual(10);
  });
});
