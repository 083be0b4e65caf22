import { fireEvent, screen, waitFor } from '@testing-library/react';
import { fakeApi, fakeSession, renderWithProviders, testUser } from '../../test/render';
import { CalendarPage, monthWeeks } from './CalendarPage';
import { dialog } from './test-helpers';

const year = new Date().getFullYear();
const days = [
  { date: `${year}-10-01`, kind: 'holiday', name: '国庆节', source: 'chinese-days' },
  { date: `${year}-10-02`, kind: 'holiday', name: '国庆节', source: 'chinese-days' },
];

function setup(routes: Record<string, unknown> = {}) {
  const fake = fakeApi({
    'GET /calendar/status': { knownYears: [year], missingYears: [year + 1] },
    'GET /calendar/:year': (_r: unknown, p: Record<string, string>) => ({
      year: Number(p.year),
      known: Number(p.year) === year,
      days: Number(p.year) === year ? days : [],
    }),
    ...routes,
  });
  renderWithProviders(<CalendarPage />, { session: fakeSession({ api: fake.api, user: testUser(['admin']) }) });
  return fake;
}

function day(date: string): HTMLElement {
  return document.querySelector(`button[data-date="${date}"]`) as HTMLElement;
}

describe('monthWeeks', () => {
  it('lays a month out Monday first', () => {
    // 2026-02-01 is a Sunday; February 2026 has 28 days.
    const weeks = monthWeeks(2026, 2);
    expect(weeks[0]).toEqual([null, null, null, null, null, null, 1]);
    expect(weeks.at(-1)).toEqual([23, 24, 25, 26, 27, 28, null]);
  });
});

describe('CalendarPage', () => {
  it('shows the year’s holidays on the days and in the list, and the years still missing', async () => {
    setup();
    await waitFor(() => expect(day(`${year}-10-01`).getAttribute('data-kind')).toBe('holiday'));
    expect(day(`${year}-10-01`).getAttribute('aria-label')).toBe(`${year}-10-01 节假日 国庆节`);
    expect(day(`${year}-10-05`).getAttribute('data-kind')).not.toBe('holiday');
    expect(document.querySelectorAll('button[data-kind="holiday"]')).toHaveLength(2);
    expect(screen.getAllByText('国庆节').length).toBeGreaterThanOrEqual(2);
    expect(screen.getByText('已录入当年的节假日安排')).toBeTruthy();
    expect(await screen.findByText(new RegExp(`以下年份还没有节假日安排：${year + 1}`))).toBeTruthy();
    expect(screen.getByLabelText('年份')).toBeTruthy();
  });

  it('sets a day as a holiday and reloads the calendar', async () => {
    const { requests } = setup({
      'PUT /calendar/days/:date': (r: { body: object }, p: Record<string, string>) => ({
        date: p.date,
        ...r.body,
        source: 'admin',
      }),
    });
    await waitFor(() => expect(day(`${year}-10-01`).getAttribute('data-kind')).toBe('holiday'));
    // A Monday in June: the API keeps working weekends for Saturdays and Sundays.
    const monday = [...document.querySelectorAll<HTMLElement>(`button[data-date^="${year}-06-"]`)].find(
      (b) => new Date(`${b.getAttribute('data-date')}T00:00:00Z`).getUTCDay() === 1,
    )!;
    const date = monday.getAttribute('data-date')!;
    fireEvent.click(monday);
    const modal = await dialog();
    expect(modal.getByText(`设置 ${date}`)).toBeTruthy();
    expect(modal.getByLabelText('调休上班')).toHaveProperty('disabled', true);
    fireEvent.change(modal.getByLabelText('名称'), { target: { value: '端午节' } });
    fireEvent.click(modal.getByText(/^保\s*存$/));
    await waitFor(() => expect(requests.some((r) => r.method === 'PUT')).toBe(true));
    const put = requests.find((r) => r.method === 'PUT')!;
    expect(put.path).toBe(`/calendar/days/${date}`);
    expect(put.body).toEqual({ kind: 'holiday', name: '端午节' });
    await waitFor(() =>
      expect(requests.filter((r) => r.method === 'GET' && r.path === `/calendar/${year}`)).toHaveLength(2),
    );
  });

  it('clears a set day', async () => {
    const { requests } = setup({ 'DELETE /calendar/days/:date': { status: 204, body: undefined } });
    await waitFor(() => expect(day(`${year}-10-02`).getAttribute('data-kind')).toBe('holiday'));
    fireEvent.click(day(`${year}-10-02`));
    const modal = await dialog();
    expect((modal.getByLabelText('名称') as HTMLInputElement).value).toBe('国庆节');
    fireEvent.click(modal.getByText('恢复为普通日'));
    await waitFor(() => expect(requests.some((r) => r.method === 'DELETE')).toBe(true));
    expect(requests.find((r) => r.method === 'DELETE')!.path).toBe(`/calendar/days/${year}-10-02`);
  });

  it('marks a year without data as entered', async () => {
    const { requests } = setup({
      'PUT /calendar/years/:year': (_r: unknown, p: Record<string, string>) => ({
        year: Number(p.year),
        known: true,
        days: [],
      }),
    });
    await waitFor(() => expect(day(`${year}-10-01`).getAttribute('data-kind')).toBe('holiday'));
    fireEvent.change(screen.getByLabelText('年份'), { target: { value: String(year + 1) } });
    fireEvent.blur(screen.getByLabelText('年份'));
    expect(await screen.findByText('尚未录入当年的节假日安排：期限按周一至周五计算')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('依据（通知名称，可不填）'), { target: { value: '国办发明电〔2026〕1号' } });
    fireEvent.click(screen.getByText('标记为已录入'));
    await waitFor(() => expect(requests.some((r) => r.method === 'PUT')).toBe(true));
    const put = requests.find((r) => r.method === 'PUT')!;
    expect(put.path).toBe(`/calendar/years/${year + 1}`);
    expect(put.body).toEqual({ note: '国办发明电〔2026〕1号' });
  });
});
