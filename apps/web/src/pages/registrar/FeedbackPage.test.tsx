import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { fakeApi, fakeSession, renderWithProviders, testUser } from '../../test/render';
import { FeedbackPage, issuedReply } from './FeedbackPage';
import { assignmentFixture, ok, refusal } from './fixtures';
import { expectEveryFieldLabelled } from './testing';
import type { ReplySummary } from './types';

// antd forms in jsdom on a shared two-core machine take a while per interaction.

function reply(overrides: Partial<ReplySummary>): ReplySummary {
  return {
    id: 'r1',
    assignmentId: 'a1',
    proposalId: 'p1',
    proposalNumber: 146,
    proposalTitle: '关于积极应对人口老龄化的提案',
    round: 1,
    status: 'issued',
    currentStepName: null,
    version: 4,
    lastSavedAt: '2023-07-13T00:00:00Z',
    documentNumber: '三民文〔2023〕21号',
    dueOn: '2023-06-01',
    ...overrides,
  };
}

const feedbackAnswer = (outcome: 'close' | 'rehandle') => ({
  id: 'f1',
  replyId: 'r1',
  assignmentId: 'a1',
  bureauId: 'b1',
  proposalId: 'p1',
  workRating: 'satisfied',
  resultRating: 'unsatisfied',
  talkedBeforeReply: true,
  comments: '',
  channel: 'registrar',
  recordedBy: 'u1',
  recordedByName: '李明',
  recordedAt: '2023-08-01T00:00:00Z',
  outcome,
  assignmentStatus: outcome === 'close' ? 'closed' : 'rehandling',
  rehandlingDueOn: outcome === 'close' ? null : '2023-09-01',
  newReplyId: null,
});

function routes(overrides: Record<string, unknown> = {}) {
  return fakeApi({
    'GET /assignments': [assignmentFixture({ status: 'replied' })],
    'GET /assignments/:id/replies': [reply({}), reply({ id: 'r0', round: 0, status: 'withdrawn' })],
    ...overrides,
  });
}

async function openForm(api: ReturnType<typeof routes>['api']): Promise<HTMLElement> {
  renderWithProviders(<FeedbackPage />, { session: fakeSession({ api, user: testUser(['registrar']) }) });
  fireEvent.click(await screen.findByLabelText('录入反馈 146 三门峡市民政局'));
  const dialog = await screen.findByRole('dialog');
  await within(dialog).findByText('三民文〔2023〕21号');
  return dialog;
}

/** The radio of a labelled radio group (found by its accessible name; *ByRole is slow in big antd trees). */
function choose(dialog: HTMLElement, group: string, option: string): void {
  const radiogroup = dialog.querySelector(`[role="radiogroup"][aria-label="${group}"]`) as HTMLElement;
  fireEvent.click(within(radiogroup).getByLabelText(option));
}

describe('issuedReply', () => {
  it('is the latest reply that went out', () => {
    expect(
      issuedReply([
        reply({ id: 'old', round: 1 }),
        reply({ id: 'new', round: 2 }),
        reply({ id: 'draft', round: 3, status: 'drafting' }),
      ])?.id,
    ).toBe('new');
    expect(issuedReply([reply({ status: 'signed' })])).toBeUndefined();
  });
});

describe('FeedbackPage', () => {
  it('sends the ratings, warns that 不满意 means re-handling, and says so after saving', async () => {
    const { api, requests } = routes({ 'POST /replies/:id/feedback': ok(feedbackAnswer('rehandle')) });
    const dialog = await openForm(api);
    choose(dialog, '对办理工作的评价', '满意');
    choose(dialog, '对办理结果的评价', '不满意');
    choose(dialog, '答复前承办单位是否与提出人沟通（见面）', '是');
    fireEvent.change(within(dialog).getByLabelText('意见和建议'), { target: { value: '补贴尚未落实' } });
    expect((await within(dialog).findByRole('status')).textContent).toContain('转入重新办理');
    fireEvent.click(within(dialog).getByText(/^保\s*存$/));

    await waitFor(() => expect(requests.some((r) => r.method === 'POST')).toBe(true));
    const post = requests.find((r) => r.method === 'POST');
    expect(post?.path).toBe('/replies/r1/feedback');
    expect(post?.body).toEqual({
      workRating: 'satisfied',
      resultRating: 'unsatisfied',
      talkedBeforeReply: true,
      comments: '补贴尚未落实',
    });
    expect(await screen.findByText('反馈已录入：转入重新办理，新的办理期限为 2023-09-01。')).toBeTruthy();
  });

  it('asks for every rating before sending', async () => {
    const { api, requests } = routes();
    const dialog = await openForm(api);
    choose(dialog, '对办理工作的评价', '基本满意');
    expectEveryFieldLabelled(dialog);
    fireEvent.click(within(dialog).getByText(/^保\s*存$/));
    await waitFor(() => expect(within(dialog).getAllByText('请填写此项')).toHaveLength(2));
    expect(requests.filter((r) => r.method === 'POST')).toHaveLength(0);
  });

  it("shows the API's refusal", async () => {
    const { api } = routes({
      'POST /replies/:id/feedback': refusal(
        409,
        'FEEDBACK_ALREADY_RECORDED',
        '该答复的反馈已经记录，每份答复只能反馈一次。',
        'Feedback for this reply has already been recorded; each reply takes one.',
      ),
    });
    const dialog = await openForm(api);
    choose(dialog, '对办理工作的评价', '满意');
    choose(dialog, '对办理结果的评价', '满意');
    choose(dialog, '答复前承办单位是否与提出人沟通（见面）', '否');
    expect((await within(dialog).findByRole('status')).textContent).toContain('办结');
    fireEvent.click(within(dialog).getByText(/^保\s*存$/));
    expect(await screen.findByText('该答复的反馈已经记录，每份答复只能反馈一次。')).toBeTruthy();
  });

  it('says when the item has no reply that went out', async () => {
    const { api } = routes({ 'GET /assignments/:id/replies': [reply({ status: 'signed' })] });
    renderWithProviders(<FeedbackPage />, { session: fakeSession({ api, user: testUser(['registrar']) }) });
    fireEvent.click(await screen.findByLabelText('录入反馈 146 三门峡市民政局'));
    expect(await screen.findByText('这件事项还没有已发出的答复，暂不能录入反馈。')).toBeTruthy();
  });
});
