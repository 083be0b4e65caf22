import { describeAssignmentEvent, statusLabelZh } from './timeline';

describe('describeAssignmentEvent', () => {
  it.each([
    [
      'assignment.created',
      { dueOn: '2023-07-13', acknowledgeBy: '2023-04-20' },
      null,
      '交办，办理期限2023-07-13，应于2023-04-20前签收',
    ],
    ['assignment.acknowledge', {}, null, '签收'],
    ['assignment.request_reassignment', {}, '不属于本单位职责', '申请调整（理由：不属于本单位职责）'],
    [
      'assignment.approve_extension',
      { previousDueOn: '2023-07-13', dueOn: '2023-08-13' },
      null,
      '同意延期，办理期限由2023-07-13改为2023-08-13',
    ],
    ['co_opinion.waived', {}, '逾期未反馈', '主办单位免除会办意见（理由：逾期未反馈）'],
    ['contact.logged', { occurredOn: '2023-06-20' }, null, '记录与提出人沟通（2023-06-20）'],
    ['attachment.added', { filename: '会议纪要.pdf' }, null, '上传附件“会议纪要.pdf”'],
    ['assignment.record_reply', {}, null, '答复已签发'],
    ['assignment.reopen_for_reply', {}, null, '已签发的答复作废，需重新答复'],
    [
      'assignment.record_feedback',
      { channel: 'registrar', workRating: 'satisfied', resultRating: 'unsatisfied', talkedBeforeReply: true },
      null,
      '提案委（选工委）登记提出人反馈：办理工作满意，办理结果不满意',
    ],
    [
      'assignment.record_feedback',
      {
        channel: 'proposer_link',
        workRating: 'basically_satisfied',
        resultRating: 'satisfied',
        talkedBeforeReply: false,
      },
      null,
      '提出人通过反馈链接反馈：办理工作基本满意，办理结果满意，反映答复前未与其沟通',
    ],
    [
      'assignment.start_rehandling',
      { previousDueOn: '2023-06-01', dueOn: '2023-08-13' },
      null,
      '提出人不满意，重新办理，办理期限由2023-06-01改为2023-08-13',
    ],
    ['assignment.close', {}, null, '提出人满意（基本满意），办结'],
    [
      'follow_up.recorded',
      { sentOn: '2023-10-01', solved: false },
      null,
      '报送跟踪办理情况（2023-10-01），继续跟踪办理',
    ],
    [
      'follow_up.recorded',
      { sentOn: '2023-12-01', solved: true },
      null,
      '报送跟踪办理情况（2023-12-01），所提问题已解决，移出跟踪办理名单',
    ],
  ])('%s reads as %s', (action, data, reason, zh) => {
    const text = describeAssignmentEvent(action, data, reason);
    expect(text.zh).toBe(zh);
    expect(text.en).toMatch(/^[A-Z]/);
  });

  it('falls back to the action name for an event it does not know yet', () => {
    expect(describeAssignmentEvent('assignment.future_thing', {}, null)).toEqual({
      zh: 'assignment.future_thing',
      en: 'assignment.future_thing',
    });
  });

  it('labels statuses in Chinese', () => {
    expect(statusLabelZh('extension_requested')).toBe('申请延期中');
    expect(statusLabelZh('unknown')).toBe('unknown');
  });
});
