import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  Modal,
  Radio,
  Select,
  Spin,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { unwrap } from '../../api/errors';
import { useSession } from '../../auth/session';
import { LoadError } from '../../components/LoadError';
import { useI18n, useMessages } from '../../i18n/i18n';
import { registrarMessages } from './messages';
import { useBureaus, useShowError } from './shared';
import type { AssignmentListItem } from './types';

export type RequestType = 'reassignment' | 'extension';

interface PendingItem {
  type: RequestType;
  assignment: AssignmentListItem;
}

const STATUS_OF: Record<RequestType, 'reassignment_requested' | 'extension_requested'> = {
  reassignment: 'reassignment_requested',
  extension: 'extension_requested',
};

/** The assignments waiting for a decision of one kind (GET /assignments?status=…). */
function usePending(type: RequestType) {
  const { api } = useSession();
  const status = STATUS_OF[type];
  return useQuery({
    queryKey: ['assignments', { status }],
    queryFn: async () => unwrap(await api.GET('/assignments', { params: { query: { status } } })),
  });
}

/** 调整与延期审批: bureaus' pending reassignment and extension requests, each decided in a modal. */
export function RequestsPage() {
  const m = useMessages(registrarMessages);
  const reassignments = usePending('reassignment');
  const extensions = usePending('extension');
  const [deciding, setDeciding] = useState<PendingItem | null>(null);

  const items: PendingItem[] = [
    ...(reassignments.data ?? []).map((assignment) => ({ type: 'reassignment' as const, assignment })),
    ...(extensions.data ?? []).map((assignment) => ({ type: 'extension' as const, assignment })),
  ].sort((a, b) => a.assignment.dueOn.localeCompare(b.assignment.dueOn));

  const columns: ColumnsType<PendingItem> = [
    {
      title: m['col.requestType'],
      dataIndex: 'type',
      width: 110,
      render: (type: RequestType) => (
        <Tag color={type === 'reassignment' ? 'purple' : 'blue'}>{m[`requestType.${type}`]}</Tag>
      ),
    },
    { title: m['col.number'], key: 'number', width: 80, render: (_: unknown, i) => i.assignment.proposalNumber },
    {
      title: m['col.title'],
      key: 'title',
      render: (_: unknown, i) => <Link to={`/proposals/${i.assignment.proposalId}`}>{i.assignment.proposalTitle}</Link>,
    },
    { title: m['col.bureau'], key: 'bureau', width: 200, render: (_: unknown, i) => i.assignment.bureauName },
    { title: m['col.dueOn'], key: 'due', width: 120, render: (_: unknown, i) => i.assignment.dueOn },
    {
      title: m.actions,
      key: 'actions',
      width: 100,
      render: (_: unknown, item) => (
        <Button
          size="small"
          type="primary"
          onClick={() => setDeciding(item)}
          aria-label={`${m.review} ${m[`requestType.${item.type}`]} ${item.assignment.proposalNumber} ${item.assignment.bureauName}`}
        >
          {m.review}
        </Button>
      ),
    },
  ];

  const failed = reassignments.error ?? extensions.error;
  return (
    <Card>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {m.requestsTitle}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{m.requestsHint}</Typography.Paragraph>
      {failed ? (
        <LoadError
          error={failed}
          onRetry={() => {
            void reassignments.refetch();
            void extensions.refetch();
          }}
        />
      ) : (
        <Table<PendingItem>
          rowKey={(item) => `${item.type}:${item.assignment.id}`}
          columns={columns}
          dataSource={items}
          loading={reassignments.isPending || extensions.isPending}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: m.emptyRequests }}
        />
      )}
      {deciding && <DecisionModal item={deciding} onClose={() => setDeciding(null)} />}
    </Card>
  );
}

interface DecisionForm {
  decision: 'approve' | 'reject';
  bureauId?: string;
  text?: string;
}

