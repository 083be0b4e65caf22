import { createHash } from 'node:crypto';
import { generateSelfSignedCredential, type SigningCredential } from '../signing/signing-credential';
import { signPdf } from '../signing/pdf-signer';
import { typstPdf } from '../signing/test-support';
import { signedContentDigest, vouchedDigest } from './signed-digest';

describe('signedContentDigest and vouchedDigest', () => {
  let credential: SigningCredential;
  let signed: Buffer;

  beforeAll(async () => {
    credential = await generateSelfSignedCredential(
      { organisation: '三门峡市民政局', commonName: '三门峡市民政局（答复函签名）' },
      new Date('2023-01-01T00:00:00Z'),
    );
    signed = await signPdf(typstPdf('对市政协八届一次会议第146号提案的答复'), credential, {
      reason: '答复函 三民文〔2023〕21号',
      location: '三门峡市民政局',
      name: '李立明',
      signedAt: new Date('2023-06-30T04:00:00Z'),
    });
  });

  it('agree on a file as signed: the signature vouches for exactly the bytes it covers', () => {
    expect(vouchedDigest(signed)).toMatch(/^[0-9a-f]{64}$/);
    expect(signedContentDigest(signed)).toBe(vouchedDigest(signed));
  });

  it('tell an altered copy apart while still naming the letter it was made from', () => {
    const altered = Buffer.from(signed);
    const at = altered.indexOf('/Producer');
    altered[at + 2] ^= 0x01;
    expect(vouchedDigest(altered)).toBe(vouchedDigest(signed));
    expect(signedContentDigest(altered)).not.toBe(vouchedDigest(signed));
  });

  it('are the same after bytes are appended (the signature still covers its range)', () => {
    const appended = Buffer.concat([signed, Buffer.from('\n% later\n')]);
    expect(vouchedDigest(appended)).toBe(vouchedDigest(signed));
    expect(signedContentDigest(appended)).toBe(vouchedDigest(signed));
  });

  it('find nothing in an unsigned PDF or in garbage, and never throw', () => {
    expect(vouchedDigest(typstPdf())).toBeNull();
    expect(signedContentDigest(typstPdf())).toBeNull();
    const garbage = Buffer.from('/ByteRange [0 99999999 5 5] /Contents <3082>');
    expect(signedContentDigest(garbage)).toBeNull();
    expect(vouchedDigest(garbage)).toBeNull();
    expect(createHash('sha256').update(signed).digest('hex')).not.toBe(vouchedDigest(signed));
  });
});
