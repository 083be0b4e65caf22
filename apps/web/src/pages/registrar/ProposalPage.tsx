import { useState } from 'react';
import { Button, Card, Descriptions, Space, Spin, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { unwrap } from '../../api/errors';
import { useSession } from '../../auth/session';
import { LoadError } from '../../components/LoadError';
import { useI18n, useMessages } from '../../i18n/i18n';
import { AssignmentForm } from './AssignmentForm';
import { registrarMessages } from './messages';
import { ProposalDrawer } from './ProposalDrawer';
import { ProposalStatusTag, useBureaus, useSessions } from './shared';
import type { AssignmentView, Proposal } from './types';

/** One proposal: its text, proposers and assignments; the registrar edits and assigns it, the supervisor reads. */
export function ProposalPage() {
  const { id = '' } = useParams();
  const m = useMessages(registrarMessages);
  const { t } = useI18n();
  const { api, user } = useSession();
  const isRegistrar = user?.roles.includes('registrar') ?? false;
  const [editing, setEditing] = useState<Proposal | null>(null);
  const sessions = useSessions();
  const bureaus = useBureaus();

  const proposal = useQuery({
    queryKey: ['proposals', 'one', id],
    queryFn: async () => unwrap(await api.GET('/proposals/{id}', { params: { path: { id } } })),
  });
  const assignments = useQuery({
    queryKey: ['assignments', 'ofProposal', id],
    queryFn: async () => unwrap(await api.GET('/proposals/{id}/assignments', { params: { path: { id } } })),
  });

  if (proposal.isError) return <LoadError error={proposal.error} onRetry={() => void proposal.refetch()} />;
  if (!proposal.data) return <Spin description={t.loading} />;
  const p = proposal.data;
  const sessionName = sessions.data?.find((s) => s.id === p.sessionId)?.name ?? '—';

  const columns: ColumnsType<AssignmentView> = [
    { title: m['col.bureau'], dataIndex: 'bureauName' },
    {
      title: m['col.role'],
      dataIndex: 'role',
      width: 100,
      render: (role: AssignmentView['role']) => <Tag>{t[`assignmentRole.${role}`]}</Tag>,
    },
    {
      title: m['col.status'],
      dataIndex: 'status',
      width: 140,
      render: (status: AssignmentView['status']) => <Tag>{t[`status.${status}`]}</Tag>,
    },
    { title: m['col.assignedOn'], dataIndex: 'assignedOn', width: 120 },
    { title: m['col.dueOn'], dataIndex: 'dueOn', width: 120 },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card>
        <Space style={{ width: '100%', justifyContent: 'space-between' }}>
          <Link to="/proposals">
            <ArrowLeftOutlined /> {m.backToList}
          </Link>
          {isRegistrar && <Button onClick={() => setEditing(p)}>{m.edit}</Button>}
        </Space>
        <Typography.Title level={4}>
          {m.proposalPageTitle(m[`kind.${p.kind}`], p.number)} · {p.title}
        </Typography.Title>
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={m['col.session']}>{sessionName}</Descriptions.Item>
          <Descriptions.Item label={m['col.status']}>
            <ProposalStatusTag status={p.status} />
          </Descriptions.Item>
          <Descriptions.Item label={m['proposal.category']}>{p.category ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={m['proposal.receivedOn']}>{p.receivedOn ?? '—'}</Descriptions.Item>
        </Descriptions>
        <Typography.Title level={5}>{m.proposersHeading}</Typography.Title>
        <Space wrap>
          {p.proposers.map((proposer) => (
            <Tag key={proposer.position} color={proposer.role === 'lead' ? 'red' : undefined}>
              {proposer.name}（{m[`proposerRole.${proposer.role}`]}
              {proposer.kind === 'organisation' ? ` · ${m['proposerKind.organisation']}` : ''}）
            </Tag>
          ))}
        </Space>
        <Typography.Title level={5}>{m.bodyHeading}</Typography.Title>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{p.body || m.noBody}</Typography.Paragraph>
      </Card>
      <Card title={m.assignmentsHeading}>
        {assignments.isError ? (
          <LoadError error={assignments.error} onRetry={() => void assignments.refetch()} />
        ) : (
          <Table<AssignmentView>
            rowKey="id"
            size="small"
            columns={columns}
            dataSource={assignments.data ?? []}
            loading={assignments.isPending}
            pagination={false}
            locale={{ emptyText: m.emptyAssignmentsOfProposal }}
          />
        )}
      </Card>
      {isRegistrar && (
        <Card title={m.assignHeading}>
          <Typography.Paragraph type="secondary">{m.assignHint}</Typography.Paragraph>
          {bureaus.isError ? (
            <LoadError error={bureaus.error} onRetry={() => void bureaus.refetch()} />
          ) : (
            // Mounted once the assignments are known: the first line starts as lead only when there is none.
            assignments.data && (
              <AssignmentForm proposalId={p.id} existing={assignments.data} bureaus={bureaus.data ?? []} />
            )
          )}
        </Card>
      )}
      <ProposalDrawer proposal={editing} onClose={() => setEditing(null)} />
    </Space>
  );
}
