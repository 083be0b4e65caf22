import { X509Certificate, createHash, generateKeyPairSync } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  SELF_SIGNED_LABEL,
  SigningCredential,
  SigningCredentialError,
  SigningCredentialErrorReason,
  generateSelfSignedCredential,
  isSelfSigned,
  parseCertificate,
  validateCredential,
} from './signing-credential';
import { run, scratchDir } from './test-support';

const VALID_FROM = new Date('2026-01-01T00:00:00.000Z');
const SUBJECT = { organisation: '三门峡市民政局', commonName: '三门峡市民政局（答复函签名）' };

function reasonOf(action: () => unknown): SigningCredentialErrorReason | 'no error' {
  try {
    action();
    return 'no error';
  } catch (error) {
    if (error instanceof SigningCredentialError) return error.reason;
    throw error;
  }
}

/** A CA-issued leaf made by the openssl CLI: what an admin would upload. */
function opensslIssuedCredential(dir: string): SigningCredential & { caPem: string } {
  const path = (name: string) => join(dir, name);
  const steps: string[][] = [
    ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', path('ca.key'), '-out', path('ca.pem')],
    ['-subj', '/C=CN/O=测试根/CN=Dafu Test CA', '-utf8', '-days', '30'],
    ['req', '-newkey', 'rsa:2048', '-nodes', '-keyout', path('leaf.key'), '-out', path('leaf.csr')],
    ['-subj', '/C=CN/O=三门峡市民政局/CN=答复函签名', '-utf8'],
    ['x509', '-req', '-in', path('leaf.csr'), '-CA', path('ca.pem'), '-CAkey', path('ca.key')],
    ['-set_serial', '4660', '-days', '30', '-out', path('leaf.pem')],
  ];
  for (let i = 0; i < steps.length; i += 2) {
    const result = run('openssl', [...steps[i], ...steps[i + 1]]);
    if (result.status !== 0) throw new Error(result.output);
  }
  return {
    certificatePem: readFileSync(path('leaf.pem'), 'utf8'),
    privateKeyPem: readFileSync(path('leaf.key'), 'utf8'),
    caPem: readFileSync(path('ca.pem'), 'utf8'),
  };
}

