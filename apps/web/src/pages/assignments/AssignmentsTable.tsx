import { Table, Tag, Tooltip } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router';
import type { AssignmentListItem, AssignmentRole, AssignmentStatus } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import { byDueDate, URGENCIES, URGENCY_COLOUR, urgencyOf } from './urgency';

export const STATUS_COLOUR: Partial<Record<AssignmentStatus, string>> = {
  assigned: 'blue',
  acknowledged: 'processing',
  reassignment_requested: 'purple',
  extension_requested: 'purple',
  rehandling: 'magenta',
};

const ROLES: readonly AssignmentRole[] = ['lead', 'co', 'separate'];

/** The bureau's open items, by due date, days left coloured by urgency; filters on role, status and urgency. */
export function AssignmentsTable({
  items,
  loading = false,
}: {
  items: readonly AssignmentListItem[];
  loading?: boolean;
}) {
  const { t } = useI18n();
  const statuses = [...new Set(items.map((item) => item.status))];

  const columns: ColumnsType<AssignmentListItem> = [
    {
      title: t['col.number'],
      dataIndex: 'proposalNumber',
      width: 90,
      sorter: (a, b) => a.proposalNumber - b.proposalNumber,
    },
    {
      title: t['col.title'],
      dataIndex: 'proposalTitle',
      ellipsis: true,
      render: (title: string, item) => <Link to={`/assignments/${item.id}`}>{title}</Link>,
    },
    {
      title: t['col.role'],
      dataIndex: 'role',
      width: 110,
      filters: ROLES.map((role) => ({ text: t[`assignmentRole.${role}`], value: role })),
      onFilter: (value, item) => item.role === value,
      render: (role: AssignmentRole) => <Tag>{t[`assignmentRole.${role}`]}</Tag>,
    },
    {
      title: t['col.status'],
      dataIndex: 'status',
      width: 150,
      filters: statuses.map((status) => ({ text: t[`status.${status}`], value: status })),
      onFilter: (value, item) => item.status === value,
      render: (status: AssignmentStatus, item) => (
        <>
          <Tag color={STATUS_COLOUR[status] ?? 'default'}>{t[`status.${status}`]}</Tag>
          {item.acceptedByDefault && <Tag>{t.acceptedByDefault}</Tag>}
        </>
      ),
    },
    { title: t['col.assignedOn'], dataIndex: 'assignedOn', width: 120 },
    {
      title: t['col.dueOn'],
      dataIndex: 'dueOn',
      width: 120,
      defaultSortOrder: 'ascend',
      sorter: byDueDate,
    },
    {
      title: t['col.daysLeft'],
      key: 'daysLeft',
      width: 170,
      filters: URGENCIES.map((urgency) => ({ text: t[`urgency.${urgency}`], value: urgency })),
      onFilter: (value, item) => urgencyOf(item.daysLeft) === value,
      render: (_: unknown, item) => {
        const urgency = urgencyOf(item.daysLeft);
        return (
          <Tooltip title={`${t[`urgency.${urgency}`]} · ${t.workingDays(item.workingDaysLeft)}`}>
            <Tag color={URGENCY_COLOUR[urgency]} data-urgency={urgency}>
              {t.daysLeft(item.daysLeft)}
            </Tag>
          </Tooltip>
        );
      },
    },
  ];

  return (
    <Table<AssignmentListItem>
      rowKey="id"
      columns={columns}
      dataSource={[...items].sort(byDueDate)}
      loading={loading}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      locale={{ emptyText: t.emptyAssignments }}
    />
  );
}
