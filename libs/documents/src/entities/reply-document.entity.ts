import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

export enum ReplyDocumentKind {
  Docx = 'docx',
  Pdf = 'pdf',
}

/** One final file of a signed reply, made once from its signed version. */
@Entity('reply_documents')
export class ReplyDocumentEntity {
  @PrimaryColumn({ name: 'reply_id', type: 'uuid' }) replyId: string;
  @PrimaryColumn({ type: 'enum', enum: ReplyDocumentKind, enumName: 'reply_document_kind' }) kind: ReplyDocumentKind;
  @Column({ name: 'storage_key', type: 'text' }) storageKey: string;
  @Column({ type: 'text' }) sha256: string;
  @Column({ name: 'size_bytes', type: 'integer' }) sizeBytes: number;
  @Column({ name: 'signed_version', type: 'integer' }) signedVersion: number;
  /** The digest the PDF's signature covers: it still names the letter in an altered copy. */
  @Column({ name: 'signed_digest', type: 'text', nullable: true }) signedDigest: string | null;
  @Column({ name: 'signing_credential_id', type: 'uuid', nullable: true }) signingCredentialId: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
