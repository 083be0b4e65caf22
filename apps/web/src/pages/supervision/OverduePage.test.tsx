import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeApi, fakeSession, renderWithProviders, testUser } from '../../test/render';
import { SESSIONS } from './fixtures';
import { OverduePage } from './OverduePage';

const item = (assignmentId: string, bureauId: string, bureauName: string, title: string, daysOverdue: number) => ({
  assignmentId,
  proposalId: `p-${assignmentId}`,
  sessionId: 's1',
  sessionName: '市政协八届一次会议',
  proposalNumber: daysOverdue,
  proposalTitle: title,
  bureauId,
  bureauName,
  role: 'lead',
  status: 'acknowledged',
  assignedOn: '2023-03-01',
  dueOn: '2023-06-01',
  daysOverdue,
  workingDaysOverdue: daysOverdue - 2,
});

const PAGE = {
  total: 2,
  page: 1,
  pageSize: 20,
  items: [
    item('a4', 'b1', '督查测试甲局', '关于老旧小区改造的提案', 9),
    item('c1', 'b2', '督查测试乙局', '关于公交线路的建议', 40),
  ],
};

function setup() {
  const fake = fakeApi({
    'GET /sessions': SESSIONS,
    'GET /organisations': [
      { id: 'b1', name: '督查测试甲局', kind: 'bureau' },
      { id: 'b2', name: '督查测试乙局', kind: 'bureau' },
    ],
    'GET /supervision/overdue': PAGE,
    'POST /bureaus/:id/urges': (request: { body: unknown }, params: Record<string, string>) => {
      const body = request.body as { message: string; assignmentIds?: string[] };
      return {
        id: 'u1',
        bureauId: params.id,
        assignmentIds: body.assignmentIds ?? ['all'],
        message: body.message,
        notified: 3,
        createdAt: '2023-06-10T02:30:00.000Z',
      };
    },
  });
  renderWithProviders(<OverduePage />, { session: fakeSession({ api: fake.api, user: testUser(['supervisor']) }) });
  return fake;
}

const lastQuery = (requests: { path: string; query: URLSearchParams }[]) =>
  requests.filter((r) => r.path === '/supervision/overdue').at(-1)?.query;

/** The open modal (a role query over the whole table is slow in jsdom). */
const findDialog = () =>
  waitFor(() => {
    const dialog = document.querySelector<HTMLElement>('.ant-modal');
    if (!dialog) throw new Error('no dialog');
    return dialog;
  });

// A wide antd table re-renders slowly in jsdom on a busy machine.

describe('OverduePage', () => {
  it('lists the overdue items with days overdue', async () => {
    const { requests } = setup();
    expect(await screen.findByText('关于老旧小区改造的提案')).toBeTruthy();
    expect(screen.getByText('40 天（38 个工作日）')).toBeTruthy();
    expect(screen.getByText('共 2 件')).toBeTruthy();
    expect(lastQuery(requests)?.get('page')).toBe('1');
    expect(lastQuery(requests)?.get('pageSize')).toBe('20');
  });

  it('sends a 催办 for one item with the message written, and shows when it went', async () => {
    const { requests } = setup();
    fireEvent.click(await screen.findByLabelText('催办：关于老旧小区改造的提案'));
    const dialog = await findDialog();
    const box = within(dialog).getByLabelText('催办内容');
    expect((box as HTMLTextAreaElement).value).toBe('该事项已超过办理期限，请抓紧办理并尽快答复。');
    fireEvent.change(box, { target: { value: '请于本周内答复。' } });
    fireEvent.click(within(dialog).getByText('发送催办'));
    await waitFor(() => expect(requests.some((r) => r.method === 'POST')).toBe(true));
    const sent = requests.find((r) => r.method === 'POST');
    expect(sent?.path).toBe('/bureaus/b1/urges');
    expect(sent?.body).toEqual({ message: '请于本周内答复。', assignmentIds: ['a4'] });
    expect((await screen.findByTestId('urged-a4')).textContent).toMatch(/^已于 2023-06-10 \d\d:30 催办，通知 3 人$/);
    expect(screen.queryByTestId('urged-c1')).toBeNull();
  });

  it('urges a whole bureau without naming items, and refuses an empty message', async () => {
    const { requests } = setup();
    fireEvent.click(await screen.findByLabelText('催办：督查测试乙局全部超期事项'));
    const dialog = await findDialog();
    fireEvent.change(within(dialog).getByLabelText('催办内容'), { target: { value: '  ' } });
    fireEvent.click(within(dialog).getByText('发送催办'));
    expect(await within(dialog).findByText('请填写催办内容')).toBeTruthy();
    expect(requests.some((r) => r.method === 'POST')).toBe(false);
    fireEvent.change(within(dialog).getByLabelText('催办内容'), { target: { value: '请尽快办理全部超期件。' } });
    fireEvent.click(within(dialog).getByText('发送催办'));
    await waitFor(() => expect(requests.some((r) => r.method === 'POST')).toBe(true));
    const sent = requests.find((r) => r.method === 'POST');
    expect(sent?.path).toBe('/bureaus/b2/urges');
    expect(sent?.body).toEqual({ message: '请尽快办理全部超期件。' });
    expect(await screen.findByTestId('urged-c1')).toBeTruthy();
  });

  it('asks the API for the bureau chosen and the column sorted', async () => {
    const { requests } = setup();
    await screen.findByText('关于公交线路的建议');
    await userEvent.click(screen.getAllByLabelText('承办单位')[0]);
    await userEvent.click(await screen.findByTitle('督查测试乙局'));
    await waitFor(() => expect(lastQuery(requests)?.get('bureauId')).toBe('b2'));
    fireEvent.click(screen.getAllByText('办理期限')[0]);
    await waitFor(() => expect(lastQuery(requests)?.get('sort')).toBe('dueOn'));
    expect(lastQuery(requests)?.get('order')).toBe('asc');
  });
});
