import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route, Routes, useParams } from 'react-router';
import type { Me } from '../../api/types';
import { fakeApi, type FakeRequest, fakeSession, renderWithProviders, testUser } from '../../test/render';
import type { Language } from '../../i18n/messages';
import { AssignmentPage } from './AssignmentPage';
import {
  assignmentView,
  coOpinion,
  dayFromToday,
  extensionRequest,
  proposal,
  replySummary,
  timelineEntry,
} from './fixtures';
import type { AssignmentView } from './model';

type Routes = Parameters<typeof fakeApi>[0];

// antd renders slowly in jsdom, more so on a machine shared with other test runs: wait longer,
// and let *ByRole skip its per-node visibility check (getComputedStyle up the tree), the slow part.
configure({ defaultHidden: true });

function DraftEditor() {
  const { replyId } = useParams();
  return <p>draft editor of {replyId}</p>;
}

/**
 * A 200 answer. fakeApi reads a body with both `status` and `body` fields (a proposal, a co
 * opinion) as { status, body } itself, so such bodies go through this.
 */
const ok = (body: unknown) => ({ status: 200, body });

/** The answers of an API holding one assignment `view`, with `more` routes on top. */
function apiOf(view: AssignmentView, more: Routes = {}): Routes {
  return {
    'GET /assignments/:id': view,
    'GET /proposals/:id': ok(proposal()),
    'GET /assignments/:id/timeline': [timelineEntry()],
    'GET /assignments/:id/requests': { reassignments: [], extensions: [] },
    'GET /assignments/:id/attachments': [],
    'GET /assignments/:id/contacts': [],
    'GET /assignments/:id/replies': [],
    'GET /assignments/:id/co-opinions': [],
    'GET /assignments/:id/opinion': ok(coOpinion({ assignmentId: view.id, status: 'missing' })),
    'GET /organisations': [],
    ...more,
  };
}

function renderPage(
  routes: Routes,
  { roles = ['clerk'], lang = 'zh' }: { roles?: Me['roles']; lang?: Language } = {},
): FakeRequest[] {
  const { api, requests } = fakeApi(routes);
  renderWithProviders(
    <Routes>
      <Route path="/assignments/:id" element={<AssignmentPage />} />
      <Route path="/replies/:replyId/draft" element={<DraftEditor />} />
    </Routes>,
    { session: fakeSession({ api, user: testUser(roles) }), path: '/assignments/a1', lang },
  );
  return requests;
}

/** antd puts a space between the two characters of a two-character Chinese button. */
const button = (text: string) => new RegExp(`^${[...text].join('\\s*')}$`);

const sent = (requests: FakeRequest[], method: string, path: string) =>
  requests.filter((r) => r.method === method && r.path === path);

