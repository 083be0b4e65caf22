import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { ApiError } from '../../api/errors';
import type { Me } from '../../api/types';
import { type FakeRequest, fakeApi, fakeSession, renderWithProviders, testUser } from '../../test/render';
import { svgPages } from './LetterPreview';
import { ReviewPage } from './ReviewPage';
import type { HistoryEvent, ReplyView } from './types';

const BUREAU = 'o1';

function replyView(overrides: Partial<ReplyView> = {}): ReplyView {
  return {
    id: 'r1',
    assignmentId: 'a1',
    bureauId: BUREAU,
    bureauName: '三门峡市民政局',
    proposalId: 'p1',
    proposalNumber: 146,
    proposalTitle: '关于积极应对人口老龄化的提案',
    round: 1,
    status: 'in_review',
    reviewSteps: [
      { name: '科室审核', role: 'reviewer' },
      { name: '办公室审核', role: 'reviewer' },
    ],
    currentStep: 1,
    currentStepName: '办公室审核',
    waitingFor: 'reviewer',
    version: 3,
    content: {
      title: '对市政协八届一次会议第146号提案的答复',
      addressees: { people: ['姚峥'], organisation: null, title: '委员', honorific: '' },
      opening: '您提出的提案已收悉。',
      preamble: [],
      sections: [
        { heading: '完善政策配套', paragraphs: ['出台了实施意见。'] },
        { heading: '加大财政投入', paragraphs: ['安排专项资金。'] },
      ],
      closing: [],
      headingsOnOwnLine: false,
      issuer: '三门峡市民政局',
      contact: { name: '王丽', phone: '0398-2868001' },
      cc: [{ recipient: '市政协提案委', copies: 2 }],
      disclosure: { level: 'public', reason: null },
      proposedGrade: { grade: 'A', justification: '所提问题已基本解决' },
    },
    lastSavedBy: 'u9',
    lastSavedByName: '王丽',
    lastSavedAt: '2026-05-01T02:00:00Z',
    grade: null,
    documentNumber: null,
    signatoryName: null,
    signedOn: null,
    dueOn: null,
    signedVersion: null,
    voidReason: null,
    ...overrides,
  } as ReplyView;
}

/** Two A4 pages as Typst lays them out in the SVG (single quotes survive the fake API's JSON). */
const SVG =
  "<svg class='typst-doc' viewBox='0 0 596 1684'>" +
  "<g class='typst-page' transform='translate(0, 0)' data-page-width='596' data-page-height='842'></g>" +
  "<g class='typst-page' transform='translate(0, 842)' data-page-width='596' data-page-height='842'></g></svg>";

const SCALES = [
  {
    body: 'cppcc',
    version: 1,
    classes: [
      { grade: 'A', label: '已解决或基本解决', meaning: '所提问题已经解决或基本解决' },
      { grade: 'B', label: '正在解决或列入计划解决', meaning: '正在解决或已列入计划' },
    ],
  },
  { body: 'npc', version: 1, classes: [{ grade: 'A', label: '已解决', meaning: '人大的 A' }] },
];

/** GET /replies/{id}/history as the API sends it. */
const HISTORY: HistoryEvent[] = [
  {
    id: 'e1',
    occurredAt: '2026-04-30T02:00:00Z',
    actorUserId: 'u9',
    actorOrganisationId: 'o1',
    entityType: 'reply',
    entityId: 'r1',
    action: 'reply.submit',
    fromState: 'drafting',
    toState: 'in_review',
    reason: null,
    data: {},
    requestId: 'req-1',
  },
];

function routes(reply: ReplyView | (() => ReplyView), extra: Record<string, unknown> = {}) {
  return fakeApi({
    'GET /replies/:id': typeof reply === 'function' ? reply : () => reply,
    'GET /replies/:id/history': HISTORY,
    'GET /replies/:id/comments': [
      {
        id: 'c1',
        versionNumber: 2,
        stepName: '科室审核',
        anchor: 'section:1',
        body: '请补充资金数额',
        authorId: 'u8',
        authorName: '李科长',
        createdAt: '2026-04-29T02:00:00Z',
        answer: '已补充',
        answeredBy: 'u9',
        answeredAt: '2026-04-29T05:00:00Z',
      },
    ],
    'GET /replies/:id/preview': SVG,
    'GET /proposals/:id': { id: 'p1', kind: 'proposal' },
    'GET /grade-scales': SCALES,
    ...extra,
  });
}

