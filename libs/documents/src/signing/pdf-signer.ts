import { KeyObject, createHash, sign } from 'node:crypto';
import { plainAddPlaceholder } from '@signpdf/placeholder-plain';
import { SignPdf } from '@signpdf/signpdf';
import { SUBFILTER_ETSI_CADES_DETACHED, Signer } from '@signpdf/utils';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { Oid, derOf, pemBlocks, sortDerSet } from './asn1-support';
import { SigningCredential, SigningCredentialError, assertSupportedKey, readPrivateKey } from './signing-credential';

export interface SignatureDetails {
  reason: string;
  location: string;
  /** Name of the signer as shown by readers, e.g. the bureau. */
  name: string;
  contactInfo?: string;
  /** Written to /M of the signature dictionary; PAdES B-B keeps the claimed time there. */
  signedAt: Date;
}

/** Bytes reserved for the CMS; RSA-2048 with one certificate needs about 1.7 KB, a chain a few more. */
export const SIGNATURE_PLACEHOLDER_BYTES = 16384;

/**
 * Signs a PDF (as written by Typst) with a PAdES B-B signature: an incremental update with an
 * invisible signature field, /SubFilter /ETSI.CAdES.detached and the time in /M. With a fixed
 * `signedAt` the output is byte-identical across runs (RSA PKCS#1 v1.5 is deterministic).
 * placeholder-plain reads classic xref tables only: a PDF with nothing but xref streams makes it
 * throw a SignPdfError; Typst writes classic tables.
 */
export async function signPdf(pdf: Buffer, credential: SigningCredential, details: SignatureDetails): Promise<Buffer> {
  const signer = new PadesSigner(credential);
  const withPlaceholder = addPlaceholder(pdf, details);
  // A fresh SignPdf: the shared default instance keeps the last signature in a field.
  return new SignPdf().sign(withPlaceholder, signer, details.signedAt);
}

type TextField = 'Reason' | 'Name' | 'Location' | 'ContactInfo';

/**
 * placeholder-plain turns a non-ASCII string into UTF-16BE bytes and then writes them through a
 * UTF-8 Buffer, so Chinese text arrives garbled. Such values go in as an ASCII stand-in exactly
 * as long as the UTF-16BE hex string `<FEFF…>` they are then swapped for, so every offset in the
 * new xref section stays right.
 */
function addPlaceholder(pdf: Buffer, details: SignatureDetails): Buffer {
  const texts: Record<TextField, string> = {
    Reason: details.reason,
    Name: details.name,
    Location: details.location,
    ContactInfo: details.contactInfo ?? '',
  };
  const swaps: { literal: string; hex: string }[] = [];
  const asPlaceholderText = (field: TextField): string => {
    const text = texts[field];
    if (/^[\x20-\x7e]*$/.test(text)) return text;
    const hex = `<${Buffer.from(`\ufeff${text}`, 'utf16le').swap16().toString('hex')}>`;
    const standIn = 'X'.repeat(hex.length - 2);
    swaps.push({ literal: `/${field} (${standIn})`, hex: `/${field} ${hex}` });
    return standIn;
  };

  let withPlaceholder = plainAddPlaceholder({
    pdfBuffer: pdf,
    reason: asPlaceholderText('Reason'),
    name: asPlaceholderText('Name'),
    location: asPlaceholderText('Location'),
    contactInfo: asPlaceholderText('ContactInfo'),
    signingTime: details.signedAt,
    signatureLength: SIGNATURE_PLACEHOLDER_BYTES,
    subFilter: SUBFILTER_ETSI_CADES_DETACHED,
  });
  for (const swap of swaps) {
    // Only the appended signature dictionary has `/Reason (XXX…)` and the like; the original bytes stay untouched.
    const at = withPlaceholder.lastIndexOf(swap.literal, undefined, 'latin1');
    if (at === -1 || at < pdf.length - 2) throw new Error(`signature field ${swap.literal.split(' ')[0]} not found`);
    withPlaceholder = Buffer.concat([
      withPlaceholder.subarray(0, at),
      Buffer.from(swap.hex, 'latin1'),
      withPlaceholder.subarray(at + swap.literal.length),
    ]);
  }
  return withPlaceholder;
}

interface PreparedCredential {
  privateKey: KeyObject;
  signerCertificate: pkijs.Certificate;
  certificates: pkijs.Certificate[];
  signatureAlgorithm: pkijs.AlgorithmIdentifier;
}

/**
 * A @signpdf Signer producing a detached CAdES signature for PAdES B-B: signed attributes
 * content-type, message-digest and signing-certificate-v2, and no signing-time (B-B puts the
 * time in the signature dictionary). Unlike @signpdf's P12 signer an instance can sign many times.
 */
export class PadesSigner extends Signer {
  private readonly prepared: PreparedCredential;

