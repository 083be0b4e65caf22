import {
  KeyObject,
  X509Certificate,
  createHash,
  createPrivateKey,
  generateKeyPair,
  randomBytes,
  sign,
  verify,
} from 'node:crypto';
import { promisify } from 'node:util';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { Oid, derOf, pemBlocks, toBuffer, toPem } from './asn1-support';

/** A signing key and its certificate as PEM; `chainPem` holds intermediates, leaf first. */
export interface SigningCredential {
  certificatePem: string;
  privateKeyPem: string;
  chainPem?: string[];
}

export interface ParsedCertificate {
  /** RFC 4514 order (most specific first), e.g. "CN=…, OU=…, O=…, C=CN". */
  subject: string;
  issuer: string;
  organisation: string | null;
  organisationalUnit: string | null;
  commonName: string | null;
  /** Lower-case hex without separators. */
  serialNumber: string;
  notBefore: Date;
  notAfter: Date;
  /** Lower-case hex of the SHA-256 of the DER certificate. */
  sha256Fingerprint: string;
  /** Issued by itself (issuer = subject and its own key verifies it): nobody vouches for it. */
  selfSigned: boolean;
  /** Carries {@link SELF_SIGNED_LABEL} in an OU, as certificates generated here do. */
  selfSignedLabelled: boolean;
}

/**
 * Written into the OU of every generated certificate so that anyone opening the signature panel
 * of a PDF reader sees, in both languages, that no third party vouches for this certificate.
 */
export const SELF_SIGNED_LABEL = '自签名证书（未经第三方认证）Self-signed, not certified by a third party';

export type SigningCredentialErrorReason =
  'unreadable' | 'key-encrypted' | 'unsupported-key' | 'key-mismatch' | 'expired' | 'not-yet-valid' | 'not-for-signing';

export const SIGNING_CREDENTIAL_MESSAGES: Record<SigningCredentialErrorReason, { zh: string; en: string }> = {
  unreadable: { zh: '无法读取证书或私钥（需 PEM 格式）', en: 'The certificate or key cannot be read (PEM expected)' },
  'key-encrypted': {
    zh: '私钥受口令保护，请上传未加密的私钥',
    en: 'The private key is passphrase-protected; upload it unencrypted',
  },
  'unsupported-key': {
    zh: '不支持的密钥类型（需 RSA ≥ 2048 位或 ECDSA P-256/P-384）',
    en: 'Unsupported key type (RSA ≥ 2048 bits or ECDSA P-256/P-384 required)',
  },
  'key-mismatch': { zh: '私钥与证书不匹配', en: 'The private key does not belong to the certificate' },
  expired: { zh: '证书已过期', en: 'The certificate has expired' },
  'not-yet-valid': { zh: '证书尚未生效', en: 'The certificate is not valid yet' },
  'not-for-signing': {
    zh: '证书的密钥用法不允许数字签名',
    en: 'The certificate key usage does not allow digital signatures',
  },
};

export class SigningCredentialError extends Error {
  constructor(
    readonly reason: SigningCredentialErrorReason,
    readonly detail?: string,
  ) {
    super(detail ? `${reason}: ${detail}` : reason);
    this.name = new.target.name;
  }
}

const generateKeyPairAsync = promisify(generateKeyPair);

/**
 * Creates an RSA-2048 key and a self-signed X.509 v3 certificate for a bureau that has no
 * certificate from a CA. Names are UTF8String so Chinese survives every verifier (a node-forge
 * certificate with a Chinese CN failed `openssl cms -verify`).
 */
