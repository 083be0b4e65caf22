import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { readScopeOf } from '@dafu/platform/auth/access';
import type { Actor } from '@dafu/platform/auth/actor';
import { recordAuditEvent } from '@dafu/platform/audit/audit';
import { assertUnreachable } from '@dafu/platform/errors/assert-unreachable';
import { DafuError, ForbiddenError } from '@dafu/platform/errors/dafu-error';
import { ErrorCode } from '@dafu/platform/errors/error-codes';
import { InjectFileStorage, type FileStorage } from '@dafu/platform/storage/file-storage';
import { Role } from '@dafu/platform/vocabulary';
import { ReplyStatus } from '@dafu/replies/domain/reply-status';
import { ReplyNotFoundError } from '@dafu/replies/errors';
import { RepliesService } from '@dafu/replies/replies.service';
import { DocumentsRepository } from './documents.repository';
import { type Delivery, type IssuedLetterFacts, LetterPreviewFormat, type MailroomItem } from './documents.types';
import { DeliveryChannel, DeliveryStatus } from './entities/delivery.entity';
import { ReplyDocumentKind } from './entities/reply-document.entity';
import { DeliveryNotFoundError, LetterUnknownError } from './errors';
import { letterFileName } from './letter-delivery.service';
import { LetterFontsProvider } from './letter-fonts.provider';
import { LetterProductionService } from './letter-production.service';
import { IdentityRepository } from '@dafu/identity/identity.repository';
import { chineseDate } from '@dafu/replies/domain/reply-text';
import { DeadlinesService } from '@dafu/deadlines/deadlines.service';
import { judgeUpload, VerificationVerdict } from './verification/verdict';
import { signedContentDigest, vouchedDigest } from './verification/signed-digest';

export interface LetterFile {
  filename: string;
  contentType: string;
  content: Buffer;
}

export interface UploadVerification {
  verdict: VerificationVerdict;
  sha256: string;
  /** The letter the file is (authentic) or was made from (altered); null when unknown. */
  letter: IssuedLetterFacts | null;
  zh: string;
  en: string;
}

