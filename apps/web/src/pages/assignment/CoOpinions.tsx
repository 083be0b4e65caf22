import { useState } from 'react';
import { Alert, Button, Form, Input, Modal, Popconfirm, Space, Tag, Typography } from 'antd';
import { unwrap } from '../../api/errors';
import { useSession } from '../../auth/session';
import { useMessages } from '../../i18n/i18n';
import { AttachmentLinks, fileForm, UploadButton } from './Attachments';
import { keys, useAction } from './data';
import { Item, Items } from './Items';
import { assignmentMessages } from './messages';
import type { Attachment, CoOpinion } from './model';
import { formatTime } from './time';

const OPINION_COLOUR: Record<CoOpinion['status'], string> = {
  draft: 'processing',
  sent: 'green',
  waived: 'default',
  missing: 'orange',
};

/** The lead bureau's view of its co bureaus: each one's opinion once sent, and a waiver for a missing one. */
export function CoOpinionsOfLead({
  assignmentId,
  opinions,
  canWaive,
}: {
  assignmentId: string;
  opinions: readonly CoOpinion[];
  canWaive: boolean;
}) {
  const { api } = useSession();
  const m = useMessages(assignmentMessages);
  const [waiving, setWaiving] = useState<CoOpinion | null>(null);
  const id = assignmentId;
  const waive = useAction({
    run: async ({ coAssignmentId, reason }: { coAssignmentId: string; reason: string }) =>
      unwrap(
        await api.POST('/assignments/{id}/co-opinions/{coAssignmentId}/waive', {
          params: { path: { id, coAssignmentId } },
          body: { reason },
        }),
      ),
    invalidates: [keys.coOpinions(id), keys.timeline(id)],
    done: m.waived,
    onSuccess: () => setWaiving(null),
  });

  if (opinions.length === 0) return <Typography.Text type="secondary">{m.noCoBureaus}</Typography.Text>;
  return (
    <>
      <Items>
        {opinions.map((opinion) => (
          <Item
            key={opinion.assignmentId}
            data-testid="co-opinion"
            actions={
              canWaive &&
              (opinion.status === 'missing' || opinion.status === 'draft') && (
                <Button size="small" onClick={() => setWaiving(opinion)}>
                  {m.waive}
                </Button>
              )
            }
          >
            <div style={{ width: '100%' }}>
              <Space wrap>
                <Typography.Text strong>{opinion.bureauName ?? opinion.bureauId}</Typography.Text>
                <Tag color={OPINION_COLOUR[opinion.status]}>{m[`opinion.${opinion.status}`]}</Tag>
                <Typography.Text type="secondary">
                  {opinion.sentAt ? m.sentAt(formatTime(opinion.sentAt)) : m.opinionDue(opinion.dueOn)}
                </Typography.Text>
              </Space>
              {opinion.body && (
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: '4px 0 0' }}>
                  {opinion.body}
                </Typography.Paragraph>
              )}
              {opinion.waiveReason && (
                <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>
                  {m.waiveReason(opinion.waiveReason)}
                </Typography.Paragraph>
              )}
            </div>
          </Item>
        ))}
      </Items>
      {waiving && (
        <WaiveDialog
          bureauName={waiving.bureauName ?? ''}
          submitting={waive.isPending}
          onCancel={() => setWaiving(null)}
          onSubmit={(reason) => waive.mutate({ coAssignmentId: waiving.assignmentId, reason })}
        />
      )}
    </>
  );
}

