import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { AssignmentRole } from '@dafu/platform/vocabulary';
import { AssignmentStatus } from '../domain/assignment-status';

/** 交办: one proposal handed to one bureau in one role. */
@Entity('assignments')
export class AssignmentEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'proposal_id', type: 'uuid' })
  proposalId: string;

  @Column({ name: 'bureau_id', type: 'uuid' })
  bureauId: string;

  @Column({ type: 'enum', enum: AssignmentRole, enumName: 'assignment_role' })
  role: AssignmentRole;

  @Column({ type: 'enum', enum: AssignmentStatus, enumName: 'assignment_status', default: AssignmentStatus.Assigned })
  status: AssignmentStatus;

  /** The local (Asia/Shanghai) date of 交办, from which deadlines count. */
  @Column({ name: 'assigned_on', type: 'date' })
  assignedOn: string;

  /** Stored, not recomputed on read: changed in one place when a rule or extension moves it. */
  @Column({ name: 'due_on', type: 'date' })
  dueOn: string;

  /** Last day to acknowledge or ask for reassignment: the configured working days after 交办. */
  @Column({ name: 'acknowledge_by', type: 'date' })
  acknowledgeBy: string;

  @Column({ name: 'acknowledged_at', type: 'timestamptz', nullable: true })
  acknowledgedAt: Date | null;

  /** The assignment this one replaced when the registrar moved the item here. */
  @Column({ name: 'reassigned_from_id', type: 'uuid', nullable: true })
  reassignedFromId: string | null;

  @Column({ name: 'assigned_by', type: 'uuid', nullable: true })
  assignedBy: string | null;

  @VersionColumn()
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
