import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import type { ReadScope } from '@dafu/platform/auth/access';
import { LetterFormat } from './domain/letter';
import type { PlannedDelivery } from './domain/delivery-plan';
import { DeliveryChannel, DeliveryEntity, DeliveryStatus } from './entities/delivery.entity';
import { LetterSettingsEntity } from './entities/letter-settings.entity';
import { ReplyDocumentEntity, ReplyDocumentKind } from './entities/reply-document.entity';
import { SigningCredentialEntity } from './entities/signing-credential.entity';
import type {
  Delivery,
  IssuedLetterFacts,
  LetterSettingsRecord,
  MailroomItem,
  ReplyDocument,
  SigningCredentialSummary,
  SigningCredentialWithKey,
} from './documents.types';

function toSummary(row: SigningCredentialEntity): SigningCredentialSummary {
  return {
    id: row.id,
    bureauId: row.bureauId,
    certificatePem: row.certificatePem,
    selfSigned: row.selfSigned,
    subject: row.subject,
    serialNumber: row.serialNumber,
    fingerprintSha256: row.fingerprintSha256,
    notBefore: row.notBefore,
    notAfter: row.notAfter,
    createdAt: row.createdAt,
    retiredAt: row.retiredAt,
  };
}

function toDocument(row: ReplyDocumentEntity): ReplyDocument {
  return {
    replyId: row.replyId,
    kind: row.kind,
    storageKey: row.storageKey,
    sha256: row.sha256,
    sizeBytes: row.sizeBytes,
    signedVersion: row.signedVersion,
    signedDigest: row.signedDigest,
    signingCredentialId: row.signingCredentialId,
    createdAt: row.createdAt,
  };
}

function toDelivery(row: DeliveryEntity): Delivery {
  return {
    id: row.id,
    replyId: row.replyId,
    bureauId: row.bureauId,
    position: row.position,
    recipientKind: row.recipientKind,
    recipientName: row.recipientName,
    email: row.email,
    postalAddress: row.postalAddress,
    copies: row.copies,
    channel: row.channel,
    status: row.status,
    attempts: row.attempts,
    lastError: row.lastError,
    messageId: row.messageId,
    sentAt: row.sentAt,
  };
}

export interface NewSigningCredential {
  bureauId: string;
  certificatePem: string;
  chainPem: string[];
  sealedPrivateKey: string;
  selfSigned: boolean;
  subject: string;
  serialNumber: string;
  fingerprintSha256: string;
  notBefore: Date;
  notAfter: Date;
  createdBy: string | null;
}

