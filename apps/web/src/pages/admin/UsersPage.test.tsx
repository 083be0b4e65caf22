import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { fakeApi, fakeSession, renderWithProviders, testUser } from '../../test/render';
import type { Organisation, User } from './admin-types';
import { choose, dialog, rows } from './test-helpers';
import { UsersPage } from './UsersPage';

const bureau: Organisation = {
  id: 'b1',
  name: '三门峡市民政局',
  shortName: '市民政局',
  kind: 'bureau',
  documentNumberPrefix: '三民文',
  email: null,
  postalAddress: null,
};
const committee: Organisation = {
  ...bureau,
  id: 'c1',
  name: '市政协提案委',
  kind: 'cppcc_committee',
  documentNumberPrefix: null,
};

function user(overrides: Partial<User>): User {
  return {
    id: 'u2',
    username: 'wangli',
    displayName: '王丽',
    organisationId: 'b1',
    roles: ['clerk'],
    email: null,
    phone: null,
    mayReadDrafts: false,
    disabled: false,
    createdAt: '2026-01-01T00:00:00Z',
    ...overrides,
  };
}

const users = [
  user({}),
  user({ id: 'u3', username: 'zhaogang', displayName: '赵刚', roles: ['reviewer', 'signatory'] }),
  user({ id: 'u4', username: 'tian', displayName: '田芳', organisationId: 'c1', roles: ['registrar'], disabled: true }),
];

function setup(routes: Record<string, unknown> = {}) {
  const fake = fakeApi({ 'GET /organisations': [bureau, committee], 'GET /users': users, ...routes });
  renderWithProviders(<UsersPage />, { session: fakeSession({ api: fake.api, user: testUser(['admin']) }) });
  return fake;
}

