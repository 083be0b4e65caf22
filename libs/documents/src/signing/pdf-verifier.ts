import { X509Certificate, createHash, verify } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { HashName, Oid, hashForDigestOid, hashForSignatureOid, parseDer, toBuffer } from './asn1-support';
import { ParsedCertificate, parseCertificateDer } from './signing-credential';

export type PdfSignatureInvalidReason =
  | 'byte-range-incomplete'
  | 'digest-mismatch'
  | 'signature-invalid'
  | 'signing-certificate-mismatch'
  | 'unsupported-algorithm'
  | 'malformed';

export type PdfSignatureCheck =
  | { status: 'unsigned' }
  | {
      status: 'invalid';
      reason: PdfSignatureInvalidReason;
      /** English, for logs. */
      detail: string;
      certificate?: ParsedCertificate;
    }
  | {
      status: 'valid';
      certificate: ParsedCertificate;
      /** From /M of the signature dictionary: claimed by the signer, not attested by a TSA. */
      signedAt?: Date;
      /** False when bytes were appended after signing (an incremental update), so what the reader shows may differ. */
      coversWholeFile: boolean;
      subFilter?: string;
      /** ETSI.CAdES.detached with an ESS signing-certificate attribute and no signing-time: PAdES B-B. */
      pades: boolean;
      /** How many /ByteRange entries the file has; the last one is the one checked. */
      signatureCount: number;
    };

type Invalid = Extract<PdfSignatureCheck, { status: 'invalid' }>;

const invalid = (reason: PdfSignatureInvalidReason, detail: string, certificate?: ParsedCertificate): Invalid => ({
  status: 'invalid',
  reason,
  detail,
  ...(certificate ? { certificate } : {}),
});

/**
 * Checks the last signature of a PDF: its byte range, the CMS digest and signature, and the ESS
 * signing-certificate binding. It does not judge trust (no chain, revocation or timestamp), and it
 * never throws: an upload of any bytes at all gets `unsigned` or `invalid`.
 */
export async function verifyPdfSignature(pdf: Buffer): Promise<PdfSignatureCheck> {
  try {
    return checkLastSignature(pdf);
  } catch (error) {
    return invalid('malformed', error instanceof Error ? error.message : String(error));
  }
}

const BYTE_RANGE = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g;

function checkLastSignature(pdf: Buffer): PdfSignatureCheck {
  if (!Buffer.isBuffer(pdf)) return { status: 'unsigned' };
  const text = pdf.toString('latin1');
  const byteRanges = [...text.matchAll(BYTE_RANGE)];
  if (byteRanges.length === 0) {
    return text.includes('/ByteRange')
      ? invalid('malformed', '/ByteRange is not four numbers (an unsigned placeholder?)')
      : { status: 'unsigned' };
  }
  const last = byteRanges[byteRanges.length - 1];
  const [start, firstLength, secondStart, secondLength] = last.slice(1, 5).map(Number);
  const secondEnd = secondStart + secondLength;
  if (start !== 0 || firstLength <= 0 || secondStart <= firstLength + 1 || secondEnd > pdf.length) {
    return invalid('byte-range-incomplete', `ByteRange [${last.slice(1, 5).join(' ')}] for ${pdf.length} bytes`);
  }
  // The one gap allowed is the /Contents hex string itself, brackets included.
  const gap = text.slice(firstLength, secondStart);
  if (!/^<[0-9A-Fa-f\s]*>$/.test(gap)) {
    return invalid('byte-range-incomplete', 'the excluded range is not just the /Contents hex string');
  }
  const dictionary = signatureDictionary(text, last.index, firstLength, secondStart);
  const cmsHex = gap.slice(1, -1).replace(/\s+/g, '');
  const cms = parseDer(Buffer.from(cmsHex.length % 2 === 0 ? cmsHex : `${cmsHex}0`, 'hex'));
  if (!cms) return invalid('malformed', '/Contents holds no DER');

  const signedContent = Buffer.concat([pdf.subarray(0, firstLength), pdf.subarray(secondStart, secondEnd)]);
  const cmsCheck = checkCms(cms, signedContent);
  if (cmsCheck.status === 'invalid') return cmsCheck;

  const signedAt = dictionary.signingTime ? parsePdfDate(dictionary.signingTime) : undefined;
  return {
    status: 'valid',
    certificate: cmsCheck.certificate,
    ...(signedAt ? { signedAt } : {}),
    coversWholeFile: secondEnd === pdf.length,
    ...(dictionary.subFilter ? { subFilter: dictionary.subFilter } : {}),
    pades: dictionary.subFilter === 'ETSI.CAdES.detached' && cmsCheck.essBound && !cmsCheck.hasSigningTime,
    signatureCount: byteRanges.length,
  };
}

