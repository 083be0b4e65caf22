import { useState } from 'react';
import { Alert, Button, DatePicker, Form, Input, Modal, Select, Space, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import { unwrap } from '../../api/errors';
import { useSession } from '../../auth/session';
import { useMessages } from '../../i18n/i18n';
import { keys, useAction } from './data';
import { assignmentMessages } from './messages';
import type { Abilities, AssignmentView } from './model';

interface ReassignmentForm {
  reason: string;
  suggestedBureauId?: string;
}
interface ExtensionForm {
  reason: string;
  requestedDueOn: Dayjs;
}

/** 签收, 申请调整 and 申请延期: the moves of the assignment the bureau itself asks for. */
export function HandlingActions({ assignment, abilities }: { assignment: AssignmentView; abilities: Abilities }) {
  const { api } = useSession();
  const queryClient = useQueryClient();
  const m = useMessages(assignmentMessages);
  const [dialog, setDialog] = useState<'reassignment' | 'extension' | null>(null);
  const id = assignment.id;
  const path = { params: { path: { id } } };
  const changed = [keys.all(id), keys.lists];
  const updateView = (view: AssignmentView) => queryClient.setQueryData(keys.view(id), view);

  const acknowledge = useAction({
    run: async () => unwrap(await api.POST('/assignments/{id}/acknowledge', path)),
    invalidates: changed,
    done: m.acknowledged,
    onSuccess: updateView,
  });
  const requestReassignment = useAction({
    run: async (body: ReassignmentForm) =>
      unwrap(await api.POST('/assignments/{id}/reassignment-request', { ...path, body })),
    invalidates: changed,
    done: m.requestSent,
    onSuccess: (view) => {
      updateView(view);
      setDialog(null);
    },
  });
  const requestExtension = useAction({
    run: async (body: { reason: string; requestedDueOn: string }) =>
      unwrap(await api.POST('/assignments/{id}/extension-request', { ...path, body })),
    invalidates: changed,
    done: m.requestSent,
    onSuccess: (view) => {
      updateView(view);
      setDialog(null);
    },
  });

  const any = abilities.acknowledge || abilities.requestReassignment || abilities.requestExtension;
  return (
    <>
      {abilities.reassignmentWindowPassed && (
        <Alert type="info" showIcon title={m.windowPassed(assignment.acknowledgeBy)} style={{ marginBottom: 12 }} />
      )}
      {any ? (
        <Space wrap>
          {abilities.acknowledge && (
            <Button type="primary" loading={acknowledge.isPending} onClick={() => acknowledge.mutate(undefined)}>
              {m.acknowledge}
            </Button>
          )}
          {abilities.requestReassignment && (
            <Button onClick={() => setDialog('reassignment')}>{m.requestReassignment}</Button>
          )}
          {abilities.requestExtension && <Button onClick={() => setDialog('extension')}>{m.requestExtension}</Button>}
        </Space>
      ) : (
        !abilities.reassignmentWindowPassed && <Typography.Text type="secondary">{m.noActions}</Typography.Text>
      )}
      {dialog === 'reassignment' && (
        <ReassignmentDialog
          ownBureauId={assignment.bureauId}
          submitting={requestReassignment.isPending}
          onCancel={() => setDialog(null)}
          onSubmit={(values) =>
            requestReassignment.mutate({
              reason: values.reason.trim(),
              ...(values.suggestedBureauId ? { suggestedBureauId: values.suggestedBureauId } : {}),
            })
          }
        />
      )}
      {dialog === 'extension' && (
        <ExtensionDialog
          dueOn={assignment.dueOn}
          submitting={requestExtension.isPending}
          onCancel={() => setDialog(null)}
          onSubmit={(values) =>
            requestExtension.mutate({
              reason: values.reason.trim(),
              requestedDueOn: values.requestedDueOn.format('YYYY-MM-DD'),
            })
          }
        />
      )}
    </>
  );
}

function ReassignmentDialog({
  ownBureauId,
  submitting,
  onCancel,
  onSubmit,
}: {
  ownBureauId: string;
  submitting: boolean;
  onCancel: () => void;
  onSubmit: (values: ReassignmentForm) => void;
}) {
  const { api } = useSession();
  const m = useMessages(assignmentMessages);
  const [form] = Form.useForm<ReassignmentForm>();
  const bureaus = useQuery({
    queryKey: ['organisations', { kind: 'bureau' }],
    queryFn: async () => unwrap(await api.GET('/organisations', { params: { query: { kind: 'bureau' } } })),
  });
  return (
    <Modal
      open
      title={m.reassignmentTitle}
      okText={m.submit}
      cancelText={m.cancel}
      confirmLoading={submitting}
      onOk={() => form.submit()}
      onCancel={onCancel}
    >
      <Typography.Paragraph type="secondary">{m.reassignmentHint}</Typography.Paragraph>
      <Form<ReassignmentForm> form={form} layout="vertical" name="reassignment" onFinish={onSubmit}>
        <Form.Item
          label={m.reason}
          name="reason"
          rules={[{ required: true, whitespace: true, message: m.reasonRequired }]}
        >
          <Input.TextArea rows={4} maxLength={2000} autoFocus />
        </Form.Item>
        <Form.Item label={m.suggestedBureau} name="suggestedBureauId">
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            loading={bureaus.isPending}
            options={(bureaus.data ?? [])
              .filter((b) => b.id !== ownBureauId)
              .map((b) => ({ value: b.id, label: b.name }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function ExtensionDialog({
  dueOn,
  submitting,
  onCancel,
  onSubmit,
}: {
  dueOn: string;
  submitting: boolean;
  onCancel: () => void;
  onSubmit: (values: ExtensionForm) => void;
}) {
  const m = useMessages(assignmentMessages);
  const [form] = Form.useForm<ExtensionForm>();
  const later = (date: Dayjs | null) => date !== null && date.format('YYYY-MM-DD') > dueOn;
  return (
    <Modal
      open
      title={m.extensionTitle}
      okText={m.submit}
      cancelText={m.cancel}
      confirmLoading={submitting}
      onOk={() => form.submit()}
      onCancel={onCancel}
    >
      <Typography.Paragraph type="secondary">{m.extensionHint(dueOn)}</Typography.Paragraph>
      <Form<ExtensionForm> form={form} layout="vertical" name="extension" onFinish={onSubmit}>
        <Form.Item
          label={m.requestedDueOn}
          name="requestedDueOn"
          rules={[
            { required: true, message: m.requestedDueOnRequired },
            {
              validator: (_rule, value: Dayjs | null) =>
                value == null || later(value) ? Promise.resolve() : Promise.reject(new Error(m.requestedDueOnLater)),
            },
          ]}
        >
          <DatePicker disabledDate={(date) => !later(date)} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          label={m.reason}
          name="reason"
          rules={[{ required: true, whitespace: true, message: m.reasonRequired }]}
        >
          <Input.TextArea rows={4} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
