import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeApi, fakeSession, renderWithProviders, testUser } from '../../test/render';
import { DashboardPage } from './DashboardPage';
import { RANKING, SESSIONS, STATISTICS } from './fixtures';

const TREND = {
  filter: { sessionId: null, bureauId: null },
  asOf: '2023-06-10',
  points: [
    { date: '2023-05-27', overdue: 1 },
    { date: '2023-06-03', overdue: 3 },
    { date: '2023-06-10', overdue: 3 },
  ],
};

function setup(routes: Record<string, unknown> = {}) {
  const fake = fakeApi({
    'GET /sessions': SESSIONS,
    'GET /supervision/statistics': STATISTICS,
    'GET /supervision/ranking': RANKING,
    'GET /supervision/overdue-trend': TREND,
    ...routes,
  });
  renderWithProviders(<DashboardPage />, { session: fakeSession({ api: fake.api, user: testUser(['supervisor']) }) });
  return fake;
}

const kpi = async (name: string) => (await screen.findByTestId(`kpi-${name}`)).textContent;

describe('DashboardPage', () => {
  it("shows the API's figures on the KPI cards", async () => {
    setup();
    expect(await kpi('total')).toBe('10');
    expect(await kpi('replied')).toBe('4');
    expect(await kpi('overdue')).toBe('2');
    expect(await kpi('acknowledgedOnTime')).toBe('88.9%');
    expect(await kpi('repliedOnTime')).toBe('33.3%');
    expect(await kpi('talkedBeforeReply')).toBe('75%');
    expect(await kpi('extensions')).toBe('2');
    expect(await kpi('averageDaysToReply')).toBe('75');
    expect(screen.getByText('2 / 6')).toBeTruthy();
    expect(screen.getByText('涉及 1 件 · 待批 1 件')).toBeTruthy();
    expect(screen.getByTestId('status-extension_requested').textContent).toBe('申请延期中: 1');
    expect(screen.getByText('统计截至 2023-06-10')).toBeTruthy();
  });

  it('gives each chart its figures as a table', async () => {
    setup();
    const onTime = await screen.findByRole('table', { name: '各承办单位按期答复率（数据表）' });
    const rows = within(onTime)
      .getAllByRole('row')
      .slice(1)
      .map((row) => row.textContent);
    expect(rows).toEqual(['督查测试乙局501 / 2', '督查测试甲局251 / 4']);
    const trend = screen.getByRole('table', { name: '超期件数趋势（近 12 周）（数据表）' });
    expect(
      within(trend)
        .getAllByRole('row')
        .slice(1)
        .map((row) => row.textContent),
    ).toEqual(['2023-05-271', '2023-06-033', '2023-06-103']);
    const grades = screen.getByRole('table', { name: '办理结果分布（数据表）' });
    expect(within(grades).getAllByRole('row')).toHaveLength(5);
  });

  it('asks for the chosen session, and twelve weeks of trend', async () => {
    const { requests } = setup();
    await screen.findByTestId('kpi-total');
    await userEvent.click(screen.getByRole('combobox', { name: '会议届次' }));
    await userEvent.click(await screen.findByTitle('市人大十六届二次会议'));
    await waitFor(() =>
      expect(requests.filter((r) => r.path === '/supervision/statistics').map((r) => r.query.get('sessionId'))).toEqual(
        [null, 's2'],
      ),
    );
    const trend = requests.filter((r) => r.path === '/supervision/overdue-trend').at(-1);
    expect(trend?.query.get('weeks')).toBe('12');
    await waitFor(() =>
      expect(
        requests
          .filter((r) => r.path === '/supervision/ranking')
          .at(-1)
          ?.query.get('sessionId'),
      ).toBe('s2'),
    );
  });

  it("shows the API's message when the figures do not load", async () => {
    setup({
      'GET /supervision/statistics': {
        status: 403,
        body: { code: 'FORBIDDEN', messages: { zh: '无权访问', en: 'Forbidden' } },
      },
    });
    expect((await screen.findByRole('alert')).textContent).toContain('无权访问');
  });
});