function renderPage(api: ReturnType<typeof fakeApi>['api'], user: Me, download = jest.fn()) {
  const session = fakeSession({ api, user, download });
  renderWithProviders(
    <Routes>
      <Route path="/replies/:id/review" element={<ReviewPage />} />
    </Routes>,
    { session, path: '/replies/r1/review' },
  );
  return session;
}

const reviewer = testUser(['reviewer']);
const signatory = testUser(['signatory']);
const clerk = testUser(['clerk']);
const otherBureauReviewer = { ...reviewer, organisation: { id: 'o2', name: '财政局', kind: 'bureau' } } as Me;

const posts = (requests: FakeRequest[]) => requests.filter((r) => r.method === 'POST');

async function loaded() {
  await screen.findByTestId('reply-facts');
}

describe('ReviewPage', () => {
  it('shows the letter’s pages, the facts with the grade’s meaning, the step, comments and history', async () => {
    const { api, requests } = routes(replyView());
    renderPage(api, reviewer);
    await loaded();
    await waitFor(() => expect(screen.getAllByTestId('letter-page')).toHaveLength(2));
    const images = screen.getAllByRole('img', { name: /答复件第 \d 页/ }) as HTMLImageElement[];
    expect(images[0].getAttribute('src')).toMatch(/^data:image\/svg\+xml/);
    expect(images[1].style.top).toBe('-100%');
    expect(requests.find((r) => r.path === '/replies/r1/preview')?.query.get('format')).toBe('svg');

    const facts = screen.getByTestId('reply-facts');
    expect(within(facts).getByText('第 2 步，共 2 步：办公室审核')).toBeTruthy();
    await waitFor(() => expect(screen.getByTestId('reply-grade').textContent).toBe('A：已解决或基本解决（拟定）'));
    expect(within(facts).getByText('所提问题已经解决或基本解决')).toBeTruthy();
    expect(within(facts).getByText('市政协提案委（2份）')).toBeTruthy();
    expect(within(facts).getByText('主动公开')).toBeTruthy();
    expect(screen.getByText('科室审核 · 加大财政投入')).toBeTruthy();
    expect(screen.getByText('请补充资金数额')).toBeTruthy();
    await screen.findByText('提交审核');
  });

  it.each<[string, Me, Partial<ReplyView>, string[]]>([
    ['the reviewer at a reviewer step', reviewer, {}, ['approve', 'send-back']],
    ['a signatory at a reviewer step', signatory, {}, []],
    [
      'the signatory awaiting sign-off',
      signatory,
      { status: 'awaiting_signoff', currentStep: null },
      ['send-back', 'sign-off'],
    ],
    ['a reviewer awaiting sign-off', reviewer, { status: 'awaiting_signoff', currentStep: null }, []],
    ['the clerk (read-only)', clerk, {}, []],
    ['a reviewer of another bureau', otherBureauReviewer, {}, []],
    [
      'the signatory once signed',
      signatory,
      { status: 'signed', currentStep: null, documentNumber: '三民文〔2026〕5号' },
      [],
    ],
  ])('offers %s exactly its actions', async (_who, user, overrides, actions) => {
    const { api } = routes(replyView(overrides));
    renderPage(api, user);
    await loaded();
    const panel = screen.getByTestId('review-actions');
    const shown = ['approve', 'send-back', 'sign-off'].filter((id) => within(panel).queryByTestId(id));
    expect(shown).toEqual(actions);
    if (actions.length === 0)
      expect(within(panel).getByText('您可以查看这份答复，但当前环节不需要您操作。')).toBeTruthy();
  });

  it('approves the version read, with the optional comment', async () => {
    const { api, requests } = routes(replyView(), {
      'POST /replies/:id/approve': replyView({ status: 'awaiting_signoff', currentStep: null, version: 3 }),
    });
    renderPage(api, reviewer);
    await loaded();
    fireEvent.click(screen.getByTestId('approve'));
    fireEvent.change(await screen.findByTestId('approve-comment'), { target: { value: ' 同意，报领导签发 ' } });
    fireEvent.click(screen.getByTestId('approve-confirm'));
    await waitFor(() => expect(posts(requests)).toHaveLength(1));
    expect(posts(requests)[0]).toMatchObject({
      path: '/replies/r1/approve',
      body: { version: 3, comment: '同意，报领导签发' },
    });
    expect(await screen.findByText('已审核同意')).toBeTruthy();
  });

  it('refuses to send back without a comment, then sends every comment with its anchor', async () => {
    const { api, requests } = routes(replyView(), {
      'POST /replies/:id/send-back': replyView({ status: 'drafting', currentStep: null }),
    });
    renderPage(api, reviewer);
    await loaded();
    fireEvent.click(screen.getByTestId('send-back'));
    fireEvent.click(await screen.findByTestId('send-back-confirm'));
    expect(await screen.findByText('请填写修改意见')).toBeTruthy();
    fireEvent.change(screen.getByTestId('send-back-comment-0'), { target: { value: '   ' } });
    fireEvent.click(screen.getByTestId('send-back-confirm'));
    await waitFor(() => expect(screen.getAllByText('请填写修改意见').length).toBeGreaterThan(0));
    expect(posts(requests)).toHaveLength(0);

    fireEvent.change(screen.getByTestId('send-back-comment-0'), { target: { value: '标题请用全称' } });
    fireEvent.click(screen.getByTestId('send-back-add'));
    fireEvent.change(await screen.findByTestId('send-back-comment-1'), { target: { value: ' 请补充资金数额 ' } });
    // The second comment on section 二 (section:1): open its select and pick the option.
    const anchor = screen.getByTestId('send-back-anchor-1');
    fireEvent.mouseDown(within(anchor.closest('.ant-select') ?? anchor).getByRole('combobox'));
    fireEvent.click(await screen.findByTitle('二、加大财政投入'));
    fireEvent.click(screen.getByTestId('send-back-confirm'));
    await waitFor(() => expect(posts(requests)).toHaveLength(1));
    expect(posts(requests)[0]).toMatchObject({
      path: '/replies/r1/send-back',
      body: {
        version: 3,
        comments: [
          { anchor: 'general', body: '标题请用全称' },
          { anchor: 'section:1', body: '请补充资金数额' },
        ],
      },
    });
    expect(await screen.findByText('已退回承办人修改')).toBeTruthy();
  });

  it('signs off with the proposed grade and shows the document number it took', async () => {
    let current = replyView({ status: 'awaiting_signoff', currentStep: null, waitingFor: 'signatory' });
    const signed = replyView({
      status: 'signed',
      currentStep: null,
      grade: 'A',
      documentNumber: '三民文〔2026〕21号',
      signatoryName: '李立明',
      signedOn: '2026-05-04',
      signedVersion: 3,
    });
    const { api, requests } = routes(() => current, {
      'POST /replies/:id/sign-off': () => {
        current = signed;
        return signed;
      },
    });
    renderPage(api, signatory);
    await loaded();
    fireEvent.click(screen.getByTestId('sign-off'));
    fireEvent.click(await screen.findByTestId('sign-off-confirm'));
    await waitFor(() => expect(posts(requests)).toHaveLength(1));
    expect(posts(requests)[0]).toMatchObject({ path: '/replies/r1/sign-off', body: { version: 3 } });
    expect(posts(requests)[0].body).not.toHaveProperty('grade');
    expect((await screen.findByTestId('document-number')).textContent).toBe('已签发，文号：三民文〔2026〕21号');
    expect(screen.getByTestId('documents-state').getAttribute('data-state')).toBe('producing');
  });

  it('asks why when the signatory changes the grade, and sends grade and reason', async () => {
    const { api, requests } = routes(replyView({ status: 'awaiting_signoff', currentStep: null }), {
      'POST /replies/:id/sign-off': replyView({ status: 'signed', grade: 'B', documentNumber: '三民文〔2026〕22号' }),
    });
    renderPage(api, signatory);
    await loaded();
    await waitFor(() => expect(screen.getByTestId('reply-grade').textContent).toContain('已解决或基本解决'));
    fireEvent.click(screen.getByTestId('sign-off'));
    const select = await screen.findByTestId('sign-off-grade');
    fireEvent.mouseDown(within(select.closest('.ant-select') ?? select).getByRole('combobox'));
    fireEvent.click(await screen.findByTitle('B：正在解决或列入计划解决'));
    fireEvent.click(screen.getByTestId('sign-off-confirm'));
    expect(await screen.findByText('改变拟定的等次时，请说明理由')).toBeTruthy();
    expect(posts(requests)).toHaveLength(0);
    fireEvent.change(screen.getByTestId('sign-off-reason'), { target: { value: '资金尚未到位' } });
    fireEvent.click(screen.getByTestId('sign-off-confirm'));
    await waitFor(() => expect(posts(requests)).toHaveLength(1));
    expect(posts(requests)[0].body).toEqual({ version: 3, grade: 'B', gradeChangeReason: '资金尚未到位' });
  });

  it('shows the API’s message when an action is refused', async () => {
    const { api } = routes(replyView({ status: 'awaiting_signoff', currentStep: null }), {
      'POST /replies/:id/sign-off': {
        status: 409,
        body: {
          code: 'REPLY_VERSION_CONFLICT',
          messages: { zh: '答复已被他人修改，请刷新后重试', en: 'Changed by someone else' },
        },
      },
    });
    renderPage(api, signatory);
    await loaded();
    fireEvent.click(screen.getByTestId('sign-off'));
    fireEvent.click(await screen.findByTestId('sign-off-confirm'));
    expect(await screen.findByText('答复已被他人修改，请刷新后重试')).toBeTruthy();
    expect(screen.queryByTestId('document-number')).toBeNull();
  });

  it('polls a signed reply until issued, then downloads the signed PDF and the DOCX', async () => {
    let gets = 0;
    const signed = replyView({ status: 'signed', currentStep: null, documentNumber: '三民文〔2026〕21号' });
    const { api } = routes(() => {
      gets += 1;
      return gets === 1 ? signed : { ...signed, status: 'issued' };
    });
    const download = jest.fn().mockResolvedValue('三民文〔2026〕21号.pdf');
    renderPage(api, clerk, download);
    await loaded();
    expect(screen.getByTestId('documents-state').getAttribute('data-state')).toBe('producing');
    fireEvent.click(await screen.findByTestId('download-pdf', {}, { timeout: 6000 }));
    expect(gets).toBeGreaterThanOrEqual(2);
    expect(download).toHaveBeenCalledWith('/replies/r1/documents/pdf', '三民文〔2026〕21号.pdf');
    fireEvent.click(screen.getByTestId('download-docx'));
    expect(download).toHaveBeenLastCalledWith('/replies/r1/documents/docx', '三民文〔2026〕21号.docx');
  });

  it('shows the API’s message when a download fails', async () => {
    const { api } = routes(replyView({ status: 'issued', currentStep: null, documentNumber: '三民文〔2026〕21号' }));
    const download = jest.fn().mockRejectedValue(
      new ApiError(409, {
        code: 'LETTER_DOCUMENTS_NOT_READY',
        messages: { zh: '正式文件尚未生成', en: 'Not ready' },
      }),
    );
    renderPage(api, reviewer, download);
    await loaded();
    fireEvent.click(screen.getByTestId('download-pdf'));
    expect(await screen.findByText('正式文件尚未生成')).toBeTruthy();
  });

  it('shows the API’s message when the reply cannot be read', async () => {
    const { api } = routes(replyView(), {
      'GET /replies/:id': {
        status: 404,
        body: { code: 'REPLY_NOT_FOUND', messages: { zh: '答复不存在或无权访问', en: 'x' } },
      },
    });
    renderPage(api, reviewer);
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('答复不存在或无权访问'));
  });
});

describe('svgPages', () => {
  it('reads the pages Typst stacks in one SVG, in either quote style', () => {
    const typst =
      '<svg class="typst-doc" viewBox="0 0 596.000 1684.000"><g class="typst-page" transform="translate(0, 0)" data-tid="a" data-page-width="596" data-page-height="842"></g>' +
      '<g class="typst-page" transform="translate(0, 842)" data-tid="b" data-page-width="596" data-page-height="842"></g></svg>';
    expect(svgPages(typst)).toEqual([
      { top: 0, width: 596, height: 842 },
      { top: 842, width: 596, height: 842 },
    ]);
    expect(svgPages(SVG)).toEqual(svgPages(typst));
    expect(svgPages('<svg viewBox="0 0 595 842"></svg>')).toEqual([{ top: 0, width: 595, height: 842 }]);
  });
});
