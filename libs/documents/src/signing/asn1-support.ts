import * as asn1js from 'asn1js';

/** Object identifiers used by the signer and the verifier (RFC 5280, 5652, 5035, 5754, 8017, 5758). */
export const Oid = {
  commonName: '2.5.4.3',
  country: '2.5.4.6',
  organisation: '2.5.4.10',
  organisationalUnit: '2.5.4.11',
  basicConstraints: '2.5.29.19',
  keyUsage: '2.5.29.15',
  subjectKeyIdentifier: '2.5.29.14',
  authorityKeyIdentifier: '2.5.29.35',
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  signingCertificate: '1.2.840.113549.1.9.16.2.12',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  sha1: '1.3.14.3.2.26',
  sha256: '2.16.840.1.101.3.4.2.1',
  sha384: '2.16.840.1.101.3.4.2.2',
  sha512: '2.16.840.1.101.3.4.2.3',
  rsaEncryption: '1.2.840.113549.1.1.1',
  sha1WithRsa: '1.2.840.113549.1.1.5',
  sha256WithRsa: '1.2.840.113549.1.1.11',
  sha384WithRsa: '1.2.840.113549.1.1.12',
  sha512WithRsa: '1.2.840.113549.1.1.13',
  ecPublicKey: '1.2.840.10045.2.1',
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
  ecdsaWithSha384: '1.2.840.10045.4.3.3',
  ecdsaWithSha512: '1.2.840.10045.4.3.4',
} as const;

export type HashName = 'sha1' | 'sha256' | 'sha384' | 'sha512';

const HASH_BY_DIGEST_OID: Record<string, HashName> = {
  [Oid.sha1]: 'sha1',
  [Oid.sha256]: 'sha256',
  [Oid.sha384]: 'sha384',
  [Oid.sha512]: 'sha512',
};

export function hashForDigestOid(oid: string): HashName | undefined {
  return HASH_BY_DIGEST_OID[oid];
}

/** A signature algorithm OID either fixes its own hash or (rsaEncryption, ecPublicKey) defers to the digest algorithm. */
export function hashForSignatureOid(oid: string, digestHash: HashName): HashName | undefined {
  switch (oid) {
    case Oid.rsaEncryption:
    case Oid.ecPublicKey:
      return digestHash;
    case Oid.sha1WithRsa:
      return 'sha1';
    case Oid.sha256WithRsa:
    case Oid.ecdsaWithSha256:
      return 'sha256';
    case Oid.sha384WithRsa:
    case Oid.ecdsaWithSha384:
      return 'sha384';
    case Oid.sha512WithRsa:
    case Oid.ecdsaWithSha512:
      return 'sha512';
    default:
      return undefined;
  }
}

export function toBuffer(view: ArrayBuffer | ArrayBufferView): Buffer {
  return ArrayBuffer.isView(view) ? Buffer.from(view.buffer, view.byteOffset, view.byteLength) : Buffer.from(view);
}

export function derOf(schema: asn1js.BaseBlock): Buffer {
  return Buffer.from(schema.toBER(false));
}

/** Parses exactly one DER element at the start of `der`; returns undefined instead of throwing. */
export function parseDer(der: Uint8Array): asn1js.AsnType | undefined {
  try {
    const parsed = asn1js.fromBER(der);
    return parsed.offset === -1 ? undefined : parsed.result;
  } catch {
    return undefined;
  }
}

/**
 * DER requires SET OF members in ascending order of their encodings (X.690 11.6); OpenSSL
 * re-encodes signed attributes that way before verifying, so an unsorted SET would not verify.
 */
export function sortDerSet<T extends { toSchema(): asn1js.BaseBlock }>(members: T[]): T[] {
  const encoded = members.map((member) => ({ member, der: derOf(member.toSchema()) }));
  encoded.sort((a, b) => compareDer(a.der, b.der));
  return encoded.map((entry) => entry.member);
}

function compareDer(a: Buffer, b: Buffer): number {
  const length = Math.max(a.length, b.length);
  for (let i = 0; i < length; i += 1) {
    const byteA = i < a.length ? a[i] : 0;
    const byteB = i < b.length ? b[i] : 0;
    if (byteA !== byteB) return byteA - byteB;
  }
  return 0;
}

const PEM_BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/g;

/** Every PEM block with the given label, in file order. */
export function pemBlocks(text: string, label: string): Buffer[] {
  const blocks: Buffer[] = [];
  for (const match of text.matchAll(PEM_BLOCK)) {
    if (match[1] !== label) continue;
    const body = match[2].replace(/\s+/g, '');
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(body) || body.length === 0) continue;
    blocks.push(Buffer.from(body, 'base64'));
  }
  return blocks;
}

export function toPem(der: Buffer, label: string): string {
  const lines = der.toString('base64').match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}
