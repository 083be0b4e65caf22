import type { components } from '../../api/schema';
import type { AssignmentStatus, Me } from '../../api/types';

type Schemas = components['schemas'];
export type AssignmentView = Schemas['AssignmentViewDto'];
export type TimelineEntry = Schemas['TimelineEntryDto'];
export type CoOpinion = Schemas['CoOpinionDto'];
export type ProposerContact = Schemas['ProposerContactDto'];
export type ContactMethod = Schemas['ContactMethod'];
export type Attachment = Schemas['AttachmentDto'];
export type ReplySummary = Schemas['ReplySummaryDto'];
export type ReplyStatus = Schemas['ReplyStatus'];
export type Proposal = Schemas['ProposalDto'];
export type RequestStatus = Schemas['RequestStatus'];
export type ReassignmentRequest = Schemas['ReassignmentRequestDto'];
export type ExtensionRequest = Schemas['ExtensionRequestDto'];

export const CONTACT_METHODS: readonly ContactMethod[] = ['phone', 'visit', 'meeting', 'letter', 'online', 'other'];

/** Acknowledged, back for re-handling, or waiting on an extension: the bureau works on it (libs/handling assignment-work.ts). */
const WORKING: readonly AssignmentStatus[] = ['acknowledged', 'extension_requested', 'rehandling'];

/** Replies that count as the assignment's current one (withdrawn and voided ones do not). */
const LIVE_REPLY: readonly ReplyStatus[] = ['drafting', 'in_review', 'awaiting_signoff', 'signed', 'issued'];

export interface Abilities {
  acknowledge: boolean;
  requestReassignment: boolean;
  /** Still assigned but the acknowledgement window has passed: counts as accepted (默认签收). */
  reassignmentWindowPassed: boolean;
  requestExtension: boolean;
  logContact: boolean;
  /** The co bureau's clerk writes its opinion. */
  draftOpinion: boolean;
  /** The co bureau's reviewer approves and sends it. */
  sendOpinion: boolean;
  /** The lead bureau goes ahead without a co bureau's opinion. */
  waiveOpinion: boolean;
  startReply: boolean;
}

/**
 * What this user may do on this assignment now: the API's rules (assignment-lifecycle.ts,
 * assignment-work.ts) read from the client side, so that only doable actions are offered. The API
 * checks again and its refusal is shown if the two ever disagree.
 */
export function abilitiesOf(
  assignment: Pick<AssignmentView, 'status' | 'role' | 'bureauId' | 'acknowledgeBy'>,
  user: Pick<Me, 'roles' | 'organisation'> | null,
  today: string,
  replies: readonly Pick<ReplySummary, 'status' | 'round'>[] = [],
): Abilities {
  const own = user !== null && user.organisation.id === assignment.bureauId;
  const clerk = own && user.roles.includes('clerk');
  const reviewer = own && user.roles.includes('reviewer');
  const { status, role } = assignment;
  const working = WORKING.includes(status);
  const withinWindow = today <= assignment.acknowledgeBy;
  const latestRound = Math.max(0, ...replies.map((r) => r.round));
  // Only the latest round counts; in re-handling its signed or issued reply is the one being redone.
  const hasLiveReply = replies.some(
    (r) =>
      r.round === latestRound &&
      LIVE_REPLY.includes(r.status) &&
      !(status === 'rehandling' && (r.status === 'issued' || r.status === 'signed')),
  );
  return {
    acknowledge: clerk && status === 'assigned',
    requestReassignment: clerk && status === 'assigned' && withinWindow,
    reassignmentWindowPassed: clerk && status === 'assigned' && !withinWindow,
    requestExtension: clerk && status === 'acknowledged',
    logContact: clerk && role !== 'co' && working,
    draftOpinion: clerk && role === 'co' && working,
    sendOpinion: reviewer && role === 'co' && status === 'acknowledged',
    waiveOpinion: (clerk || reviewer) && role === 'lead' && working,
    startReply: clerk && role !== 'co' && working && !hasLiveReply,
  };
}

/** Today in the city's calendar (China Standard Time), as YYYY-MM-DD. */
export function todayInChina(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}
