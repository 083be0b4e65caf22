import { DEADLINE_LABEL_ZH, type DeadlineKind } from './deadline-kind';

/** How the trail of an assignment reads to a clerk: one sentence per audit event, in Chinese and English. */
export interface TimelineText {
  zh: string;
  en: string;
}

type Data = Record<string, unknown>;

const STATUS_ZH: Record<string, string> = {
  assigned: '已交办',
  acknowledged: '已签收',
  reassignment_requested: '申请调整中',
  reassigned: '已调整',
  extension_requested: '申请延期中',
  replied: '已答复',
  opinion_sent: '已送会办意见',
  feedback_received: '已反馈',
  rehandling: '重新办理',
  closed: '已办结',
  withdrawn: '已撤回',
};

/** The feedback form's ratings (the database enum `satisfaction`). */
const SATISFACTION_ZH: Record<string, string> = {
  satisfied: '满意',
  basically_satisfied: '基本满意',
  unsatisfied: '不满意',
};
const SATISFACTION_EN: Record<string, string> = {
  satisfied: 'satisfied',
  basically_satisfied: 'basically satisfied',
  unsatisfied: 'not satisfied',
};

const str = (value: unknown) => (typeof value === 'string' ? value : '');
const num = (value: unknown) => (typeof value === 'number' ? value : 0);

const deadlineZh = (kind: unknown) => DEADLINE_LABEL_ZH[str(kind) as DeadlineKind] ?? '期限';
function standingZh(daysLeft: unknown): string {
  const days = num(daysLeft);
  if (days > 0) return `还有${days}天`;
  return days === 0 ? '今日到期' : `已逾期${-days}天`;
}

