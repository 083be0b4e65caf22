import { createPrivateKey, generateKeyPairSync, randomBytes, sign } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { Oid, sortDerSet } from './asn1-support';
import { SignatureDetails, signPdf } from './pdf-signer';
import { PdfSignatureCheck, verifyPdfSignature } from './pdf-verifier';
import { SigningCredential, generateSelfSignedCredential } from './signing-credential';
import {
  ExtractedSignature,
  commandExists,
  extractLastSignature,
  opensslCmsVerify,
  run,
  scratchDir,
  typstPdf,
} from './test-support';

const DETAILS: SignatureDetails = {
  reason: '答复函 三民提〔2026〕12号',
  location: '河南省三门峡市',
  name: '三门峡市民政局',
  contactInfo: 'mzj@smx.gov.cn',
  signedAt: new Date('2026-11-02T08:00:00.000Z'),
};
const hasPdfsig = commandExists('pdfsig');

function utf16Hex(text: string): string {
  return `<${Buffer.from(`\ufeff${text}`, 'utf16le').swap16().toString('hex')}>`;
}

function flipByte(pdf: Buffer, offset: number): Buffer {
  const copy = Buffer.from(pdf);
  copy[offset] ^= 0x01;
  return copy;
}

function expectValid(check: PdfSignatureCheck): Extract<PdfSignatureCheck, { status: 'valid' }> {
  expect(check.status).toBe('valid');
  if (check.status !== 'valid') throw new Error(JSON.stringify(check));
  return check;
}

/**
 * Re-signs the last signature with signing-certificate-v2 naming some other certificate: the key
 * and the content still match, only the ESS binding is wrong.
 */
function withForeignSigningCertificate(pdf: Buffer, privateKeyPem: string): Buffer {
  const { byteRange, cms } = extractLastSignature(pdf);
  const signedData = new pkijs.SignedData({ schema: pkijs.ContentInfo.fromBER(cms).content });
  const signerInfo = signedData.signerInfos[0];
  const nest = (inner: asn1js.BaseBlock): asn1js.Sequence => new asn1js.Sequence({ value: [inner] });
  const foreign = nest(nest(nest(new asn1js.OctetString({ valueHex: randomBytes(32) }))));
  const attributes = sortDerSet([
    ...signerInfo.signedAttrs!.attributes.filter((attribute) => attribute.type !== Oid.signingCertificateV2),
    new pkijs.Attribute({ type: Oid.signingCertificateV2, values: [foreign] }),
  ]);
  signerInfo.signedAttrs = new pkijs.SignedAndUnsignedAttributes({ type: 0, attributes });
  const toSign = Buffer.from(new asn1js.Set({ value: attributes.map((a) => a.toSchema()) }).toBER(false));
  signerInfo.signature = new asn1js.OctetString({ valueHex: sign('sha256', toSign, createPrivateKey(privateKeyPem)) });
  const der = Buffer.from(
    new pkijs.ContentInfo({ contentType: Oid.signedData, content: signedData.toSchema(true) }).toSchema().toBER(false),
  );
  const resigned = Buffer.from(pdf);
  const hex = der.toString('hex').padEnd(byteRange[2] - byteRange[1] - 2, '0');
  resigned.write(hex, byteRange[1] + 1, 'latin1');
  return resigned;
}

