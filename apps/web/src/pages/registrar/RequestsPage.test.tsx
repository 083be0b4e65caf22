import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { fakeApi, fakeSession, renderWithProviders, testUser } from '../../test/render';
import { assignmentFixture, bureaus, extensionRequest, reassignmentRequest, refusal } from './fixtures';
import { RequestsPage } from './RequestsPage';
import { expectEveryFieldLabelled } from './testing';

// antd forms in jsdom on a shared two-core machine take a while per interaction.

const reassignmentItem = assignmentFixture({
  id: 'a1',
  status: 'reassignment_requested',
  proposalNumber: 146,
  bureauName: '三门峡市民政局',
});
const extensionItem = assignmentFixture({
  id: 'a2',
  bureauId: 'b2',
  status: 'extension_requested',
  proposalNumber: 21,
  proposalTitle: '关于老旧小区改造的提案',
  bureauName: '三门峡市财政局',
});

function routes(overrides: Record<string, unknown> = {}) {
  return fakeApi({
    'GET /assignments': (request: { query: URLSearchParams }) =>
      request.query.get('status') === 'reassignment_requested' ? [reassignmentItem] : [extensionItem],
    'GET /organisations': bureaus,
    'GET /assignments/a1/requests': {
      reassignments: [
        reassignmentRequest({ suggestedBureauId: 'b3', suggestedBureauName: '三门峡市住房和城乡建设局' }),
      ],
      extensions: [],
    },
    'GET /assignments/a2/requests': {
      reassignments: [],
      extensions: [extensionRequest({ assignmentId: 'a2' })],
    },
    ...overrides,
  });
}

function render(api: ReturnType<typeof routes>['api'], lang: 'zh' | 'en' = 'zh') {
  renderWithProviders(<RequestsPage />, { session: fakeSession({ api, user: testUser(['registrar']) }), lang });
}

async function openDecision(label: string): Promise<HTMLElement> {
  fireEvent.click(await screen.findByLabelText(label));
  return screen.findByRole('dialog');
}

describe('RequestsPage', () => {
  it('approves a reassignment to the suggested bureau with the note', async () => {
    const { api, requests } = routes({ 'POST /assignments/:id/reassignment-request/approve': extensionItem });
    render(api);
    const dialog = await openDecision('审批 申请调整 146 三门峡市民政局');
    expect(await within(dialog).findByText('该事项属市住建局职责')).toBeTruthy();
    // The suggested bureau is shown and preselected.
    await waitFor(() => expect(within(dialog).getAllByText('三门峡市住房和城乡建设局').length).toBeGreaterThan(0));
    fireEvent.change(within(dialog).getByLabelText('审批意见'), { target: { value: '同意调整' } });
    expectEveryFieldLabelled(dialog);
    fireEvent.click(within(dialog).getByText(/^提\s*交$/));

    await waitFor(() => expect(requests.some((r) => r.method === 'POST')).toBe(true));
    const post = requests.find((r) => r.method === 'POST');
    expect(post?.path).toBe('/assignments/a1/reassignment-request/approve');
    expect(post?.body).toEqual({ bureauId: 'b3', note: '同意调整' });
    // The lists are read again after the decision.
    await waitFor(() => expect(requests.filter((r) => r.path === '/assignments').length).toBeGreaterThan(2));
  });

  it('rejects an extension only with a reason, and sends the reason', async () => {
    const { api, requests } = routes({ 'POST /assignments/:id/extension-request/reject': extensionItem });
    render(api);
    const dialog = await openDecision('审批 申请延期 21 三门峡市财政局');
    expect(await within(dialog).findByText('2023-08-01')).toBeTruthy();
    fireEvent.click(within(dialog).getByLabelText('驳回'));
    await within(dialog).findByLabelText('驳回理由');
    fireEvent.click(within(dialog).getByText(/^提\s*交$/));
    expect(await within(dialog).findByText('请填写此项')).toBeTruthy();
    expect(requests.filter((r) => r.method === 'POST')).toHaveLength(0);

    fireEvent.change(within(dialog).getByLabelText('驳回理由'), { target: { value: '预算已批复，应按期办理' } });
    fireEvent.click(within(dialog).getByText(/^提\s*交$/));
    await waitFor(() => expect(requests.some((r) => r.method === 'POST')).toBe(true));
    const post = requests.find((r) => r.method === 'POST');
    expect(post?.path).toBe('/assignments/a2/extension-request/reject');
    expect(post?.body).toEqual({ reason: '预算已批复，应按期办理' });
  });

  it("shows the API's refusal of an approval, in English when chosen", async () => {
    const { api } = routes({
      'POST /assignments/:id/extension-request/approve': refusal(
        400,
        'EXTENSION_PAST_CAP',
        '延期后的期限不能超过交办之日起的最长办理期限（默认6个月）。',
        'Extensions cannot go past the longest allowed time from assignment (6 months by default).',
      ),
    });
    render(api, 'en');
    const dialog = await openDecision('Decide Extension 21 三门峡市财政局');
    await within(dialog).findByText('需待年度预算批复');
    fireEvent.click(within(dialog).getByText('Submit'));
    expect(
      await screen.findByText(
        'Extensions cannot go past the longest allowed time from assignment (6 months by default).',
      ),
    ).toBeTruthy();
  });
});
