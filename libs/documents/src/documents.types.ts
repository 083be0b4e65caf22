import type { LetterFormat } from './domain/letter';
import type { DeliveryChannel, DeliveryRecipientKind, DeliveryStatus } from './entities/delivery.entity';
import type { ReplyDocumentKind } from './entities/reply-document.entity';

/** How a letter is previewed: SVG to look at on screen, PDF to print; the same layout either way. */
export enum LetterPreviewFormat {
  Svg = 'svg',
  Pdf = 'pdf',
}

export interface LetterSettingsRecord {
  bureauId: string;
  format: LetterFormat;
  headerTitle: string;
  printsGradeMark: boolean;
  seal: { content: Buffer; contentType: 'image/png' | 'image/jpeg' } | null;
  version: number;
  /** False when the bureau has no row yet and these are the defaults. */
  configured: boolean;
  updatedAt: Date | null;
}

/** A signing credential as the API shows it: never the key. */
export interface SigningCredentialSummary {
  id: string;
  bureauId: string;
  certificatePem: string;
  selfSigned: boolean;
  subject: string;
  serialNumber: string;
  fingerprintSha256: string;
  notBefore: Date;
  notAfter: Date;
  createdAt: Date;
  retiredAt: Date | null;
}

export interface SigningCredentialWithKey extends SigningCredentialSummary {
  chainPem: string[];
  sealedPrivateKey: string;
}

export interface ReplyDocument {
  replyId: string;
  kind: ReplyDocumentKind;
  storageKey: string;
  sha256: string;
  sizeBytes: number;
  signedVersion: number;
  signedDigest: string | null;
  signingCredentialId: string | null;
  createdAt: Date;
}

export interface Delivery {
  id: string;
  replyId: string;
  bureauId: string;
  position: number;
  recipientKind: DeliveryRecipientKind;
  recipientName: string;
  email: string | null;
  postalAddress: string | null;
  copies: number;
  channel: DeliveryChannel;
  status: DeliveryStatus;
  attempts: number;
  lastError: string | null;
  messageId: string | null;
  sentAt: Date | null;
}

/** A line of the mailroom's printable list: one letter to post, with its copies. */
export interface MailroomItem extends Delivery {
  documentNumber: string;
  replyTitle: string;
  issuedAt: Date | null;
}

/** What /verify tells anyone about a letter the system issued. */
export interface IssuedLetterFacts {
  replyId: string;
  documentNumber: string;
  bureauName: string;
  signatoryName: string;
  signedOn: string;
  issuedAt: Date | null;
  /** A voided letter was signed but withdrawn from force; its number stays taken. */
  voided: boolean;
  documents: { kind: ReplyDocumentKind; sha256: string; sizeBytes: number }[];
}
