import { Descriptions, Space, Tag, Tooltip, Typography } from 'antd';
import { useI18n, useMessages } from '../../i18n/i18n';
import { URGENCY_COLOUR, urgencyOf } from '../assignments/urgency';
import { STATUS_COLOUR } from '../assignments/AssignmentsTable';
import { assignmentMessages } from './messages';
import type { AssignmentView, Proposal } from './model';
import { formatTime } from './time';

/** Number, title, proposers, role and status, dates, and how much time is left. */
export function AssignmentHeader({
  assignment,
  proposal,
  proposalError,
}: {
  assignment: AssignmentView;
  proposal: Proposal | undefined;
  proposalError: boolean;
}) {
  const { t } = useI18n();
  const m = useMessages(assignmentMessages);
  const open = ['assigned', 'acknowledged', 'reassignment_requested', 'extension_requested', 'rehandling'].includes(
    assignment.status,
  );
  const { daysLeft } = assignment;
  const urgency = urgencyOf(daysLeft);
  const proposers = [...(proposal?.proposers ?? [])].sort((a, b) => a.position - b.position);

  return (
    <>
      <Typography.Text type="secondary">
        {m.proposalNo(assignment.proposalNumber, proposal?.kind ?? null)}
      </Typography.Text>
      <Typography.Title level={3} style={{ marginTop: 4 }}>
        {assignment.proposalTitle}
      </Typography.Title>
      <Space wrap style={{ marginBottom: 16 }}>
        <Tag color="geekblue">{t[`assignmentRole.${assignment.role}`]}</Tag>
        <Tag color={STATUS_COLOUR[assignment.status] ?? 'default'} data-testid="assignment-status">
          {t[`status.${assignment.status}`]}
        </Tag>
        {assignment.acceptedByDefault && <Tag>{t.acceptedByDefault}</Tag>}
        {open && (
          <Tooltip title={t.workingDays(assignment.workingDaysLeft)}>
            <Tag color={URGENCY_COLOUR[urgency]} data-urgency={urgency}>
              {t.daysLeft(daysLeft)}
            </Tag>
          </Tooltip>
        )}
      </Space>
      <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }} bordered>
        <Descriptions.Item label={m.proposers} span={3}>
          {proposers.length > 0
            ? proposers.map((p, i) => (
                <span key={p.position}>
                  {i > 0 && '、'}
                  {p.name}
                  {p.role === 'lead' && proposers.length > 1 && (
                    <Typography.Text type="secondary">（{m.leadProposer}）</Typography.Text>
                  )}
                </span>
              ))
            : '—'}
        </Descriptions.Item>
        <Descriptions.Item label={m.bureau}>{assignment.bureauName}</Descriptions.Item>
        <Descriptions.Item label={m.assignedOn}>{assignment.assignedOn}</Descriptions.Item>
        <Descriptions.Item label={m.dueOn}>{assignment.dueOn}</Descriptions.Item>
        {assignment.acknowledgedAt ? (
          <Descriptions.Item label={m.acknowledgedAt}>{formatTime(assignment.acknowledgedAt)}</Descriptions.Item>
        ) : (
          <Descriptions.Item label={m.acknowledgeBy}>{assignment.acknowledgeBy}</Descriptions.Item>
        )}
      </Descriptions>
      {proposal?.body ? (
        <details style={{ marginTop: 16 }}>
          <summary style={{ cursor: 'pointer' }}>{m.proposalText}</summary>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginTop: 8 }}>{proposal.body}</Typography.Paragraph>
        </details>
      ) : (
        proposalError && (
          <Typography.Paragraph type="secondary" style={{ marginTop: 16 }}>
            {m.proposalUnavailable}
          </Typography.Paragraph>
        )
      )}
    </>
  );
}
