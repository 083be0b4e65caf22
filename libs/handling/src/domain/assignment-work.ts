import { AssignmentRole, Role } from '@dafu/platform/vocabulary';
import { AssignmentStatus } from './assignment-status';

const S = AssignmentStatus;

/** Steps that are work on an assignment rather than moves of its state: opinions, waivers, talks. */
export enum AssignmentWork {
  DraftOpinion = 'draft_opinion',
  WaiveOpinion = 'waive_opinion',
  LogContact = 'log_contact',
  /** Writing the reply: only the lead or a separate bureau replies. */
  DraftReply = 'draft_reply',
}

export interface WorkActor {
  roles: readonly Role[];
  organisationId: string;
}

export interface WorkTarget {
  status: AssignmentStatus;
  role: AssignmentRole;
  bureauId: string;
}

export type WorkRefusal = 'role_not_allowed' | 'other_bureau' | 'not_applicable' | 'closed_for_work';

/** Acknowledged (or back for rehandling, or waiting on an extension): the bureau is working on it. */
const WORKING: readonly AssignmentStatus[] = [S.Acknowledged, S.ExtensionRequested, S.Rehandling];

/** Who may do which work on which assignment; null when allowed. */
export function refuseWork(work: AssignmentWork, actor: WorkActor, target: WorkTarget): WorkRefusal | null {
  const roles = work === AssignmentWork.WaiveOpinion ? [Role.Clerk, Role.Reviewer] : [Role.Clerk];
  if (!actor.roles.some((role) => roles.includes(role))) return 'role_not_allowed';
  if (actor.organisationId !== target.bureauId) return 'other_bureau';
  if (work === AssignmentWork.DraftOpinion && target.role !== AssignmentRole.Co) return 'not_applicable';
  if (work === AssignmentWork.WaiveOpinion && target.role !== AssignmentRole.Lead) return 'not_applicable';
  if (work === AssignmentWork.LogContact && target.role === AssignmentRole.Co) return 'not_applicable';
  if (work === AssignmentWork.DraftReply && target.role === AssignmentRole.Co) return 'not_applicable';
  if (!WORKING.includes(target.status)) return 'closed_for_work';
  return null;
}