export async function generateSelfSignedCredential(
  subject: { organisation: string; commonName: string },
  validFrom: Date,
  years = 10,
): Promise<SigningCredential> {
  if (!subject.organisation.trim() || !subject.commonName.trim()) {
    throw new RangeError('organisation and commonName are required');
  }
  if (!Number.isInteger(years) || years < 1 || years > 30) throw new RangeError('years must be 1 to 30');
  const { publicKey, privateKey } = await generateKeyPairAsync('rsa', { modulusLength: 2048, publicExponent: 0x10001 });

  // UTCTime and the certificate hold whole seconds only.
  const notBefore = new Date(Math.floor(validFrom.getTime() / 1000) * 1000);
  const notAfter = new Date(notBefore);
  notAfter.setUTCFullYear(notAfter.getUTCFullYear() + years);

  const certificate = new pkijs.Certificate();
  certificate.version = 2;
  certificate.serialNumber = new asn1js.Integer({ valueHex: randomSerial() });
  certificate.subject = distinguishedName(subject);
  certificate.issuer = distinguishedName(subject);
  certificate.notBefore = certificateTime(notBefore);
  certificate.notAfter = certificateTime(notAfter);
  certificate.subjectPublicKeyInfo = pkijs.PublicKeyInfo.fromBER(publicKey.export({ type: 'spki', format: 'der' }));

  const keyIdentifier = createHash('sha1')
    .update(certificate.subjectPublicKeyInfo.subjectPublicKey.valueBlock.valueHexView)
    .digest();
  // digitalSignature (bit 0) and nonRepudiation (bit 1): a seal on letters, never a CA.
  const keyUsage = new asn1js.BitString({ valueHex: new Uint8Array([0xc0]).buffer, unusedBits: 6 });
  certificate.extensions = [
    new pkijs.Extension({
      extnID: Oid.basicConstraints,
      critical: true,
      extnValue: new pkijs.BasicConstraints({ cA: false }).toSchema().toBER(false),
    }),
    new pkijs.Extension({ extnID: Oid.keyUsage, critical: true, extnValue: keyUsage.toBER(false) }),
    new pkijs.Extension({
      extnID: Oid.subjectKeyIdentifier,
      critical: false,
      extnValue: new asn1js.OctetString({ valueHex: keyIdentifier }).toBER(false),
    }),
    new pkijs.Extension({
      extnID: Oid.authorityKeyIdentifier,
      critical: false,
      extnValue: new pkijs.AuthorityKeyIdentifier({
        keyIdentifier: new asn1js.OctetString({ valueHex: keyIdentifier }),
      })
        .toSchema()
        .toBER(false),
    }),
  ];
  certificate.signature = sha256WithRsa();
  certificate.signatureAlgorithm = sha256WithRsa();
  certificate.tbsView = new Uint8Array(certificate.encodeTBS().toBER(false));
  certificate.signatureValue = new asn1js.BitString({ valueHex: sign('sha256', certificate.tbsView, privateKey) });

  return {
    certificatePem: toPem(derOf(certificate.toSchema()), 'CERTIFICATE'),
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  };
}

function randomSerial(): ArrayBuffer {
  // 127 random bits; a clear top bit keeps the INTEGER positive, a set 0x40 keeps it minimal.
  const bytes = randomBytes(16);
  bytes[0] = (bytes[0] & 0x7f) | 0x40;
  return new Uint8Array(bytes).buffer;
}

function distinguishedName(subject: { organisation: string; commonName: string }): pkijs.RelativeDistinguishedNames {
  const rdn = (type: string, value: asn1js.Utf8String | asn1js.PrintableString): asn1js.Set =>
    new asn1js.Set({ value: [new pkijs.AttributeTypeAndValue({ type, value }).toSchema()] });
  // One attribute per RDN as CAs issue them (pkijs would put them all into one multi-valued RDN);
  // RFC 5280 wants UTF8String for everything but C.
  const name = new asn1js.Sequence({
    value: [
      rdn(Oid.country, new asn1js.PrintableString({ value: 'CN' })),
      rdn(Oid.organisation, new asn1js.Utf8String({ value: subject.organisation.trim() })),
      rdn(Oid.organisationalUnit, new asn1js.Utf8String({ value: SELF_SIGNED_LABEL })),
      rdn(Oid.commonName, new asn1js.Utf8String({ value: subject.commonName.trim() })),
    ],
  });
  return pkijs.RelativeDistinguishedNames.fromBER(name.toBER(false));
}

