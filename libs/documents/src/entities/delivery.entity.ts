import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export enum DeliveryRecipientKind {
  Proposer = 'proposer',
  Cc = 'cc',
}

export enum DeliveryChannel {
  Email = 'email',
  /** Printed and posted: the mailroom's list, with the number of copies. */
  Mailroom = 'mailroom',
}

export enum DeliveryStatus {
  Pending = 'pending',
  Sent = 'sent',
  /** Every retry failed; an admin can send it again. */
  Failed = 'failed',
}

/** One recipient of an issued letter and how it reached (or did not reach) them. */
@Entity('deliveries')
export class DeliveryEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'reply_id', type: 'uuid' }) replyId: string;
  @Column({ name: 'bureau_id', type: 'uuid' }) bureauId: string;
  @Column({ type: 'smallint' }) position: number;
  @Column({ name: 'recipient_kind', type: 'enum', enum: DeliveryRecipientKind, enumName: 'delivery_recipient_kind' })
  recipientKind: DeliveryRecipientKind;
  @Column({ name: 'recipient_name', type: 'text' }) recipientName: string;
  @Column({ type: 'text', nullable: true }) email: string | null;
  @Column({ name: 'postal_address', type: 'text', nullable: true }) postalAddress: string | null;
  @Column({ type: 'smallint', default: 1 }) copies: number;
  @Column({ type: 'enum', enum: DeliveryChannel, enumName: 'delivery_channel' }) channel: DeliveryChannel;
  @Column({ type: 'enum', enum: DeliveryStatus, enumName: 'delivery_status', default: DeliveryStatus.Pending })
  status: DeliveryStatus;
  @Column({ type: 'integer', default: 0 }) attempts: number;
  @Column({ name: 'last_error', type: 'text', nullable: true }) lastError: string | null;
  @Column({ name: 'message_id', type: 'text', nullable: true }) messageId: string | null;
  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true }) sentAt: Date | null;
  @Column({ name: 'sent_by', type: 'uuid', nullable: true }) sentBy: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
