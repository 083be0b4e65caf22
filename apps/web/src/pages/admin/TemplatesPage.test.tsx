import { fireEvent, screen, waitFor } from '@testing-library/react';
import { fakeApi, fakeSession, renderWithProviders, testUser } from '../../test/render';
import type { ReplyTemplate } from './admin-types';
import { TemplatesPage } from './TemplatesPage';
import { dialog } from './test-helpers';

const general: ReplyTemplate = {
  id: null,
  body: 'cppcc',
  bureauId: null,
  version: 0,
  titleTemplate: '对{session}第{number}号{kind}的答复',
  openingTemplate: '您提出的“{title}”已收悉。现答复如下：',
  organisationOpeningTemplate: '您单位提出的“{title}”已收悉。现答复如下：',
  closing: ['感谢您对我们工作的关心和支持。'],
  defaultCc: [{ recipient: '市政协提案委', copies: 2 }],
  headingsOnOwnLine: true,
  honorific: '',
};

function setup(routes: Record<string, unknown> = {}) {
  const fake = fakeApi({
    'GET /organisations': [
      {
        id: 'b1',
        name: '三门峡市民政局',
        kind: 'bureau',
        shortName: null,
        documentNumberPrefix: '三民文',
        email: null,
        postalAddress: null,
      },
    ],
    'GET /reply-templates': [general],
    'GET /grade-scales': [
      {
        body: 'cppcc',
        version: 1,
        classes: [
          { grade: 'A', label: '已解决或基本解决', meaning: '' },
          { grade: 'B', label: '正在解决或列入计划解决', meaning: '' },
          { grade: 'C', label: '因条件限制暂不能解决', meaning: '' },
        ],
      },
    ],
    'GET /document-number-series': [
      { prefix: '三民文', year: 2026, lastNumber: 20, updatedAt: '2026-03-01T00:00:00Z' },
    ],
    ...routes,
  });
  renderWithProviders(<TemplatesPage />, { session: fakeSession({ api: fake.api, user: testUser(['admin']) }) });
  return fake;
}

describe('TemplatesPage', () => {
  it('saves a bureau template starting from the general one, with every field labelled', async () => {
    const { requests } = setup({
      'PUT /reply-templates': (r: { body: object }) => ({ ...general, ...r.body, id: 't1', version: 1 }),
    });
    await screen.findByText('内置默认');
    fireEvent.click(screen.getByText('新建单位模板'));
    const drawer = await dialog();
    for (const label of [
      '会议类别',
      '适用单位',
      '标题模板',
      '开头语（个人）',
      '开头语（单位提出的）',
      '结束语第 1 段',
      '抄送第 1 项单位',
      '抄送第 1 项份数',
      '小标题单独成行',
      '称谓后缀（可不填）',
    ]) {
      expect(drawer.getByLabelText(label)).toBeTruthy();
    }
    fireEvent.mouseDown(drawer.getByLabelText('适用单位'));
    fireEvent.click(await waitFor(() => document.querySelector('.ant-select-item-option[title="三门峡市民政局"]')!));
    fireEvent.change(drawer.getByLabelText('抄送第 1 项份数'), { target: { value: '3' } });
    fireEvent.click(drawer.getByText(/^保\s*存$/));
    await waitFor(() => expect(requests.some((r) => r.method === 'PUT')).toBe(true));
    expect(requests.find((r) => r.method === 'PUT')!.body).toEqual({
      body: 'cppcc',
      bureauId: 'b1',
      titleTemplate: general.titleTemplate,
      openingTemplate: general.openingTemplate,
      organisationOpeningTemplate: general.organisationOpeningTemplate,
      closing: general.closing,
      defaultCc: [{ recipient: '市政协提案委', copies: 3 }],
      headingsOnOwnLine: true,
      honorific: '',
    });
  });

  it('adds a grade D to the CPPCC scale', async () => {
    const { requests } = setup({
      'PUT /grade-scales/:body': (r: { body: object }) => ({ body: 'cppcc', version: 2, ...r.body }),
    });
    fireEvent.click(await screen.findByText('办理结果等次'));
    await waitFor(() => expect((screen.getAllByLabelText('第 3 项等次')[0] as HTMLInputElement).value).toBe('C'));
    fireEvent.click(screen.getAllByText('添加等次')[0]);
    fireEvent.change(await screen.findByLabelText('第 4 项等次'), { target: { value: 'd' } });
    fireEvent.change(screen.getByLabelText('第 4 项名称'), { target: { value: '留作参考' } });
    fireEvent.click(screen.getAllByText(/^保\s*存$/)[0]);
    expect(await screen.findByText('一个大写字母')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('第 4 项等次'), { target: { value: 'D' } });
    fireEvent.click(screen.getAllByText(/^保\s*存$/)[0]);
    await waitFor(() => expect(requests.some((r) => r.method === 'PUT')).toBe(true));
    const put = requests.find((r) => r.method === 'PUT')!;
    expect(put.path).toBe('/grade-scales/cppcc');
    expect((put.body as { classes: { grade: string }[] }).classes.map((g) => g.grade)).toEqual(['A', 'B', 'C', 'D']);
  });

  it('continues a document-number series and shows a backwards refusal at the number', async () => {
    const { requests } = setup({
      'PUT /document-number-series': {
        status: 409,
        body: {
          code: 'DOCUMENT_NUMBER_SERIES_BACKWARDS',
          messages: { zh: '文号只能向后续编，不能回退或重复使用已用文号。', en: 'Document numbers only move forward.' },
        },
      },
    });
    fireEvent.click(await screen.findByText('文号续编'));
    fireEvent.click(await screen.findByLabelText('续编 三民文 2026'));
    expect((screen.getByLabelText('文号前缀') as HTMLInputElement).value).toBe('三民文');
    fireEvent.change(screen.getByLabelText('已用的最大序号'), { target: { value: '10' } });
    fireEvent.click(document.querySelector('form#number-series button[type="submit"]')!);
    await waitFor(() => expect(requests.some((r) => r.method === 'PUT')).toBe(true));
    expect(requests.find((r) => r.method === 'PUT')!.body).toEqual({ prefix: '三民文', year: 2026, lastNumber: 10 });
    const item = screen.getByLabelText('已用的最大序号').closest('.ant-form-item') as HTMLElement;
    await waitFor(() => expect(item.textContent).toContain('文号只能向后续编'));
  });
});