function certificateTime(date: Date): pkijs.Time {
  // RFC 5280 4.1.2.5: UTCTime through 2049, GeneralizedTime from 2050.
  return new pkijs.Time({ type: date.getUTCFullYear() < 2050 ? 0 : 1, value: date });
}

function sha256WithRsa(): pkijs.AlgorithmIdentifier {
  return new pkijs.AlgorithmIdentifier({ algorithmId: Oid.sha256WithRsa, algorithmParams: new asn1js.Null() });
}

export function parseCertificate(certificatePem: string): ParsedCertificate {
  const [der] = pemBlocks(certificatePem, 'CERTIFICATE');
  if (!der) throw new SigningCredentialError('unreadable', 'no CERTIFICATE block');
  return parseCertificateDer(der);
}

export function isSelfSigned(certificatePem: string): boolean {
  return parseCertificate(certificatePem).selfSigned;
}

export function parseCertificateDer(der: Buffer): ParsedCertificate {
  let certificate: pkijs.Certificate;
  let x509: X509Certificate;
  try {
    certificate = pkijs.Certificate.fromBER(der);
    x509 = new X509Certificate(der);
  } catch (error) {
    throw new SigningCredentialError('unreadable', error instanceof Error ? error.message : String(error));
  }
  const subject = certificate.subject.typesAndValues;
  const firstValue = (oid: string): string | null => {
    const found = subject.find((entry) => entry.type === oid);
    return found ? attributeText(found) : null;
  };
  const organisationalUnits = subject.filter((entry) => entry.type === Oid.organisationalUnit).map(attributeText);
  return {
    subject: readableName(certificate.subject),
    issuer: readableName(certificate.issuer),
    organisation: firstValue(Oid.organisation),
    organisationalUnit: organisationalUnits[0] ?? null,
    commonName: firstValue(Oid.commonName),
    serialNumber: toBuffer(certificate.serialNumber.valueBlock.valueHexView).toString('hex'),
    notBefore: certificate.notBefore.value,
    notAfter: certificate.notAfter.value,
    sha256Fingerprint: createHash('sha256').update(der).digest('hex'),
    selfSigned: isIssuedBySelf(certificate, x509),
    selfSignedLabelled: organisationalUnits.includes(SELF_SIGNED_LABEL),
  };
}

function isIssuedBySelf(certificate: pkijs.Certificate, x509: X509Certificate): boolean {
  // Not X509Certificate.checkIssued: OpenSSL's issuer check also wants keyCertSign, which a
  // self-signed end-entity certificate rightly lacks.
  try {
    return certificate.issuer.isEqual(certificate.subject) && x509.verify(x509.publicKey);
  } catch {
    return false;
  }
}

const SHORT_NAMES: Record<string, string> = {
  [Oid.commonName]: 'CN',
  [Oid.country]: 'C',
  [Oid.organisation]: 'O',
  [Oid.organisationalUnit]: 'OU',
  '2.5.4.5': 'serialNumber',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
  '2.5.4.9': 'street',
  '2.5.4.12': 'title',
  '2.5.4.97': 'organizationIdentifier',
  '1.2.840.113549.1.9.1': 'emailAddress',
};

function readableName(name: pkijs.RelativeDistinguishedNames): string {
  return [...name.typesAndValues]
    .reverse()
    .map((entry) => `${SHORT_NAMES[entry.type] ?? entry.type}=${escapeRdnValue(attributeText(entry))}`)
    .join(', ');
}

function attributeText(entry: pkijs.AttributeTypeAndValue): string {
  const value: unknown = entry.value;
  if (value instanceof asn1js.BaseStringBlock) return value.getValue();
  // RFC 4514 2.4: a value of a non-string type is written as # and its DER in hex.
  if (value instanceof asn1js.BaseBlock) return `#${derOf(value).toString('hex')}`;
  return '';
}

