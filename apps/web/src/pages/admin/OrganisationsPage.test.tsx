import { File as NodeFile } from 'node:buffer';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { fakeApi, fakeSession, renderWithProviders, testUser } from '../../test/render';
import type { Organisation } from './admin-types';
import { OrganisationsPage } from './OrganisationsPage';
import { choose, dialog, rows } from './test-helpers';

const bureau: Organisation = {
  id: 'b1',
  name: '三门峡市民政局',
  shortName: '市民政局',
  kind: 'bureau',
  documentNumberPrefix: '三民文',
  email: 'mzj@smx.gov.cn',
  postalAddress: null,
};
const committee: Organisation = {
  ...bureau,
  id: 'c1',
  name: '市政协提案委',
  shortName: null,
  kind: 'cppcc_committee',
  documentNumberPrefix: null,
  email: null,
};

function setup(routes: Record<string, unknown> = {}, upload = jest.fn()) {
  const fake = fakeApi({ 'GET /organisations': [bureau, committee], ...routes });
  renderWithProviders(<OrganisationsPage />, {
    session: fakeSession({ api: fake.api, user: testUser(['admin']), upload }),
  });
  return fake;
}

describe('OrganisationsPage', () => {
  it('lists organisations with kind, prefix and contact details', async () => {
    setup();
    await screen.findByText('三门峡市民政局');
    expect(within(rows()[0]).getByText('三民文')).toBeTruthy();
    expect(within(rows()[0]).getByText('mzj@smx.gov.cn')).toBeTruthy();
    expect(within(rows()[1]).getByText('政协提案委')).toBeTruthy();
    // Only a bureau has a review chain and letter settings.
    expect(screen.getByLabelText('审核流程与公文格式 三门峡市民政局')).toBeTruthy();
    expect(screen.queryByLabelText('审核流程与公文格式 市政协提案委')).toBeNull();
  });

  it('creates a bureau with its prefix and leaves out what was not filled in; a committee has no prefix field', async () => {
    const { requests } = setup({ 'POST /organisations': { ...bureau, id: 'b2', name: '市财政局' } });
    await screen.findByText('三门峡市民政局');
    fireEvent.click(screen.getByText('新建机构'));
    const drawer = await dialog();
    await drawer.findByLabelText('发文字号前缀');
    for (const label of ['名称', '简称', '类型', '发文字号前缀', '电子邮箱', '通信地址']) {
      expect(drawer.getByLabelText(label)).toBeTruthy();
    }
    fireEvent.change(drawer.getByLabelText('名称'), { target: { value: '市财政局' } });
    fireEvent.change(drawer.getByLabelText('发文字号前缀'), { target: { value: '三财文' } });
    fireEvent.click(drawer.getByText(/^保\s*存$/));
    await waitFor(() => expect(requests.some((r) => r.method === 'POST')).toBe(true));
    expect(requests.find((r) => r.method === 'POST')!.body).toEqual({
      name: '市财政局',
      kind: 'bureau',
      documentNumberPrefix: '三财文',
    });
    await waitFor(() => expect(requests.filter((r) => r.path === '/organisations')).toHaveLength(3));

    fireEvent.click(screen.getByText('新建机构'));
    const again = await dialog();
    await choose(again.getByLabelText('类型'), '政协提案委');
    await waitFor(() => expect(again.queryByLabelText('发文字号前缀')).toBeNull());
  });

  it('edits a bureau, clearing its e-mail with the empty string the API takes', async () => {
    const { requests } = setup({ 'PATCH /organisations/:id': { ...bureau, email: null } });
    await screen.findByText('三门峡市民政局');
    fireEvent.click(screen.getByLabelText('编辑 三门峡市民政局'));
    const drawer = await dialog();
    fireEvent.change(drawer.getByLabelText('电子邮箱'), { target: { value: '' } });
    fireEvent.click(drawer.getByText(/^保\s*存$/));
    await waitFor(() => expect(requests.some((r) => r.method === 'PATCH')).toBe(true));
    const patch = requests.find((r) => r.method === 'PATCH')!;
    expect(patch.path).toBe('/organisations/b1');
    expect(patch.body).toEqual({
      name: '三门峡市民政局',
      shortName: '市民政局',
      documentNumberPrefix: '三民文',
      email: '',
      postalAddress: '',
    });
  });

  it('saves a bureau’s review chain with a new step', async () => {
    let chain: object = {
      bureauId: 'b1',
      steps: [{ name: '科室审核', role: 'reviewer' }],
      configured: false,
      description: '科室审核 → 签发',
    };
    const { requests } = setup({
      'GET /bureaus/:id/review-chain': () => chain,
      'PUT /bureaus/:id/review-chain': (r: { body: unknown }) => {
        chain = {
          bureauId: 'b1',
          ...(r.body as object),
          configured: true,
          description: '科室审核 → 办公室审核 → 签发',
        };
        return chain;
      },
    });
    await screen.findByText('三门峡市民政局');
    fireEvent.click(screen.getByLabelText('审核流程与公文格式 三门峡市民政局'));
    const drawer = await dialog();
    expect(await drawer.findByText('当前流程：科室审核 → 签发')).toBeTruthy();
    expect(drawer.getByText('尚未单独设置，目前使用默认流程')).toBeTruthy();
    await waitFor(() => expect((drawer.getByLabelText('第 1 步名称') as HTMLInputElement).value).toBe('科室审核'));
    fireEvent.click(drawer.getByText('添加审核步骤'));
    fireEvent.change(await drawer.findByLabelText('第 2 步名称'), { target: { value: '办公室审核' } });
    expect(drawer.getByLabelText('第 2 步审核角色')).toBeTruthy();
    fireEvent.click(drawer.getAllByText(/^保\s*存$/)[0]);
    await waitFor(() => expect(requests.some((r) => r.method === 'PUT')).toBe(true));
    const put = requests.find((r) => r.method === 'PUT')!;
    expect(put.path).toBe('/bureaus/b1/review-chain');
    expect(put.body).toEqual({
      steps: [
        { name: '科室审核', role: 'reviewer' },
        { name: '办公室审核', role: 'reviewer' },
      ],
    });
    expect(await drawer.findByText('当前流程：科室审核 → 办公室审核 → 签发')).toBeTruthy();
  });

  it('uploads a seal image as a multipart PUT and saves the letter settings with the version read', async () => {
    let settings = {
      bureauId: 'b1',
      format: 'document',
      headerTitle: '三门峡市民政局文件',
      printsGradeMark: true,
      hasSeal: false,
      version: 3,
      configured: true,
      updatedAt: null,
    };
    const upload = jest.fn().mockImplementation(async () => {
      settings = { ...settings, hasSeal: true, version: 4 };
      return settings;
    });
    const { requests } = setup(
      {
        'GET /bureaus/:id/review-chain': { bureauId: 'b1', steps: [], configured: true, description: '签发' },
        'GET /bureaus/:id/letter-settings': () => settings,
        'PUT /bureaus/:id/letter-settings': (r: { body: unknown }) => ({
          ...settings,
          ...(r.body as object),
          version: 4,
        }),
      },
      upload,
    );
    await screen.findByText('三门峡市民政局');
    fireEvent.click(screen.getByLabelText('审核流程与公文格式 三门峡市民政局'));
    const drawer = await dialog();
    fireEvent.click(drawer.getByText('公文格式'));
    await waitFor(() =>
      expect((drawer.getByLabelText('发文机关标志') as HTMLInputElement).value).toBe('三门峡市民政局文件'),
    );
    expect(drawer.getByLabelText('首页右上角标注办理结果（如“办理结果：A”）')).toBeTruthy();
    expect(drawer.getByText('未上传印章')).toBeTruthy();

    // Node's File, as the FormData the test environment lends jsdom is Node's and takes only its own Blobs.
    const file = new NodeFile(['png'], 'seal.png', { type: 'image/png' });
    fireEvent.change(drawer.getByLabelText('选择印章图片文件'), { target: { files: [file] } });
    fireEvent.click(drawer.getByText('上传印章'));
    await waitFor(() => expect(upload).toHaveBeenCalled());
    const [path, body, method] = upload.mock.calls[0] as [string, FormData, string];
    expect(path).toBe('/bureaus/b1/letter-settings/seal');
    expect(method).toBe('PUT');
    expect(body.get('file')).toBeTruthy();
    expect(await drawer.findByText('已上传印章')).toBeTruthy();

    fireEvent.change(drawer.getByLabelText('发文机关标志'), { target: { value: '三门峡市民政局' } });
    fireEvent.click(drawer.getAllByText(/^保\s*存$/).at(-1)!);
    await waitFor(() => expect(requests.some((r) => r.method === 'PUT')).toBe(true));
    expect(requests.find((r) => r.method === 'PUT')!.body).toEqual({
      format: 'document',
      headerTitle: '三门峡市民政局',
      printsGradeMark: true,
      version: 4,
    });
  });
});