/** Letter settings, signing credentials, the final files and their deliveries. */
@Injectable()
export class DocumentsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  get manager(): EntityManager {
    return this.dataSource.manager;
  }

  /** The bureau's settings, or the defaults: the document format under the bureau's name. */
  async letterSettings(bureauId: string, bureauName: string, manager = this.manager): Promise<LetterSettingsRecord> {
    const row = await manager.findOneBy(LetterSettingsEntity, { bureauId });
    if (!row) {
      return {
        bureauId,
        format: LetterFormat.Document,
        headerTitle: `${bureauName}文件`,
        printsGradeMark: true,
        seal: null,
        version: 0,
        configured: false,
        updatedAt: null,
      };
    }
    return {
      bureauId,
      format: row.format,
      headerTitle: row.headerTitle,
      printsGradeMark: row.printsGradeMark,
      seal:
        row.sealContent && row.sealContentType ? { content: row.sealContent, contentType: row.sealContentType } : null,
      version: row.version,
      configured: true,
      updatedAt: row.updatedAt,
    };
  }

  async lockLetterSettings(manager: EntityManager, bureauId: string): Promise<LetterSettingsEntity | null> {
    return manager.findOne(LetterSettingsEntity, { where: { bureauId }, lock: { mode: 'pessimistic_write' } });
  }

  async saveLetterSettings(manager: EntityManager, row: Partial<LetterSettingsEntity> & { bureauId: string }) {
    await manager.upsert(LetterSettingsEntity, row, ['bureauId']);
  }

  async currentCredential(bureauId: string, manager = this.manager): Promise<SigningCredentialWithKey | null> {
    const row = await manager.findOneBy(SigningCredentialEntity, { bureauId, retiredAt: IsNull() });
    return row ? { ...toSummary(row), chainPem: row.chainPem, sealedPrivateKey: row.sealedPrivateKey } : null;
  }

  async credentials(bureauId: string): Promise<SigningCredentialSummary[]> {
    const rows = await this.manager.find(SigningCredentialEntity, {
      where: { bureauId },
      order: { createdAt: 'DESC' },
    });
    return rows.map(toSummary);
  }

  async credential(id: string, manager = this.manager): Promise<SigningCredentialSummary | null> {
    const row = await manager.findOneBy(SigningCredentialEntity, { id });
    return row ? toSummary(row) : null;
  }

  /** Retires the bureau's current credential, if any, and makes this one current. */
  async replaceCredential(manager: EntityManager, input: NewSigningCredential): Promise<SigningCredentialSummary> {
    await manager.update(
      SigningCredentialEntity,
      { bureauId: input.bureauId, retiredAt: IsNull() },
      { retiredAt: new Date() },
    );
    const row = await manager.save(SigningCredentialEntity, manager.create(SigningCredentialEntity, input));
    return toSummary(row);
  }

  /** The first credential of a bureau; null when another worker made one at the same moment. */
  async insertFirstCredential(manager: EntityManager, input: NewSigningCredential): Promise<string | null> {
    const rows = await manager.query<{ id: string }[]>(
      `INSERT INTO signing_credentials (bureau_id, certificate_pem, chain_pem, sealed_private_key, self_signed,
         subject, serial_number, fingerprint_sha256, not_before, not_after, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
       ON CONFLICT (bureau_id) WHERE retired_at IS NULL DO NOTHING
       RETURNING id`,
      [
        input.bureauId,
        input.certificatePem,
        input.chainPem,
        input.sealedPrivateKey,
        input.selfSigned,
        input.subject,
        input.serialNumber,
        input.fingerprintSha256,
        input.notBefore,
        input.notAfter,
        input.createdBy,
      ],
    );
    return rows[0]?.id ?? null;
  }

  async documents(replyId: string, manager = this.manager): Promise<ReplyDocument[]> {
    const rows = await manager.find(ReplyDocumentEntity, { where: { replyId }, order: { kind: 'ASC' } });
    return rows.map(toDocument);
  }

  async document(replyId: string, kind: ReplyDocumentKind): Promise<ReplyDocument | null> {
    const row = await this.manager.findOneBy(ReplyDocumentEntity, { replyId, kind });
    return row ? toDocument(row) : null;
  }

  /** Records the files once: a retried job that rendered again keeps the first row. */
  async insertDocuments(manager: EntityManager, documents: Omit<ReplyDocument, 'createdAt'>[]): Promise<void> {
    await manager.createQueryBuilder().insert().into(ReplyDocumentEntity).values(documents).orIgnore().execute();
  }

  async documentBySha256(sha256: string): Promise<ReplyDocument | null> {
    const row = await this.manager.findOneBy(ReplyDocumentEntity, { sha256 });
    return row ? toDocument(row) : null;
  }

  async pdfBySignedDigest(signedDigest: string): Promise<ReplyDocument | null> {
    const row = await this.manager.findOneBy(ReplyDocumentEntity, { signedDigest, kind: ReplyDocumentKind.Pdf });
    return row ? toDocument(row) : null;
  }

  /** The facts /verify shows for a letter that has its documents, found by 文号 or reply id. */
  async issuedLetter(where: { documentNumber: string } | { replyId: string }): Promise<IssuedLetterFacts | null> {
    const byNumber = 'documentNumber' in where;
    const rows = await this.manager.query<
      {
        reply_id: string;
        document_number: string;
        bureau_name: string;
        signatory_name: string;
        signed_on: string;
        issued_at: Date | null;
        status: string;
      }[]
    >(
      `SELECT r.id AS reply_id, r.document_number, o.name AS bureau_name, r.signatory_name,
              to_char(r.signed_on, 'YYYY-MM-DD') AS signed_on, r.issued_at, r.status::text AS status
         FROM replies r JOIN organisations o ON o.id = r.bureau_id
        WHERE ${byNumber ? 'r.document_number = $1' : 'r.id = $1'}
          AND EXISTS (SELECT 1 FROM reply_documents d WHERE d.reply_id = r.id)`,
      [byNumber ? where.documentNumber : where.replyId],
    );
    const row = rows[0];
    if (!row) return null;
    const documents = await this.documents(row.reply_id);
    return {
      replyId: row.reply_id,
      documentNumber: row.document_number,
      bureauName: row.bureau_name,
      signatoryName: row.signatory_name,
      signedOn: row.signed_on,
      issuedAt: row.issued_at,
      voided: row.status === 'voided',
      documents: documents.map((d) => ({ kind: d.kind, sha256: d.sha256, sizeBytes: d.sizeBytes })),
    };
  }

  async insertDeliveries(
    manager: EntityManager,
    replyId: string,
    bureauId: string,
    planned: PlannedDelivery[],
  ): Promise<void> {
    if (planned.length === 0) return;
    await manager
      .createQueryBuilder()
      .insert()
      .into(DeliveryEntity)
      .values(
        planned.map((d) => ({
          replyId,
          bureauId,
          position: d.position,
          recipientKind: d.recipientKind as DeliveryEntity['recipientKind'],
          recipientName: d.recipientName,
          email: d.email,
          postalAddress: d.postalAddress,
          copies: d.copies,
          channel: d.channel as DeliveryChannel,
        })),
      )
      .orIgnore()
      .execute();
  }

  async deliveries(replyId: string): Promise<Delivery[]> {
    const rows = await this.manager.find(DeliveryEntity, { where: { replyId }, order: { position: 'ASC' } });
    return rows.map(toDelivery);
  }

  async delivery(id: string, scope: ReadScope, manager = this.manager): Promise<Delivery | null> {
    const row = await manager.findOneBy(DeliveryEntity, { id });
    if (!row || (scope.kind === 'bureau' && row.bureauId !== scope.bureauId)) return null;
    return toDelivery(row);
  }

  async lockDelivery(manager: EntityManager, id: string): Promise<Delivery | null> {
    const row = await manager.findOne(DeliveryEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
    return row ? toDelivery(row) : null;
  }

  async updateDelivery(
    manager: EntityManager,
    id: string,
    changes: Partial<
      Pick<DeliveryEntity, 'status' | 'attempts' | 'lastError' | 'messageId' | 'sentAt' | 'sentBy' | 'channel'>
    >,
  ): Promise<void> {
    await manager.update(DeliveryEntity, { id }, changes);
  }

  /** What the mailroom still has to print and post, oldest first. */
  async mailroom(scope: ReadScope): Promise<MailroomItem[]> {
    const params: unknown[] = [DeliveryChannel.Mailroom, DeliveryStatus.Pending];
    let condition = '';
    if (scope.kind === 'bureau') {
      params.push(scope.bureauId);
      condition = `AND d.bureau_id = $${params.length}`;
    }
    const rows = await this.manager.query<(Record<string, unknown> & { id: string })[]>(
      `SELECT d.id, r.document_number, v.content->>'title' AS reply_title, r.issued_at
         FROM deliveries d
         JOIN replies r ON r.id = d.reply_id
         JOIN reply_versions v ON v.reply_id = r.id AND v.number = r.signed_version
        WHERE d.channel = $1 AND d.status = $2 AND r.status = 'issued' ${condition}
        ORDER BY d.created_at, d.reply_id, d.position`,
      params,
    );
    if (rows.length === 0) return [];
    const deliveries = await this.manager.findBy(DeliveryEntity, { id: In(rows.map((r) => r.id)) });
    const byId = new Map(deliveries.map((d) => [d.id, toDelivery(d)]));
    return rows.map((row) => ({
      ...(byId.get(row.id) as Delivery),
      documentNumber: row.document_number as string,
      replyTitle: row.reply_title as string,
      issuedAt: row.issued_at as Date | null,
    }));
  }
}