describe('signing credentials', () => {
  let credential: SigningCredential;
  let other: SigningCredential;
  let dir: string;

  beforeAll(async () => {
    [credential, other] = await Promise.all([
      generateSelfSignedCredential(SUBJECT, VALID_FROM),
      generateSelfSignedCredential({ organisation: '另一个局', commonName: '另一个局' }, VALID_FROM, 1),
    ]);
    dir = scratchDir();
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  describe('generateSelfSignedCredential', () => {
    it('parses back with the Chinese names intact and labelled self-signed', () => {
      const certificate = parseCertificate(credential.certificatePem);
      expect(certificate).toMatchObject({
        organisation: '三门峡市民政局',
        commonName: '三门峡市民政局（答复函签名）',
        organisationalUnit: SELF_SIGNED_LABEL,
        selfSigned: true,
        selfSignedLabelled: true,
        notBefore: VALID_FROM,
        notAfter: new Date('2036-01-01T00:00:00.000Z'),
      });
      expect(certificate.subject).toBe(
        'CN=三门峡市民政局（答复函签名）, OU=自签名证书（未经第三方认证）Self-signed\\, not certified by a third party, O=三门峡市民政局, C=CN',
      );
      expect(certificate.issuer).toBe(certificate.subject);
      expect(isSelfSigned(credential.certificatePem)).toBe(true);
    });

    it('has a random positive 128-bit serial and the SHA-256 fingerprint of the DER', () => {
      const first = parseCertificate(credential.certificatePem);
      const second = parseCertificate(other.certificatePem);
      expect(first.serialNumber).toMatch(/^[4-7][0-9a-f]{31}$/);
      expect(first.serialNumber).not.toBe(second.serialNumber);
      const x509 = new X509Certificate(credential.certificatePem);
      expect(first.sha256Fingerprint).toBe(x509.fingerprint256.replace(/:/g, '').toLowerCase());
      expect(first.serialNumber).toBe(x509.serialNumber.toLowerCase());
    });

    it('is an RSA-2048 end-entity certificate for signatures, as openssl reads it', () => {
      const certPath = join(dir, 'self.pem');
      writeFileSync(certPath, credential.certificatePem);
      const text = run('openssl', [
        'x509',
        '-in',
        certPath,
        '-noout',
        '-text',
        '-nameopt',
        'utf8,sep_comma_plus_space',
      ]);
      expect(text.status).toBe(0);
      expect(text.output).toContain('Version: 3 (0x2)');
      expect(text.output).toContain('Signature Algorithm: sha256WithRSAEncryption');
      expect(text.output).toContain('Public-Key: (2048 bit)');
      expect(text.output).toMatch(/Basic Constraints: critical\s+CA:FALSE/);
      expect(text.output).toMatch(/Key Usage: critical\s+Digital Signature, Non Repudiation/);
      expect(text.output).toContain(`Subject: C=CN, O=三门峡市民政局, OU=${SELF_SIGNED_LABEL}, CN=`);

      const ski = /Subject Key Identifier:\s+([0-9A-F:]+)/.exec(text.output)?.[1].replace(/:/g, '').toLowerCase();
      const publicKey = new X509Certificate(credential.certificatePem).publicKey;
      expect(ski).toBe(
        createHash('sha1')
          .update(publicKey.export({ type: 'pkcs1', format: 'der' }))
          .digest('hex'),
      );

      const asn1 = run('openssl', ['asn1parse', '-in', certPath]);
      expect(asn1.output).toMatch(/OBJECT\s+:organizationName\s*\n.*UTF8STRING\s+:三门峡市民政局/);
      expect(asn1.output).toMatch(/OBJECT\s+:commonName\s*\n.*UTF8STRING/);
      expect(asn1.output).toMatch(/OBJECT\s+:countryName\s*\n.*PRINTABLESTRING\s+:CN/);

      expect(run('openssl', ['verify', '-CAfile', certPath, certPath]).status).toBe(0);
    });

    it('switches to GeneralizedTime after 2049', async () => {
      const late = await generateSelfSignedCredential(SUBJECT, new Date('2045-06-30T12:34:56.789Z'), 10);
      expect(parseCertificate(late.certificatePem)).toMatchObject({
        notBefore: new Date('2045-06-30T12:34:56.000Z'),
        notAfter: new Date('2055-06-30T12:34:56.000Z'),
      });
    });
  });

  describe('validateCredential', () => {
    it('accepts a matching, current credential and returns what to store', () => {
      const validated = validateCredential(credential, new Date('2026-06-01T00:00:00Z'));
      expect(validated.certificate.organisation).toBe('三门峡市民政局');
      expect(validated.credential.privateKeyPem).toContain('-----BEGIN PRIVATE KEY-----');
      expect(validated.credential.chainPem).toEqual([]);
    });

    it('refuses the key of another credential', () => {
      const mixed = { certificatePem: credential.certificatePem, privateKeyPem: other.privateKeyPem };
      expect(reasonOf(() => validateCredential(mixed, new Date('2026-06-01T00:00:00Z')))).toBe('key-mismatch');
    });

    it('refuses a certificate outside its validity at the given date', () => {
      expect(reasonOf(() => validateCredential(other, new Date('2027-01-01T00:00:01Z')))).toBe('expired');
      expect(reasonOf(() => validateCredential(other, new Date('2025-12-31T23:59:59Z')))).toBe('not-yet-valid');
      expect(reasonOf(() => validateCredential(other, new Date('2027-01-01T00:00:00Z')))).toBe('no error');
    });

    it.each([
      ['garbage certificate', { certificatePem: 'hello', privateKeyPem: '' }],
      [
        'certificate block of garbage',
        { certificatePem: '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n', privateKeyPem: '' },
      ],
      [
        'garbage key',
        { certificatePem: '', privateKeyPem: '-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----' },
      ],
    ])('calls a %s unreadable', (_label, input) => {
      const patched = {
        certificatePem: input.certificatePem || credential.certificatePem,
        privateKeyPem: input.privateKeyPem || credential.privateKeyPem,
      };
      expect(reasonOf(() => validateCredential(patched, new Date('2026-06-01T00:00:00Z')))).toBe('unreadable');
    });

    it('asks for an unencrypted key', () => {
      const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
      const encrypted = privateKey.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'pw' });
      const input = { certificatePem: credential.certificatePem, privateKeyPem: encrypted.toString() };
      expect(reasonOf(() => validateCredential(input, new Date('2026-06-01T00:00:00Z')))).toBe('key-encrypted');
    });

    it.each([
      ['RSA-1024', () => generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey],
      ['Ed25519', () => generateKeyPairSync('ed25519').privateKey],
    ])('refuses an %s key', (_label, makeKey) => {
      const input = {
        certificatePem: credential.certificatePem,
        privateKeyPem: makeKey().export({ type: 'pkcs8', format: 'pem' }).toString(),
      };
      expect(reasonOf(() => validateCredential(input, new Date('2026-06-01T00:00:00Z')))).toBe('unsupported-key');
    });

    it('accepts a CA-issued PKCS#1 key and a fullchain file, and knows it is not self-signed', () => {
      const issued = opensslIssuedCredential(dir);
      const pkcs1 = run('openssl', ['rsa', '-in', join(dir, 'leaf.key'), '-traditional']).output;
      expect(pkcs1).toContain('BEGIN RSA PRIVATE KEY');
      const validated = validateCredential(
        { certificatePem: issued.certificatePem + issued.caPem, privateKeyPem: pkcs1 },
        new Date(),
      );
      expect(validated.certificate).toMatchObject({
        organisation: '三门峡市民政局',
        commonName: '答复函签名',
        serialNumber: '1234',
        selfSigned: false,
        selfSignedLabelled: false,
      });
      expect(validated.certificate.issuer).toBe('CN=Dafu Test CA, O=测试根, C=CN');
      expect(validated.credential.chainPem).toHaveLength(1);
      expect(validated.credential.privateKeyPem).toContain('BEGIN PRIVATE KEY');
      expect(isSelfSigned(issued.certificatePem)).toBe(false);
      expect(isSelfSigned(issued.caPem)).toBe(true);
    });
  });
});
