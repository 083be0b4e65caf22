import { createHash } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { InjectFileStorage, type FileStorage } from '@dafu/platform/storage/file-storage';
import { DafuConfig } from '@dafu/platform/config/dafu-config';
import { IdentityRepository } from '@dafu/identity/identity.repository';
import { ProposalsRepository } from '@dafu/proposals/proposals.repository';
import { RepliesService } from '@dafu/replies/replies.service';
import { ReplyStatus } from '@dafu/replies/domain/reply-status';
import type { Reply } from '@dafu/replies/replies.types';
import type { ReplyContent } from '@dafu/replies/domain/reply-content';
import { planDeliveries } from './domain/delivery-plan';
import { composeLetter, composePreviewLetter, type Letter } from './domain/letter';
import { renderLetterDocx } from './docx/letter-docx';
import { signPdf } from './signing/pdf-signer';
import { vouchedDigest } from './verification/signed-digest';
import { DocumentsRepository } from './documents.repository';
import type { ReplyDocument } from './documents.types';
import { ReplyDocumentKind } from './entities/reply-document.entity';
import { LetterFontsProvider } from './letter-fonts.provider';
import { SigningCredentialsService } from './signing-credentials.service';

export type ProductionOutcome = 'issued' | 'already_issued' | 'not_signed';

/**
 * Makes the final letter of a signed reply: the DOCX and the signed PDF from the signed version
 * only, stored, then the reply issued with its documents and planned deliveries in one
 * transaction. Safe to run twice: a reply already issued is left alone, and files already
 * recorded are not made again.
 */
@Injectable()
export class LetterProductionService {
  private readonly logger = new Logger(LetterProductionService.name);

  constructor(
    private readonly replies: RepliesService,
    private readonly repository: DocumentsRepository,
    private readonly identity: IdentityRepository,
    private readonly proposals: ProposalsRepository,
    private readonly credentials: SigningCredentialsService,
    private readonly fonts: LetterFontsProvider,
    private readonly config: DafuConfig,
    @InjectFileStorage() private readonly storage: FileStorage,
  ) {}

  async produce(replyId: string): Promise<ProductionOutcome> {
    const signed = await this.replies.signedReply(replyId);
    if (!signed) return 'not_signed';
    if (signed.reply.status === ReplyStatus.Issued) return 'already_issued';

    const recorded = await this.repository.documents(replyId);
    const documents = recorded.length === 2 ? recorded : await this.render(signed.reply, signed.content);
    const outcome = await this.replies.issue(replyId, async (manager, reply) => {
      await this.repository.insertDocuments(manager, documents);
      const stored = await this.repository.documents(replyId, manager);
      const planned = await this.deliveriesOf(reply, signed.content);
      await this.repository.insertDeliveries(manager, replyId, reply.bureauId, planned);
      return {
        documents: Object.fromEntries(stored.map((d) => [d.kind, d.sha256])),
        deliveries: planned.length,
        byEmail: planned.filter((d) => d.channel === 'email').length,
      };
    });
    if (!outcome.issued) {
      if (outcome.status === ReplyStatus.Issued) return 'already_issued';
      this.logger.warn({ replyId, status: outcome.status }, 'Documents made for a reply that is no longer signed');
      return 'not_signed';
    }
    return 'issued';
  }

  /** The letter as the renderers lay it out, with the bureau's settings. */
  async letterOf(reply: Reply, content: ReplyContent): Promise<Letter> {
    const settings = await this.settingsOf(reply);
    return composeLetter(
      {
        content,
        documentNumber: reply.documentNumber,
        signatoryName: reply.signatoryName,
        grade: reply.grade,
        printGradeMark: settings.printsGradeMark,
        letterDate: reply.signedOn ?? '',
      },
      settings,
    );
  }

  /**
   * A reply not yet signed as its letter will print, dated `today`, with the grade the draft
   * proposes (composePreviewLetter); a signed one as its letter.
   */
  async previewOf(reply: Reply, content: ReplyContent, today: string): Promise<Letter> {
    const settings = await this.settingsOf(reply);
    return composePreviewLetter(
      {
        content,
        documentNumber: reply.documentNumber,
        signatoryName: reply.signatoryName,
        grade: reply.grade ?? content.proposedGrade.grade,
        printGradeMark: settings.printsGradeMark,
        letterDate: reply.signedOn ?? today,
      },
      settings,
    );
  }

  private async settingsOf(reply: Reply) {
    const bureau = await this.identity.findOrganisation(reply.bureauId);
    return this.repository.letterSettings(reply.bureauId, bureau?.name ?? '');
  }

  private async render(reply: Reply, content: ReplyContent): Promise<Omit<ReplyDocument, 'createdAt'>[]> {
    const started = Date.now();
    const letter = await this.letterOf(reply, content);
    const docx = await renderLetterDocx(letter, this.fonts.fonts);
    const unsigned = this.fonts.pdfRenderer.render(letter);
    const { id: credentialId, credential } = await this.credentials.forSigning(reply.bureauId);
    const pdf = await signPdf(unsigned, credential, {
      reason: `答复函 ${letter.documentNumber}`,
      location: letter.issuer,
      name: reply.signatoryName ?? letter.issuer,
      signedAt: reply.signedAt ?? new Date(`${letter.signedOn}T00:00:00+08:00`),
    });
    const documents = [
      await this.store(reply, ReplyDocumentKind.Docx, docx, null, null),
      await this.store(reply, ReplyDocumentKind.Pdf, pdf, credentialId, vouchedDigest(pdf)),
    ];
    this.logger.log(
      { replyId: reply.id, documentNumber: reply.documentNumber, ms: Date.now() - started },
      'Final letter rendered and signed',
    );
    return documents;
  }

  /** Keyed by content, so a second render can never overwrite the file a first one recorded. */
  private async store(
    reply: Reply,
    kind: ReplyDocumentKind,
    content: Buffer,
    signingCredentialId: string | null,
    signedDigest: string | null,
  ): Promise<Omit<ReplyDocument, 'createdAt'>> {
    const sha256 = createHash('sha256').update(content).digest('hex');
    const storageKey = `letters/${reply.id.slice(0, 2)}/${reply.id}/${kind}-${sha256.slice(0, 16)}`;
    await this.storage.put(storageKey, content);
    return {
      replyId: reply.id,
      kind,
      storageKey,
      sha256,
      sizeBytes: content.length,
      signedVersion: reply.signedVersion as number,
      signedDigest,
      signingCredentialId,
    };
  }

  private async deliveriesOf(reply: Reply, content: ReplyContent) {
    const proposal = await this.proposals.findProposal(reply.proposalId, { kind: 'city' });
    const organisations = await this.identity.listOrganisations();
    const byName = new Map<string, { email: string | null; postalAddress: string | null }>();
    for (const o of organisations) {
      byName.set(o.name, o);
      if (o.shortName && !byName.has(o.shortName)) byName.set(o.shortName, o);
    }
    return planDeliveries({
      proposers: (proposal?.proposers ?? []).map((p) => ({ name: p.name, email: p.email, postalAddress: p.address })),
      cc: content.cc,
      addressOf: (name) => byName.get(name) ?? null,
      emailEnabled: this.config.mail.smtpUrl !== null,
    });
  }
}
