import { randomBytes } from 'node:crypto';
import { plainAddPlaceholder } from '@signpdf/placeholder-plain';
import { signPdf } from './pdf-signer';
import { parsePdfDate, verifyPdfSignature } from './pdf-verifier';
import { SigningCredential, generateSelfSignedCredential } from './signing-credential';
import { extractLastSignature, typstPdf, withByteRange } from './test-support';

const DETAILS = { reason: 'test', location: 'test', name: 'test', signedAt: new Date('2026-11-02T08:00:00Z') };

describe('verifyPdfSignature', () => {
  let credential: SigningCredential;
  let unsigned: Buffer;
  let signed: Buffer;

  beforeAll(async () => {
    credential = await generateSelfSignedCredential(
      { organisation: '三门峡市民政局', commonName: '答复函签名' },
      new Date('2026-01-01T00:00:00Z'),
    );
    unsigned = typstPdf('未签名');
    signed = await signPdf(unsigned, credential, DETAILS);
  });

  it('calls an unsigned Typst PDF unsigned', async () => {
    expect(await verifyPdfSignature(unsigned)).toEqual({ status: 'unsigned' });
  });

  it.each([
    ['an empty buffer', Buffer.alloc(0)],
    ['random bytes', randomBytes(4096)],
    ['text', Buffer.from('%PDF-1.7\nnot really a pdf\n%%EOF')],
  ])('calls %s unsigned without throwing', async (_label, input) => {
    expect(await verifyPdfSignature(input)).toEqual({ status: 'unsigned' });
  });

  it('never throws on random bytes around a /ByteRange', async () => {
    for (let i = 0; i < 50; i += 1) {
      const junk = Buffer.concat([
        randomBytes(i * 7),
        Buffer.from(`/ByteRange [0 ${i} ${i + 3} ${i % 5}] /Contents <${randomBytes(i).toString('hex')}>`),
        randomBytes(i * 3),
      ]);
      const check = await verifyPdfSignature(junk);
      expect(['unsigned', 'invalid']).toContain(check.status);
    }
  });

  it('calls a placeholder never signed malformed', async () => {
    const placeholder = plainAddPlaceholder({
      pdfBuffer: unsigned,
      reason: 'r',
      contactInfo: '',
      name: 'n',
      location: 'l',
    });
    expect(await verifyPdfSignature(placeholder)).toMatchObject({ status: 'invalid', reason: 'malformed' });
  });

  it('calls hex that is not a CMS malformed', async () => {
    const [, contentsStart] = extractLastSignature(signed).byteRange;
    const garbled = Buffer.from(signed);
    garbled.write('3003020101', contentsStart + 1, 'latin1');
    expect(await verifyPdfSignature(garbled)).toMatchObject({ status: 'invalid', reason: 'malformed' });
  });

  it('calls a truncated file byte-range-incomplete', async () => {
    const truncated = signed.subarray(0, signed.length - 10);
    expect(await verifyPdfSignature(truncated)).toMatchObject({ status: 'invalid', reason: 'byte-range-incomplete' });
  });

  it('calls a range that leaves out more than /Contents byte-range-incomplete', async () => {
    const [a, b, c, d] = extractLastSignature(signed).byteRange;
    const widened = withByteRange(signed, [a, b - 12, c, d]);
    expect(await verifyPdfSignature(widened)).toMatchObject({ status: 'invalid', reason: 'byte-range-incomplete' });
    const offset = withByteRange(signed, [5, b - 5, c, d]);
    expect(await verifyPdfSignature(offset)).toMatchObject({ status: 'invalid', reason: 'byte-range-incomplete' });
  });

  it('calls a range that stops short of the end a digest mismatch that does not cover the file', async () => {
    const [a, b, c, d] = extractLastSignature(signed).byteRange;
    const short = withByteRange(signed, [a, b, c, d - 1]);
    expect(await verifyPdfSignature(short)).toMatchObject({ status: 'invalid', reason: 'digest-mismatch' });
  });

  it('checks the last of two signatures', async () => {
    const twice = await signPdf(signed, credential, { ...DETAILS, signedAt: new Date('2026-11-03T08:00:00Z') });
    const check = await verifyPdfSignature(twice);
    expect(check).toMatchObject({ status: 'valid', signatureCount: 2, coversWholeFile: true });
    expect(check.status === 'valid' && check.signedAt).toEqual(new Date('2026-11-03T08:00:00Z'));
    expect(await verifyPdfSignature(signed)).toMatchObject({ status: 'valid', signatureCount: 1 });
  });
});

describe('parsePdfDate', () => {
  it.each([
    ['D:20261102080000Z', '2026-11-02T08:00:00.000Z'],
    ["D:20261102160000+08'00'", '2026-11-02T08:00:00.000Z'],
    ["D:20261102030000-05'00", '2026-11-02T08:00:00.000Z'],
    ['D:20261102', '2026-11-02T00:00:00.000Z'],
    ['D:2026', '2026-01-01T00:00:00.000Z'],
  ])('reads %s', (value, iso) => {
    expect(parsePdfDate(value)?.toISOString()).toBe(iso);
  });

  it('returns undefined for nonsense', () => {
    expect(parsePdfDate('yesterday')).toBeUndefined();
  });
});
