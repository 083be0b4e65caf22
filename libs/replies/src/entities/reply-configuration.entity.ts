import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { SessionBody } from '@dafu/platform/vocabulary';
import type { CcEntry, GradeClass } from '../domain/reply-content';
import type { ReviewStep } from '../domain/review-chain';

/** 办理结果 classes of a session body. */
@Entity('grade_scales')
export class GradeScaleEntity {
  @PrimaryColumn({ type: 'enum', enum: SessionBody, enumName: 'session_body' }) body: SessionBody;
  @Column({ type: 'jsonb' }) classes: GradeClass[];
  @VersionColumn() version: number;
  @Column({ name: 'updated_by', type: 'uuid', nullable: true }) updatedBy: string | null;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

/** The wording a new draft starts from: a body's (bureau_id null) or a bureau's own for that body. */
@Entity('reply_templates')
export class ReplyTemplateEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'enum', enum: SessionBody, enumName: 'session_body' }) body: SessionBody;
  @Column({ name: 'bureau_id', type: 'uuid', nullable: true }) bureauId: string | null;
  @Column({ name: 'title_template', type: 'text' }) titleTemplate: string;
  @Column({ name: 'opening_template', type: 'text' }) openingTemplate: string;
  @Column({ name: 'organisation_opening_template', type: 'text' }) organisationOpeningTemplate: string;
  @Column({ type: 'jsonb', default: () => `'[]'::jsonb` }) closing: string[];
  @Column({ name: 'default_cc', type: 'jsonb', default: () => `'[]'::jsonb` }) defaultCc: CcEntry[];
  @Column({ name: 'headings_on_own_line', type: 'boolean', default: false }) headingsOnOwnLine: boolean;
  @Column({ type: 'text', default: '' }) honorific: string;
  @VersionColumn() version: number;
  @Column({ name: 'updated_by', type: 'uuid', nullable: true }) updatedBy: string | null;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

/** A bureau's 审核 steps before 签发. */
@Entity('review_chains')
export class ReviewChainEntity {
  @PrimaryColumn({ name: 'bureau_id', type: 'uuid' }) bureauId: string;
  @Column({ type: 'jsonb' }) steps: ReviewStep[];
  @VersionColumn() version: number;
  @Column({ name: 'updated_by', type: 'uuid', nullable: true }) updatedBy: string | null;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