const CONTENT_TYPES: Record<ReplyDocumentKind, string> = {
  [ReplyDocumentKind.Pdf]: 'application/pdf',
  [ReplyDocumentKind.Docx]: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

const SHA256 = /^[0-9a-f]{64}$/i;

/** A delivery as the API shows it: the bureau is the reply's, so it is not repeated. */
export type DeliveryView = Omit<Delivery, 'bureauId'>;

function deliveryView(delivery: Delivery): DeliveryView {
  const { bureauId: _bureauId, ...view } = delivery;
  return view;
}

/** Reading the final letters back: downloads, verification, deliveries and the mailroom's list. */
@Injectable()
export class LetterDocumentsService {
  constructor(
    private readonly repository: DocumentsRepository,
    private readonly replies: RepliesService,
    private readonly fonts: LetterFontsProvider,
    private readonly identity: IdentityRepository,
    private readonly deadlines: DeadlinesService,
    private readonly production: LetterProductionService,
    @InjectFileStorage() private readonly storage: FileStorage,
  ) {}

  /**
   * The letter as it will print, to whoever may read the reply in full: the latest draft (the
   * signed version once signed), dated today until signed, with no digital signature.
   */
  async preview(actor: Actor, replyId: string, format: LetterPreviewFormat): Promise<LetterFile> {
    const reply = await this.replies.get(actor, replyId);
    const content =
      reply.signedVersion === null
        ? reply.content
        : (await this.replies.version(actor, replyId, reply.signedVersion)).content;
    const letter = await this.production.previewOf(reply, content, this.deadlines.today());
    const name = (reply.documentNumber ?? `答复预览-第${reply.proposalNumber}号`).replace(/[\\/:*?"<>|\s]+/g, '');
    switch (format) {
      case LetterPreviewFormat.Svg:
        return {
          filename: `${name}.svg`,
          contentType: 'image/svg+xml',
          content: Buffer.from(this.fonts.pdfRenderer.renderSvg(letter)),
        };
      case LetterPreviewFormat.Pdf:
        return {
          filename: `${name}.pdf`,
          contentType: 'application/pdf',
          content: this.fonts.pdfRenderer.render(letter),
        };
      default:
        return assertUnreachable(format);
    }
  }

  /** A final file, to whoever may read the reply. */
  async download(actor: Actor, replyId: string, kind: ReplyDocumentKind): Promise<LetterFile> {
    const reply = await this.replies.get(actor, replyId);
    return this.fileOf(replyId, kind, reply.documentNumber, reply.status);
  }

  /**
   * The signed PDF of an issued reply, for a caller that has already decided it may be shown:
   * the public disclosure (libs/disclosure), which checks the disclosure level and delay.
   */
  async issuedPdf(replyId: string): Promise<LetterFile> {
    const signed = await this.replies.signedReply(replyId);
    if (!signed || signed.reply.status !== ReplyStatus.Issued) throw new ReplyNotFoundError(replyId);
    return this.fileOf(replyId, ReplyDocumentKind.Pdf, signed.reply.documentNumber, signed.reply.status);
  }

  /** By 文号 or by a file's SHA-256: what the bureau issued under it. */
  async verifyReference(reference: string): Promise<IssuedLetterFacts> {
    const trimmed = reference.trim();
    let letter: IssuedLetterFacts | null;
    if (SHA256.test(trimmed)) {
      const document = await this.repository.documentBySha256(trimmed.toLowerCase());
      letter = document ? await this.repository.issuedLetter({ replyId: document.replyId }) : null;
    } else {
      letter = await this.repository.issuedLetter({ documentNumber: trimmed });
    }
    if (!letter) throw new LetterUnknownError(trimmed);
    return letter;
  }

  async verifyUpload(content: Buffer): Promise<UploadVerification> {
    const sha256 = createHash('sha256').update(content).digest('hex');
    const stored = await this.repository.documentBySha256(sha256);
    const vouched = stored ? null : vouchedDigest(content);
    const vouchedFor = vouched ? await this.repository.pdfBySignedDigest(vouched) : null;
    const verdict = judgeUpload({ storedFile: stored !== null, vouchesForStoredLetter: vouchedFor !== null });
    const replyId = stored?.replyId ?? vouchedFor?.replyId ?? null;
    const letter = replyId ? await this.repository.issuedLetter({ replyId }) : null;
    const changedContent = vouched !== null && signedContentDigest(content) !== vouched;
    return { verdict, sha256, letter, ...explain(verdict, letter, changedContent) };
  }

  async deliveries(actor: Actor, replyId: string): Promise<DeliveryView[]> {
    await this.replies.get(actor, replyId);
    return (await this.repository.deliveries(replyId)).map(deliveryView);
  }

  async mailroom(actor: Actor): Promise<(DeliveryView & Omit<MailroomItem, keyof Delivery>)[]> {
    return (await this.repository.mailroom(readScopeOf(actor))).map((item) => ({
      ...deliveryView(item),
      documentNumber: item.documentNumber,
      replyTitle: item.replyTitle,
      issuedAt: item.issuedAt,
    }));
  }

  /** The same list as a PDF to print: one row per recipient, with the copies and a column to tick. */
  async printMailroom(actor: Actor): Promise<LetterFile> {
    const items = await this.mailroom(actor);
    const bureau = await this.identity.findOrganisation(actor.organisationId);
    const today = this.deadlines.today();
    return {
      filename: `邮寄清单-${today}.pdf`,
      contentType: CONTENT_TYPES[ReplyDocumentKind.Pdf],
      content: this.fonts.pdfRenderer.renderMailroomList({
        bureauName: bureau?.name ?? '',
        printedOn: chineseDate(today),
        rows: items.map((item) => ({
          documentNumber: item.documentNumber,
          recipientName: item.recipientName,
          postalAddress: item.postalAddress,
          copies: item.copies,
        })),
      }),
    };
  }

  /** The bureau's clerk records that a printed letter went into the post. */
  async markPosted(actor: Actor, deliveryId: string): Promise<DeliveryView> {
    const scope = readScopeOf(actor);
    return this.repository.transaction(async (manager) => {
      const visible = await this.repository.delivery(deliveryId, scope, manager);
      if (!visible) throw new DeliveryNotFoundError(deliveryId);
      if (visible.bureauId !== actor.organisationId || !actor.roles.includes(Role.Clerk)) throw new ForbiddenError();
      const delivery = await this.repository.lockDelivery(manager, deliveryId);
      if (!delivery || delivery.channel !== DeliveryChannel.Mailroom || delivery.status !== DeliveryStatus.Pending) {
        throw new DafuError(ErrorCode.DeliveryNotPostable, { status: delivery?.status, channel: delivery?.channel });
      }
      await this.repository.updateDelivery(manager, deliveryId, {
        status: DeliveryStatus.Sent,
        sentAt: new Date(),
        sentBy: actor.userId,
      });
      await recordAuditEvent(manager, {
        actor,
        entityType: 'delivery',
        entityId: deliveryId,
        action: 'delivery.posted',
        fromState: DeliveryStatus.Pending,
        toState: DeliveryStatus.Sent,
        data: { replyId: delivery.replyId, recipient: delivery.recipientName, copies: delivery.copies },
      });
      return deliveryView((await this.repository.delivery(deliveryId, scope, manager)) as Delivery);
    });
  }

  private async fileOf(
    replyId: string,
    kind: ReplyDocumentKind,
    documentNumber: string | null,
    status: ReplyStatus,
  ): Promise<LetterFile> {
    const document = await this.repository.document(replyId, kind);
    if (!document) throw new DafuError(ErrorCode.LetterDocumentsNotReady, { status });
    return {
      filename: letterFileName(documentNumber ?? replyId, kind),
      contentType: CONTENT_TYPES[kind],
      content: await this.storage.get(document.storageKey),
    };
  }
}

function explain(
  verdict: VerificationVerdict,
  letter: IssuedLetterFacts | null,
  changedContent: boolean,
): { zh: string; en: string } {
  switch (verdict) {
    case VerificationVerdict.Authentic:
      return letter?.voided
        ? {
            zh: `该文件与${letter.bureauName}签发的${letter.documentNumber}完全一致，但该文件已被宣布作废。`,
            en: `This file is exactly ${letter.documentNumber} as signed by ${letter.bureauName}, but that letter has been declared void.`,
          }
        : {
            zh: `该文件与${letter?.bureauName ?? ''}签发的${letter?.documentNumber ?? ''}完全一致，未被修改。`,
            en: `This file is exactly ${letter?.documentNumber ?? ''} as signed by ${letter?.bureauName ?? ''}, unaltered.`,
          };
    case VerificationVerdict.Altered:
      return {
        zh: `该文件由${letter?.bureauName ?? ''}签发的${letter?.documentNumber ?? ''}改动而来，${changedContent ? '签名所覆盖的内容已被修改' : '签名后被追加或改动了内容'}，不是原件。`,
        en: `This file was made from ${letter?.documentNumber ?? ''} signed by ${letter?.bureauName ?? ''}, but ${changedContent ? 'the signed content has been changed' : 'content was added or changed after signing'}; it is not the original.`,
      };
    case VerificationVerdict.Unknown:
      return {
        zh: '本系统没有签发过该文件。',
        en: 'This system did not issue this file.',
      };
  }
}