/** The pending request with its reason, and the registrar's decision with theirs. */
export function DecisionModal({ item, onClose }: { item: PendingItem; onClose: () => void }) {
  const m = useMessages(registrarMessages);
  const { t } = useI18n();
  const { api } = useSession();
  const { message } = App.useApp();
  const showError = useShowError();
  const queryClient = useQueryClient();
  const bureaus = useBureaus();
  const [form] = Form.useForm<DecisionForm>();
  const decision = Form.useWatch('decision', form);
  const { assignment, type } = item;
  const id = assignment.id;

  const requests = useQuery({
    queryKey: ['assignments', 'requests', id],
    queryFn: async () => unwrap(await api.GET('/assignments/{id}/requests', { params: { path: { id } } })),
  });
  const isPending = (r: { status: string }) => r.status === 'pending';
  const reassignment = type === 'reassignment' ? requests.data?.reassignments.filter(isPending).pop() : undefined;
  const extension = type === 'extension' ? requests.data?.extensions.filter(isPending).pop() : undefined;
  const pending = reassignment ?? extension;

  const decide = useMutation({
    mutationFn: async (values: DecisionForm) => {
      const path = { params: { path: { id } } };
      const text = values.text?.trim() ?? '';
      if (values.decision === 'reject') {
        const body = { reason: text };
        return unwrap(
          type === 'reassignment'
            ? await api.POST('/assignments/{id}/reassignment-request/reject', { ...path, body })
            : await api.POST('/assignments/{id}/extension-request/reject', { ...path, body }),
        );
      }
      const note = text || undefined;
      return unwrap(
        type === 'reassignment'
          ? await api.POST('/assignments/{id}/reassignment-request/approve', {
              ...path,
              body: { bureauId: values.bureauId, note },
            })
          : await api.POST('/assignments/{id}/extension-request/approve', { ...path, body: { note } }),
      );
    },
    onSuccess: () => {
      void message.success(m.decided);
      void queryClient.invalidateQueries({ queryKey: ['assignments'] });
      void queryClient.invalidateQueries({ queryKey: ['proposals'] });
      onClose();
    },
    onError: showError,
  });

  const suggested = reassignment?.suggestedBureauId;

  return (
    <Modal
      open
      title={m.decisionTitle(m[`requestType.${type}`], assignment.proposalNumber)}
      onCancel={onClose}
      okText={m.submit}
      cancelText={m.cancel}
      okButtonProps={{ disabled: !pending, loading: decide.isPending }}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Typography.Paragraph>
        {assignment.proposalTitle} · {assignment.bureauName}（{t[`assignmentRole.${assignment.role}`]}）
      </Typography.Paragraph>
      {requests.isError ? (
        <LoadError error={requests.error} onRetry={() => void requests.refetch()} />
      ) : requests.isPending ? (
        <Spin description={t.loading} />
      ) : !pending ? (
        <Alert type="info" showIcon title={m.noPendingRequest} />
      ) : (
        <>
          <Descriptions size="small" column={1} bordered style={{ marginBottom: 16 }}>
            <Descriptions.Item label={m.requestReason}>{pending.reason}</Descriptions.Item>
            {type === 'reassignment' ? (
              <Descriptions.Item label={m.suggestedBureau}>
                {reassignment?.suggestedBureauName ?? m.noSuggestion}
              </Descriptions.Item>
            ) : (
              <>
                <Descriptions.Item label={m.currentDue}>{extension?.previousDueOn}</Descriptions.Item>
                <Descriptions.Item label={m.requestedDue}>{extension?.requestedDueOn}</Descriptions.Item>
              </>
            )}
          </Descriptions>
          <Form<DecisionForm>
            form={form}
            layout="vertical"
            name="decision"
            initialValues={{ decision: 'approve', bureauId: suggested ?? undefined }}
            onFinish={(values) => decide.mutate(values)}
          >
            <Form.Item name="decision" label={m.decision}>
              <Radio.Group
                options={[
                  { value: 'approve', label: m.approve },
                  { value: 'reject', label: m.reject },
                ]}
              />
            </Form.Item>
            {type === 'reassignment' && decision !== 'reject' && (
              <Form.Item
                name="bureauId"
                label={m['decision.newBureau']}
                rules={[{ required: true, message: m.required }]}
              >
                <Select
                  showSearch={{ optionFilterProp: 'label' }}
                  options={(bureaus.data ?? [])
                    .filter((b) => b.id !== assignment.bureauId)
                    .map((b) => ({ value: b.id, label: b.name }))}
                />
              </Form.Item>
            )}
            <Form.Item
              name="text"
              label={decision === 'reject' ? m['decision.reason'] : m['decision.note']}
              rules={decision === 'reject' ? [{ required: true, whitespace: true, message: m.required }] : []}
            >
              <Input.TextArea maxLength={2000} autoSize={{ minRows: 3 }} />
            </Form.Item>
          </Form>
        </>
      )}
    </Modal>
  );
}