describe('UsersPage', () => {
  it('lists users with their organisation, roles and status, and filters by role and status', async () => {
    setup();
    await screen.findByText('wangli');
    expect(rows()).toHaveLength(3);
    expect(within(rows()[1]).getByText('审核人')).toBeTruthy();
    expect(within(rows()[2]).getByText('市政协提案委')).toBeTruthy();
    expect(within(rows()[2]).getByText('已停用')).toBeTruthy();

    await choose(screen.getByLabelText('角色'), '签发人');
    expect(rows().map((r) => r.getAttribute('data-row-key'))).toEqual(['u3']);
    await choose(screen.getByLabelText('角色'), '承办人');
    await choose(screen.getByLabelText('状态'), '已停用');
    expect(rows()).toHaveLength(0);
  });

  it('asks the API for one organisation’s users when filtered by organisation', async () => {
    const { requests } = setup();
    await screen.findByText('wangli');
    await choose(screen.getByLabelText('所属机构'), '市政协提案委');
    await waitFor(() =>
      expect(requests.some((r) => r.path === '/users' && r.query.get('organisationId') === 'c1')).toBe(true),
    );
  });

  it('creates a user with the body the API takes, offering only the roles the organisation allows', async () => {
    const { requests } = setup({
      'POST /users': (r: { body: unknown }) => ({ ...user({}), ...(r.body as object), id: 'u9' }),
    });
    await screen.findByText('wangli');
    fireEvent.click(screen.getByText('新建用户'));
    const drawer = await dialog();

    for (const label of ['用户名', '姓名', '所属机构', '初始密码', '电子邮箱', '电话']) {
      expect(drawer.getByLabelText(label)).toBeTruthy();
    }
    expect(drawer.getByLabelText('角色').getAttribute('role')).toBe('group');

    fireEvent.change(drawer.getByLabelText('用户名'), { target: { value: 'liming' } });
    fireEvent.change(drawer.getByLabelText('姓名'), { target: { value: '李明' } });
    await choose(drawer.getByLabelText('所属机构'), '三门峡市民政局（承办单位）');
    await drawer.findByLabelText('承办人');
    expect(drawer.queryByLabelText('登记员')).toBeNull();
    fireEvent.click(await drawer.findByLabelText('承办人'));
    fireEvent.click(drawer.getByLabelText('审核人'));
    fireEvent.change(drawer.getByLabelText('初始密码'), { target: { value: 'Secret12345' } });
    fireEvent.click(drawer.getByText(/^保\s*存$/));

    await waitFor(() => expect(requests.some((r) => r.method === 'POST')).toBe(true));
    expect(requests.find((r) => r.method === 'POST')!.body).toEqual({
      username: 'liming',
      displayName: '李明',
      organisationId: 'b1',
      roles: ['clerk', 'reviewer'],
      password: 'Secret12345',
    });
    await waitFor(() => expect(requests.filter((r) => r.method === 'GET' && r.path === '/users')).toHaveLength(2));
  });

  it('shows the API’s validation messages at the fields and keeps the drawer open', async () => {
    const { requests } = setup({
      'POST /users': {
        status: 400,
        body: {
          code: 'VALIDATION_FAILED',
          message: '提交的内容有误，请按提示修改。',
          messages: { zh: '提交的内容有误，请按提示修改。', en: 'Some fields are invalid; see details.' },
          details: {
            fields: [
              {
                field: 'password',
                constraints: ['matches'],
                zh: 'password：格式不正确',
                en: 'password must have at least 10 characters with letters and digits',
              },
            ],
          },
        },
      },
    });
    await screen.findByText('wangli');
    fireEvent.click(screen.getByText('新建用户'));
    const drawer = await dialog();
    fireEvent.change(drawer.getByLabelText('用户名'), { target: { value: 'liming' } });
    fireEvent.change(drawer.getByLabelText('姓名'), { target: { value: '李明' } });
    await choose(drawer.getByLabelText('所属机构'), '三门峡市民政局（承办单位）');
    fireEvent.click(await drawer.findByLabelText('承办人'));
    fireEvent.change(drawer.getByLabelText('初始密码'), { target: { value: 'aaaaaaaaaaaa' } });
    fireEvent.click(drawer.getByText(/^保\s*存$/));

    await waitFor(() => expect(requests.some((r) => r.method === 'POST')).toBe(true));
    const passwordItem = drawer.getByLabelText('初始密码').closest('.ant-form-item') as HTMLElement;
    expect(await within(passwordItem).findByText('格式不正确')).toBeTruthy();
    expect(await screen.findByText('提交的内容有误，请按提示修改。')).toBeTruthy();
    expect(document.querySelector('[role="dialog"]')).toBeTruthy();
  });

  it('shows a refusal such as a taken username at its field', async () => {
    setup({
      'POST /users': {
        status: 409,
        body: { code: 'USERNAME_TAKEN', messages: { zh: '用户名已被使用。', en: 'This username is already taken.' } },
      },
    });
    await screen.findByText('wangli');
    fireEvent.click(screen.getByText('新建用户'));
    const drawer = await dialog();
    fireEvent.change(drawer.getByLabelText('用户名'), { target: { value: 'wangli' } });
    fireEvent.change(drawer.getByLabelText('姓名'), { target: { value: '王丽' } });
    await choose(drawer.getByLabelText('所属机构'), '三门峡市民政局（承办单位）');
    fireEvent.click(await drawer.findByLabelText('承办人'));
    fireEvent.change(drawer.getByLabelText('初始密码'), { target: { value: 'Secret12345' } });
    fireEvent.click(drawer.getByText(/^保\s*存$/));
    const usernameItem = drawer.getByLabelText('用户名').closest('.ant-form-item') as HTMLElement;
    expect(await within(usernameItem).findByText('用户名已被使用。')).toBeTruthy();
  });

  it('deactivates a user after confirmation and reloads the list', async () => {
    const { requests } = setup({
      'PATCH /users/:id': (r: { body: unknown }, p: Record<string, string>) => ({
        ...users.find((u) => u.id === p.id)!,
        ...(r.body as object),
      }),
    });
    await screen.findByText('wangli');
    fireEvent.click(screen.getByLabelText('停用 zhaogang'));
    const popconfirm = await waitFor(() => document.querySelector('.ant-popconfirm') as HTMLElement);
    expect(within(popconfirm).getByText('停用 赵刚 的账号？其登录会话将立即失效。')).toBeTruthy();
    fireEvent.click(within(popconfirm).getByText(/^停\s*用$/));

    await waitFor(() => expect(requests.some((r) => r.method === 'PATCH')).toBe(true));
    const patch = requests.find((r) => r.method === 'PATCH')!;
    expect(patch.path).toBe('/users/u3');
    expect(patch.body).toEqual({ disabled: true });
    expect(await screen.findByText('已停用 赵刚')).toBeTruthy();
    await waitFor(() => expect(requests.filter((r) => r.method === 'GET' && r.path === '/users')).toHaveLength(2));
  });

  it('edits roles and reactivates through the edit drawer', async () => {
    const { requests } = setup({
      'PATCH /users/:id': (r: { body: unknown }) => ({ ...users[2], ...(r.body as object) }),
    });
    await screen.findByText('wangli');
    fireEvent.click(screen.getByLabelText('编辑 wangli'));
    const drawer = await dialog();
    for (const label of ['姓名', '电子邮箱', '电话', '可阅读未签发的答复草稿', '停用账号', '重设密码']) {
      expect(drawer.getByLabelText(label)).toBeTruthy();
    }
    fireEvent.click(drawer.getByLabelText('签发人'));
    fireEvent.click(drawer.getByText(/^保\s*存$/));
    await waitFor(() => expect(requests.some((r) => r.method === 'PATCH')).toBe(true));
    expect(requests.find((r) => r.method === 'PATCH')!.body).toEqual({
      displayName: '王丽',
      roles: ['clerk', 'signatory'],
      mayReadDrafts: false,
      disabled: false,
    });
  });
});
