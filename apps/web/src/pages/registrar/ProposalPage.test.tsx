import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { fakeApi, fakeSession, renderWithProviders, testUser } from '../../test/render';
import { assignmentFixture, bureaus, ok, proposalFixture, refusal, sessionFixture } from './fixtures';
import { ProposalPage } from './ProposalPage';
import { chooseOption, expectEveryFieldLabelled } from './testing';

// antd forms in jsdom on a shared two-core machine take a while per interaction.

function routes(overrides: Record<string, unknown> = {}) {
  return fakeApi({
    'GET /sessions': [sessionFixture],
    'GET /organisations': bureaus,
    'GET /proposals/:id': ok(proposalFixture()),
    'GET /proposals/:id/assignments': [],
    ...overrides,
  });
}

function renderPage(api: ReturnType<typeof routes>['api'], roles: ('registrar' | 'supervisor')[] = ['registrar']) {
  return renderWithProviders(
    <Routes>
      <Route path="/proposals/:id" element={<ProposalPage />} />
    </Routes>,
    { session: fakeSession({ api, user: testUser(roles) }), path: '/proposals/p1' },
  );
}

// *ByRole over the whole page is slow in jsdom; these find the same elements by their labels.
function line(n: number): HTMLElement {
  return document.querySelector(`[aria-label="第 ${n} 个承办单位"]`) as HTMLElement;
}

function assignButton(): HTMLElement {
  return screen.getByText(/^交\s*办$/, { selector: 'button span' });
}

describe('ProposalPage', () => {
  it('shows the text, the proposers and the assignments', async () => {
    const { api } = routes({
      'GET /proposals/:id/assignments': [assignmentFixture({ role: 'lead', bureauName: '三门峡市民政局' })],
    });
    renderPage(api);
    expect(await screen.findByText(/第 146 号提案/)).toBeTruthy();
    expect(screen.getByText('建议加快建设社区日间照料中心。')).toBeTruthy();
    expect(screen.getByText(/姚峥（领衔人/)).toBeTruthy();
    expect(screen.getByText(/民盟本溪市委（附议人 · 单位/)).toBeTruthy();
    expect(screen.getByText('市政协八届一次会议')).toBeTruthy();
    const row = (await screen.findByText('三门峡市民政局', { selector: 'td' })).closest('tr') as HTMLElement;
    expect(within(row).getByText('主办')).toBeTruthy();
    expect(within(row).getByText('办理中')).toBeTruthy();
  });

  it('refuses co bureaus without a lead and sends nothing', async () => {
    const { api, requests } = routes();
    renderPage(api);
    await screen.findByText(/^交\s*办$/, { selector: 'button span' });
    await chooseOption(within(line(1)).getByLabelText('承办单位'), '三门峡市财政局');
    await chooseOption(within(line(1)).getByLabelText('办理方式'), '会办');
    fireEvent.click(assignButton());
    expect((await screen.findByRole('alert')).textContent).toContain('有会办单位时必须有主办单位');
    expect(requests.filter((r) => r.method === 'POST')).toHaveLength(0);
  });

  it('sends a lead and a co bureau, then reads the assignments again', async () => {
    const { api, requests } = routes({
      'POST /proposals/:id/assignments': [assignmentFixture(), assignmentFixture({ id: 'a2', role: 'co' })],
    });
    renderPage(api);
    await screen.findByText(/^交\s*办$/, { selector: 'button span' });
    await chooseOption(within(line(1)).getByLabelText('承办单位'), '三门峡市民政局');
    fireEvent.click(screen.getByText('添加承办单位'));
    expectEveryFieldLabelled(document.body);
    await chooseOption(within(line(2)).getByLabelText('承办单位'), '三门峡市财政局');
    fireEvent.change(screen.getByLabelText('交办日期'), { target: { value: '2023-03-01' } });
    fireEvent.click(assignButton());

    await waitFor(() => expect(requests.some((r) => r.method === 'POST')).toBe(true));
    const post = requests.find((r) => r.method === 'POST');
    expect(post?.path).toBe('/proposals/p1/assignments');
    expect(post?.body).toEqual({
      assignments: [
        { bureauId: 'b1', role: 'lead' },
        { bureauId: 'b2', role: 'co' },
      ],
      assignedOn: '2023-03-01',
    });
    expect(await screen.findByText('已交办给 2 个单位')).toBeTruthy();
    await waitFor(() =>
      expect(requests.filter((r) => r.method === 'GET' && r.path === '/proposals/p1/assignments')).toHaveLength(2),
    );
  });

  it("shows the API's refusal in the user's language", async () => {
    const { api } = routes({
      'POST /proposals/:id/assignments': refusal(
        409,
        'ASSIGNMENT_LEAD_EXISTS',
        '该提案（建议）已有主办单位。',
        'This proposal already has a lead bureau.',
      ),
    });
    renderPage(api);
    await screen.findByText(/^交\s*办$/, { selector: 'button span' });
    await chooseOption(within(line(1)).getByLabelText('承办单位'), '三门峡市民政局');
    fireEvent.click(assignButton());
    expect(await screen.findByText('该提案（建议）已有主办单位。')).toBeTruthy();
  });

  it('lets the supervisor read but not assign or edit', async () => {
    const { api } = routes();
    renderPage(api, ['supervisor']);
    expect(await screen.findByText(/第 146 号提案/)).toBeTruthy();
    expect(screen.queryByText(/^交\s*办$/, { selector: 'button span' })).toBeNull();
    expect(screen.queryByText(/^编\s*辑$/, { selector: 'button span' })).toBeNull();
  });
});
