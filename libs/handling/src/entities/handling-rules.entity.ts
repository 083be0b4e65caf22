import { Column, Entity, PrimaryColumn } from 'typeorm';
import { SessionBody } from '@dafu/platform/vocabulary';

@Entity('handling_rules')
export class HandlingRulesEntity {
  @PrimaryColumn({ type: 'enum', enum: SessionBody, enumName: 'session_body' })
  body: SessionBody;

  @Column({ name: 'acknowledge_working_days', type: 'smallint' })
  acknowledgeWorkingDays: number;

  @Column({ name: 'reply_months', type: 'smallint' })
  replyMonths: number;

  @Column({ name: 'co_opinion_months', type: 'smallint' })
  coOpinionMonths: number;

  @Column({ name: 'extension_cap_months', type: 'smallint' })
  extensionCapMonths: number;

  @Column({ name: 'rehandling_months', type: 'smallint' })
  rehandlingMonths: number;

  @Column({ name: 'talk_required_before_review', type: 'boolean' })
  talkRequiredBeforeReview: boolean;

  @Column({ name: 'reminder_days_before', type: 'smallint', array: true })
  reminderDaysBefore: number[];

  @Column({ name: 'reminder_on_due_day', type: 'boolean' })
  reminderOnDueDay: boolean;

  @Column({ name: 'reminder_overdue_every_working_days', type: 'smallint' })
  reminderOverdueEveryWorkingDays: number;

  @Column({ name: 'publication_delay_working_days', type: 'smallint', default: 0 })
  publicationDelayWorkingDays: number;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}
