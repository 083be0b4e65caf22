import { closeSync, openSync, readSync } from 'node:fs';

/**
 * The family names a font file declares, read from its `name` table. A face can go by two
 * names: FandolFang-Regular.otf calls itself "FandolFang R" (name ID 1) and "FandolFang"
 * (ID 16), and Typst only knows one of them, so the renderer needs both to find the face.
 */
export interface FontFaceNames {
  /** Name ID 1. */
  family: string | null;
  /** Name ID 16, when the font sets it. */
  typographicFamily: string | null;
  /** Name ID 6. */
  postScriptName: string | null;
}

const NAME_ID_FAMILY = 1;
const NAME_ID_POSTSCRIPT = 6;
const NAME_ID_TYPOGRAPHIC_FAMILY = 16;
const WINDOWS_ENGLISH_US = 0x409;
/** sfnt versions: TrueType outlines, CFF outlines (OTTO), and Apple's old TrueType tag. */
const SINGLE_FACE_TAGS = ['\u0000\u0001\u0000\u0000', 'OTTO', 'true'];

/** Reads only the bytes it needs: collections such as Noto Serif CJK are 25 MB. */
class FontFile {
  constructor(private readonly fd: number) {}

  read(offset: number, length: number): Buffer {
    const buffer = Buffer.alloc(length);
    const read = readSync(this.fd, buffer, 0, length, offset);
    if (read < length) throw new RangeError(`Font file ends before byte ${offset + length}`);
    return buffer;
  }
}

function decodeName(platformId: number, bytes: Buffer): string {
  // Unicode and Windows records are UTF-16BE; the old Macintosh ones are (near enough) Latin-1.
  if (platformId === 1) return bytes.toString('latin1');
  const swapped = Buffer.from(bytes);
  swapped.swap16();
  return swapped.toString('utf16le');
}

function faceNames(file: FontFile, faceOffset: number): FontFaceNames {
  const tableCount = file.read(faceOffset + 4, 2).readUInt16BE(0);
  const directory = file.read(faceOffset + 12, tableCount * 16);
  let nameOffset = -1;
  for (let i = 0; i < tableCount; i += 1) {
    if (directory.toString('latin1', i * 16, i * 16 + 4) === 'name') nameOffset = directory.readUInt32BE(i * 16 + 8);
  }
  if (nameOffset < 0) return { family: null, typographicFamily: null, postScriptName: null };

  const header = file.read(nameOffset, 6);
  const count = header.readUInt16BE(2);
  const stringsOffset = nameOffset + header.readUInt16BE(4);
  const records = file.read(nameOffset + 6, count * 12);
  const found = new Map<number, { rank: number; value: string }>();
  for (let i = 0; i < count; i += 1) {
    const platformId = records.readUInt16BE(i * 12);
    const languageId = records.readUInt16BE(i * 12 + 4);
    const nameId = records.readUInt16BE(i * 12 + 6);
    if (![NAME_ID_FAMILY, NAME_ID_POSTSCRIPT, NAME_ID_TYPOGRAPHIC_FAMILY].includes(nameId)) continue;
    // Prefer the US English Windows record, as Typst does; any record beats none.
    const rank =
      platformId === 3 && languageId === WINDOWS_ENGLISH_US ? 0 : platformId === 1 && languageId === 0 ? 1 : 2;
    const previous = found.get(nameId);
    if (previous && previous.rank <= rank) continue;
    const length = records.readUInt16BE(i * 12 + 8);
    const offset = records.readUInt16BE(i * 12 + 10);
    found.set(nameId, { rank, value: decodeName(platformId, file.read(stringsOffset + offset, length)) });
  }
  return {
    family: found.get(NAME_ID_FAMILY)?.value ?? null,
    typographicFamily: found.get(NAME_ID_TYPOGRAPHIC_FAMILY)?.value ?? null,
    postScriptName: found.get(NAME_ID_POSTSCRIPT)?.value ?? null,
  };
}

/** The names of every face in an OpenType/TrueType file or collection (.otf, .ttf, .ttc). */
export function fontFaceNames(path: string): FontFaceNames[] {
  const fd = openSync(path, 'r');
  try {
    const file = new FontFile(fd);
    const tag = file.read(0, 4).toString('latin1');
    if (SINGLE_FACE_TAGS.includes(tag)) return [faceNames(file, 0)];
    if (tag !== 'ttcf') throw new RangeError(`${path} is not an OpenType or TrueType font`);
    const faceCount = file.read(8, 4).readUInt32BE(0);
    const offsets = file.read(12, faceCount * 4);
    return Array.from({ length: faceCount }, (_, i) => faceNames(file, offsets.readUInt32BE(i * 4)));
  } finally {
    closeSync(fd);
  }
}
