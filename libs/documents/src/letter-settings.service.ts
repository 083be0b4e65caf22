import { Injectable } from '@nestjs/common';
import type { Actor } from '@dafu/platform/auth/actor';
import { recordAuditEvent } from '@dafu/platform/audit/audit';
import { DafuError } from '@dafu/platform/errors/dafu-error';
import { ErrorCode } from '@dafu/platform/errors/error-codes';
import type { UploadedFile } from '@dafu/platform/http/uploaded-file';
import { OrganisationKind, Role } from '@dafu/platform/vocabulary';
import { IdentityRepository } from '@dafu/identity/identity.repository';
import type { LetterFormat } from './domain/letter';
import { DocumentsRepository } from './documents.repository';
import type { LetterSettingsRecord } from './documents.types';
import { declaredImageSize, MAX_SEAL_PIXELS, sealImageType } from './domain/seal-image';
import { LetterFontsProvider } from './letter-fonts.provider';
import { LetterRenderError } from './pdf/letter-pdf';

export const MAX_SEAL_BYTES = 2 * 1024 * 1024;

export interface LetterSettingsView extends Omit<LetterSettingsRecord, 'seal'> {
  hasSeal: boolean;
}

/** How each bureau sets its letters: format, red header, grade mark, seal image. */
@Injectable()
export class LetterSettingsService {
  constructor(
    private readonly repository: DocumentsRepository,
    private readonly identity: IdentityRepository,
    private readonly fonts: LetterFontsProvider,
  ) {}

  async get(actor: Actor, bureauId: string): Promise<LetterSettingsView> {
    const bureau = await this.reachableBureau(actor, bureauId);
    return viewOf(await this.repository.letterSettings(bureauId, bureau.name));
  }

  async update(
    actor: Actor,
    bureauId: string,
    input: { format: LetterFormat; headerTitle: string; printsGradeMark: boolean; version: number },
  ): Promise<LetterSettingsView> {
    const bureau = await this.reachableBureau(actor, bureauId);
    await this.repository.transaction(async (manager) => {
      const current = await this.repository.lockLetterSettings(manager, bureauId);
      const version = current?.version ?? 0;
      if (input.version !== version) throw new DafuError(ErrorCode.StaleVersion, { currentVersion: version });
      await this.repository.saveLetterSettings(manager, {
        bureauId,
        format: input.format,
        headerTitle: input.headerTitle.trim(),
        printsGradeMark: input.printsGradeMark,
        version: version + 1,
        updatedBy: actor.userId,
        updatedAt: new Date(),
      });
      await recordAuditEvent(manager, {
        actor,
        entityType: 'letter_settings',
        entityId: bureauId,
        action: 'letter_settings.updated',
        data: { format: input.format, headerTitle: input.headerTitle.trim(), printsGradeMark: input.printsGradeMark },
      });
    });
    return viewOf(await this.repository.letterSettings(bureauId, bureau.name));
  }

  /** The seal (or signature image) printed over the issuer and date; null removes it. */
  async setSeal(actor: Actor, bureauId: string, file: UploadedFile | null): Promise<LetterSettingsView> {
    const bureau = await this.reachableBureau(actor, bureauId);
    const contentType = file ? sealImageType(file.content) : null;
    if (file) this.assertPrintableSeal(file.content, contentType);
    await this.repository.transaction(async (manager) => {
      const current = await this.repository.lockLetterSettings(manager, bureauId);
      await this.repository.saveLetterSettings(manager, {
        bureauId,
        headerTitle: current?.headerTitle ?? `${bureau.name}文件`,
        sealContent: file?.content ?? null,
        sealContentType: contentType,
        version: (current?.version ?? 0) + 1,
        updatedBy: actor.userId,
        updatedAt: new Date(),
      });
      await recordAuditEvent(manager, {
        actor,
        entityType: 'letter_settings',
        entityId: bureauId,
        action: file ? 'letter_settings.seal_set' : 'letter_settings.seal_removed',
        data: file ? { contentType, sizeBytes: file.content.length } : {},
      });
    });
    return viewOf(await this.repository.letterSettings(bureauId, bureau.name));
  }

  private assertPrintableSeal(content: Buffer, contentType: 'image/png' | 'image/jpeg' | null): void {
    const refuse = () =>
      new DafuError(ErrorCode.SealImageInvalid, { maxBytes: MAX_SEAL_BYTES, maxPixels: MAX_SEAL_PIXELS });
    const size = declaredImageSize(content);
    if (!contentType || !size || content.length > MAX_SEAL_BYTES) throw refuse();
    if (size.width < 1 || size.height < 1 || size.width > MAX_SEAL_PIXELS || size.height > MAX_SEAL_PIXELS) {
      throw refuse();
    }
    try {
      this.fonts.pdfRenderer.assertPrintable({ content, contentType });
    } catch (error) {
      if (error instanceof LetterRenderError) throw refuse();
      throw error;
    }
  }

  /** Bureau staff reach their own bureau only; another bureau reads as missing. */
  private async reachableBureau(actor: Actor, bureauId: string) {
    if (!actor.roles.includes(Role.Admin) && actor.organisationId !== bureauId) {
      throw new DafuError(ErrorCode.OrganisationNotFound, { organisationId: bureauId });
    }
    const bureau = await this.identity.findOrganisation(bureauId);
    if (!bureau) throw new DafuError(ErrorCode.OrganisationNotFound, { organisationId: bureauId });
    // Only bureaus issue letters; any other organisation has no letter settings to show.
    if (bureau.kind !== OrganisationKind.Bureau)
      throw new DafuError(ErrorCode.OrganisationNotFound, { organisationId: bureauId });
    return bureau;
  }
}

function viewOf(record: LetterSettingsRecord): LetterSettingsView {
  const { seal, ...rest } = record;
  return { ...rest, hasSeal: seal !== null };
}