describe('AssignmentPage', () => {
  it('shows the proposal, the role, status, due date with days left, and the timeline with who did what', async () => {
    renderPage(
      apiOf(assignmentView({ daysLeft: 4 }), {
        'GET /assignments/:id/timeline': [
          timelineEntry(),
          timelineEntry({
            at: '2026-03-02T03:30:00Z',
            action: 'assignment.reminded',
            actorUserId: null,
            actorName: null,
            text: { zh: '系统提醒签收期限还有3天', en: 'Reminder' },
          }),
        ],
      }),
    );
    expect(await screen.findByRole('heading', { name: '关于加快发展社区养老服务的提案' })).toBeTruthy();
    expect(await screen.findByText('第 146 号提案')).toBeTruthy();
    expect(screen.getByText('主办')).toBeTruthy();
    expect(screen.getByTestId('assignment-status').textContent).toBe('待签收');
    // The server's days left (from the list item), coloured as urgent.
    const days = await screen.findByText('剩余 4 天');
    expect(days.getAttribute('data-urgency')).toBe('dueSoon');
    // Proposers in their order, the lead marked.
    const proposers = screen.getByText('提出人').closest('tr') as HTMLElement;
    expect(proposers.textContent).toMatch(/姚峥（领衔）、李明/);

    const entries = await screen.findAllByTestId('timeline-entry');
    expect(entries.map((e) => e.textContent)).toEqual([
      '2026-03-01 10:00 · 张登记交办，办理期限2026-06-01',
      '2026-03-02 11:30 · 系统系统提醒签收期限还有3天',
    ]);
  });

  it.each([
    ['a clerk, before acknowledging', 'assigned', ['clerk'], 5, ['签收', '申请调整']],
    ['a clerk, after the acknowledgement window', 'assigned', ['clerk'], -1, ['签收']],
    ['a clerk, acknowledged', 'acknowledged', ['clerk'], -10, ['申请延期']],
    ['a clerk, waiting on an extension', 'extension_requested', ['clerk'], -10, []],
    ['a signatory, before acknowledging', 'assigned', ['signatory'], 5, []],
  ] as const)('offers %s only what the state allows', async (_who, status, roles, ackDays, expected) => {
    renderPage(apiOf(assignmentView({ status, acknowledgeBy: dayFromToday(ackDays) })), { roles: [...roles] });
    const card = (await screen.findByText('办理操作')).closest('.ant-card') as HTMLElement;
    for (const name of ['签收', '申请调整', '申请延期']) {
      const shown = within(card).queryByRole('button', { name: button(name) }) !== null;
      expect([name, shown]).toEqual([name, (expected as readonly string[]).includes(name)]);
    }
    if (expected.length === 0 && ackDays > 0)
      expect(within(card).getByText('当前状态下没有需要您处理的操作。')).toBeTruthy();
    if (status === 'assigned' && ackDays < 0) expect(within(card).getByText(/已视为默认签收/)).toBeTruthy();
  });

  it('acknowledges with one request and shows the new state', async () => {
    let current = assignmentView();
    const requests = renderPage(
      apiOf(current, {
        'GET /assignments/:id': () => current,
        'POST /assignments/:id/acknowledge': () => {
          current = { ...current, status: 'acknowledged', acknowledgedAt: '2026-03-03T01:00:00Z' };
          return current;
        },
      }),
    );
    fireEvent.click(await screen.findByRole('button', { name: button('签收') }));
    await waitFor(() => expect(screen.getByTestId('assignment-status').textContent).toBe('办理中'));
    expect(sent(requests, 'POST', '/assignments/a1/acknowledge')).toHaveLength(1);
    expect(screen.queryByRole('button', { name: button('签收') })).toBeNull();
    expect(await screen.findByRole('button', { name: '申请延期' })).toBeTruthy();
    // The timeline is asked again after the move.
    await waitFor(() => expect(sent(requests, 'GET', '/assignments/a1/timeline').length).toBeGreaterThan(1));
  });

  it("shows the API's refusal in the user's language instead of failing", async () => {
    const refusal = {
      status: 409,
      body: {
        code: 'ASSIGNMENT_TRANSITION_REFUSED',
        messages: {
          zh: '该交办的状态已变化，不能签收。',
          en: 'The assignment has moved on; it cannot be acknowledged.',
        },
      },
    };
    renderPage(apiOf(assignmentView(), { 'POST /assignments/:id/acknowledge': refusal }));
    fireEvent.click(await screen.findByRole('button', { name: button('签收') }));
    expect(await screen.findByText('该交办的状态已变化，不能签收。')).toBeTruthy();
    expect(screen.getByTestId('assignment-status').textContent).toBe('待签收');
  });

  it('and in English', async () => {
    renderPage(
      apiOf(assignmentView(), {
        'POST /assignments/:id/acknowledge': {
          status: 409,
          body: { code: 'X', messages: { zh: '不能签收。', en: 'It cannot be acknowledged.' } },
        },
      }),
      { lang: 'en' },
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Acknowledge' }));
    expect(await screen.findByText('It cannot be acknowledged.')).toBeTruthy();
  });

  it('says so when the assignment cannot be read', async () => {
    renderPage({
      'GET /assignments/:id': {
        status: 404,
        body: { code: 'ASSIGNMENT_NOT_FOUND', messages: { zh: '交办不存在或无权访问。', en: 'Not found.' } },
      },
    });
    expect((await screen.findByRole('alert')).textContent).toContain('交办不存在或无权访问。');
  });

  it('asks for a reason before sending a reassignment request, then sends it', async () => {
    let current = assignmentView();
    const requests = renderPage(
      apiOf(current, {
        'GET /assignments/:id': () => current,
        'POST /assignments/:id/reassignment-request': () => {
          current = { ...current, status: 'reassignment_requested' };
          return current;
        },
      }),
    );
    fireEvent.click(await screen.findByRole('button', { name: '申请调整' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText('理由'), { target: { value: '   ' } });
    fireEvent.click(within(dialog).getByRole('button', { name: button('提交') }));
    expect(await within(dialog).findByText('请填写理由')).toBeTruthy();
    expect(sent(requests, 'POST', '/assignments/a1/reassignment-request')).toHaveLength(0);

    fireEvent.change(within(dialog).getByLabelText('理由'), { target: { value: ' 该事项属市住建局职责 ' } });
    fireEvent.click(within(dialog).getByRole('button', { name: button('提交') }));
    await waitFor(() => expect(sent(requests, 'POST', '/assignments/a1/reassignment-request')).toHaveLength(1));
    expect(sent(requests, 'POST', '/assignments/a1/reassignment-request')[0].body).toEqual({
      reason: '该事项属市住建局职责',
    });
    await waitFor(() => expect(screen.getByTestId('assignment-status').textContent).toBe('申请调整中'));
  });

  it('asks for an extension to a date after the current due date', async () => {
    const view = assignmentView({ status: 'acknowledged', dueOn: '2026-06-01' });
    const requests = renderPage(
      apiOf(view, {
        'POST /assignments/:id/extension-request': { ...view, status: 'extension_requested' },
      }),
    );
    fireEvent.click(await screen.findByRole('button', { name: '申请延期' }));
    const dialog = await screen.findByRole('dialog');
    const date = within(dialog).getByLabelText('申请延期至');
    const pick = (value: string) => {
      fireEvent.mouseDown(date);
      fireEvent.change(date, { target: { value } });
      fireEvent.keyDown(date, { key: 'Enter', code: 'Enter' });
    };
    fireEvent.change(within(dialog).getByLabelText('理由'), { target: { value: '需多部门协调' } });
    fireEvent.click(within(dialog).getByRole('button', { name: button('提交') }));
    expect(await within(dialog).findByText('请选择新的办理期限')).toBeTruthy();

    pick('2026-08-15');
    fireEvent.click(within(dialog).getByRole('button', { name: button('提交') }));
    await waitFor(() => expect(sent(requests, 'POST', '/assignments/a1/extension-request')).toHaveLength(1));
    expect(sent(requests, 'POST', '/assignments/a1/extension-request')[0].body).toEqual({
      reason: '需多部门协调',
      requestedDueOn: '2026-08-15',
    });
  });

  it('lists the requests, pending first, with their decisions', async () => {
    renderPage(
      apiOf(assignmentView({ status: 'extension_requested' }), {
        'GET /assignments/:id/requests': {
          reassignments: [],
          extensions: [
            extensionRequest({
              id: 'e1',
              reason: '需要补充调研',
              previousDueOn: '2026-06-01',
              requestedDueOn: '2026-07-01',
              status: 'rejected',
              decidedBy: 'u-registrar',
              decidedByName: '李明',
              decisionReason: '理由不充分',
              createdAt: '2026-04-01T00:00:00Z',
              decidedAt: '2026-04-02T00:00:00Z',
            }),
            extensionRequest({
              id: 'e2',
              reason: '涉及多个部门协调',
              previousDueOn: '2026-06-01',
              requestedDueOn: '2026-08-01',
              createdAt: '2026-04-05T00:00:00Z',
            }),
          ],
        },
      }),
    );
    const pending = await screen.findByTestId('request-pending');
    expect(pending.textContent).toContain('待审批');
    expect(pending.textContent).toContain('延期申请：2026-06-01 → 2026-08-01');
    expect(pending.textContent).toContain('涉及多个部门协调');
    const refused = screen.getByTestId('request-rejected');
    expect(refused.textContent).toContain('理由不充分');
    expect(pending.compareDocumentPosition(refused) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it("lists a lead's replies with links to the drafts, and starts none while one is live", async () => {
    renderPage(
      apiOf(assignmentView({ status: 'acknowledged' }), {
        'GET /assignments/:id/replies': [replySummary({ status: 'in_review', currentStepName: '科室审核' })],
      }),
    );
    const reply = await screen.findByTestId('reply');
    expect(within(reply).getByText('审核中')).toBeTruthy();
    expect(within(reply).getByText('科室审核')).toBeTruthy();
    expect(within(reply).getByRole('link', { name: '打开答复稿' }).getAttribute('href')).toBe('/replies/r1/draft');
    expect(screen.queryByRole('button', { name: '开始起草答复' })).toBeNull();
  });

  it('starts the reply and opens its draft', async () => {
    const requests = renderPage(
      apiOf(assignmentView({ status: 'acknowledged' }), {
        'GET /assignments/:id/replies': [replySummary({ id: 'r0', status: 'withdrawn' })],
        'POST /assignments/:id/replies': { id: 'r9' },
      }),
    );
    fireEvent.click(await screen.findByRole('button', { name: '开始起草答复' }));
    expect(await screen.findByText('draft editor of r9')).toBeTruthy();
    expect(sent(requests, 'POST', '/assignments/a1/replies')).toHaveLength(1);
  });

  it("shows a lead its co bureaus' opinions and waives a missing one with a reason", async () => {
    const requests = renderPage(
      apiOf(assignmentView({ status: 'acknowledged' }), {
        'GET /assignments/:id/co-opinions': [
          coOpinion({ assignmentId: 'c1', bureauName: '三门峡市财政局', status: 'missing' }),
          coOpinion({
            assignmentId: 'c2',
            bureauName: '三门峡市卫健委',
            status: 'sent',
            body: '同意主办单位意见。',
            sentAt: '2026-03-20T02:00:00Z',
          }),
        ],
        'POST /assignments/:id/co-opinions/:coId/waive': ok(coOpinion({ status: 'waived' })),
      }),
    );
    const [missing, received] = await screen.findAllByTestId('co-opinion');
    expect(within(missing).getByText('未提交')).toBeTruthy();
    expect(within(received).getByText('已送达')).toBeTruthy();
    expect(within(received).getByText('同意主办单位意见。')).toBeTruthy();
    expect(within(received).queryByRole('button', { name: button('免除') })).toBeNull();

    fireEvent.click(within(missing).getByRole('button', { name: button('免除') }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText('理由'), { target: { value: '逾期未反馈，已电话沟通同意' } });
    fireEvent.click(within(dialog).getByRole('button', { name: button('提交') }));
    await waitFor(() => expect(sent(requests, 'POST', '/assignments/a1/co-opinions/c1/waive')).toHaveLength(1));
    expect(sent(requests, 'POST', '/assignments/a1/co-opinions/c1/waive')[0].body).toEqual({
      reason: '逾期未反馈，已电话沟通同意',
    });
  });

  it("lets a co bureau's clerk save its opinion, and its reviewer send it", async () => {
    const co = assignmentView({ role: 'co', status: 'acknowledged' });
    const draft = coOpinion({ assignmentId: 'a1', bureauId: 'o1', status: 'draft', body: '初稿' });
    const requests = renderPage(
      apiOf(co, {
        'GET /assignments/:id/opinion': ok(draft),
        'PUT /assignments/:id/opinion': (r: FakeRequest) => ok({ ...draft, body: (r.body as { body: string }).body }),
      }),
    );
    const body = await screen.findByLabelText('会办意见正文');
    await waitFor(() => expect((body as HTMLTextAreaElement).value).toBe('初稿'));
    fireEvent.change(body, { target: { value: '我局同意主办单位意见。' } });
    fireEvent.click(screen.getByRole('button', { name: '保存草稿' }));
    await waitFor(() => expect(sent(requests, 'PUT', '/assignments/a1/opinion')).toHaveLength(1));
    expect(sent(requests, 'PUT', '/assignments/a1/opinion')[0].body).toEqual({ body: '我局同意主办单位意见。' });
    // A clerk does not send: the reviewer does.
    expect(screen.queryByRole('button', { name: '审核并送主办单位' })).toBeNull();
    expect(screen.getByText('会办意见由本单位审核人审核后送出。')).toBeTruthy();
    // No replies or talks for a co bureau.
    expect(screen.queryByText('答复')).toBeNull();
    expect(sent(requests, 'GET', '/assignments/a1/replies')).toHaveLength(0);
  });

  it("sends a co opinion when its bureau's reviewer confirms", async () => {
    const co = assignmentView({ role: 'co', status: 'acknowledged' });
    const requests = renderPage(
      apiOf(co, {
        'GET /assignments/:id/opinion': ok(coOpinion({ assignmentId: 'a1', status: 'draft', body: '同意。' })),
        'POST /assignments/:id/opinion/send': ok(coOpinion({ assignmentId: 'a1', status: 'sent', body: '同意。' })),
      }),
      { roles: ['reviewer'] },
    );
    expect(await screen.findByTestId('opinion-body')).toBeTruthy();
    expect(screen.queryByLabelText('会办意见正文')).toBeNull();
    fireEvent.click(await screen.findByRole('button', { name: '审核并送主办单位' }));
    const confirm = await screen.findByRole('tooltip');
    fireEvent.click(within(confirm).getByRole('button', { name: '审核并送主办单位' }));
    await waitFor(() => expect(sent(requests, 'POST', '/assignments/a1/opinion/send')).toHaveLength(1));
    expect(await screen.findByText('会办意见已送主办单位')).toBeTruthy();
  });
});
