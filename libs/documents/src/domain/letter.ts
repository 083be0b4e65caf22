import { chineseNumeral } from '@dafu/proposals/domain/chinese-numerals';
import { addresseeLine, ccLine, chineseDate, contactLine, type SignedLetter } from '@dafu/replies/domain/reply-text';

/**
 * The final letter as the renderers (PDF, DOCX) lay it out: every printed string already
 * composed, so the two files cannot disagree on wording and the renderers only place text.
 * Built from a signed reply and the bureau's letter settings; a draft only as a preview (composePreviewLetter).
 */

/** GB/T 9704-2012 offers both; each bureau chooses one for its replies. */
export enum LetterFormat {
  /** 文件格式: red 发文机关标志, the number centred under it (签发人 on the same line), a red rule. */
  Document = 'document',
  /** 信函格式: red name 30 mm from the top, red double rules, the number flush right; no page number on page 1. */
  Letter = 'letter',
}

export interface LetterSettings {
  format: LetterFormat;
  /** 发文机关标志 as printed in red, e.g. 三门峡市民政局文件 (文件格式) or 三门峡市民政局 (信函格式). */
  headerTitle: string;
  /** Whether the bureau prints 办理结果：A at the top right of page 1. */
  printsGradeMark: boolean;
  /** The seal or signature image (PNG or JPEG) printed over the issuer and date, when the bureau has one. */
  seal: { content: Buffer; contentType: 'image/png' | 'image/jpeg' } | null;
}

export interface LetterSection {
  /** 一、 二、 … */
  number: string;
  heading: string;
  paragraphs: string[];
}

export interface Letter {
  format: LetterFormat;
  headerTitle: string;
  /** 三民文〔2023〕21号 */
  documentNumber: string;
  /** 签发人：李立明 */
  signatoryLine: string;
  /** 办理结果：A, or null when the bureau does not print it. */
  gradeMark: string | null;
  /** 对市政协八届一次会议第146号提案的答复 */
  title: string;
  /** 姚峥、左锋杰、韩冰委员： */
  addresseeLine: string;
  /** 您提出的“…”已收悉。现答复如下： then any preamble paragraphs. */
  openingParagraphs: string[];
  sections: LetterSection[];
  /** Headings on their own line (濮阳) or run in before the first paragraph (三门峡). */
  headingsOnOwnLine: boolean;
  closingParagraphs: string[];
  issuer: string;
  /** 2023年7月13日 */
  date: string;
  /** （联系人：郭振波 联系电话：0393-6687009）, with a full-width space between the two; or null. */
  contactLine: string | null;
  /** 抄送：市政协提案委（2份），市委市政府督查局（2份）。, or null. */
  ccLine: string | null;
  seal: LetterSettings['seal'];
  /**
   * A draft's preview leaves the seal image out but keeps the room it takes, so its pages break
   * where the signed letter's will. Unset on a final letter.
   */
  sealRoomOnly?: boolean;
  /** For the PDF's metadata and the DOCX's core properties: fixed, so renders are repeatable. */
  signedOn: string;
}

export function composeLetter(signed: SignedLetter, settings: LetterSettings): Letter {
  if (!signed.documentNumber || !signed.signatoryName) {
    throw new RangeError('Only a signed reply (with its 文号 and signatory) becomes a letter');
  }
  return layOut(signed, signed.documentNumber, signed.signatoryName, settings);
}

/** What a letter not yet signed prints where its 文号 will stand (the number is taken at sign-off). */
export const PENDING_DOCUMENT_NUMBER = '〔文号待编〕';

/**
 * A reply not yet signed laid out as its letter will print, to review before sign-off: the 文号
 * a placeholder, 签发人 without a name, the seal's room kept but no seal. A signed reply
 * prints as composeLetter makes it.
 */
export function composePreviewLetter(reply: SignedLetter, settings: LetterSettings): Letter {
  if (reply.documentNumber && reply.signatoryName) return composeLetter(reply, settings);
  const letter = layOut(reply, PENDING_DOCUMENT_NUMBER, '', settings);
  return { ...letter, seal: null, sealRoomOnly: settings.seal !== null };
}

function layOut(signed: SignedLetter, documentNumber: string, signatoryName: string, settings: LetterSettings): Letter {
  const { content } = signed;
  const grade = signed.grade?.trim() ?? '';
  return {
    format: settings.format,
    headerTitle: settings.headerTitle,
    documentNumber,
    signatoryLine: `签发人：${signatoryName}`,
    gradeMark: settings.printsGradeMark && grade !== '' ? `办理结果：${grade}` : null,
    title: content.title.trim(),
    addresseeLine: addresseeLine(content.addressees),
    openingParagraphs: [content.opening, ...content.preamble].map((p) => p.trim()).filter((p) => p !== ''),
    sections: content.sections.map((section, i) => ({
      number: `${chineseNumeral(i + 1)}、`,
      heading: section.heading.trim(),
      paragraphs: section.paragraphs.map((p) => p.trim()).filter((p) => p !== ''),
    })),
    headingsOnOwnLine: content.headingsOnOwnLine,
    closingParagraphs: content.closing.map((p) => p.trim()).filter((p) => p !== ''),
    issuer: content.issuer.trim(),
    date: chineseDate(signed.letterDate),
    contactLine: contactLine(content.contact),
    ccLine: ccLine(content.cc),
    seal: settings.seal,
    signedOn: signed.letterDate,
  };
}