function escapeRdnValue(value: string): string {
  return value
    .replace(/[\\,+"<>;=]/g, (char) => `\\${char}`)
    .replace(/^([ #])/, '\\$1')
    .replace(/ $/, '\\ ');
}

export interface ValidatedCredential {
  /** Key as unencrypted PKCS#8 PEM and certificates re-armoured, ready to seal and store. */
  credential: SigningCredential;
  certificate: ParsedCertificate;
}

/**
 * Checks an uploaded (or generated) credential before it is stored: readable PEM, a supported
 * key that matches the certificate, a certificate valid at `at` whose key usage allows
 * signatures. PEM only: PKCS#12 files from Chinese CAs mostly use 3DES/RC2 PBE, which pkijs
 * cannot open, so admins convert with `openssl pkcs12 -nodes` first.
 */
export function validateCredential(credential: SigningCredential, at: Date): ValidatedCredential {
  const certificates = pemBlocks(credential.certificatePem, 'CERTIFICATE');
  if (certificates.length === 0) throw new SigningCredentialError('unreadable', 'no CERTIFICATE block');
  // A fullchain file is accepted: the first certificate is the leaf, the rest join the chain.
  const [leafDer, ...bundled] = certificates;
  const chainDers = [...bundled, ...(credential.chainPem ?? []).flatMap((pem) => pemBlocks(pem, 'CERTIFICATE'))];
  const certificate = parseCertificateDer(leafDer);
  chainDers.forEach((der) => parseCertificateDer(der));

  const privateKey = readPrivateKey(credential.privateKeyPem);
  assertSupportedKey(privateKey);
  const publicKey = new X509Certificate(leafDer).publicKey;
  const probe = randomBytes(32);
  let matches: boolean;
  try {
    matches = verify('sha256', probe, publicKey, sign('sha256', probe, privateKey));
  } catch {
    matches = false;
  }
  if (!matches) throw new SigningCredentialError('key-mismatch');

  if (at.getTime() < certificate.notBefore.getTime()) {
    throw new SigningCredentialError('not-yet-valid', `valid from ${certificate.notBefore.toISOString()}`);
  }
  if (at.getTime() > certificate.notAfter.getTime()) {
    throw new SigningCredentialError('expired', `expired ${certificate.notAfter.toISOString()}`);
  }
  if (!allowsSignatures(leafDer)) throw new SigningCredentialError('not-for-signing');

  return {
    credential: {
      certificatePem: toPem(leafDer, 'CERTIFICATE'),
      privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      chainPem: chainDers.map((der) => toPem(der, 'CERTIFICATE')),
    },
    certificate,
  };
}

export function readPrivateKey(privateKeyPem: string): KeyObject {
  if (/-----BEGIN ENCRYPTED PRIVATE KEY-----|Proc-Type: 4,ENCRYPTED/.test(privateKeyPem)) {
    throw new SigningCredentialError('key-encrypted');
  }
  try {
    return createPrivateKey({ key: privateKeyPem, format: 'pem' });
  } catch (error) {
    throw new SigningCredentialError('unreadable', error instanceof Error ? error.message : String(error));
  }
}

export function assertSupportedKey(key: KeyObject): void {
  const details = key.asymmetricKeyDetails;
  if (key.asymmetricKeyType === 'rsa' && (details?.modulusLength ?? 0) >= 2048) return;
  if (key.asymmetricKeyType === 'ec' && ['prime256v1', 'secp384r1'].includes(details?.namedCurve ?? '')) return;
  throw new SigningCredentialError(
    'unsupported-key',
    `${key.asymmetricKeyType ?? 'unknown'} ${details?.modulusLength ?? details?.namedCurve ?? ''}`.trim(),
  );
}

function allowsSignatures(der: Buffer): boolean {
  const certificate = pkijs.Certificate.fromBER(der);
  const extension = certificate.extensions?.find((entry) => entry.extnID === Oid.keyUsage);
  // No keyUsage extension means no restriction (RFC 5280 4.2.1.3).
  if (!extension) return true;
  const parsed = asn1js.fromBER(extension.extnValue.valueBlock.valueHexView);
  if (!(parsed.result instanceof asn1js.BitString)) return false;
  const firstByte = parsed.result.valueBlock.valueHexView[0] ?? 0;
  return (firstByte & 0xc0) !== 0;
}
