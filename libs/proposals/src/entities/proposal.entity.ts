import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  OneToMany,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { ProposalKind } from '@dafu/platform/vocabulary';
import { ProposalStatus } from '../domain/proposal-lifecycle';
import { ProposerEntity } from './proposer.entity';
import { SessionEntity } from './session.entity';

@Entity('proposals')
export class ProposalEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'session_id', type: 'uuid' })
  sessionId: string;

  @ManyToOne(() => SessionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'session_id' })
  session?: SessionEntity;

  @Column({ type: 'integer' })
  number: number;

  @Column({ type: 'enum', enum: ProposalKind, enumName: 'proposal_kind' })
  kind: ProposalKind;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text', default: '' })
  body: string;

  @Column({ type: 'text', nullable: true })
  category: string | null;

  @Column({ name: 'received_on', type: 'date', nullable: true })
  receivedOn: string | null;

  @Column({ type: 'enum', enum: ProposalStatus, enumName: 'proposal_status', default: ProposalStatus.Registered })
  status: ProposalStatus;

  @Column({ name: 'merged_into_id', type: 'uuid', nullable: true })
  mergedIntoId: string | null;

  @OneToMany(() => ProposerEntity, (proposer) => proposer.proposal, { cascade: ['insert'] })
  proposers?: ProposerEntity[];

  @VersionColumn()
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
