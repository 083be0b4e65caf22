import JSZip from 'jszip';
import { candidatesOf, printableFileName } from './archive-files';
import { ARCHIVE_LIMITS, ArchiveFileFailure } from './domain/archive-import';

const LETTER = '对市政协八届一次会议第146号提案的答复\n姚峥委员：\n您提出的提案收悉。';

async function zipOf(entries: Record<string, string | Buffer>): Promise<Buffer> {
  const zip = new JSZip();
  for (const [name, content] of Object.entries(entries)) zip.file(name, content);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

const small = { ...ARCHIVE_LIMITS, maxFileBytes: 1000, maxZipEntries: 3, maxZipUncompressedBytes: 5000 };

describe('candidatesOf', () => {
  it('reads a .txt', async () => {
    expect(await candidatesOf({ name: 'a.txt', content: Buffer.from(LETTER), truncated: false })).toEqual([
      { name: 'a.txt', ok: true, text: LETTER, encoding: 'utf-8' },
    ]);
  });

  it('refuses a truncated or oversized file, an empty one and an unknown type', async () => {
    const big = await candidatesOf({ name: 'a.txt', content: Buffer.alloc(1001, 0x41), truncated: false }, small);
    expect(big).toMatchObject([{ ok: false, failure: ArchiveFileFailure.FileTooLarge }]);
    const cut = await candidatesOf({ name: 'a.txt', content: Buffer.from('x'), truncated: true }, small);
    expect(cut).toMatchObject([{ ok: false, failure: ArchiveFileFailure.FileTooLarge }]);
    const empty = await candidatesOf({ name: 'a.txt', content: Buffer.from('  \n'), truncated: false });
    expect(empty).toMatchObject([{ ok: false, failure: ArchiveFileFailure.EmptyFile }]);
    const pdf = await candidatesOf({ name: 'a.pdf', content: Buffer.from('%PDF'), truncated: false });
    expect(pdf).toMatchObject([{ ok: false, failure: ArchiveFileFailure.UnsupportedType }]);
  });

  it('refuses a text holding NUL characters (binary, or UTF-16 without its mark) as not a text letter', async () => {
    const result = await candidatesOf({
      name: 'a.txt',
      content: Buffer.from(`答复\u0000如下${LETTER}`),
      truncated: false,
    });
    expect(result).toMatchObject([{ name: 'a.txt', ok: false, failure: ArchiveFileFailure.BinaryContent }]);
  });

  it('keeps file names printable: control characters, NUL and direction marks dropped, long names cut', async () => {
    const [read] = await candidatesOf({ name: 'a\u0000b\u202e\n.txt', content: Buffer.from(LETTER), truncated: false });
    expect(read.name).toBe('ab.txt');
    expect(printableFileName('长'.repeat(400))).toHaveLength(300);
    expect(printableFileName('\u0000')).toBe('(unnamed)');
  });

  it('a broken .docx fails on its own', async () => {
    const result = await candidatesOf({ name: 'a.docx', content: Buffer.from('not a docx'), truncated: false });
    expect(result).toMatchObject([{ name: 'a.docx', ok: false, failure: ArchiveFileFailure.UnreadableDocx }]);
  });

  it('gives each zip entry its own outcome; nested zips and other files are refused, noise skipped', async () => {
    const content = await zipOf({
      'a.txt': LETTER,
      'inner.zip': Buffer.from('PK'),
      'notes.xlsx': 'x',
      '__MACOSX/._a.txt': 'x',
    });
    const result = await candidatesOf({ name: 'l.zip', content, truncated: false }, small);
    expect(result).toEqual([
      { name: 'l.zip/a.txt', ok: true, text: LETTER, encoding: 'utf-8' },
      { name: 'l.zip/inner.zip', ok: false, failure: ArchiveFileFailure.NestedArchive },
      { name: 'l.zip/notes.xlsx', ok: false, failure: ArchiveFileFailure.UnsupportedType },
    ]);
  });

  it('refuses a zip with too many entries', async () => {
    const content = await zipOf({ '1.txt': 'a', '2.txt': 'b', '3.txt': 'c', '4.txt': 'd' });
    const result = await candidatesOf({ name: 'l.zip', content, truncated: false }, small);
    expect(result).toMatchObject([{ name: 'l.zip', ok: false, failure: ArchiveFileFailure.TooManyEntries }]);
  });

  it('refuses a zip bomb by its uncompressed size, and an entry over the file limit', async () => {
    const bomb = await zipOf({ '1.txt': Buffer.alloc(3000, 0x41), '2.txt': Buffer.alloc(3000, 0x41) });
    expect(bomb.length).toBeLessThan(400);
    const result = await candidatesOf({ name: 'bomb.zip', content: bomb, truncated: false }, small);
    expect(result).toMatchObject([{ name: 'bomb.zip', ok: false, failure: ArchiveFileFailure.ArchiveTooLarge }]);
    const one = await zipOf({ 'big.txt': Buffer.alloc(2000, 0x41), 'a.txt': LETTER });
    const entries = await candidatesOf({ name: 'one.zip', content: one, truncated: false }, small);
    expect(entries).toMatchObject([
      { name: 'one.zip/big.txt', ok: false, failure: ArchiveFileFailure.FileTooLarge },
      { name: 'one.zip/a.txt', ok: true },
    ]);
  });

  it('an unreadable zip fails cleanly', async () => {
    const result = await candidatesOf({ name: 'x.zip', content: Buffer.from('garbage'), truncated: false });
    expect(result).toMatchObject([{ ok: false, failure: ArchiveFileFailure.UnreadableArchive }]);
  });
});
