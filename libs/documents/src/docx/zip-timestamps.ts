const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_FILE_HEADER = 0x04034b50;
const END_RECORD_SIZE = 22;
const MAX_COMMENT = 0xffff;

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

function endOfCentralDirectory(zip: Buffer): number {
  const lowest = Math.max(0, zip.length - END_RECORD_SIZE - MAX_COMMENT);
  for (let at = zip.length - END_RECORD_SIZE; at >= lowest; at--) {
    if (zip.readUInt32LE(at) === END_OF_CENTRAL_DIRECTORY) return at;
  }
  throw new RangeError('Not a zip file: no end of central directory record');
}

/**
 * Sets every entry's modification time to midnight of `date`. docx zips with the wall clock as
 * each entry's time, so two renders of one letter would differ in those bytes alone. The times
 * sit outside the compressed data and its CRC, so they are rewritten in place, in a copy.
 */
export function fixZipTimestamps(zip: Buffer, date: CalendarDate): Buffer {
  if (date.year < 1980 || date.year > 2107) throw new RangeError(`A zip cannot date an entry in ${date.year}`);
  const dosDate = ((date.year - 1980) << 9) | (date.month << 5) | date.day;
  const dosTime = 0;
  const out = Buffer.from(zip);
  const end = endOfCentralDirectory(out);
  const entries = out.readUInt16LE(end + 10);
  let at = out.readUInt32LE(end + 16);
  for (let i = 0; i < entries; i++) {
    if (out.readUInt32LE(at) !== CENTRAL_DIRECTORY_ENTRY)
      throw new RangeError(`Corrupt zip: entry ${i} of the directory`);
    out.writeUInt16LE(dosTime, at + 12);
    out.writeUInt16LE(dosDate, at + 14);
    const localHeader = out.readUInt32LE(at + 42);
    if (out.readUInt32LE(localHeader) !== LOCAL_FILE_HEADER) throw new RangeError(`Corrupt zip: local header ${i}`);
    out.writeUInt16LE(dosTime, localHeader + 10);
    out.writeUInt16LE(dosDate, localHeader + 12);
    at += 46 + out.readUInt16LE(at + 28) + out.readUInt16LE(at + 30) + out.readUInt16LE(at + 32);
  }
  return out;
}
