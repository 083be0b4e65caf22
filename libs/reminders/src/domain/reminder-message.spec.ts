import { SessionBody } from '@dafu/platform/vocabulary';
import { chineseDate, notificationMail, reminderText, urgeText } from './reminder-message';
import { DeadlineKind, MilestonePhase } from './reminder-schedule';

const subject = {
  body: SessionBody.Cppcc,
  proposalNumber: 146,
  proposalTitle: '关于积极应对人口老龄化的提案',
  sessionName: '市政协八届一次会议',
  bureauName: '三门峡市民政局',
};
const link = 'https://dafu.example.gov.cn/assignments/1';

describe('reminder texts', () => {
  it('names the item, the deadline, its date and the days left', () => {
    expect(reminderText(subject, DeadlineKind.Reply, MilestonePhase.Before, '2023-07-13', 3, false, link)).toEqual({
      title: '【办理提醒】第146号提案答复期限还有3天',
      body: `市政协八届一次会议第146号提案“关于积极应对人口老龄化的提案”答复期限为2023年7月13日，还有3天。请及时办理。查看：${link}`,
    });
  });

  it('says 今日到期 on the day and how long overdue after it', () => {
    expect(
      reminderText(subject, DeadlineKind.CoOpinion, MilestonePhase.DueDay, '2023-07-13', 0, false, link).title,
    ).toBe('【今日到期】第146号提案会办意见期限今日到期');
    expect(
      reminderText(subject, DeadlineKind.Acknowledge, MilestonePhase.Overdue, '2023-07-13', -4, false, link).title,
    ).toBe('【已逾期】第146号提案签收期限已逾期4天');
  });

  it('names the bureau in the escalation to supervisors, and calls an NPC item a 建议', () => {
    const escalation = reminderText(
      { ...subject, body: SessionBody.Npc },
      DeadlineKind.Reply,
      MilestonePhase.Overdue,
      '2023-07-13',
      -1,
      true,
      link,
    );
    expect(escalation.title).toBe('【逾期督办】三门峡市民政局第146号建议答复期限已逾期1天');
    expect(escalation.body).toMatch(/^三门峡市民政局承办的.+请督促办理。/);
  });

  it('lists every urged item with the supervisor’s words', () => {
    const text = urgeText('市委市政府督查局', [subject, { ...subject, proposalNumber: 12 }], '请本周内答复', link);
    expect(text.title).toBe('【催办】市委市政府督查局催办2件');
    expect(text.body).toContain('请本周内答复\n催办事项：市政协八届一次会议第146号提案');
    expect(text.body).toContain('；市政协八届一次会议第12号提案');
  });

  it('writes dates the way the letters do', () => {
    expect(chineseDate('2023-07-03')).toBe('2023年7月3日');
  });
});

describe('notificationMail', () => {
  const items = [
    { title: '【办理提醒】第146号提案答复期限还有3天', body: '正文<一>' },
    { title: '【已逾期】第12号提案签收期限已逾期1天', body: '正文二' },
  ];

  it('uses the title as the subject of a single mail, and escapes the HTML', () => {
    const mail = notificationMail(items.slice(0, 1), null, '李立明');
    expect(mail.subject).toBe(items[0].title);
    expect(mail.text).toMatch(/^李立明：\n\n正文<一>\n/);
    expect(mail.html).toContain('正文&lt;一&gt;');
    expect(mail.html).not.toContain('<一>');
  });

  it('gathers a day’s notifications into one digest with each title', () => {
    const mail = notificationMail(items, '2026-03-11', '李立明');
    expect(mail.subject).toBe('【答复系统】2026年3月11日提醒汇总（2条）');
    expect(mail.text).toContain(`${items[0].title}\n正文<一>`);
    expect(mail.text).toContain(`${items[1].title}\n正文二`);
  });
});
