import { assertUnreachable } from '@dafu/platform/errors/assert-unreachable';
import { SessionBody } from '@dafu/platform/vocabulary';
import { parseLocalDate, type LocalDate } from '@dafu/deadlines/domain/local-date';
import { DEADLINE_LABEL_ZH, type DeadlineKind } from '@dafu/handling/domain/deadline-kind';
import { MilestonePhase } from './reminder-schedule';

export interface ReminderSubject {
  body: SessionBody;
  proposalNumber: number;
  proposalTitle: string;
  sessionName: string;
  bureauName: string;
}

export interface MessageText {
  title: string;
  body: string;
}

/** 2025年12月19日, as the letters write dates. */
export function chineseDate(date: LocalDate): string {
  const { year, month, day } = parseLocalDate(date);
  return `${year}年${month}月${day}日`;
}

function itemName(subject: ReminderSubject): string {
  const kind = subject.body === SessionBody.Cppcc ? '提案' : '建议';
  return `第${subject.proposalNumber}号${kind}`;
}

function standing(phase: MilestonePhase, daysLeft: number): string {
  switch (phase) {
    case MilestonePhase.Before:
      return `还有${daysLeft}天`;
    case MilestonePhase.DueDay:
      return '今日到期';
    case MilestonePhase.Overdue:
      return `已逾期${-daysLeft}天`;
    default:
      return assertUnreachable(phase);
  }
}

/**
 * What a reminder says: the item, which deadline, its date and the days left. Supervisors get the
 * escalation, which names the bureau.
 */
export function reminderText(
  subject: ReminderSubject,
  kind: DeadlineKind,
  phase: MilestonePhase,
  dueOn: LocalDate,
  daysLeft: number,
  escalation: boolean,
  link: string,
): MessageText {
  const item = itemName(subject);
  const deadline = DEADLINE_LABEL_ZH[kind];
  const state = standing(phase, daysLeft);
  const tag = escalation
    ? '逾期督办'
    : phase === MilestonePhase.Overdue
      ? '已逾期'
      : phase === MilestonePhase.DueDay
        ? '今日到期'
        : '办理提醒';
  const title = escalation
    ? `【${tag}】${subject.bureauName}${item}${deadline}${state}`
    : `【${tag}】${item}${deadline}${state}`;
  const who = escalation ? `${subject.bureauName}承办的` : '';
  const ask = escalation ? '请督促办理。' : '请及时办理。';
  const body =
    `${who}${subject.sessionName}${item}“${subject.proposalTitle}”${deadline}为${chineseDate(dueOn)}，${state}。` +
    `${ask}查看：${link}`;
  return { title, body };
}

/** A 催办 notice as the bureau reads it. */
export function urgeText(
  supervisionOffice: string,
  items: readonly ReminderSubject[],
  message: string,
  link: string,
): MessageText {
  const listed = items.map((item) => `${item.sessionName}${itemName(item)}“${item.proposalTitle}”`).join('；');
  return {
    title: `【催办】${supervisionOffice}催办${items.length}件`,
    body: `${message}\n催办事项：${listed}。查看：${link}`,
  };
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

export interface MailText {
  subject: string;
  text: string;
  html: string;
}

/** One notification as an e-mail, or several as the day's digest. */
export function notificationMail(
  items: readonly MessageText[],
  digestOn: LocalDate | null,
  recipientName: string,
): MailText {
  const subject = digestOn
    ? `【答复系统】${chineseDate(digestOn)}提醒汇总（${items.length}条）`
    : (items[0]?.title ?? '【答复系统】提醒');
  const greeting = `${recipientName}：`;
  const footer = '此邮件由提案建议答复系统自动发送，请勿直接回复。';
  const text = [
    greeting,
    '',
    ...items.flatMap((item) => (digestOn ? [item.title, item.body, ''] : [item.body, ''])),
    footer,
  ].join('\n');
  const html =
    `<p>${escapeHtml(greeting)}</p>` +
    items
      .map(
        (item) =>
          `<p>${digestOn ? `<strong>${escapeHtml(item.title)}</strong><br>` : ''}${escapeHtml(item.body).replace(/\n/g, '<br>')}</p>`,
      )
      .join('') +
    `<p style="color:#888">${escapeHtml(footer)}</p>`;
  return { subject, text, html };
}