export function describeAssignmentEvent(action: string, data: Data, reason: string | null): TimelineText {
  const why = reason ? `（理由：${reason}）` : '';
  const whyEn = reason ? ` (reason: ${reason})` : '';
  switch (action) {
    case 'assignment.created':
      return {
        zh: `交办，办理期限${str(data.dueOn)}，应于${str(data.acknowledgeBy) || '—'}前签收`,
        en: `Assigned, due ${str(data.dueOn)}, to be acknowledged by ${str(data.acknowledgeBy) || '—'}`,
      };
    case 'assignment.acknowledge':
      return { zh: '签收', en: 'Acknowledged' };
    case 'assignment.request_reassignment':
      return { zh: `申请调整${why}`, en: `Asked for reassignment${whyEn}` };
    case 'assignment.approve_reassignment':
      return { zh: `同意调整，已改交其他单位办理${why}`, en: `Reassignment approved; moved to another bureau${whyEn}` };
    case 'assignment.reject_reassignment':
      return { zh: `不同意调整，退回原单位办理${why}`, en: `Reassignment refused; back to this bureau${whyEn}` };
    case 'assignment.reassign':
      return { zh: `提案委（选工委）直接调整承办单位${why}`, en: `Moved to another bureau by the registrar${whyEn}` };
    case 'assignment.request_extension':
      return {
        zh: `申请延期至${str(data.requestedDueOn)}${why}`,
        en: `Asked to extend to ${str(data.requestedDueOn)}${whyEn}`,
      };
    case 'assignment.approve_extension':
      return {
        zh: `同意延期，办理期限由${str(data.previousDueOn)}改为${str(data.dueOn)}`,
        en: `Extension approved: due ${str(data.dueOn)} instead of ${str(data.previousDueOn)}`,
      };
    case 'assignment.reject_extension':
      return { zh: `不同意延期${why}`, en: `Extension refused${whyEn}` };
    case 'assignment.send_opinion':
      return { zh: '会办意见已送主办单位', en: 'Co-handling opinion sent to the lead bureau' };
    case 'co_opinion.drafted':
      return { zh: '保存会办意见草稿', en: 'Co-handling opinion draft saved' };
    case 'co_opinion.waived':
      return { zh: `主办单位免除会办意见${why}`, en: `Opinion waived by the lead bureau${whyEn}` };
    case 'contact.logged':
      return {
        zh: `记录与提出人沟通（${str(data.occurredOn)}）`,
        en: `Talk with the proposer logged (${str(data.occurredOn)})`,
      };
    case 'assignment.dates_recomputed':
      return {
        zh: `办理规则调整，办理期限由${str(data.previousDueOn)}改为${str(data.dueOn)}`,
        en: `Rules changed: due ${str(data.dueOn)} instead of ${str(data.previousDueOn)}`,
      };
    case 'assignment.record_reply':
      return { zh: '答复已签发', en: 'Reply signed off' };
    case 'assignment.reopen_for_reply':
      return { zh: '已签发的答复作废，需重新答复', en: 'The signed reply was voided; a new reply is needed' };
    case 'assignment.reminded':
      return {
        zh: `系统提醒${deadlineZh(data.deadlineKind)}（${str(data.dueOn)}）${standingZh(data.daysLeft)}，已通知${num(data.recipients)}人`,
        en: `Reminder: ${str(data.deadlineKind)} due ${str(data.dueOn)} (${num(data.daysLeft)} days left), ${num(data.recipients)} notified`,
      };
    case 'assignment.escalated':
      return {
        zh: `${deadlineZh(data.deadlineKind)}（${str(data.dueOn)}）${standingZh(data.daysLeft)}，已提醒本单位并报督查部门`,
        en: `Overdue: ${str(data.deadlineKind)} due ${str(data.dueOn)}; bureau reminded and escalated to the supervision office`,
      };
    case 'assignment.urged':
      return {
        zh: `${str(data.office) || '督查部门'}催办：${str(data.message)}`,
        en: `Urged by ${str(data.office) || 'the supervision office'}: ${str(data.message)}`,
      };
    case 'assignment.record_feedback': {
      const via = data.channel === 'proposer_link' ? '提出人通过反馈链接' : '提案委（选工委）登记提出人';
      const viaEn = data.channel === 'proposer_link' ? 'by the proposer through the link' : 'by the registrar';
      const talked = data.talkedBeforeReply === false ? '，反映答复前未与其沟通' : '';
      return {
        zh: `${via}反馈：办理工作${SATISFACTION_ZH[str(data.workRating)] ?? '—'}，办理结果${SATISFACTION_ZH[str(data.resultRating)] ?? '—'}${talked}`,
        en: `Feedback recorded ${viaEn}: work ${SATISFACTION_EN[str(data.workRating)] ?? '—'}, result ${SATISFACTION_EN[str(data.resultRating)] ?? '—'}${data.talkedBeforeReply === false ? '; no talk before the reply' : ''}`,
      };
    }
    case 'assignment.start_rehandling':
      return {
        zh: `提出人不满意，重新办理，办理期限由${str(data.previousDueOn)}改为${str(data.dueOn)}`,
        en: `Proposer not satisfied: re-handling, due ${str(data.dueOn)} instead of ${str(data.previousDueOn)}`,
      };
    case 'assignment.close':
      return { zh: '提出人满意（基本满意），办结', en: 'Proposer satisfied; closed' };
    case 'follow_up.recorded':
      return data.solved === true
        ? {
            zh: `报送跟踪办理情况（${str(data.sentOn)}），所提问题已解决，移出跟踪办理名单`,
            en: `Follow-up letter (${str(data.sentOn)}): solved; off the follow-up list`,
          }
        : {
            zh: `报送跟踪办理情况（${str(data.sentOn)}），继续跟踪办理`,
            en: `Follow-up letter (${str(data.sentOn)}): still being solved`,
          };
    case 'attachment.added':
      return { zh: `上传附件“${str(data.filename)}”`, en: `Attached "${str(data.filename)}"` };
    default:
      return { zh: action, en: action };
  }
}

export function statusLabelZh(status: string): string {
  return STATUS_ZH[status] ?? status;
}
