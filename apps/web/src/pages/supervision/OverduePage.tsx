import { useState } from 'react';
import { App, Button, Card, Flex, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType, SorterResult } from 'antd/es/table/interface';
import { BellOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import type { components } from '../../api/schema';
import { errorMessage, unwrap } from '../../api/errors';
import { useSession } from '../../auth/session';
import { useI18n, useMessages } from '../../i18n/i18n';
import { LoadError } from '../../components/LoadError';
import { supervisionMessages } from './messages';
import { SessionSelect } from './SessionSelect';

type OverdueItem = components['schemas']['OverdueItemDto'];
type OverdueSort = components['schemas']['OverdueSort'];
type Urge = components['schemas']['UrgeDto'];

/** Whom a 催办 goes to: one item, or every overdue item of a bureau. */
interface UrgeTarget {
  bureauId: string;
  bureauName: string;
  item: OverdueItem | null;
}

const PAGE_SIZE = 20;

/** The column an antd sorter names, as the API's sort; null falls back to the API's default. */
export function sortOf(sorter: SorterResult<OverdueItem>): { sort?: OverdueSort; order?: 'asc' | 'desc' } {
  if (!sorter.order) return {};
  const sort: OverdueSort | undefined =
    sorter.columnKey === 'daysOverdue'
      ? 'daysOverdue'
      : sorter.columnKey === 'dueOn'
        ? 'dueOn'
        : sorter.columnKey === 'bureau'
          ? 'bureau'
          : undefined;
  return sort ? { sort, order: sorter.order === 'ascend' ? 'asc' : 'desc' } : {};
}

function UrgeModal({
  target,
  onClose,
  onSent,
}: {
  target: UrgeTarget | null;
  onClose: () => void;
  onSent: (urge: Urge) => void;
}) {
  const { api } = useSession();
  const { lang, t: common } = useI18n();
  const t = useMessages(supervisionMessages);
  const { message } = App.useApp();
  const [form] = Form.useForm<{ message: string }>();
  const send = useMutation({
    mutationFn: async (text: string) =>
      unwrap(
        await api.POST('/bureaus/{id}/urges', {
          params: { path: { id: target!.bureauId } },
          body: { message: text, ...(target!.item ? { assignmentIds: [target!.item.assignmentId] } : {}) },
        }),
      ),
    onSuccess: (urge) => {
      void message.success(t.urgeSent(urge.notified));
      onSent(urge);
      onClose();
    },
    onError: (error) => void message.error(errorMessage(error, lang, common, t.urgeFailed)),
  });
  const title = target?.item ? t.urgeTitleItem(target.item.proposalTitle) : t.urgeTitleBureau(target?.bureauName ?? '');
  return (
    <Modal
      open={target !== null}
      title={title}
      okText={t.send}
      cancelText={t.cancel}
      confirmLoading={send.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ message: t.defaultMessage }}
        onFinish={(values) => send.mutate(values.message.trim())}
      >
        <Form.Item
          label={t.message}
          name="message"
          rules={[{ required: true, whitespace: true, message: t.messageRequired }, { max: 500 }]}
        >
          <Input.TextArea rows={4} maxLength={500} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 超期清单: GET /supervision/overdue, sorted and paged by the API, with 催办 per item or per bureau. */
export function OverduePage() {
  const { api } = useSession();
  const { t: common } = useI18n();
  const t = useMessages(supervisionMessages);
  const [sessionId, setSessionId] = useState<string | undefined>();
  const [bureauId, setBureauId] = useState<string | undefined>();
  const [sorting, setSorting] = useState<{ sort?: OverdueSort; order?: 'asc' | 'desc' }>({});
  const [page, setPage] = useState(1);
  const [target, setTarget] = useState<UrgeTarget | null>(null);
  /** The 催办 sent from this page: by assignment, and by bureau for the whole-bureau ones. */
  const [urges, setUrges] = useState<Record<string, Urge>>({});

  const bureaus = useQuery({
    queryKey: ['organisations', 'bureau'],
    queryFn: async () => unwrap(await api.GET('/organisations', { params: { query: { kind: 'bureau' } } })),
  });
  const query = { sessionId, bureauId, ...sorting, page, pageSize: PAGE_SIZE };
  const overdue = useQuery({
    queryKey: ['supervision', 'overdue', query],
    queryFn: async () => unwrap(await api.GET('/supervision/overdue', { params: { query } })),
  });

  const urgedAt = (item: OverdueItem): Urge | undefined => {
    const candidates = [urges[item.assignmentId], urges[`bureau:${item.bureauId}`]].filter(Boolean) as Urge[];
    return candidates.sort((a, b) => String(b.createdAt).localeCompare(String(a.createdAt)))[0];
  };
  const recordUrge = (urge: Urge) =>
    setUrges((current) => {
      const next = { ...current };
      if (target?.item) next[target.item.assignmentId] = urge;
      else next[`bureau:${urge.bureauId}`] = urge;
      return next;
    });

  const columns: ColumnsType<OverdueItem> = [
    { title: t.colNumber, dataIndex: 'proposalNumber', width: 80 },
    { title: t.colTitle, dataIndex: 'proposalTitle', ellipsis: true },
    { title: t.colSession, dataIndex: 'sessionName', width: 180, ellipsis: true },
    { title: t.colBureau, dataIndex: 'bureauName', key: 'bureau', width: 180, sorter: true },
    {
      title: t.colRole,
      dataIndex: 'role',
      width: 90,
      render: (role: OverdueItem['role']) => <Tag>{common[`assignmentRole.${role}`]}</Tag>,
    },
    {
      title: t.colStatus,
      dataIndex: 'status',
      width: 130,
      render: (status: OverdueItem['status']) => <Tag>{common[`status.${status}`]}</Tag>,
    },
    { title: t.colDueOn, dataIndex: 'dueOn', key: 'dueOn', width: 120, sorter: true },
    {
      title: t.colDaysOverdue,
      key: 'daysOverdue',
      width: 190,
      sorter: true,
      defaultSortOrder: 'descend',
      render: (_: unknown, item) => <Tag color="red">{t.daysOverdue(item.daysOverdue, item.workingDaysOverdue)}</Tag>,
    },
    {
      title: t.colUrged,
      key: 'urge',
      width: 230,
      render: (_: unknown, item) => {
        const urge = urgedAt(item);
        return (
          <Space orientation="vertical" size={2}>
            <Space size={4} wrap>
              <Button
                size="small"
                icon={<BellOutlined />}
                aria-label={t.urgeTitleItem(item.proposalTitle)}
                onClick={() => setTarget({ bureauId: item.bureauId, bureauName: item.bureauName, item })}
              >
                {t.urgeItem}
              </Button>
              <Button
                size="small"
                type="link"
                aria-label={t.urgeTitleBureau(item.bureauName)}
                onClick={() => setTarget({ bureauId: item.bureauId, bureauName: item.bureauName, item: null })}
              >
                {t.urgeBureau}
              </Button>
            </Space>
            {urge && (
              <Typography.Text type="secondary" data-testid={`urged-${item.assignmentId}`}>
                {t.urged(dayjs(urge.createdAt).format('YYYY-MM-DD HH:mm'), urge.notified)}
              </Typography.Text>
            )}
          </Space>
        );
      },
    },
  ];

  return (
    <Card>
      <Flex justify="space-between" align="center" wrap gap="middle" style={{ marginBottom: 16 }}>
        <div>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t.overdueTitle}
          </Typography.Title>
          <Typography.Text type="secondary">{t.overdueHint}</Typography.Text>
        </div>
        <Space wrap>
          <label htmlFor="session-filter">{t.session}</label>
          <SessionSelect
            value={sessionId}
            onChange={(next) => {
              setSessionId(next);
              setPage(1);
            }}
          />
          <label htmlFor="bureau-filter">{t.colBureau}</label>
          <Select<string>
            id="bureau-filter"
            aria-label={t.colBureau}
            style={{ minWidth: 200 }}
            showSearch={{ optionFilterProp: 'label' }}
            value={bureauId ?? ''}
            loading={bureaus.isPending}
            onChange={(next) => {
              setBureauId(next === '' ? undefined : next);
              setPage(1);
            }}
            options={[
              { value: '', label: t.allBureaus },
              ...(bureaus.data ?? []).map((b) => ({ value: b.id, label: b.name })),
            ]}
          />
        </Space>
      </Flex>
      {overdue.isError ? (
        <LoadError error={overdue.error} onRetry={() => void overdue.refetch()} />
      ) : (
        <Table<OverdueItem>
          rowKey="assignmentId"
          columns={columns}
          dataSource={overdue.data?.items ?? []}
          loading={overdue.isFetching}
          scroll={{ x: 1300 }}
          locale={{ emptyText: t.emptyOverdue }}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: overdue.data?.total ?? 0,
            showSizeChanger: false,
            showTotal: (total) => t.totalItems(total),
          }}
          onChange={(pagination, _filters, sorter) => {
            const next = sortOf(Array.isArray(sorter) ? sorter[0] : sorter);
            if (next.sort !== sorting.sort || next.order !== sorting.order) {
              setSorting(next);
              setPage(1);
            } else setPage(pagination.current ?? 1);
          }}
        />
      )}
      <UrgeModal target={target} onClose={() => setTarget(null)} onSent={recordUrge} />
    </Card>
  );
}