  constructor(credential: SigningCredential) {
    super();
    this.prepared = prepareCredential(credential);
  }

  override async sign(pdfBuffer: Buffer, _signingTime?: Date): Promise<Buffer> {
    return createCadesDetachedSignature(pdfBuffer, this.prepared);
  }
}

function prepareCredential(credential: SigningCredential): PreparedCredential {
  const privateKey = readPrivateKey(credential.privateKeyPem);
  assertSupportedKey(privateKey);
  const ders = [credential.certificatePem, ...(credential.chainPem ?? [])].flatMap((pem) =>
    pemBlocks(pem, 'CERTIFICATE'),
  );
  if (ders.length === 0) throw new SigningCredentialError('unreadable', 'no CERTIFICATE block');
  let certificates: pkijs.Certificate[];
  try {
    certificates = ders.map((der) => pkijs.Certificate.fromBER(der));
  } catch (error) {
    throw new SigningCredentialError('unreadable', error instanceof Error ? error.message : String(error));
  }
  const signatureAlgorithm =
    privateKey.asymmetricKeyType === 'rsa'
      ? new pkijs.AlgorithmIdentifier({ algorithmId: Oid.rsaEncryption, algorithmParams: new asn1js.Null() })
      : new pkijs.AlgorithmIdentifier({ algorithmId: Oid.ecdsaWithSha256 });
  return { privateKey, signerCertificate: certificates[0], certificates, signatureAlgorithm };
}

function createCadesDetachedSignature(content: Buffer, prepared: PreparedCredential): Buffer {
  const { signerCertificate } = prepared;
  // Hash what the CMS will carry: pkijs re-encodes certificates from their parsed parts.
  const signerCertificateDer = derOf(signerCertificate.toSchema());
  const attributes = sortDerSet([
    new pkijs.Attribute({ type: Oid.contentType, values: [new asn1js.ObjectIdentifier({ value: Oid.data })] }),
    new pkijs.Attribute({
      type: Oid.messageDigest,
      values: [new asn1js.OctetString({ valueHex: createHash('sha256').update(content).digest() })],
    }),
    new pkijs.Attribute({
      type: Oid.signingCertificateV2,
      values: [signingCertificateV2(signerCertificate, signerCertificateDer)],
    }),
  ]);
  // The signature covers the attributes encoded as a SET (0x31), not with their [0] IMPLICIT tag.
  const signedAttributesDer = derOf(new asn1js.Set({ value: attributes.map((attribute) => attribute.toSchema()) }));
  const signature = sign('sha256', signedAttributesDer, prepared.privateKey);

  const signerInfo = new pkijs.SignerInfo({
    version: 1,
    sid: new pkijs.IssuerAndSerialNumber({
      issuer: signerCertificate.issuer,
      serialNumber: signerCertificate.serialNumber,
    }),
    digestAlgorithm: sha256Algorithm(),
    signedAttrs: new pkijs.SignedAndUnsignedAttributes({ type: 0, attributes }),
    signatureAlgorithm: prepared.signatureAlgorithm,
    signature: new asn1js.OctetString({ valueHex: signature }),
  });
  const signedData = new pkijs.SignedData({
    version: 1,
    digestAlgorithms: [sha256Algorithm()],
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: Oid.data }),
    certificates: prepared.certificates,
    signerInfos: [signerInfo],
  });
  const contentInfo = new pkijs.ContentInfo({ contentType: Oid.signedData, content: signedData.toSchema(true) });
  return derOf(contentInfo.toSchema());
}

function sha256Algorithm(): pkijs.AlgorithmIdentifier {
  // RFC 5754 3: SHA-2 AlgorithmIdentifiers omit the parameters.
  return new pkijs.AlgorithmIdentifier({ algorithmId: Oid.sha256 });
}

/**
 * SigningCertificateV2 ::= SEQUENCE { certs SEQUENCE OF ESSCertIDv2 } (RFC 5035), with
 * ESSCertIDv2 ::= SEQUENCE { certHash, issuerSerial }: hashAlgorithm is left out because
 * SHA-256 is its DEFAULT and DER forbids encoding a default.
 */
function signingCertificateV2(certificate: pkijs.Certificate, certificateDer: Buffer): asn1js.Sequence {
  const issuerSerial = new asn1js.Sequence({
    value: [
      new asn1js.Sequence({
        // GeneralNames with one directoryName: [4] EXPLICIT Name.
        value: [
          new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber: 4 }, value: [certificate.issuer.toSchema()] }),
        ],
      }),
      new asn1js.Integer({ valueHex: certificate.serialNumber.valueBlock.valueHexView }),
    ],
  });
  const essCertIdV2 = new asn1js.Sequence({
    value: [new asn1js.OctetString({ valueHex: createHash('sha256').update(certificateDer).digest() }), issuerSerial],
  });
  return new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [essCertIdV2] })] });
}
