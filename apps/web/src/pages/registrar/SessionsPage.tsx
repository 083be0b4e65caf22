import { useState } from 'react';
import {
  App,
  Button,
  Card,
  Drawer,
  Form,
  Input,
  InputNumber,
  Popconfirm,
  Select,
  Space,
  Table,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { unwrap } from '../../api/errors';
import { useSession } from '../../auth/session';
import { LoadError } from '../../components/LoadError';
import { useMessages } from '../../i18n/i18n';
import { registrarMessages } from './messages';
import { useSessions, useShowError } from './shared';
import { SESSION_BODIES, type Session, type SessionBody } from './types';

interface SessionForm {
  body: SessionBody;
  term: number;
  sitting: number;
  year: number;
  name?: string;
  openedOn?: string;
}

/** 会议届次: the sessions proposals are registered under; create, rename, delete while empty. */
export function SessionsPage() {
  const m = useMessages(registrarMessages);
  const { api } = useSession();
  const { message } = App.useApp();
  const showError = useShowError();
  const queryClient = useQueryClient();
  const sessions = useSessions();
  const [editing, setEditing] = useState<Session | 'new' | null>(null);

  const remove = useMutation({
    mutationFn: async (id: string) => unwrap(await api.DELETE('/sessions/{id}', { params: { path: { id } } })),
    onSuccess: () => {
      void message.success(m.deleted);
      void queryClient.invalidateQueries({ queryKey: ['sessions'] });
    },
    onError: showError,
  });

  const columns: ColumnsType<Session> = [
    { title: m['session.name'], dataIndex: 'name' },
    { title: m['session.body'], dataIndex: 'body', width: 90, render: (body: SessionBody) => m[`body.${body}`] },
    { title: m['session.term'], dataIndex: 'term', width: 70 },
    { title: m['session.sitting'], dataIndex: 'sitting', width: 70 },
    { title: m['session.year'], dataIndex: 'year', width: 90 },
    { title: m['session.openedOn'], dataIndex: 'openedOn', width: 130, render: (v: string | null) => v ?? '—' },
    {
      title: m.actions,
      key: 'actions',
      width: 160,
      render: (_: unknown, session) => (
        <Space>
          <Button size="small" onClick={() => setEditing(session)} aria-label={`${m.edit} ${session.name}`}>
            {m.edit}
          </Button>
          <Popconfirm
            title={m.deleteSessionConfirm(session.name)}
            okText={m.delete}
            cancelText={m.cancel}
            onConfirm={() => remove.mutate(session.id)}
          >
            <Button size="small" danger aria-label={`${m.delete} ${session.name}`}>
              {m.delete}
            </Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];

  return (
    <Card>
      <Space style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          {m.sessionsTitle}
        </Typography.Title>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
          {m.newSession}
        </Button>
      </Space>
      {sessions.isError ? (
        <LoadError error={sessions.error} onRetry={() => void sessions.refetch()} />
      ) : (
        <Table<Session>
          rowKey="id"
          columns={columns}
          dataSource={sessions.data ?? []}
          loading={sessions.isPending}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: m.emptySessions }}
        />
      )}
      <SessionDrawer session={editing} onClose={() => setEditing(null)} />
    </Card>
  );
}

/** Create (every field) or edit (name, year, opening date: what PATCH /sessions/{id} takes). */
export function SessionDrawer({ session, onClose }: { session: Session | 'new' | null; onClose: () => void }) {
  const m = useMessages(registrarMessages);
  const { api } = useSession();
  const { message } = App.useApp();
  const showError = useShowError();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<SessionForm>();
  const isNew = session === 'new';

  const save = useMutation({
    mutationFn: async (values: SessionForm) => {
      const name = values.name?.trim() || undefined;
      const openedOn = values.openedOn || undefined;
      if (session === 'new') return unwrap(await api.POST('/sessions', { body: { ...values, name, openedOn } }));
      if (!session) throw new Error('no session');
      return unwrap(
        await api.PATCH('/sessions/{id}', {
          params: { path: { id: session.id } },
          body: { name, year: values.year, openedOn },
        }),
      );
    },
    onSuccess: () => {
      void message.success(m.saved);
      void queryClient.invalidateQueries({ queryKey: ['sessions'] });
      onClose();
    },
    onError: showError,
  });

  const required = [{ required: true, message: m.required }];
  return (
    <Drawer
      open={session !== null}
      onClose={onClose}
      title={isNew ? m.newSession : m.editSession}
      size={480}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>{m.cancel}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()}>
            {m.save}
          </Button>
        </Space>
      }
    >
      <Form<SessionForm>
        form={form}
        layout="vertical"
        name="session"
        initialValues={
          session && session !== 'new'
            ? { ...session, openedOn: session.openedOn ?? undefined }
            : { body: 'cppcc', year: new Date().getFullYear() }
        }
        onFinish={(values) => save.mutate(values)}
      >
        <Form.Item name="body" label={m['session.body']} rules={required}>
          <Select
            disabled={!isNew}
            options={SESSION_BODIES.map((body) => ({ value: body, label: m[`body.${body}`] }))}
          />
        </Form.Item>
        <Space>
          <Form.Item name="term" label={m['session.term']} rules={required}>
            <InputNumber min={1} max={99} disabled={!isNew} />
          </Form.Item>
          <Form.Item name="sitting" label={m['session.sitting']} rules={required}>
            <InputNumber min={1} max={20} disabled={!isNew} />
          </Form.Item>
          <Form.Item name="year" label={m['session.year']} rules={required}>
            <InputNumber min={1949} max={2200} />
          </Form.Item>
        </Space>
        <Form.Item name="name" label={m['session.name']} extra={m['session.nameHint']}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="openedOn" label={m['session.openedOn']}>
          <Input type="date" />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
