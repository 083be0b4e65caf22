import { Alert, App, Button, Card, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { unwrap } from '../../api/errors';
import { useSession } from '../../auth/session';
import { LoadError } from '../../components/LoadError';
import { defineMessages, useMessages } from '../../i18n/i18n';
import type { FailedJob, NotificationDelivery } from './admin-types';
import { useApiFailure } from './api-feedback';
import { commonWords } from './common-words';

/** Bull Board, served by the API beside the app (libs/platform/src/queue/queue-dashboard.ts). */
export const QUEUE_DASHBOARD_PATH = '/admin/queues';

const words = defineMessages(
  {
    title: '任务队列',
    dashboard: '队列看板',
    dashboardHow:
      '队列看板（Bull Board）由 API 直接提供，不经过本应用的登录：链接无法带上本页的登录令牌，因此浏览器会弹出用户名和密码对话框，请输入一个系统管理员账号的用户名和密码（与登录本系统相同，同样受登录次数限制）。',
    openDashboard: '在新窗口打开队列看板',
    failedJobs: '失败的任务',
    failedJobsHint: '已用完全部重试次数的后台任务（生成正式文件、发送、提醒、通知）。排除原因后可重新执行。',
    queue: '队列',
    job: '任务',
    data: '处理对象',
    reason: '失败原因',
    attempts: '已尝试',
    failedAt: '失败时间',
    retry: '重新执行',
    retried: (name: string) => `已重新排队：${name}`,
    noFailedJobs: '没有失败的任务',
    failedDeliveries: '发送失败的通知',
    failedDeliveriesHint: '未能送达的电子邮件和 Webhook 通知（API 没有重发接口，仅供排查）。',
    channel: '渠道',
    target: '发送目标',
    lastError: '最后的错误',
    updatedAt: '更新时间',
    noFailedDeliveries: '没有发送失败的通知',
    'channel.email': '电子邮件',
    'channel.webhook': 'Webhook',
  },
  {
    title: 'Job queues',
    dashboard: 'Queue dashboard',
    dashboardHow:
      "The queue dashboard (Bull Board) is served by the API itself, outside this app's login: a link cannot carry this page's token, so the browser asks for a username and password. Enter those of an administrator account (the same as for logging in here, with the same limit on attempts).",
    openDashboard: 'Open the queue dashboard in a new window',
    failedJobs: 'Failed jobs',
    failedJobsHint:
      'Background jobs (final documents, sending, reminders, notifications) that spent every retry. Run them again once the cause is fixed.',
    queue: 'Queue',
    job: 'Job',
    data: 'Works on',
    reason: 'Why it failed',
    attempts: 'Attempts',
    failedAt: 'Failed at',
    retry: 'Retry',
    retried: (name: string) => `Queued again: ${name}`,
    noFailedJobs: 'No failed jobs',
    failedDeliveries: 'Failed notification deliveries',
    failedDeliveriesHint:
      'E-mails and webhook calls that could not be delivered (the API offers no resend; for diagnosis).',
    channel: 'Channel',
    target: 'Target',
    lastError: 'Last error',
    updatedAt: 'Updated at',
    noFailedDeliveries: 'No failed deliveries',
    'channel.email': 'E-mail',
    'channel.webhook': 'Webhook',
  },
);

function when(value: string | null): string {
  return value ? new Date(value).toLocaleString() : '';
}

/** The link to Bull Board (and how to get in), failed jobs with retry, failed notification deliveries. */
export function QueuesPage() {
  const { api } = useSession();
  const w = useMessages(words);
  const c = useMessages(commonWords);
  const { message } = App.useApp();
  const fail = useApiFailure();
  const queryClient = useQueryClient();

  const jobs = useQuery({
    queryKey: ['failed-jobs'],
    queryFn: async () => unwrap(await api.GET('/admin/failed-jobs')),
  });
  const deliveries = useQuery({
    queryKey: ['failed-deliveries'],
    queryFn: async () => unwrap(await api.GET('/admin/notification-deliveries/failed')),
  });

  const retry = useMutation({
    mutationFn: async (job: FailedJob) =>
      unwrap(
        await api.POST('/admin/failed-jobs/{queue}/{id}/retry', {
          params: { path: { queue: job.queue, id: job.id } },
        }),
      ),
    onSuccess: (_answer, job) => {
      void message.success(w.retried(job.name));
      void queryClient.invalidateQueries({ queryKey: ['failed-jobs'] });
    },
    onError: (error) => {
      fail(error);
      // Gone or no longer failed (someone retried it, or it was removed): show the list as it is.
      void queryClient.invalidateQueries({ queryKey: ['failed-jobs'] });
    },
  });

  const jobColumns: ColumnsType<FailedJob> = [
    { title: w.queue, dataIndex: 'queue', render: (queue: string) => <Tag>{queue}</Tag> },
    { title: w.job, dataIndex: 'name', render: (name: string, job) => `${name} #${job.id}` },
    {
      title: w.data,
      dataIndex: 'data',
      render: (data: Record<string, unknown>) => <Typography.Text code>{JSON.stringify(data)}</Typography.Text>,
    },
    { title: w.reason, dataIndex: 'failedReason', ellipsis: true },
    { title: w.attempts, dataIndex: 'attemptsMade', width: 90 },
    { title: w.failedAt, dataIndex: 'failedAt', render: when },
    {
      title: c.actions,
      key: 'actions',
      render: (_: unknown, job) => (
        <Button
          size="small"
          aria-label={`${w.retry} ${job.name} #${job.id}`}
          loading={retry.isPending && retry.variables?.id === job.id && retry.variables.queue === job.queue}
          onClick={() => retry.mutate(job)}
        >
          {w.retry}
        </Button>
      ),
    },
  ];

  const deliveryColumns: ColumnsType<NotificationDelivery> = [
    {
      title: w.channel,
      dataIndex: 'channel',
      render: (channel: NotificationDelivery['channel']) => <Tag>{w[`channel.${channel}`]}</Tag>,
    },
    { title: w.target, dataIndex: 'target' },
    { title: w.attempts, dataIndex: 'attempts', width: 90 },
    { title: w.lastError, dataIndex: 'lastError', ellipsis: true },
    { title: w.updatedAt, dataIndex: 'updatedAt', render: when },
  ];

  return (
    <Card>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {w.title}
      </Typography.Title>
      <Alert
        type="info"
        showIcon
        title={w.dashboard}
        description={
          <>
            <Typography.Paragraph>{w.dashboardHow}</Typography.Paragraph>
            <Typography.Link href={QUEUE_DASHBOARD_PATH} target="_blank" rel="noopener noreferrer">
              {w.openDashboard}
            </Typography.Link>
          </>
        }
      />
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {w.failedJobs}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{w.failedJobsHint}</Typography.Paragraph>
      {jobs.isError ? (
        <LoadError error={jobs.error} onRetry={() => void jobs.refetch()} />
      ) : (
        <Table<FailedJob>
          rowKey={(job) => `${job.queue}:${job.id}`}
          columns={jobColumns}
          dataSource={jobs.data ?? []}
          loading={jobs.isPending}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: w.noFailedJobs }}
        />
      )}
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {w.failedDeliveries}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{w.failedDeliveriesHint}</Typography.Paragraph>
      {deliveries.isError ? (
        <LoadError error={deliveries.error} onRetry={() => void deliveries.refetch()} />
      ) : (
        <Table<NotificationDelivery>
          rowKey="id"
          columns={deliveryColumns}
          dataSource={deliveries.data ?? []}
          loading={deliveries.isPending}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: w.noFailedDeliveries }}
        />
      )}
    </Card>
  );
}
