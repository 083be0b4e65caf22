import { assertUnreachable } from '@dafu/platform/errors/assert-unreachable';
import { AssignmentRole } from '@dafu/platform/vocabulary';
import { AssignmentStatus } from '@dafu/handling/domain/assignment-status';
import type { Cell, ExportTable } from '../domain/export-table';
import { ALL_ASSIGNMENT_STATUSES, formatPercent, type Rate } from '../domain/supervision-rules';
import type { OverdueItem, RankingRow, SatisfactionRates, Statistics } from '../supervision.types';

export function statusLabel(status: AssignmentStatus): string {
  switch (status) {
    case AssignmentStatus.Assigned:
      return '待签收';
    case AssignmentStatus.Acknowledged:
      return '办理中';
    case AssignmentStatus.ReassignmentRequested:
      return '申请调整';
    case AssignmentStatus.Reassigned:
      return '已调整';
    case AssignmentStatus.ExtensionRequested:
      return '申请延期';
    case AssignmentStatus.Replied:
      return '已答复';
    case AssignmentStatus.OpinionSent:
      return '已送会办意见';
    case AssignmentStatus.FeedbackReceived:
      return '已反馈';
    case AssignmentStatus.Rehandling:
      return '重新办理';
    case AssignmentStatus.Closed:
      return '已办结';
    case AssignmentStatus.Withdrawn:
      return '已撤销';
    default:
      return assertUnreachable(status);
  }
}

export function roleLabel(role: AssignmentRole): string {
  switch (role) {
    case AssignmentRole.Lead:
      return '主办';
    case AssignmentRole.Co:
      return '会办';
    case AssignmentRole.Separate:
      return '分办';
    default:
      return assertUnreachable(role);
  }
}

const RATE_HEADERS = ['项目', '数值', '分子', '分母'];

function rateRow(label: string, r: Rate): Cell[] {
  return [label, formatPercent(r), r.numerator, r.denominator];
}

function countRow(label: string, n: number | null): Cell[] {
  return [label, n, null, null];
}

function satisfactionRows(aspect: string, s: SatisfactionRates): Cell[][] {
  return [
    rateRow(`${aspect}满意率`, s.satisfied),
    rateRow(`${aspect}基本满意率`, s.basicallySatisfied),
    rateRow(`${aspect}不满意率`, s.unsatisfied),
    rateRow(`${aspect}满意及基本满意率`, s.satisfiedOrBasically),
  ];
}

/** The statistics as rows of 项目 / 数值 (a rate also with its numerator and denominator). */
export function statisticsTable(s: Statistics, scopeLabel: string): ExportTable {
  return {
    title: '督查统计',
    headers: RATE_HEADERS,
    rows: [
      ['统计范围', scopeLabel, null, null],
      ['统计日期', s.asOf, null, null],
      countRow('交办件数（不含已调整、已撤销）', s.total),
      countRow('其中主办、分办件数', s.replying),
      ...ALL_ASSIGNMENT_STATUSES.map((status) => countRow(`状态：${statusLabel(status)}`, s.byStatus[status])),
      rateRow('按时签收率', s.acknowledgedOnTime),
      rateRow('按期答复率', s.repliedOnTime),
      rateRow('沟通率', s.talkedBeforeReply),
      countRow('已答复件数', s.replied),
      countRow('当前逾期件数', s.overdue),
      countRow('批准延期次数', s.extensions),
      countRow('延期件数', s.extendedAssignments),
      countRow('待审批延期申请', s.pendingExtensionRequests),
      countRow('办理结果 A', s.grades.A),
      countRow('办理结果 B', s.grades.B),
      countRow('办理结果 C', s.grades.C),
      countRow('办理结果 D', s.grades.D),
      ...(s.grades.other > 0 ? [countRow('办理结果 其他', s.grades.other)] : []),
      countRow('收到反馈件数', s.feedback),
      ...satisfactionRows('办理工作', s.workSatisfaction),
      ...satisfactionRows('办理结果', s.resultSatisfaction),
      countRow('平均答复天数', s.averageDaysToReply),
    ],
  };
}

export const RANKING_HEADERS = [
  '排名',
  '承办单位',
  '交办件数',
  '已答复',
  '按期答复率',
  '沟通率',
  '满意率',
  '逾期件数',
  '延期次数',
  '平均答复天数',
];

export function rankingTable(rows: RankingRow[]): ExportTable {
  return {
    title: '承办单位排名',
    headers: RANKING_HEADERS,
    rows: rows.map((r) => [
      r.rank,
      r.bureauName,
      r.total,
      r.replied,
      formatPercent(r.repliedOnTime),
      formatPercent(r.talkedBeforeReply),
      formatPercent(r.satisfaction),
      r.overdue,
      r.extensions,
      r.averageDaysToReply,
    ]),
  };
}

export const OVERDUE_HEADERS = [
  '会议',
  '编号',
  '标题',
  '承办单位',
  '办理方式',
  '状态',
  '交办日期',
  '答复期限',
  '逾期天数',
  '逾期工作日',
];

export function overdueTable(items: OverdueItem[]): ExportTable {
  return {
    title: '逾期事项',
    headers: OVERDUE_HEADERS,
    rows: items.map((i) => [
      i.sessionName,
      i.proposalNumber,
      i.proposalTitle,
      i.bureauName,
      roleLabel(i.role),
      statusLabel(i.status),
      i.assignedOn,
      i.dueOn,
      i.daysOverdue,
      i.workingDaysOverdue,
    ]),
  };
}
