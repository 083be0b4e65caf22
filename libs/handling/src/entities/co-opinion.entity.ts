import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

export enum CoOpinionStatus {
  Draft = 'draft',
  Sent = 'sent',
  /** The lead bureau went ahead without it, with a recorded reason. */
  Waived = 'waived',
}

export enum ContactMethod {
  Phone = 'phone',
  Visit = 'visit',
  Meeting = 'meeting',
  Letter = 'letter',
  Online = 'online',
  Other = 'other',
}

/** 会办意见: a co bureau's written input to the lead bureau. */
@Entity('co_opinions')
export class CoOpinionEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'assignment_id', type: 'uuid' }) assignmentId: string;
  @Column({ type: 'text', default: '' }) body: string;
  @Column({ type: 'enum', enum: CoOpinionStatus, enumName: 'co_opinion_status', default: CoOpinionStatus.Draft })
  status: CoOpinionStatus;
  @Column({ name: 'drafted_by', type: 'uuid', nullable: true }) draftedBy: string | null;
  @Column({ name: 'sent_by', type: 'uuid', nullable: true }) sentBy: string | null;
  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true }) sentAt: Date | null;
  @Column({ name: 'waived_by', type: 'uuid', nullable: true }) waivedBy: string | null;
  @Column({ name: 'waived_at', type: 'timestamptz', nullable: true }) waivedAt: Date | null;
  @Column({ name: 'waive_reason', type: 'text', nullable: true }) waiveReason: string | null;
  @VersionColumn() version: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

/** 沟通: a logged talk with the proposer. */
@Entity('proposer_contacts')
export class ProposerContactEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'assignment_id', type: 'uuid' }) assignmentId: string;
  @Column({ name: 'occurred_on', type: 'date' }) occurredOn: string;
  @Column({ type: 'enum', enum: ContactMethod, enumName: 'contact_method' }) method: ContactMethod;
  @Column({ type: 'text' }) participants: string;
  @Column({ type: 'text' }) summary: string;
  @Column({ name: 'logged_by', type: 'uuid' }) loggedBy: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