/** /SubFilter and /M of the object holding the /ByteRange (before or after /Contents). */
function signatureDictionary(
  text: string,
  byteRangeAt: number,
  contentsStart: number,
  contentsEnd: number,
): { subFilter?: string; signingTime?: string } {
  const objectStart = Math.max(0, text.lastIndexOf(' obj', Math.min(byteRangeAt, contentsStart)));
  const endobj = text.indexOf('endobj', Math.max(byteRangeAt, contentsEnd));
  const objectEnd = endobj === -1 ? text.length : endobj;
  const dictionary = text.slice(objectStart, contentsStart) + text.slice(contentsEnd, objectEnd);
  const subFilter = /\/SubFilter\s*\/([A-Za-z0-9.#_-]+)/.exec(dictionary)?.[1];
  const signingTime = /\/M\s*\((D:[^)]*)\)/.exec(dictionary)?.[1];
  return { ...(subFilter ? { subFilter } : {}), ...(signingTime ? { signingTime } : {}) };
}

/** PDF 32000-1 7.9.4: D:YYYYMMDDHHmmSSOHH'mm, everything after the year optional. */
export function parsePdfDate(value: string): Date | undefined {
  const match = /^D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(?:([Zz+-])(?:(\d{2})'?(\d{2})?'?)?)?/.exec(value);
  if (!match) return undefined;
  const [, year, month = '01', day = '01', hour = '00', minute = '00', second = '00', sign, offsetH, offsetM] = match;
  const utc = Date.UTC(+year, +month - 1, +day, +hour, +minute, +second);
  const offsetMinutes =
    sign === '+' || sign === '-' ? (+(offsetH ?? 0) * 60 + +(offsetM ?? 0)) * (sign === '-' ? -1 : 1) : 0;
  const date = new Date(utc - offsetMinutes * 60_000);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

type CmsCheck = Invalid | { status: 'ok'; certificate: ParsedCertificate; essBound: boolean; hasSigningTime: boolean };

function checkCms(cms: asn1js.AsnType, content: Buffer): CmsCheck {
  let signedData: pkijs.SignedData;
  try {
    const contentInfo = new pkijs.ContentInfo({ schema: cms });
    if (contentInfo.contentType !== Oid.signedData) return invalid('malformed', 'CMS is not SignedData');
    signedData = new pkijs.SignedData({ schema: contentInfo.content });
  } catch (error) {
    return invalid('malformed', `CMS: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (signedData.encapContentInfo.eContent) return invalid('malformed', 'CMS is not detached');
  const signerInfo = signedData.signerInfos[0];
  if (!signerInfo || signedData.signerInfos.length !== 1) return invalid('malformed', 'CMS must have one signer');

  const signerDer = findSignerCertificate(cms, signerInfo);
  if (!signerDer) return invalid('malformed', 'the signer certificate is not in the CMS');
  const certificate = parseCertificateDer(signerDer);

  const digestHash = hashForDigestOid(signerInfo.digestAlgorithm.algorithmId);
  const signatureHash = digestHash && hashForSignatureOid(signerInfo.signatureAlgorithm.algorithmId, digestHash);
  if (!digestHash || !signatureHash) {
    return invalid(
      'unsupported-algorithm',
      `${signerInfo.digestAlgorithm.algorithmId} / ${signerInfo.signatureAlgorithm.algorithmId}`,
      certificate,
    );
  }
  const contentDigest = createHash(digestHash).update(content).digest();
  const signature = toBuffer(signerInfo.signature.valueBlock.valueHexView);
  const publicKey = new X509Certificate(signerDer).publicKey;

  const attributes = signerInfo.signedAttrs?.attributes ?? [];
  let signedBytes: Buffer;
  if (signerInfo.signedAttrs) {
    const messageDigest = attributeValue(attributes, Oid.messageDigest);
    if (!(messageDigest instanceof asn1js.OctetString)) {
      return invalid('malformed', 'no message-digest attribute', certificate);
    }
    if (!toBuffer(messageDigest.valueBlock.valueHexView).equals(contentDigest)) {
      return invalid('digest-mismatch', 'the signed bytes do not match the message digest', certificate);
    }
    const contentType = attributeValue(attributes, Oid.contentType);
    if (!(contentType instanceof asn1js.ObjectIdentifier) || contentType.valueBlock.toString() !== Oid.data) {
      return invalid('malformed', 'content-type attribute is not id-data', certificate);
    }
    // pkijs keeps the attributes as received, retagged as a SET: what the signer signed.
    signedBytes = toBuffer(signerInfo.signedAttrs.encodedValue);
  } else {
    // Without signed attributes a PKCS#7 signature covers the content itself.
    signedBytes = content;
  }
  let signatureValid: boolean;
  try {
    signatureValid = verify(signatureHash, signedBytes, publicKey, signature);
  } catch {
    signatureValid = false;
  }
  if (!signatureValid) {
    // Without signed attributes a wrong signature is the only sign of changed content.
    return signerInfo.signedAttrs
      ? invalid('signature-invalid', 'the signature does not verify with the signer certificate', certificate)
      : invalid('digest-mismatch', 'the signature does not verify over the signed bytes', certificate);
  }

  const ess = essBinding(attributes, signerDer);
  if (ess === 'mismatch') {
    return invalid('signing-certificate-mismatch', 'ESS signing-certificate names another certificate', certificate);
  }
  return {
    status: 'ok',
    certificate,
    essBound: ess === 'bound',
    hasSigningTime: attributes.some((attribute) => attribute.type === Oid.signingTime),
  };
}

function attributeValue(attributes: pkijs.Attribute[], type: string): unknown {
  const values: unknown[] = attributes.find((attribute) => attribute.type === type)?.values ?? [];
  return values[0];
}

/**
 * The certificates exactly as embedded: the ESS hash is over their encoding, which pkijs's parsed
 * objects would re-encode.
 */
function embeddedCertificates(cms: asn1js.AsnType): Buffer[] {
  const explicit = cms instanceof asn1js.Sequence ? cms.valueBlock.value[1] : undefined;
  const signedData = explicit instanceof asn1js.Constructed ? explicit.valueBlock.value[0] : undefined;
  if (!(signedData instanceof asn1js.Sequence)) return [];
  const certificateSet = signedData.valueBlock.value.find(
    (block) => block.idBlock.tagClass === 3 && block.idBlock.tagNumber === 0,
  );
  if (!(certificateSet instanceof asn1js.Constructed)) return [];
  return certificateSet.valueBlock.value
    .filter((block) => block instanceof asn1js.Sequence)
    .map((block) => toBuffer(block.valueBeforeDecodeView));
}

function findSignerCertificate(cms: asn1js.AsnType, signerInfo: pkijs.SignerInfo): Buffer | undefined {
  const sid: unknown = signerInfo.sid;
  return embeddedCertificates(cms).find((der) => {
    try {
      const candidate = pkijs.Certificate.fromBER(der);
      if (sid instanceof pkijs.IssuerAndSerialNumber) {
        return candidate.issuer.isEqual(sid.issuer) && candidate.serialNumber.isEqual(sid.serialNumber);
      }
      // subjectKeyIdentifier [0] IMPLICIT OCTET STRING
      if (sid instanceof asn1js.Primitive && sid.idBlock.tagClass === 3 && sid.idBlock.tagNumber === 0) {
        const ski = candidate.extensions?.find((extension) => extension.extnID === Oid.subjectKeyIdentifier);
        const keyId = ski && parseDer(ski.extnValue.valueBlock.valueHexView);
        return (
          keyId instanceof asn1js.OctetString &&
          toBuffer(keyId.valueBlock.valueHexView).equals(toBuffer(sid.valueBlock.valueHexView))
        );
      }
      return false;
    } catch {
      return false;
    }
  });
}

/**
 * ESS signing-certificate(-v2) binds the signature to one certificate, so it cannot be
 * presented as made with another certificate for the same key. Checks the first ESSCertID.
 */
function essBinding(attributes: pkijs.Attribute[], signerDer: Buffer): 'bound' | 'absent' | 'mismatch' {
  const v2 = attributeValue(attributes, Oid.signingCertificateV2);
  const v1 = attributeValue(attributes, Oid.signingCertificate);
  const value = v2 ?? v1;
  if (value === undefined) return 'absent';
  const certs = value instanceof asn1js.Sequence ? value.valueBlock.value[0] : undefined;
  const certId = certs instanceof asn1js.Sequence ? certs.valueBlock.value[0] : undefined;
  if (!(certId instanceof asn1js.Sequence)) return 'mismatch';
  const [first, second] = certId.valueBlock.value;
  let hash: HashName | undefined = v2 !== undefined ? 'sha256' : 'sha1';
  let certHash = first;
  if (v2 !== undefined && first instanceof asn1js.Sequence) {
    // An explicit hashAlgorithm (DER omits it when it is the SHA-256 default).
    const algorithm = first.valueBlock.value[0];
    hash = algorithm instanceof asn1js.ObjectIdentifier ? hashForDigestOid(algorithm.valueBlock.toString()) : undefined;
    certHash = second;
  }
  if (!hash || !(certHash instanceof asn1js.OctetString)) return 'mismatch';
  const expected = createHash(hash).update(signerDer).digest();
  return toBuffer(certHash.valueBlock.valueHexView).equals(expected) ? 'bound' : 'mismatch';
}
