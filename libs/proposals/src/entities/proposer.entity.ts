import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { ProposalEntity } from './proposal.entity';

export enum ProposerKind {
  Person = 'person',
  /** e.g. 民盟本溪市委: a party group or committee submitting in its own name. */
  Organisation = 'organisation',
}

export enum ProposerRole {
  /** 领衔人. */
  Lead = 'lead',
  /** 附议人. */
  CoSigner = 'co_signer',
}

@Entity('proposers')
export class ProposerEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'proposal_id', type: 'uuid' })
  proposalId: string;

  @ManyToOne('ProposalEntity', 'proposers', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'proposal_id' })
  proposal?: ProposalEntity;

  @Column({ type: 'smallint' })
  position: number;

  @Column({ type: 'enum', enum: ProposerRole, enumName: 'proposer_role' })
  role: ProposerRole;

  @Column({ type: 'enum', enum: ProposerKind, enumName: 'proposer_kind' })
  kind: ProposerKind;

  @Column({ type: 'text' })
  name: string;

  /** Contact details are for the bureau's talk with the proposer; never published. */
  @Column({ type: 'text', nullable: true })
  phone: string | null;

  @Column({ type: 'text', nullable: true })
  address: string | null;

  /** Where the signed letter is e-mailed; without it the letter goes by post. */
  @Column({ type: 'text', nullable: true })
  email: string | null;
}