/** A co bureau's own 会办意见: the clerk writes and saves it, the reviewer sends it to the lead. */
export function OwnOpinion({
  assignmentId,
  opinion,
  attachments,
  canDraft,
  canSend,
}: {
  assignmentId: string;
  opinion: CoOpinion;
  attachments: readonly Attachment[];
  canDraft: boolean;
  canSend: boolean;
}) {
  const { api } = useSession();
  const m = useMessages(assignmentMessages);
  const [form] = Form.useForm<{ body: string }>();
  const id = assignmentId;
  const editable = canDraft && (opinion.status === 'draft' || opinion.status === 'missing');
  const save = useAction({
    run: async (body: string) =>
      unwrap(await api.PUT('/assignments/{id}/opinion', { params: { path: { id } }, body: { body } })),
    invalidates: [keys.opinion(id), keys.timeline(id)],
    done: m.opinionSaved,
  });
  const send = useAction({
    run: async () => unwrap(await api.POST('/assignments/{id}/opinion/send', { params: { path: { id } } })),
    invalidates: [keys.all(id), keys.lists],
    done: m.opinionSent,
  });
  const upload = useAction({
    run: async (file: File) =>
      unwrap(
        await api.POST('/assignments/{id}/opinion/attachments', {
          params: { path: { id } },
          body: fileForm(file) as never,
        }),
      ),
    invalidates: [keys.attachments(id), keys.opinion(id), keys.timeline(id)],
    done: (file) => m.attachmentAdded(file.filename),
  });
  const files = attachments.filter((a) => a.ownerType === 'co_opinion');

  return (
    <>
      <Space wrap style={{ marginBottom: 8 }}>
        <Tag color={OPINION_COLOUR[opinion.status]}>{m[`opinion.${opinion.status}`]}</Tag>
        <Typography.Text type="secondary">
          {opinion.sentAt ? m.sentAt(formatTime(opinion.sentAt)) : m.opinionDue(opinion.dueOn)}
        </Typography.Text>
      </Space>
      {editable ? (
        <Form<{ body: string }>
          form={form}
          layout="vertical"
          name="opinion"
          onFinish={({ body }) => save.mutate(body)}
          initialValues={{ body: opinion.body ?? '' }}
        >
          <Form.Item
            label={m.opinionBody}
            name="body"
            rules={[{ required: true, whitespace: true, message: m.opinionBodyRequired }]}
          >
            <Input.TextArea rows={8} maxLength={50_000} />
          </Form.Item>
          <Space wrap>
            <Button htmlType="submit" loading={save.isPending}>
              {m.saveOpinion}
            </Button>
            <UploadButton label={m.addAttachment} uploading={upload.isPending} onFile={(file) => upload.mutate(file)} />
          </Space>
        </Form>
      ) : (
        opinion.body && (
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} data-testid="opinion-body">
            {opinion.body}
          </Typography.Paragraph>
        )
      )}
      <div style={{ marginTop: 8 }}>
        <AttachmentLinks attachments={files} />
      </div>
      {opinion.status === 'draft' &&
        (canSend ? (
          <Popconfirm
            title={m.sendConfirm}
            okText={m.sendOpinion}
            cancelText={m.cancel}
            onConfirm={() => send.mutate(undefined)}
          >
            <Button type="primary" loading={send.isPending} style={{ marginTop: 12 }}>
              {m.sendOpinion}
            </Button>
          </Popconfirm>
        ) : (
          <Alert type="info" showIcon title={m.sendNeedsReviewer} style={{ marginTop: 12 }} />
        ))}
    </>
  );
}

function WaiveDialog({
  bureauName,
  submitting,
  onCancel,
  onSubmit,
}: {
  bureauName: string;
  submitting: boolean;
  onCancel: () => void;
  onSubmit: (reason: string) => void;
}) {
  const m = useMessages(assignmentMessages);
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <Modal
      open
      title={m.waiveTitle(bureauName)}
      okText={m.submit}
      cancelText={m.cancel}
      confirmLoading={submitting}
      onOk={() => form.submit()}
      onCancel={onCancel}
    >
      <Typography.Paragraph type="secondary">{m.waiveHint}</Typography.Paragraph>
      <Form<{ reason: string }>
        form={form}
        layout="vertical"
        name="waive"
        onFinish={({ reason }) => onSubmit(reason.trim())}
      >
        <Form.Item
          label={m.reason}
          name="reason"
          rules={[{ required: true, whitespace: true, message: m.reasonRequired }]}
        >
          <Input.TextArea rows={3} maxLength={2000} autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}
