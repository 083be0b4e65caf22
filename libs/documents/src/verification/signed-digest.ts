import { createHash } from 'node:crypto';

/**
 * The two digests that tie a signed PDF to the letter the bureau signed. Both read the last
 * signature (a PDF signed once, as Dafu's are); neither trusts the file: they only locate bytes.
 */

const BYTE_RANGE = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g;
const CONTENTS_HEX = /\/Contents\s*<([0-9A-Fa-f]+)>/g;
/** id-messageDigest (1.2.840.113549.1.9.4), then SET { OCTET STRING (32 bytes) }: a SHA-256. */
const MESSAGE_DIGEST_ATTRIBUTE = Buffer.from('06092a864886f70d01090431220420', 'hex');

function lastMatch(pattern: RegExp, text: string): RegExpExecArray | null {
  let last: RegExpExecArray | null = null;
  for (const match of text.matchAll(pattern)) last = match as RegExpExecArray;
  return last;
}

/** SHA-256 of the bytes the signature covers (its ByteRange), hex; null for an unsigned file. */
export function signedContentDigest(pdf: Buffer): string | null {
  const match = lastMatch(BYTE_RANGE, pdf.toString('latin1'));
  if (!match) return null;
  const [a, b, c, d] = match.slice(1, 5).map(Number);
  if (a !== 0 || b > pdf.length || c + d > pdf.length || c < b) return null;
  return createHash('sha256')
    .update(pdf.subarray(a, a + b))
    .update(pdf.subarray(c, c + d))
    .digest('hex');
}

/**
 * The digest the signer vouched for (the CMS message-digest attribute), hex. It survives a
 * change to the signed bytes, so it still names the letter an altered copy was made from.
 */
export function vouchedDigest(pdf: Buffer): string | null {
  const match = lastMatch(CONTENTS_HEX, pdf.toString('latin1'));
  if (!match) return null;
  const cms = Buffer.from(match[1], 'hex');
  const at = cms.indexOf(MESSAGE_DIGEST_ATTRIBUTE);
  if (at < 0 || at + MESSAGE_DIGEST_ATTRIBUTE.length + 32 > cms.length) return null;
  const start = at + MESSAGE_DIGEST_ATTRIBUTE.length;
  return cms.subarray(start, start + 32).toString('hex');
}
