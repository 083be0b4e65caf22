import { Button, DatePicker, Divider, Drawer, Empty, Form, Input, Select, Space, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { unwrap } from '../../api/errors';
import { useSession } from '../../auth/session';
import { useMessages } from '../../i18n/i18n';
import { AttachmentLinks, fileForm, UploadButton } from './Attachments';
import { keys, useAction } from './data';
import { Item, Items } from './Items';
import { assignmentMessages } from './messages';
import { type Attachment, CONTACT_METHODS, type ContactMethod, type ProposerContact } from './model';
import { todayInChina } from './model';

interface ContactForm {
  occurredOn: Dayjs;
  method: ContactMethod;
  participants: string;
  summary: string;
}

/** 沟通/见面: the talks with the proposers logged on this assignment, and a form to log one. */
export function ContactsDrawer({
  assignmentId,
  open,
  onClose,
  contacts,
  attachments,
  canLog,
}: {
  assignmentId: string;
  open: boolean;
  onClose: () => void;
  contacts: readonly ProposerContact[];
  attachments: readonly Attachment[];
  canLog: boolean;
}) {
  const { api } = useSession();
  const m = useMessages(assignmentMessages);
  const id = assignmentId;
  const upload = useAction({
    run: async ({ contactId, file }: { contactId: string; file: File }) =>
      unwrap(
        await api.POST('/assignments/{id}/contacts/{contactId}/attachments', {
          params: { path: { id, contactId } },
          body: fileForm(file) as never,
        }),
      ),
    invalidates: [keys.attachments(id), keys.timeline(id)],
    done: (file) => m.attachmentAdded(file.filename),
  });

  const sorted = [...contacts].sort((a, b) => b.occurredOn.localeCompare(a.occurredOn));
  return (
    <Drawer open={open} onClose={onClose} title={m.contacts} size="large" destroyOnHidden={false}>
      {sorted.length === 0 ? (
        <Empty description={m.noContacts} />
      ) : (
        <Items>
          {sorted.map((contact) => (
            <Item key={contact.id} data-testid="contact">
              <div style={{ width: '100%' }}>
                <Space wrap>
                  <Typography.Text strong>{contact.occurredOn}</Typography.Text>
                  <Tag>{m[`method.${contact.method}`]}</Tag>
                  <Typography.Text type="secondary">{contact.participants}</Typography.Text>
                </Space>
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: '4px 0' }}>
                  {contact.summary}
                </Typography.Paragraph>
                <Space wrap>
                  <AttachmentLinks
                    attachments={attachments.filter((a) => a.ownerType === 'contact' && a.ownerId === contact.id)}
                  />
                  {canLog && (
                    <UploadButton
                      label={m.addAttachment}
                      uploading={upload.isPending && upload.variables.contactId === contact.id}
                      onFile={(file) => upload.mutate({ contactId: contact.id, file })}
                    />
                  )}
                </Space>
              </div>
            </Item>
          ))}
        </Items>
      )}
      {canLog && (
        <>
          <Divider titlePlacement="start">{m.logContact}</Divider>
          <LogContactForm assignmentId={id} />
        </>
      )}
    </Drawer>
  );
}

function LogContactForm({ assignmentId: id }: { assignmentId: string }) {
  const { api } = useSession();
  const m = useMessages(assignmentMessages);
  const [form] = Form.useForm<ContactForm>();
  const log = useAction({
    run: async (body: { occurredOn: string; method: ContactMethod; participants: string; summary: string }) =>
      unwrap(await api.POST('/assignments/{id}/contacts', { params: { path: { id } }, body })),
    invalidates: [keys.contacts(id), keys.timeline(id)],
    done: m.contactLogged,
    onSuccess: () => form.resetFields(),
  });
  return (
    <Form<ContactForm>
      form={form}
      layout="vertical"
      name="contact"
      initialValues={{ occurredOn: dayjs(todayInChina()), method: 'phone' }}
      onFinish={(values) =>
        log.mutate({
          occurredOn: values.occurredOn.format('YYYY-MM-DD'),
          method: values.method,
          participants: values.participants.trim(),
          summary: values.summary.trim(),
        })
      }
    >
      <Space wrap align="start">
        <Form.Item label={m.occurredOn} name="occurredOn" rules={[{ required: true, message: m.occurredOnRequired }]}>
          <DatePicker disabledDate={(date) => date.isAfter(dayjs(), 'day')} />
        </Form.Item>
        <Form.Item label={m.method} name="method" rules={[{ required: true, message: m.methodRequired }]}>
          <Select
            style={{ minWidth: 140 }}
            options={CONTACT_METHODS.map((method) => ({ value: method, label: m[`method.${method}`] }))}
          />
        </Form.Item>
      </Space>
      <Form.Item
        label={m.participants}
        name="participants"
        rules={[{ required: true, whitespace: true, message: m.participantsRequired }]}
      >
        <Input maxLength={500} />
      </Form.Item>
      <Form.Item
        label={m.summary}
        name="summary"
        rules={[{ required: true, whitespace: true, message: m.summaryRequired }]}
      >
        <Input.TextArea rows={4} maxLength={5000} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={log.isPending}>
        {m.logContact}
      </Button>
    </Form>
  );
}
