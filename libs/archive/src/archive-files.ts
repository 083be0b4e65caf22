import JSZip from 'jszip';
import mammoth from 'mammoth';
import {
  ARCHIVE_LIMITS,
  ArchiveFileFailure,
  type ArchiveLimits,
  decodeText,
  fileTypeOf,
  isZipNoise,
  type TextEncodingName,
} from './domain/archive-import';

export interface UploadedLetterFile {
  name: string;
  content: Buffer;
  /** The upload went over the per-file limit and was cut off. */
  truncated: boolean;
}

/** One letter's text ready for the parser, or why the file cannot be one. */
export type Candidate =
  | { name: string; ok: true; text: string; encoding: TextEncodingName | 'docx' }
  | { name: string; ok: false; failure: ArchiveFileFailure; detail?: Record<string, unknown> };

type LimitsOf = Readonly<ArchiveLimits>;

/**
 * The letters of an upload: a .txt or .docx is one, a .zip gives one per entry. Each failure is
 * the file's own (a broken entry never stops its neighbours) and nothing here throws.
 */
export async function candidatesOf(file: UploadedLetterFile, limits: LimitsOf = ARCHIVE_LIMITS): Promise<Candidate[]> {
  const candidates = await readCandidates(file, limits);
  return candidates.map((candidate) => ({ ...candidate, name: printableFileName(candidate.name) }));
}

/**
 * A file or zip entry name as the report and the archive keep it: control characters (NUL
 * included, which PostgreSQL cannot store) dropped, and cut to a length anyone would read.
 */
export function printableFileName(name: string): string {
  // eslint-disable-next-line no-control-regex
  const printable = name.replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g, '');
  return (printable.length > 300 ? `${printable.slice(0, 299)}…` : printable) || '(unnamed)';
}

async function readCandidates(file: UploadedLetterFile, limits: LimitsOf): Promise<Candidate[]> {
  if (file.truncated || file.content.length > limits.maxFileBytes) {
    return [fail(file.name, ArchiveFileFailure.FileTooLarge, { maxBytes: limits.maxFileBytes })];
  }
  switch (fileTypeOf(file.name)) {
    case 'zip':
      return zipCandidates(file, limits);
    case 'txt':
    case 'docx':
      return [await letterCandidate(file.name, file.content, limits)];
    case 'other':
      return [fail(file.name, ArchiveFileFailure.UnsupportedType)];
  }
}

function fail(name: string, failure: ArchiveFileFailure, detail?: Record<string, unknown>): Candidate {
  return detail ? { name, ok: false, failure, detail } : { name, ok: false, failure };
}

async function letterCandidate(name: string, content: Buffer, limits: LimitsOf): Promise<Candidate> {
  if (content.length === 0) return fail(name, ArchiveFileFailure.EmptyFile);
  let text: string;
  let encoding: TextEncodingName | 'docx';
  if (fileTypeOf(name) === 'docx') {
    try {
      text = (await mammoth.extractRawText({ buffer: content })).value;
      encoding = 'docx';
    } catch {
      return fail(name, ArchiveFileFailure.UnreadableDocx);
    }
  } else {
    ({ text, encoding } = decodeText(content));
  }
  if (text.trim() === '') return fail(name, ArchiveFileFailure.EmptyFile);
  if (text.includes('\u0000')) return fail(name, ArchiveFileFailure.BinaryContent);
  if (text.length > limits.maxTextChars) {
    return fail(name, ArchiveFileFailure.TextTooLong, { maxChars: limits.maxTextChars });
  }
  return { name, ok: true, text, encoding };
}

/** Declared size from the central directory (JSZip keeps it on a private field); checked again while inflating. */
function declaredSize(entry: JSZip.JSZipObject): number {
  const data = (entry as unknown as { _data?: { uncompressedSize?: number } })._data;
  return typeof data?.uncompressedSize === 'number' ? data.uncompressedSize : 0;
}

interface JSZipStream {
  on(event: 'data', listener: (chunk: Uint8Array) => void): JSZipStream;
  on(event: 'error', listener: (error: Error) => void): JSZipStream;
  on(event: 'end', listener: () => void): JSZipStream;
  pause(): JSZipStream;
  resume(): JSZipStream;
}

/** Inflates an entry, giving up as soon as it passes `max` bytes whatever its header claimed. */
function inflate(entry: JSZip.JSZipObject, max: number): Promise<Buffer | 'too_large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    // internalStream is JSZip's public streaming API, missing from its type declarations.
    const stream = (entry as unknown as { internalStream(type: 'uint8array'): JSZipStream }).internalStream(
      'uint8array',
    );
    stream
      .on('data', (chunk: Uint8Array) => {
        if (done) return;
        size += chunk.length;
        if (size > max) {
          done = true;
          stream.pause();
          resolve('too_large');
          return;
        }
        chunks.push(Buffer.from(chunk));
      })
      .on('error', (error: Error) => {
        if (!done) {
          done = true;
          reject(error);
        }
      })
      .on('end', () => {
        if (!done) {
          done = true;
          resolve(Buffer.concat(chunks));
        }
      })
      .resume();
  });
}

async function zipCandidates(file: UploadedLetterFile, limits: LimitsOf): Promise<Candidate[]> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(file.content);
  } catch {
    return [fail(file.name, ArchiveFileFailure.UnreadableArchive)];
  }
  const entries = Object.values(zip.files).filter((entry) => !entry.dir && !isZipNoise(entry.name));
  if (entries.length > limits.maxZipEntries) {
    return [fail(file.name, ArchiveFileFailure.TooManyEntries, { entries: entries.length, max: limits.maxZipEntries })];
  }
  const declaredTotal = entries.reduce((sum, entry) => sum + declaredSize(entry), 0);
  if (declaredTotal > limits.maxZipUncompressedBytes) {
    return [
      fail(file.name, ArchiveFileFailure.ArchiveTooLarge, {
        uncompressedBytes: declaredTotal,
        maxBytes: limits.maxZipUncompressedBytes,
      }),
    ];
  }
  const candidates: Candidate[] = [];
  let inflated = 0;
  for (const entry of entries) {
    const name = `${file.name}/${entry.name}`;
    const type = fileTypeOf(entry.name);
    if (type === 'zip') {
      candidates.push(fail(name, ArchiveFileFailure.NestedArchive));
      continue;
    }
    if (type === 'other') {
      candidates.push(fail(name, ArchiveFileFailure.UnsupportedType));
      continue;
    }
    if (declaredSize(entry) > limits.maxFileBytes) {
      candidates.push(fail(name, ArchiveFileFailure.FileTooLarge, { maxBytes: limits.maxFileBytes }));
      continue;
    }
    const remaining = limits.maxZipUncompressedBytes - inflated;
    let content: Buffer | 'too_large';
    try {
      content = await inflate(entry, Math.min(limits.maxFileBytes, remaining));
    } catch {
      candidates.push(fail(name, ArchiveFileFailure.UnreadableArchive));
      continue;
    }
    if (content === 'too_large') {
      // Lying headers: the entry inflates past what it declared.
      const failure =
        remaining < limits.maxFileBytes ? ArchiveFileFailure.ArchiveTooLarge : ArchiveFileFailure.FileTooLarge;
      candidates.push(fail(name, failure));
      if (failure === ArchiveFileFailure.ArchiveTooLarge) break;
      continue;
    }
    inflated += content.length;
    candidates.push(await letterCandidate(name, content, limits));
  }
  return candidates;
}
