/** A seal is printed 42 mm wide: 4000 pixels is 2400 dpi, and a bigger claim only costs memory. */
export const MAX_SEAL_PIXELS = 4000;

/** PNG and JPEG by their first bytes: the name and the browser's content type are not evidence. */
export function sealImageType(content: Buffer): 'image/png' | 'image/jpeg' | null {
  if (content.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (content[0] === 0xff && content[1] === 0xd8 && content[2] === 0xff) return 'image/jpeg';
  return null;
}

/**
 * The pixel size an image declares (PNG's IHDR, JPEG's first start-of-frame), read before anything
 * decodes it, so a small file claiming a huge picture is refused cheaply; null when unreadable.
 */
export function declaredImageSize(content: Buffer): { width: number; height: number } | null {
  const type = sealImageType(content);
  if (type === 'image/png') {
    if (content.length < 24 || content.toString('latin1', 12, 16) !== 'IHDR') return null;
    return { width: content.readUInt32BE(16), height: content.readUInt32BE(20) };
  }
  if (type === 'image/jpeg') {
    let at = 2;
    while (at + 9 < content.length) {
      if (content[at] !== 0xff) return null;
      const marker = content[at + 1];
      const length = content.readUInt16BE(at + 2);
      // SOF0–SOF15 carry the size, except DHT (C4), JPG (C8) and DAC (CC).
      if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) {
        return { width: content.readUInt16BE(at + 7), height: content.readUInt16BE(at + 5) };
      }
      at += 2 + length;
    }
  }
  return null;
}
