import type { AssignmentRole } from '@dafu/platform/vocabulary';
import type { AssignmentStatus } from '@dafu/handling/domain/assignment-status';
import type { Rate } from './domain/supervision-rules';

/** What a query covers: a session or all, a bureau or all. */
export interface SupervisionFilter {
  sessionId: string | null;
  bureauId: string | null;
}

/** The raw counts one statistics row aggregates to; the rates are made from them in TS. */
export interface StatisticsCounts {
  byStatus: Record<AssignmentStatus, number>;
  /** Assignments counted (all but reassigned and withdrawn). */
  total: number;
  /** Counted lead and separate assignments: those that owe a reply. */
  replying: number;
  acknowledgedOnTime: number;
  acknowledgementDue: number;
  repliedOnTime: number;
  replyDue: number;
  replied: number;
  talkedBeforeReply: number;
  overdue: number;
  /** Approved extensions (one assignment may have several). */
  extensions: number;
  extendedAssignments: number;
  pendingExtensionRequests: number;
  grades: { A: number; B: number; C: number; D: number; other: number };
  feedback: number;
  work: SatisfactionCounts;
  result: SatisfactionCounts;
  /** Average calendar days from 交办 to the signing of the first reply; null with no reply. */
  averageDaysToReply: number | null;
}

export interface SatisfactionCounts {
  satisfied: number;
  basicallySatisfied: number;
  unsatisfied: number;
}

export interface SatisfactionRates {
  satisfied: Rate;
  basicallySatisfied: Rate;
  unsatisfied: Rate;
  /** (满意 + 基本满意) / feedback received. */
  satisfiedOrBasically: Rate;
}

export interface Statistics {
  filter: SupervisionFilter;
  /** The local date the figures are as of. */
  asOf: string;
  byStatus: Record<AssignmentStatus, number>;
  total: number;
  replying: number;
  acknowledgedOnTime: Rate;
  repliedOnTime: Rate;
  talkedBeforeReply: Rate;
  replied: number;
  overdue: number;
  extensions: number;
  extendedAssignments: number;
  pendingExtensionRequests: number;
  grades: { A: number; B: number; C: number; D: number; other: number };
  feedback: number;
  workSatisfaction: SatisfactionRates;
  resultSatisfaction: SatisfactionRates;
  averageDaysToReply: number | null;
}

export interface RankingRow {
  rank: number;
  bureauId: string;
  bureauName: string;
  total: number;
  replied: number;
  repliedOnTime: Rate;
  talkedBeforeReply: Rate;
  /** (满意 + 基本满意) / feedback, on the result. */
  satisfaction: Rate;
  overdue: number;
  extensions: number;
  averageDaysToReply: number | null;
}

export enum RankingSort {
  OnTimeRate = 'onTimeRate',
  TalkRate = 'talkRate',
  Satisfaction = 'satisfaction',
  Overdue = 'overdue',
  AverageDays = 'averageDays',
  Bureau = 'bureau',
}

export enum OverdueSort {
  DaysOverdue = 'daysOverdue',
  DueOn = 'dueOn',
  Bureau = 'bureau',
}

export enum SortOrder {
  Asc = 'asc',
  Desc = 'desc',
}

export interface OverdueItem {
  assignmentId: string;
  proposalId: string;
  sessionId: string;
  sessionName: string;
  proposalNumber: number;
  proposalTitle: string;
  bureauId: string;
  bureauName: string;
  role: AssignmentRole;
  status: AssignmentStatus;
  assignedOn: string;
  dueOn: string;
  /** Calendar days past the due date. */
  daysOverdue: number;
  /** Working days past the due date, as the overdue reminders count them. */
  workingDaysOverdue: number;
}

export interface OverduePage {
  total: number;
  page: number;
  pageSize: number;
  items: OverdueItem[];
}

/** How many assignments were overdue on one date of the trend. */
export interface OverdueTrendPoint {
  date: string;
  overdue: number;
}

export interface OverdueTrend {
  filter: SupervisionFilter;
  asOf: string;
  points: OverdueTrendPoint[];
}
