import { Card, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { unwrap } from '../../api/errors';
import { useSession } from '../../auth/session';
import { LoadError } from '../../components/LoadError';
import { useI18n, useMessages } from '../../i18n/i18n';
import { reviewMessages } from './messages';
import { reviewPath, type ReplySummary, type ReplyStatus } from './types';

export const INBOX_QUERY_KEY = ['replies', 'inbox'] as const;

/** What waits for the user (GET /replies/inbox): review steps of their roles, sign-off for signatories, drafts for clerks. */
export function useInbox() {
  const { api } = useSession();
  return useQuery({
    queryKey: INBOX_QUERY_KEY,
    queryFn: async () => unwrap(await api.GET('/replies/inbox')),
  });
}

/** The replies of one state, by due date: the order the bureau has to work in. */
export function ReplyQueueTable({
  items,
  loading = false,
  empty,
}: {
  items: readonly ReplySummary[];
  loading?: boolean;
  empty: string;
}) {
  const w = useMessages(reviewMessages);
  const { t } = useI18n();
  const columns: ColumnsType<ReplySummary> = [
    { title: w['col.number'], dataIndex: 'proposalNumber', width: 90 },
    {
      title: w['col.title'],
      dataIndex: 'proposalTitle',
      render: (title: string, item) => (
        <Link to={reviewPath(item.id)} data-testid={`review-link-${item.id}`}>
          {title}
        </Link>
      ),
    },
    {
      title: w['col.step'],
      key: 'step',
      width: 160,
      render: (_: unknown, item) => (
        <Tag color="processing">{item.currentStepName ?? t[`replyStatus.${item.status}`]}</Tag>
      ),
    },
    { title: w['col.round'], dataIndex: 'round', width: 150, render: (round: number) => w.round(round) },
    { title: w['col.dueOn'], dataIndex: 'dueOn', width: 120 },
    {
      title: w['col.lastSavedAt'],
      dataIndex: 'lastSavedAt',
      width: 170,
      render: (at: string) => new Date(at).toLocaleString(),
    },
  ];
  const sorted = [...items].sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.proposalNumber - b.proposalNumber);
  return (
    <Table<ReplySummary>
      rowKey="id"
      data-testid="review-queue"
      columns={columns}
      dataSource={sorted}
      loading={loading}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      locale={{ emptyText: empty }}
    />
  );
}

function QueuePage({
  statuses,
  title,
  hint,
  empty,
}: {
  statuses: readonly ReplyStatus[];
  title: string;
  hint: string;
  empty: string;
}) {
  const query = useInbox();
  return (
    <Card>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {title}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{hint}</Typography.Paragraph>
      {query.isError ? (
        <LoadError error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <ReplyQueueTable
          items={(query.data ?? []).filter((item) => statuses.includes(item.status))}
          loading={query.isPending}
          empty={empty}
        />
      )}
    </Card>
  );
}

/** 待我审核: replies at a review step of one of the user's roles. */
export function InboxPage() {
  const w = useMessages(reviewMessages);
  return <QueuePage statuses={['in_review']} title={w.inboxTitle} hint={w.inboxHint} empty={w.emptyInbox} />;
}

/** 待我签发: replies past every review step, waiting for a signatory. */
export function SigningPage() {
  const w = useMessages(reviewMessages);
  return (
    <QueuePage statuses={['awaiting_signoff']} title={w.signingTitle} hint={w.signingHint} empty={w.emptySigning} />
  );
}
