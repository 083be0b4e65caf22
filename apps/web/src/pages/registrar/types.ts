import type { components } from '../../api/schema';

type Schemas = components['schemas'];

/** Names for the generated schemas the registrar's pages use. */
export type Session = Schemas['SessionDto'];
export type SessionBody = Schemas['SessionBody'];
export type Proposal = Schemas['ProposalDto'];
export type ProposalKind = Schemas['ProposalKind'];
export type ProposalStatus = Schemas['ProposalStatus'];
export type ProposerKind = Schemas['ProposerKind'];
export type ProposerInput = Schemas['ProposerInputDto'];
export type Organisation = Schemas['OrganisationDto'];
export type AssignmentView = Schemas['AssignmentViewDto'];
export type AssignmentListItem = Schemas['AssignmentListItemDto'];
export type AssignmentRole = Schemas['AssignmentRole'];
export type ReplySummary = Schemas['ReplySummaryDto'];
export type Satisfaction = Schemas['Satisfaction'];
export type FeedbackResult = Schemas['FeedbackResultDto'];
export type ImportResult = Schemas['ImportResultDto'];
export type ImportPreview = Schemas['ImportPreviewDto'];
export type ImportPreviewRow = Schemas['ImportPreviewRowDto'];
export type ReassignmentRequest = Schemas['ReassignmentRequestDto'];
export type ExtensionRequest = Schemas['ExtensionRequestDto'];

export const SESSION_BODIES: readonly SessionBody[] = ['cppcc', 'npc'];
export const PROPOSAL_KINDS: readonly ProposalKind[] = ['proposal', 'suggestion'];
export const PROPOSAL_STATUSES: readonly ProposalStatus[] = [
  'registered',
  'assigned',
  'replied',
  'closed',
  'withdrawn',
  'merged',
];
export const ASSIGNMENT_ROLES: readonly AssignmentRole[] = ['lead', 'co', 'separate'];
export const SATISFACTIONS: readonly Satisfaction[] = ['satisfied', 'basically_satisfied', 'unsatisfied'];
