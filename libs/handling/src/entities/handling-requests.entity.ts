import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export enum RequestStatus {
  Pending = 'pending',
  Approved = 'approved',
  Rejected = 'rejected',
}

/** 申请调整: a bureau asks the registrar to give the item to another bureau. */
@Entity('reassignment_requests')
export class ReassignmentRequestEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'assignment_id', type: 'uuid' }) assignmentId: string;
  @Column({ name: 'requested_by', type: 'uuid' }) requestedBy: string;
  @Column({ type: 'text' }) reason: string;
  @Column({ name: 'suggested_bureau_id', type: 'uuid', nullable: true }) suggestedBureauId: string | null;
  @Column({ type: 'enum', enum: RequestStatus, enumName: 'request_status', default: RequestStatus.Pending })
  status: RequestStatus;
  @Column({ name: 'decided_by', type: 'uuid', nullable: true }) decidedBy: string | null;
  @Column({ name: 'decision_reason', type: 'text', nullable: true }) decisionReason: string | null;
  @Column({ name: 'new_assignment_id', type: 'uuid', nullable: true }) newAssignmentId: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true }) decidedAt: Date | null;
}

/** 申请延期: a bureau asks for a later due date. */
@Entity('extension_requests')
export class ExtensionRequestEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'assignment_id', type: 'uuid' }) assignmentId: string;
  @Column({ name: 'requested_by', type: 'uuid' }) requestedBy: string;
  @Column({ type: 'text' }) reason: string;
  @Column({ name: 'previous_due_on', type: 'date' }) previousDueOn: string;
  @Column({ name: 'requested_due_on', type: 'date' }) requestedDueOn: string;
  @Column({ type: 'enum', enum: RequestStatus, enumName: 'request_status', default: RequestStatus.Pending })
  status: RequestStatus;
  @Column({ name: 'decided_by', type: 'uuid', nullable: true }) decidedBy: string | null;
  @Column({ name: 'decision_reason', type: 'text', nullable: true }) decisionReason: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true }) decidedAt: Date | null;
}