describe('signPdf (PAdES B-B on a Typst PDF)', () => {
  let credential: SigningCredential;
  let unsigned: Buffer;
  let signed: Buffer;
  let signature: ExtractedSignature;
  let dir: string;
  let certPath: string;

  beforeAll(async () => {
    credential = await generateSelfSignedCredential(
      { organisation: '三门峡市民政局', commonName: '三门峡市民政局（答复函签名）' },
      new Date('2026-01-01T00:00:00Z'),
    );
    unsigned = typstPdf('三门峡市民政局关于政协提案的答复\n\n#lorem(200)');
    signed = await signPdf(unsigned, credential, DETAILS);
    signature = extractLastSignature(signed);
    dir = scratchDir();
    certPath = join(dir, 'cert.pem');
    writeFileSync(certPath, credential.certificatePem);
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('appends an incremental update with a ETSI.CAdES.detached signature dictionary', () => {
    expect(signed.subarray(0, unsigned.length).equals(unsigned)).toBe(true);
    const update = signed.subarray(unsigned.length).toString('latin1');
    expect(update).toContain('/Type /Sig');
    expect(update).toContain('/Filter /Adobe.PPKLite');
    expect(update).toContain('/SubFilter /ETSI.CAdES.detached');
    expect(update).toContain('/M (D:20261102080000Z)');
    // Chinese text as UTF-16BE hex strings, not the UTF-8 mojibake placeholder-plain writes.
    expect(update).toContain(`/Reason ${utf16Hex(DETAILS.reason)}`);
    expect(update).toContain(`/Name ${utf16Hex(DETAILS.name)}`);
    expect(update).toContain(`/Location ${utf16Hex(DETAILS.location)}`);
    expect(update).toContain('/ContactInfo (mzj@smx.gov.cn)');
    expect(update).toMatch(/\/SigFlags 3/);
  });

  it('verifies as valid, whole-file PAdES with the signing time from /M', async () => {
    const check = expectValid(await verifyPdfSignature(signed));
    expect(check).toMatchObject({
      coversWholeFile: true,
      subFilter: 'ETSI.CAdES.detached',
      pades: true,
      signatureCount: 1,
      signedAt: DETAILS.signedAt,
    });
    expect(check.certificate).toMatchObject({ organisation: '三门峡市民政局', selfSigned: true });
  });

  it('passes openssl cms -verify, without and with the certificate as trust anchor', () => {
    const noChain = opensslCmsVerify(dir, signature, ['-noverify']);
    expect(noChain.output).toContain('Verification successful');
    expect(noChain.status).toBe(0);
    const anchored = opensslCmsVerify(dir, signature, ['-CAfile', certPath, '-purpose', 'any']);
    expect(anchored.output).toContain('Verification successful');
    expect(anchored.status).toBe(0);
    // -cades also checks signing-certificate-v2 against the signer certificate.
    const cades = opensslCmsVerify(dir, signature, ['-CAfile', certPath, '-purpose', 'any', '-cades']);
    expect(cades.output).toContain('Verification successful');
    expect(cades.status).toBe(0);
  });

  it('carries signing-certificate-v2 and no signing-time (openssl cms -print)', () => {
    const cmsPath = join(dir, 'print.der');
    writeFileSync(cmsPath, signature.cms);
    const printed = run('openssl', ['cms', '-cmsout', '-print', '-inform', 'DER', '-in', cmsPath]);
    expect(printed.status).toBe(0);
    expect(printed.output).toContain('id-smime-aa-signingCertificateV2');
    expect(printed.output).toContain('object: contentType');
    expect(printed.output).toContain('object: messageDigest');
    expect(printed.output).not.toMatch(/signingTime/i);
    expect(printed.output).toContain('algorithm: sha256 (2.16.840.1.101.3.4.2.1)');
    expect(printed.output).toContain('algorithm: rsaEncryption');
    // Detached: no eContent.
    expect(printed.output).toMatch(/eContentType: pkcs7-data.*\n\s*eContent: <ABSENT>/);
  });

  it('reports a byte changed inside the signed range as a digest mismatch, as openssl does', async () => {
    // Past the header, inside the first object of the Typst body.
    const tampered = flipByte(signed, 40);
    expect(await verifyPdfSignature(tampered)).toMatchObject({ status: 'invalid', reason: 'digest-mismatch' });
    const result = opensslCmsVerify(dir, extractLastSignature(tampered), ['-noverify']);
    expect(result.status).not.toBe(0);
    expect(result.output).toMatch(/content verify error|digest failure/i);
  });

  it('reports a changed signature value as signature-invalid', async () => {
    // The CMS ends with the signature OCTET STRING (no unsigned attributes), so its last byte is signature.
    const [, contentsStart] = signature.byteRange;
    const lastHexDigit = contentsStart + 1 + signature.cms.length * 2 - 1;
    const tampered = Buffer.from(signed);
    tampered[lastHexDigit] = tampered[lastHexDigit] === 0x30 ? 0x31 : 0x30;
    expect(await verifyPdfSignature(tampered)).toMatchObject({ status: 'invalid', reason: 'signature-invalid' });
    expect(opensslCmsVerify(dir, extractLastSignature(tampered), ['-noverify']).status).not.toBe(0);
  });

  it('refuses a signature whose signing-certificate-v2 names another certificate, as openssl does', async () => {
    const rebound = withForeignSigningCertificate(signed, credential.privateKeyPem);
    expect(await verifyPdfSignature(rebound)).toMatchObject({
      status: 'invalid',
      reason: 'signing-certificate-mismatch',
    });
    const result = opensslCmsVerify(dir, extractLastSignature(rebound), [
      '-CAfile',
      certPath,
      '-purpose',
      'any',
      '-cades',
    ]);
    // OpenSSL checks the ESS binding only when told to (-cades).
    expect(result.output).toMatch(/verification failure/i);
    expect(result.status).not.toBe(0);
  });

  it('notices bytes appended after signing: still a valid signature, no longer the whole file', async () => {
    const appended = Buffer.concat([signed, Buffer.from('\n1 0 obj\n<< /Evil true >>\nendobj\n')]);
    expect(expectValid(await verifyPdfSignature(appended)).coversWholeFile).toBe(false);
  });

  it('is byte-identical for the same input and signedAt', async () => {
    const again = await signPdf(unsigned, credential, DETAILS);
    expect(again.equals(signed)).toBe(true);
    const later = await signPdf(unsigned, credential, { ...DETAILS, signedAt: new Date('2026-11-02T08:00:01Z') });
    expect(later.equals(signed)).toBe(false);
  });

  it('signs a page that already has annotations and keeps them', async () => {
    const withLink = typstPdf('见 #link("https://www.smx.gov.cn")[三门峡市人民政府网站]。');
    const result = await signPdf(withLink, credential, DETAILS);
    expectValid(await verifyPdfSignature(result));
    const pageObject = /\/Type \/Page\b[\s\S]*?\/Annots \[([^\]]*)\]/.exec(
      result.subarray(withLink.length).toString('latin1'),
    );
    expect(pageObject?.[1].trim().split(/\s+/).length).toBe(6);
    expect(opensslCmsVerify(dir, extractLastSignature(result), ['-noverify']).status).toBe(0);
  });

  it('signs with an ECDSA P-256 key and a certificate chain', async () => {
    const caKey = join(dir, 'ec-ca.key');
    const caPem = join(dir, 'ec-ca.pem');
    const leafKey = join(dir, 'ec-leaf.key');
    const leafCsr = join(dir, 'ec-leaf.csr');
    const leafPem = join(dir, 'ec-leaf.pem');
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    writeFileSync(leafKey, privateKey.export({ type: 'pkcs8', format: 'pem' }));
    const commands = [
      ['ecparam', '-name', 'prime256v1', '-genkey', '-noout', '-out', caKey],
      ['req', '-x509', '-new', '-key', caKey, '-subj', '/CN=Dafu EC CA', '-days', '30', '-out', caPem],
      ['req', '-new', '-key', leafKey, '-subj', '/O=三门峡市民政局/CN=答复函', '-utf8', '-out', leafCsr],
      [
        'x509',
        '-req',
        '-in',
        leafCsr,
        '-CA',
        caPem,
        '-CAkey',
        caKey,
        '-set_serial',
        '99',
        '-days',
        '30',
        '-out',
        leafPem,
      ],
    ];
    for (const command of commands) expect(run('openssl', command).status).toBe(0);
    const ecCredential: SigningCredential = {
      certificatePem: readFileSync(leafPem, 'utf8'),
      privateKeyPem: readFileSync(leafKey, 'utf8'),
      chainPem: [readFileSync(caPem, 'utf8')],
    };
    const result = await signPdf(unsigned, ecCredential, DETAILS);
    const check = expectValid(await verifyPdfSignature(result));
    expect(check.certificate).toMatchObject({ commonName: '答复函', selfSigned: false });
    const extracted = extractLastSignature(result);
    expect(opensslCmsVerify(dir, extracted, ['-CAfile', caPem, '-purpose', 'any', '-cades']).status).toBe(0);
  });

  it('stays fast enough to sign on the request path', async () => {
    const runs = 20;
    const started = process.hrtime.bigint();
    for (let i = 0; i < runs; i += 1) await signPdf(unsigned, credential, DETAILS);
    const msPerSignature = Number(process.hrtime.bigint() - started) / 1e6 / runs;
    expect(msPerSignature).toBeLessThan(250);
  });

  (hasPdfsig ? describe : describe.skip)('pdfsig (poppler)', () => {
    it('calls the signature valid and the self-signed issuer unknown', () => {
      const path = join(dir, 'signed.pdf');
      writeFileSync(path, signed);
      const result = run('pdfsig', [path]);
      expect(result.output).toContain('Signature Type: ETSI.CAdES.detached');
      expect(result.output).toContain('Signing Hash Algorithm: SHA-256');
      expect(result.output).toContain('Total document signed');
      expect(result.output).toContain('Signature Validation: Signature is Valid.');
      // Trust is a separate line: a self-signed certificate is never in the NSS store.
      expect(result.output).toMatch(/Certificate Validation: Certificate issuer (is unknown|isn't Trusted)/);
      expect(result.output).toContain('Signer Certificate Common Name: 三门峡市民政局（答复函签名）');
    });

    it('calls a tampered copy invalid', () => {
      const path = join(dir, 'tampered.pdf');
      writeFileSync(path, flipByte(signed, 40));
      const result = run('pdfsig', [path]);
      expect(result.output).not.toContain('Signature is Valid');
      expect(result.output).toMatch(/Signature Validation: (Digest Mismatch|Signature is Invalid)/);
    });
  });
});
