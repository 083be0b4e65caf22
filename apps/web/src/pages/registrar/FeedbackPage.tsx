import { useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Form, Input, Modal, Radio, Spin, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { unwrap } from '../../api/errors';
import { useSession } from '../../auth/session';
import { LoadError } from '../../components/LoadError';
import { useI18n, useMessages } from '../../i18n/i18n';
import { registrarMessages } from './messages';
import { useShowError } from './shared';
import { SATISFACTIONS, type AssignmentListItem, type ReplySummary, type Satisfaction } from './types';

/** 满意度录入: replies that went out and wait for the proposer's answer (assignments in `replied`). */
export function FeedbackPage() {
  const m = useMessages(registrarMessages);
  const { t } = useI18n();
  const { api } = useSession();
  const [recording, setRecording] = useState<AssignmentListItem | null>(null);
  const waiting = useQuery({
    queryKey: ['assignments', { status: 'replied' }],
    queryFn: async () => unwrap(await api.GET('/assignments', { params: { query: { status: 'replied' } } })),
  });

  const columns: ColumnsType<AssignmentListItem> = [
    { title: m['col.number'], dataIndex: 'proposalNumber', width: 80 },
    {
      title: m['col.title'],
      dataIndex: 'proposalTitle',
      render: (title: string, a) => <Link to={`/proposals/${a.proposalId}`}>{title}</Link>,
    },
    { title: m['col.bureau'], dataIndex: 'bureauName', width: 200 },
    {
      title: m['col.role'],
      dataIndex: 'role',
      width: 90,
      render: (role: AssignmentListItem['role']) => <Tag>{t[`assignmentRole.${role}`]}</Tag>,
    },
    {
      title: m.actions,
      key: 'actions',
      width: 120,
      render: (_: unknown, a) => (
        <Button
          size="small"
          type="primary"
          onClick={() => setRecording(a)}
          aria-label={`${m.recordFeedback} ${a.proposalNumber} ${a.bureauName}`}
        >
          {m.recordFeedback}
        </Button>
      ),
    },
  ];

  return (
    <Card>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {m.feedbackTitle}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{m.feedbackHint}</Typography.Paragraph>
      {waiting.isError ? (
        <LoadError error={waiting.error} onRetry={() => void waiting.refetch()} />
      ) : (
        <Table<AssignmentListItem>
          rowKey="id"
          columns={columns}
          dataSource={waiting.data ?? []}
          loading={waiting.isPending}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: m.emptyFeedback }}
        />
      )}
      {recording && <FeedbackModal assignment={recording} onClose={() => setRecording(null)} />}
    </Card>
  );
}

/** The latest reply of the assignment that went out: the one the proposer answers. */
export function issuedReply(replies: readonly ReplySummary[]): ReplySummary | undefined {
  return replies.filter((r) => r.status === 'issued').sort((a, b) => b.round - a.round)[0];
}

interface FeedbackForm {
  workRating?: Satisfaction;
  resultRating?: Satisfaction;
  talkedBeforeReply?: boolean;
  comments?: string;
}

/** The proposer's answer from the paper form, with what it will do to the assignment shown before saving. */
export function FeedbackModal({ assignment, onClose }: { assignment: AssignmentListItem; onClose: () => void }) {
  const m = useMessages(registrarMessages);
  const { t } = useI18n();
  const { api } = useSession();
  const { message } = App.useApp();
  const showError = useShowError();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<FeedbackForm>();
  const work = Form.useWatch('workRating', form);
  const result = Form.useWatch('resultRating', form);
  const id = assignment.id;

  const replies = useQuery({
    queryKey: ['assignments', 'replies', id],
    queryFn: async () => unwrap(await api.GET('/assignments/{id}/replies', { params: { path: { id } } })),
  });
  const reply = replies.data ? issuedReply(replies.data) : undefined;

  const record = useMutation({
    mutationFn: async (values: FeedbackForm) =>
      unwrap(
        await api.POST('/replies/{id}/feedback', {
          params: { path: { id: reply?.id ?? '' } },
          body: {
            workRating: values.workRating as Satisfaction,
            resultRating: values.resultRating as Satisfaction,
            talkedBeforeReply: values.talkedBeforeReply as boolean,
            comments: values.comments?.trim() || undefined,
          },
        }),
      ),
    onSuccess: (answer) => {
      if (answer.outcome === 'rehandle') void message.warning(m.feedbackRehandle(answer.rehandlingDueOn ?? '—'));
      else void message.success(m.feedbackClosed);
      void queryClient.invalidateQueries({ queryKey: ['assignments'] });
      void queryClient.invalidateQueries({ queryKey: ['proposals'] });
      onClose();
    },
    onError: showError,
  });

  const required = [{ required: true, message: m.required }];
  const ratingOptions = SATISFACTIONS.map((value) => ({ value, label: m[`satisfaction.${value}`] }));
  const rehandle = work === 'unsatisfied' || result === 'unsatisfied';

  return (
    <Modal
      open
      title={m.feedbackFormTitle(assignment.proposalNumber, assignment.bureauName)}
      onCancel={onClose}
      okText={m.save}
      cancelText={m.cancel}
      okButtonProps={{ disabled: !reply, loading: record.isPending }}
      onOk={() => form.submit()}
      destroyOnHidden
      width={600}
    >
      <Typography.Paragraph>{assignment.proposalTitle}</Typography.Paragraph>
      {replies.isError ? (
        <LoadError error={replies.error} onRetry={() => void replies.refetch()} />
      ) : replies.isPending ? (
        <Spin description={t.loading} />
      ) : !reply ? (
        <Alert type="info" showIcon title={m.noIssuedReply} />
      ) : (
        <>
          <Descriptions size="small" column={2} style={{ marginBottom: 12 }}>
            <Descriptions.Item label={m['reply.documentNumber']}>{reply.documentNumber ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={m['reply.round']}>{m.roundN(reply.round)}</Descriptions.Item>
          </Descriptions>
          <Form<FeedbackForm> form={form} layout="vertical" name="feedback" onFinish={(v) => record.mutate(v)}>
            <Form.Item name="workRating" label={m['feedback.workRating']} rules={required}>
              <Radio.Group aria-label={m['feedback.workRating']} options={ratingOptions} />
            </Form.Item>
            <Form.Item name="resultRating" label={m['feedback.resultRating']} rules={required}>
              <Radio.Group aria-label={m['feedback.resultRating']} options={ratingOptions} />
            </Form.Item>
            <Form.Item name="talkedBeforeReply" label={m['feedback.talked']} rules={required}>
              <Radio.Group
                aria-label={m['feedback.talked']}
                options={[
                  { value: true, label: m.yes },
                  { value: false, label: m.no },
                ]}
              />
            </Form.Item>
            <Form.Item name="comments" label={m['feedback.comments']}>
              <Input.TextArea maxLength={5000} autoSize={{ minRows: 3 }} />
            </Form.Item>
          </Form>
          {rehandle ? (
            <Alert type="warning" showIcon role="status" title={m.consequenceRehandle} />
          ) : (
            work && result && <Alert type="info" showIcon role="status" title={m.consequenceClose} />
          )}
        </>
      )}
    </Modal>
  );
}
