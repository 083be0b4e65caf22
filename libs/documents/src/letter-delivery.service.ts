import { Injectable, Logger } from '@nestjs/common';
import { InjectFileStorage, type FileStorage } from '@dafu/platform/storage/file-storage';
import { DafuConfig } from '@dafu/platform/config/dafu-config';
import { RepliesService } from '@dafu/replies/replies.service';
import { DocumentsRepository } from './documents.repository';
import { DeliveryChannel, DeliveryStatus } from './entities/delivery.entity';
import { ReplyDocumentKind } from './entities/reply-document.entity';
import { Mailer } from '@dafu/platform/mail/mailer';
import { Clock } from '@dafu/platform/clock/clock';
import { feedbackLinkExpiry, signFeedbackToken } from '@dafu/feedback/domain/feedback-link';
import { DeliveryRecipientKind } from './entities/delivery.entity';

export type DeliveryOutcome = 'sent' | 'already_sent' | 'not_email' | 'failed';

/** A letter's file name: the 文号 and title, without what file systems refuse. */
export function letterFileName(documentNumber: string, kind: ReplyDocumentKind): string {
  return `${documentNumber.replace(/[\\/:*?"<>|\s]+/g, '')}.${kind}`;
}

/**
 * E-mails one issued letter to one recipient. The delivery row is locked while the mail goes
 * out, so two copies of the job send it once; a retry after a crash between the server's
 * acceptance and the commit re-sends with the same Message-ID, which mail clients fold into one.
 */
@Injectable()
export class LetterDeliveryService {
  private readonly logger = new Logger(LetterDeliveryService.name);

  constructor(
    private readonly repository: DocumentsRepository,
    private readonly replies: RepliesService,
    private readonly mailer: Mailer,
    private readonly config: DafuConfig,
    private readonly clock: Clock,
    @InjectFileStorage() private readonly storage: FileStorage,
  ) {}

  /** `finalAttempt`: a failure now is permanent and recorded as such. */
  async deliver(deliveryId: string, finalAttempt: boolean): Promise<DeliveryOutcome> {
    let failure: Error | null = null;
    const outcome = await this.repository.transaction(async (manager): Promise<DeliveryOutcome> => {
      const delivery = await this.repository.lockDelivery(manager, deliveryId);
      if (!delivery) throw new Error(`Delivery ${deliveryId} does not exist`);
      if (delivery.status === DeliveryStatus.Sent) return 'already_sent';
      if (delivery.channel !== DeliveryChannel.Email || !delivery.email) return 'not_email';
      const signed = await this.replies.signedReply(delivery.replyId);
      const pdf = await this.repository.document(delivery.replyId, ReplyDocumentKind.Pdf);
      if (!signed || !pdf) throw new Error(`Reply ${delivery.replyId} has no issued letter to send`);
      const documentNumber = signed.reply.documentNumber ?? '';
      const messageId = `<delivery-${delivery.id}@dafu>`;
      const verifyUrl = `${this.config.publicBaseUrl}/verify/${pdf.sha256}`;
      // The proposer (not the cc list) gets the one-time link to the feedback form (反馈).
      const feedbackUrl =
        delivery.recipientKind === DeliveryRecipientKind.Proposer
          ? this.feedbackUrl(delivery.replyId, this.clock.now())
          : null;
      try {
        await this.mailer.send({
          to: delivery.email,
          subject: `${signed.content.title}（${documentNumber}）`,
          text: [
            `${delivery.recipientName}：`,
            '',
            `${signed.content.issuer}对您的${signed.content.title.replace(/^对/, '').replace(/的答复$/, '')}的答复（${documentNumber}）见附件PDF，已加数字签名。`,
            `核验文件真伪：${verifyUrl}`,
            `文件SHA-256：${pdf.sha256}`,
            ...(feedbackUrl
              ? ['', `请对办理工作和办理结果作出评价（满意、基本满意、不满意），反馈意见表：${feedbackUrl}`]
              : []),
          ].join('\n'),
          html: [
            `<p>${escapeHtml(delivery.recipientName)}：</p>`,
            `<p>${escapeHtml(signed.content.title)}（${escapeHtml(documentNumber)}）见附件PDF，已加数字签名。</p>`,
            `<p>核验文件真伪：<a href="${escapeHtml(verifyUrl)}">${escapeHtml(verifyUrl)}</a><br>文件SHA-256：${pdf.sha256}</p>`,
            ...(feedbackUrl
              ? [
                  `<p>请对办理工作和办理结果作出评价（满意、基本满意、不满意）：<a href="${escapeHtml(feedbackUrl)}">填写反馈意见表</a></p>`,
                ]
              : []),
          ].join('\n'),
          messageId,
          attachments: [
            {
              filename: letterFileName(documentNumber, ReplyDocumentKind.Pdf),
              content: await this.storage.get(pdf.storageKey),
              contentType: 'application/pdf',
            },
          ],
        });
      } catch (error) {
        failure = error instanceof Error ? error : new Error(String(error));
        await this.repository.updateDelivery(manager, deliveryId, {
          attempts: delivery.attempts + 1,
          lastError: failure.message.slice(0, 1000),
          ...(finalAttempt ? { status: DeliveryStatus.Failed } : {}),
        });
        return 'failed';
      }
      await this.repository.updateDelivery(manager, deliveryId, {
        status: DeliveryStatus.Sent,
        attempts: delivery.attempts + 1,
        lastError: null,
        messageId,
        sentAt: new Date(),
      });
      return 'sent';
    });
    if (failure) {
      this.logger.warn({ deliveryId, err: failure, finalAttempt }, 'Letter e-mail failed');
      throw failure;
    }
    return outcome;
  }

  /** The proposer's feedback page for this letter, valid for FEEDBACK_LINK_TTL_DAYS. */
  feedbackUrl(replyId: string, now: Date): string {
    const { secret, ttlDays } = this.config.feedbackLink;
    const token = signFeedbackToken(replyId, feedbackLinkExpiry(now, ttlDays), secret);
    return `${this.config.publicBaseUrl}/public/feedback/${token}`;
  }
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
