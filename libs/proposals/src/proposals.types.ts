import type { ProposalKind, SessionBody } from '@dafu/platform/vocabulary';
import type { ProposalStatus } from './domain/proposal-lifecycle';
import type { ProposerKind, ProposerRole } from './entities/proposer.entity';

export interface Session {
  id: string;
  body: SessionBody;
  term: number;
  sitting: number;
  year: number;
  name: string;
  openedOn: string | null;
}

export interface Proposer {
  position: number;
  role: ProposerRole;
  kind: ProposerKind;
  name: string;
  phone: string | null;
  address: string | null;
  email: string | null;
}

export interface Proposal {
  id: string;
  sessionId: string;
  number: number;
  kind: ProposalKind;
  title: string;
  body: string;
  category: string | null;
  receivedOn: string | null;
  status: ProposalStatus;
  mergedIntoId: string | null;
  version: number;
  proposers: Proposer[];
  createdAt: Date;
  updatedAt: Date;
}

export interface NewProposer {
  kind: ProposerKind;
  name: string;
  phone?: string | null;
  address?: string | null;
  email?: string | null;
}

export interface NewProposal {
  sessionId: string;
  number: number;
  kind: ProposalKind;
  title: string;
  body: string;
  category: string | null;
  receivedOn: string | null;
  /** In order: the first is the lead proposer (领衔人). */
  proposers: NewProposer[];
}

export interface ProposalFilter {
  sessionId?: string;
  kind?: ProposalKind;
  status?: ProposalStatus;
  bureauId?: string;
  /** Substring of the title. */
  text?: string;
  number?: number;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}
