import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { Disclosure, ReplyContent } from '../domain/reply-content';
import { ReplyStatus } from '../domain/reply-status';
import type { ReviewStep } from '../domain/review-chain';

/** 答复件: one per lead or separate assignment and handling round; its text lives in its versions. */
@Entity('replies')
export class ReplyEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'assignment_id', type: 'uuid' }) assignmentId: string;
  @Column({ name: 'bureau_id', type: 'uuid' }) bureauId: string;
  @Column({ name: 'proposal_id', type: 'uuid' }) proposalId: string;
  @Column({ type: 'smallint', default: 1 }) round: number;
  @Column({ type: 'enum', enum: ReplyStatus, enumName: 'reply_status', default: ReplyStatus.Drafting })
  status: ReplyStatus;
  @Column({ name: 'review_steps', type: 'jsonb', default: () => `'[]'::jsonb` }) reviewSteps: ReviewStep[];
  @Column({ name: 'current_step', type: 'smallint', nullable: true }) currentStep: number | null;
  /** The number of the latest saved version: what an edit must name to be accepted. */
  @Column({ type: 'integer', default: 1 }) version: number;
  @Column({ name: 'started_by', type: 'uuid' }) startedBy: string;
  @Column({ name: 'last_saved_by', type: 'uuid' }) lastSavedBy: string;
  @Column({ name: 'last_saved_at', type: 'timestamptz', default: () => 'now()' }) lastSavedAt: Date;
  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true }) submittedAt: Date | null;
  @Column({ type: 'text', nullable: true }) grade: string | null;
  @Column({ name: 'document_number', type: 'text', nullable: true }) documentNumber: string | null;
  @Column({ name: 'document_number_prefix', type: 'text', nullable: true }) documentNumberPrefix: string | null;
  @Column({ name: 'document_number_year', type: 'smallint', nullable: true }) documentNumberYear: number | null;
  @Column({ name: 'document_number_sequence', type: 'integer', nullable: true }) documentNumberSequence: number | null;
  @Column({ name: 'signed_version', type: 'integer', nullable: true }) signedVersion: number | null;
  /** The signed version's 公开 level (its content.disclosure.level), which the public feed filters on. */
  @Column({ name: 'signed_disclosure', type: 'text', nullable: true }) signedDisclosure: Disclosure | null;
  @Column({ name: 'signatory_id', type: 'uuid', nullable: true }) signatoryId: string | null;
  @Column({ name: 'signatory_name', type: 'text', nullable: true }) signatoryName: string | null;
  @Column({ name: 'signed_on', type: 'date', nullable: true }) signedOn: string | null;
  /** The assignment's due date when the reply was signed: what 按期答复 judges it against. */
  @Column({ name: 'due_on', type: 'date', nullable: true }) dueOn: string | null;
  @Column({ name: 'signed_at', type: 'timestamptz', nullable: true }) signedAt: Date | null;
  @Column({ name: 'issued_at', type: 'timestamptz', nullable: true }) issuedAt: Date | null;
  @Column({ name: 'voided_by', type: 'uuid', nullable: true }) voidedBy: string | null;
  @Column({ name: 'voided_at', type: 'timestamptz', nullable: true }) voidedAt: Date | null;
  @Column({ name: 'void_reason', type: 'text', nullable: true }) voidReason: string | null;
  @Column({ name: 'withdrawn_at', type: 'timestamptz', nullable: true }) withdrawnAt: Date | null;
  @Column({ name: 'withdraw_reason', type: 'text', nullable: true }) withdrawReason: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

/** One save of a reply's text; append-only (a trigger refuses changes). */
@Entity('reply_versions')
export class ReplyVersionEntity {
  @PrimaryColumn({ name: 'reply_id', type: 'uuid' }) replyId: string;
  @PrimaryColumn({ type: 'integer' }) number: number;
  @Column({ type: 'jsonb' }) content: ReplyContent;
  @Column({ name: 'saved_by', type: 'uuid' }) savedBy: string;
  @Column({ name: 'saved_at', type: 'timestamptz', default: () => 'now()' }) savedAt: Date;
}

/** A reviewer's comment anchored to a part of the text, with the clerk's answer. */
@Entity('review_comments')
export class ReviewCommentEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'reply_id', type: 'uuid' }) replyId: string;
  @Column({ name: 'version_number', type: 'integer' }) versionNumber: number;
  @Column({ name: 'step_name', type: 'text' }) stepName: string;
  @Column({ type: 'text' }) anchor: string;
  @Column({ type: 'text' }) body: string;
  @Column({ name: 'author_id', type: 'uuid' }) authorId: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ type: 'text', nullable: true }) answer: string | null;
  @Column({ name: 'answered_by', type: 'uuid', nullable: true }) answeredBy: string | null;
  @Column({ name: 'answered_at', type: 'timestamptz', nullable: true }) answeredAt: Date | null;
}
