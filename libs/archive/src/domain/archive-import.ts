/**
 * Rules of the archive import, apart from reading files: which files are letters, how their
 * bytes become text, the limits that keep a zip bomb or a huge file from hurting the server, and
 * the per-file report of what the parser recovered. Pure.
 */
import { PARSED_FIELDS, type ParsedField, type ParsedReplyLetter } from './reply-letter-parser';

export interface ArchiveLimits {
  maxFileBytes: number;
  maxFiles: number;
  maxZipEntries: number;
  maxZipUncompressedBytes: number;
  maxTextChars: number;
}

export const ARCHIVE_LIMITS: Readonly<ArchiveLimits> = {
  /** One uploaded file, or one file inside a zip once uncompressed. A letter is ~10 KB of text. */
  maxFileBytes: 5 * 1024 * 1024,
  /** Files in one upload (the parts of the request). */
  maxFiles: 50,
  /** Entries in one zip. */
  maxZipEntries: 500,
  /** All entries of one zip together, uncompressed: beyond this it is a zip bomb or not an archive of letters. */
  maxZipUncompressedBytes: 100 * 1024 * 1024,
  /** Text of one letter after extraction. */
  maxTextChars: 200_000,
};

export type FileType = 'txt' | 'docx' | 'zip' | 'other';

/** Why a file was not imported. Clients switch on these: never rename one. */
export enum ArchiveFileFailure {
  FileTooLarge = 'file_too_large',
  UnsupportedType = 'unsupported_type',
  NestedArchive = 'nested_archive',
  TooManyEntries = 'too_many_entries',
  ArchiveTooLarge = 'archive_too_large',
  UnreadableArchive = 'unreadable_archive',
  UnreadableDocx = 'unreadable_docx',
  /** NUL characters: a binary file, or UTF-16 without its byte order mark; not a text letter. */
  BinaryContent = 'binary_content',
  EmptyFile = 'empty_file',
  TextTooLong = 'text_too_long',
  NotAReplyLetter = 'not_a_reply_letter',
  TooManyFiles = 'too_many_files',
}

export function fileTypeOf(name: string): FileType {
  const lower = name.toLowerCase();
  if (lower.endsWith('.txt')) return 'txt';
  if (lower.endsWith('.docx')) return 'docx';
  if (lower.endsWith('.zip')) return 'zip';
  return 'other';
}

/** Entries a zip carries that are nobody's letter: folders, macOS resource forks, Office lock files. */
export function isZipNoise(path: string): boolean {
  const base = path.split('/').pop() ?? '';
  return path.endsWith('/') || path.startsWith('__MACOSX/') || base.startsWith('.') || base.startsWith('~$');
}

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

/**
 * Text of a .txt letter: UTF-8 (with or without BOM), UTF-16 with a BOM, otherwise GB18030 (a
 * superset of GBK and GB2312, what Chinese Windows saves as "ANSI") when the bytes are not UTF-8.
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncodingName } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
  }
}

export interface NotRecovered {
  field: ParsedField;
  /** The parser's reason when the letter seems to say it but could not be read; else not_in_letter. */
  reason: string;
}

export interface RecoveryReport {
  recovered: Partial<Record<ParsedField, unknown>>;
  notRecovered: NotRecovered[];
}

function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || (Array.isArray(value) && value.length === 0);
}

/** What the parser recovered (non-empty fields) and what it did not, each with a reason. */
export function recoveryReport(parsed: ParsedReplyLetter): RecoveryReport {
  const recovered: Partial<Record<ParsedField, unknown>> = {};
  const notRecovered: NotRecovered[] = [];
  for (const field of PARSED_FIELDS) {
    const value = parsed[field];
    if (!isEmpty(value)) {
      recovered[field] = value;
      continue;
    }
    const problem = parsed.problems.find((p) => p.field === field);
    if (problem) notRecovered.push({ field, reason: problem.reason });
    else if (value === null) notRecovered.push({ field, reason: 'not_in_letter' });
  }
  return { recovered, notRecovered };
}

/**
 * A text is a reply letter when the parser found what every reply has: the proposal it answers
 * (its number or its title) and either whom it answers or its sections.
 */
export function looksLikeReplyLetter(parsed: ParsedReplyLetter): boolean {
  const answers = parsed.proposalNumber !== null || parsed.proposalTitle !== null;
  const shaped = parsed.addressees !== null || (parsed.sectionHeadings?.length ?? 0) > 0;
  return answers && shaped;
}
