import { App, Button, Card, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { errorMessage, unwrap } from '../../api/errors';
import type { AssignmentListItem } from '../../api/types';
import { useSession } from '../../auth/session';
import { LoadError } from '../../components/LoadError';
import { useI18n, useMessages } from '../../i18n/i18n';
import { draftMessages } from './messages';
import type { ReplySummary } from './types';

/** Assignment states in which the bureau writes its reply (a lead or separate assignment). */
const REPLYING = ['acknowledged', 'extension_requested', 'rehandling'];

/**
 * The clerk's drafts: the bureau's replies being drafted (GET /replies/inbox gives a clerk the
 * drafting ones, sent-back ones included), and the open assignments that have no draft yet.
 */
export function DraftsPage() {
  const m = useMessages(draftMessages);
  const { t, lang } = useI18n();
  const { api } = useSession();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();

  const drafts = useQuery({
    queryKey: ['replies', 'inbox'],
    queryFn: async () => unwrap(await api.GET('/replies/inbox')),
  });
  const assignments = useQuery({
    queryKey: ['assignments', { open: true }],
    queryFn: async () => unwrap(await api.GET('/assignments', { params: { query: { open: true } } })),
  });
  const start = useMutation({
    mutationFn: async (assignmentId: string) =>
      unwrap(await api.POST('/assignments/{id}/replies', { params: { path: { id: assignmentId } } })),
    onSuccess: (reply) => {
      void queryClient.invalidateQueries({ queryKey: ['replies', 'inbox'] });
      void navigate(`/replies/${reply.id}/draft`);
    },
    onError: (error) => void message.error(errorMessage(error, lang, t, m.actionFailed)),
  });

  const drafting = (drafts.data ?? []).filter((r) => r.status === 'drafting');
  const withDraft = new Set(drafting.map((r) => r.assignmentId));
  const toStart = (assignments.data ?? []).filter(
    (a) => a.role !== 'co' && REPLYING.includes(a.status) && !withDraft.has(a.id),
  );

  const columns: ColumnsType<ReplySummary> = [
    { title: m['col.number'], dataIndex: 'proposalNumber', width: 90 },
    {
      title: m['col.title'],
      dataIndex: 'proposalTitle',
      render: (title: string, reply) => <Link to={`/replies/${reply.id}/draft`}>{title}</Link>,
    },
    { title: m['col.round'], dataIndex: 'round', width: 150, render: (round: number) => m.roundN(round) },
    {
      title: m['col.status'],
      dataIndex: 'status',
      width: 110,
      render: (status: ReplySummary['status']) => <Tag color="processing">{t[`replyStatus.${status}`]}</Tag>,
    },
    { title: m['col.version'], dataIndex: 'version', width: 90, render: (v: number) => m.version(v) },
    {
      title: m['col.lastSavedAt'],
      dataIndex: 'lastSavedAt',
      width: 180,
      render: (at: string) => new Date(at).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB'),
    },
    {
      title: m['col.dueOn'],
      dataIndex: 'dueOn',
      width: 120,
      defaultSortOrder: 'ascend',
      sorter: (a, b) => a.dueOn.localeCompare(b.dueOn),
    },
    {
      title: m['col.open'],
      key: 'open',
      width: 110,
      render: (_: unknown, reply) => (
        <Link to={`/replies/${reply.id}/draft`} aria-label={`${m.openDraft} ${reply.proposalNumber}`}>
          {m.openDraft}
        </Link>
      ),
    },
  ];

  const startColumns: ColumnsType<AssignmentListItem> = [
    { title: m['col.number'], dataIndex: 'proposalNumber', width: 90 },
    { title: m['col.title'], dataIndex: 'proposalTitle' },
    { title: m['col.dueOn'], dataIndex: 'dueOn', width: 120 },
    {
      title: m['col.open'],
      key: 'start',
      width: 130,
      render: (_: unknown, item) => (
        <Button
          size="small"
          loading={start.isPending && start.variables === item.id}
          onClick={() => start.mutate(item.id)}
        >
          {m.startDraft}
        </Button>
      ),
    },
  ];

  return (
    <Card>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {m.draftsTitle}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{m.draftsHint}</Typography.Paragraph>
      {drafts.isError ? (
        <LoadError error={drafts.error} onRetry={() => void drafts.refetch()} />
      ) : (
        <Table<ReplySummary>
          rowKey="id"
          columns={columns}
          dataSource={drafting}
          loading={drafts.isPending}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: m.emptyDrafts }}
        />
      )}
      {toStart.length > 0 && (
        <>
          <Typography.Title level={5}>{m.toStartTitle}</Typography.Title>
          <Table<AssignmentListItem>
            rowKey="id"
            columns={startColumns}
            dataSource={toStart}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
          />
        </>
      )}
    </Card>
  );
}
