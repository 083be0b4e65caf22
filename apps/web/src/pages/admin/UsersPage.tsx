import { useMemo, useState } from 'react';
import {
  App,
  Button,
  Card,
  Checkbox,
  Drawer,
  Form,
  Input,
  Popconfirm,
  Select,
  Space,
  Switch,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { unwrap } from '../../api/errors';
import type { Role } from '../../api/types';
import { ALL_ROLES } from '../../api/types';
import { useSession } from '../../auth/session';
import { LoadError } from '../../components/LoadError';
import { defineMessages, useI18n, useMessages } from '../../i18n/i18n';
import { type Organisation, rolesAllowedIn, type User } from './admin-types';
import { useApiFailure } from './api-feedback';
import { commonWords } from './common-words';
import { useOrganisations } from './queries';

const words = defineMessages(
  {
    title: '用户',
    hint: '每个用户属于一个机构，可担任的角色由机构类型决定。停用的账号不能登录，其登录会话随即失效。',
    newUser: '新建用户',
    editUser: (name: string) => `编辑用户：${name}`,
    username: '用户名',
    usernameHelp: '3–50 个字母、数字、点、短横线或下划线',
    displayName: '姓名',
    organisation: '所属机构',
    roles: '角色',
    rolesHelp: '可选角色取决于所属机构的类型',
    chooseOrganisationFirst: '请先选择所属机构',
    password: '初始密码',
    passwordHelp: '至少 10 位，须同时包含字母和数字',
    newPassword: '重设密码',
    newPasswordHelp: '留空则不修改；至少 10 位，须同时包含字母和数字',
    email: '电子邮箱',
    phone: '电话',
    mayReadDrafts: '可阅读未签发的答复草稿',
    mayReadDraftsHelp: '供督查人员或登记员查看草稿正文；承办单位人员本来就能看到本单位的草稿',
    disabled: '停用账号',
    organisationFixed: '所属机构创建后不能更改（API 不支持）；如需调动，请在新机构新建账号并停用此账号。',
    status: '状态',
    active: '正常',
    inactive: '已停用',
    any: '全部',
    deactivate: '停用',
    reactivate: '启用',
    confirmDeactivate: (name: string) => `停用 ${name} 的账号？其登录会话将立即失效。`,
    deactivated: (name: string) => `已停用 ${name}`,
    reactivated: (name: string) => `已启用 ${name}`,
    created: (name: string) => `已新建用户 ${name}`,
    filters: '筛选用户',
    emptyUsers: '没有符合条件的用户',
  },
  {
    title: 'Users',
    hint: 'Each user belongs to one organisation, whose kind decides the roles they may hold. A disabled account cannot log in, and its sessions end at once.',
    newUser: 'New user',
    editUser: (name: string) => `Edit user: ${name}`,
    username: 'Username',
    usernameHelp: '3–50 letters, digits, dots, dashes or underscores',
    displayName: 'Name',
    organisation: 'Organisation',
    roles: 'Roles',
    rolesHelp: "The roles offered depend on the organisation's kind",
    chooseOrganisationFirst: 'Choose the organisation first',
    password: 'Initial password',
    passwordHelp: 'At least 10 characters with letters and digits',
    newPassword: 'New password',
    newPasswordHelp: 'Leave empty to keep it; at least 10 characters with letters and digits',
    email: 'E-mail',
    phone: 'Phone',
    mayReadDrafts: 'May read unsigned drafts',
    mayReadDraftsHelp: "Lets a supervisor or registrar read drafts; bureau staff read their own bureau's anyway",
    disabled: 'Account disabled',
    organisationFixed:
      'The organisation cannot change once created (the API does not allow it); for a move, create an account in the new organisation and disable this one.',
    status: 'Status',
    active: 'Active',
    inactive: 'Disabled',
    any: 'All',
    deactivate: 'Disable',
    reactivate: 'Enable',
    confirmDeactivate: (name: string) => `Disable ${name}'s account? Their sessions end at once.`,
    deactivated: (name: string) => `${name} disabled`,
    reactivated: (name: string) => `${name} enabled`,
    created: (name: string) => `User ${name} created`,
    filters: 'Filter users',
    emptyUsers: 'No users match',
  },
);

type StatusFilter = 'all' | 'active' | 'inactive';

interface CreateValues {
  username: string;
  displayName: string;
  organisationId: string;
  roles: Role[];
  password: string;
  email?: string;
  phone?: string;
}

interface EditValues {
  displayName: string;
  roles: Role[];
  email?: string;
  phone?: string;
  mayReadDrafts: boolean;
  disabled: boolean;
  password?: string;
}

const CREATE_CODE_FIELDS = { USERNAME_TAKEN: 'username', ROLE_NOT_ALLOWED_IN_ORGANISATION: 'roles' };
const EDIT_CODE_FIELDS = { ROLE_NOT_ALLOWED_IN_ORGANISATION: 'roles', USER_CANNOT_DISABLE_SELF: 'disabled' };

/** Users: filter by organisation, role and status; create in a drawer; edit roles, details, password; disable. */
export function UsersPage() {
  const { api, user: me } = useSession();
  const { t } = useI18n();
  const w = useMessages(words);
  const c = useMessages(commonWords);
  const { message } = App.useApp();
  const fail = useApiFailure();
  const queryClient = useQueryClient();
  const [organisationId, setOrganisationId] = useState<string | undefined>();
  const [role, setRole] = useState<Role | undefined>();
  const [status, setStatus] = useState<StatusFilter>('all');
  const [editing, setEditing] = useState<User | 'new' | null>(null);

  const organisations = useOrganisations();
  const users = useQuery({
    queryKey: ['users', { organisationId }],
    queryFn: async () =>
      unwrap(await api.GET('/users', { params: { query: organisationId ? { organisationId } : {} } })),
  });
  const byId = useMemo(() => new Map((organisations.data ?? []).map((o) => [o.id, o] as const)), [organisations.data]);

  const setDisabled = useMutation({
    mutationFn: async ({ target, disabled }: { target: User; disabled: boolean }) =>
      unwrap(await api.PATCH('/users/{id}', { params: { path: { id: target.id } }, body: { disabled } })),
    onSuccess: (saved) => {
      void message.success(saved.disabled ? w.deactivated(saved.displayName) : w.reactivated(saved.displayName));
      void queryClient.invalidateQueries({ queryKey: ['users'] });
    },
    onError: (error) => fail(error),
  });

  const shown = (users.data ?? []).filter(
    (u) => (!role || u.roles.includes(role)) && (status === 'all' || (status === 'active' ? !u.disabled : u.disabled)),
  );

  const columns: ColumnsType<User> = [
    { title: w.username, dataIndex: 'username', sorter: (a, b) => a.username.localeCompare(b.username) },
    { title: w.displayName, dataIndex: 'displayName' },
    {
      title: w.organisation,
      dataIndex: 'organisationId',
      render: (id: string) => byId.get(id)?.name ?? id,
    },
    {
      title: w.roles,
      dataIndex: 'roles',
      render: (roles: Role[]) => roles.map((r) => <Tag key={r}>{t[`role.${r}`]}</Tag>),
    },
    {
      title: w.status,
      dataIndex: 'disabled',
      render: (disabled: boolean) =>
        disabled ? <Tag color="default">{w.inactive}</Tag> : <Tag color="green">{w.active}</Tag>,
    },
    {
      title: c.actions,
      key: 'actions',
      render: (_: unknown, u) => (
        <Space>
          <Button size="small" onClick={() => setEditing(u)} aria-label={`${c.edit} ${u.username}`}>
            {c.edit}
          </Button>
          {u.disabled ? (
            <Button
              size="small"
              onClick={() => setDisabled.mutate({ target: u, disabled: false })}
              aria-label={`${w.reactivate} ${u.username}`}
            >
              {w.reactivate}
            </Button>
          ) : (
            <Popconfirm
              title={w.confirmDeactivate(u.displayName)}
              okText={w.deactivate}
              cancelText={c.cancel}
              onConfirm={() => setDisabled.mutate({ target: u, disabled: true })}
              disabled={u.id === me?.id}
            >
              <Button size="small" danger disabled={u.id === me?.id} aria-label={`${w.deactivate} ${u.username}`}>
                {w.deactivate}
              </Button>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];

  return (
    <Card>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} align="start">
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          {w.title}
        </Typography.Title>
        <Button type="primary" onClick={() => setEditing('new')}>
          {w.newUser}
        </Button>
      </Space>
      <Typography.Paragraph type="secondary">{w.hint}</Typography.Paragraph>
      <Form layout="inline" aria-label={w.filters} style={{ marginBottom: 16 }}>
        <Form.Item label={w.organisation} htmlFor="filter-organisation">
          <Select
            id="filter-organisation"
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            style={{ minWidth: 220 }}
            placeholder={w.any}
            value={organisationId}
            onChange={setOrganisationId}
            options={(organisations.data ?? []).map((o) => ({ value: o.id, label: o.name }))}
          />
        </Form.Item>
        <Form.Item label={w.roles} htmlFor="filter-role">
          <Select
            id="filter-role"
            allowClear
            style={{ minWidth: 140 }}
            placeholder={w.any}
            value={role}
            onChange={setRole}
            options={ALL_ROLES.map((r) => ({ value: r, label: t[`role.${r}`] }))}
          />
        </Form.Item>
        <Form.Item label={w.status} htmlFor="filter-status">
          <Select
            id="filter-status"
            style={{ minWidth: 120 }}
            value={status}
            onChange={setStatus}
            options={[
              { value: 'all', label: w.any },
              { value: 'active', label: w.active },
              { value: 'inactive', label: w.inactive },
            ]}
          />
        </Form.Item>
      </Form>
      {users.isError ? (
        <LoadError error={users.error} onRetry={() => void users.refetch()} />
      ) : (
        <Table<User>
          rowKey="id"
          columns={columns}
          dataSource={shown}
          loading={users.isPending}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: w.emptyUsers }}
        />
      )}
      {editing === 'new' && (
        <CreateUserDrawer organisations={organisations.data ?? []} onClose={() => setEditing(null)} />
      )}
      {editing && editing !== 'new' && (
        <EditUserDrawer
          user={editing}
          organisation={byId.get(editing.organisationId)}
          onClose={() => setEditing(null)}
        />
      )}
    </Card>
  );
}

function RoleChoices({ kind, ...props }: { kind: Organisation['kind'] | undefined; id?: string }) {
  const { t } = useI18n();
  const allowed = rolesAllowedIn(kind);
  return (
    <Checkbox.Group
      {...props}
      role="group"
      aria-labelledby={props.id ? `${props.id}-label` : undefined}
      options={allowed.map((r) => ({ value: r, label: t[`role.${r}`] }))}
    />
  );
}

function CreateUserDrawer({ organisations, onClose }: { organisations: readonly Organisation[]; onClose: () => void }) {
  const { api } = useSession();
  const w = useMessages(words);
  const c = useMessages(commonWords);
  const { message } = App.useApp();
  const fail = useApiFailure();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<CreateValues>();
  const organisationId = Form.useWatch('organisationId', form);
  const kind = organisations.find((o) => o.id === organisationId)?.kind;

  const create = useMutation({
    mutationFn: async (values: CreateValues) =>
      unwrap(
        await api.POST('/users', {
          body: {
            username: values.username.trim(),
            displayName: values.displayName.trim(),
            organisationId: values.organisationId,
            roles: values.roles,
            password: values.password,
            ...(values.email?.trim() ? { email: values.email.trim() } : {}),
            ...(values.phone?.trim() ? { phone: values.phone.trim() } : {}),
          },
        }),
      ),
    onSuccess: (saved) => {
      void message.success(w.created(saved.displayName));
      void queryClient.invalidateQueries({ queryKey: ['users'] });
      onClose();
    },
    onError: (error) => fail(error, form, CREATE_CODE_FIELDS),
  });

  return (
    <Drawer
      open
      title={w.newUser}
      size={520}
      onClose={onClose}
      extra={
        <Space>
          <Button onClick={onClose}>{c.cancel}</Button>
          <Button type="primary" loading={create.isPending} onClick={() => form.submit()}>
            {c.save}
          </Button>
        </Space>
      }
    >
      <Form<CreateValues>
        form={form}
        layout="vertical"
        name="create-user"
        initialValues={{ roles: [] }}
        onFinish={(values) => create.mutate(values)}
        onValuesChange={(changed) => {
          if ('organisationId' in changed) form.setFieldValue('roles', []);
        }}
      >
        <Form.Item
          name="username"
          label={w.username}
          extra={w.usernameHelp}
          rules={[{ required: true, message: c.required }]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="displayName" label={w.displayName} rules={[{ required: true, message: c.required }]}>
          <Input />
        </Form.Item>
        <Form.Item name="organisationId" label={w.organisation} rules={[{ required: true, message: c.required }]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            options={organisations.map((o) => ({ value: o.id, label: `${o.name}（${c[`kind.${o.kind}`]}）` }))}
          />
        </Form.Item>
        <Form.Item
          name="roles"
          label={<span id="create-user_roles-label">{w.roles}</span>}
          extra={kind ? w.rolesHelp : w.chooseOrganisationFirst}
          rules={[{ required: true, type: 'array', min: 1, message: c.required }]}
        >
          <RoleChoices kind={kind} />
        </Form.Item>
        <Form.Item
          name="password"
          label={w.password}
          extra={w.passwordHelp}
          rules={[{ required: true, message: c.required }]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item name="email" label={w.email}>
          <Input type="email" />
        </Form.Item>
        <Form.Item name="phone" label={w.phone}>
          <Input />
        </Form.Item>
      </Form>
    </Drawer>
  );
}

function EditUserDrawer({
  user,
  organisation,
  onClose,
}: {
  user: User;
  organisation: Organisation | undefined;
  onClose: () => void;
}) {
  const { api } = useSession();
  const w = useMessages(words);
  const c = useMessages(commonWords);
  const { message } = App.useApp();
  const fail = useApiFailure();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<EditValues>();

  const save = useMutation({
    mutationFn: async (values: EditValues) => {
      const email = values.email?.trim() ?? '';
      const phone = values.phone?.trim() ?? '';
      return unwrap(
        await api.PATCH('/users/{id}', {
          params: { path: { id: user.id } },
          body: {
            displayName: values.displayName.trim(),
            roles: values.roles,
            mayReadDrafts: values.mayReadDrafts,
            disabled: values.disabled,
            // The API cannot clear an e-mail address (an empty one is not an address): sent when given.
            ...(email && email !== user.email ? { email } : {}),
            ...(phone !== (user.phone ?? '') ? { phone } : {}),
            ...(values.password ? { password: values.password } : {}),
          },
        }),
      );
    },
    onSuccess: () => {
      void message.success(c.saved);
      void queryClient.invalidateQueries({ queryKey: ['users'] });
      onClose();
    },
    onError: (error) => fail(error, form, EDIT_CODE_FIELDS),
  });

  return (
    <Drawer
      open
      title={w.editUser(user.displayName)}
      size={520}
      onClose={onClose}
      extra={
        <Space>
          <Button onClick={onClose}>{c.cancel}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()}>
            {c.save}
          </Button>
        </Space>
      }
    >
      <Form<EditValues>
        form={form}
        layout="vertical"
        name="edit-user"
        initialValues={{
          displayName: user.displayName,
          roles: user.roles,
          email: user.email ?? '',
          phone: user.phone ?? '',
          mayReadDrafts: user.mayReadDrafts,
          disabled: user.disabled,
        }}
        onFinish={(values) => save.mutate(values)}
      >
        <Form.Item label={w.username}>
          <Typography.Text strong>{user.username}</Typography.Text>
        </Form.Item>
        <Form.Item label={w.organisation} extra={w.organisationFixed}>
          <Typography.Text>{organisation?.name ?? user.organisationId}</Typography.Text>
        </Form.Item>
        <Form.Item name="displayName" label={w.displayName} rules={[{ required: true, message: c.required }]}>
          <Input />
        </Form.Item>
        <Form.Item
          name="roles"
          label={<span id="edit-user_roles-label">{w.roles}</span>}
          extra={w.rolesHelp}
          rules={[{ required: true, type: 'array', min: 1, message: c.required }]}
        >
          <RoleChoices kind={organisation?.kind} />
        </Form.Item>
        <Form.Item name="email" label={w.email}>
          <Input type="email" />
        </Form.Item>
        <Form.Item name="phone" label={w.phone}>
          <Input />
        </Form.Item>
        <Form.Item name="mayReadDrafts" label={w.mayReadDrafts} extra={w.mayReadDraftsHelp} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item name="disabled" label={w.disabled} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item name="password" label={w.newPassword} extra={w.newPasswordHelp}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
