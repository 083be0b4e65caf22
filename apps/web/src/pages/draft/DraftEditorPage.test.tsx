import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { fakeApi, type FakeRequest, fakeSession, renderWithProviders, testUser } from '../../test/render';
import type { Me } from '../../api/types';
import { DraftEditorPage } from './DraftEditorPage';
import {
  COMMENT_ID,
  GRADE_SCALES,
  MISSING,
  REPLY_ID,
  sampleComment,
  sampleContent,
  sampleReply,
  sampleSources,
  sampleSimilar,
} from './fixtures';
import type { ReplyContent, ReplyView, SaveDraftBody } from './types';

type Routes = Parameters<typeof fakeApi>[0];

// The editor renders a large antd tree; on a busy machine its first answers take over a second.

function setup({
  reply = sampleReply(),
  roles = ['clerk'],
  routes = {},
}: { reply?: ReplyView; roles?: Me['roles']; routes?: Routes } = {}) {
  const { api, requests } = fakeApi({
    'GET /replies/:id': reply,
    'GET /grade-scales': GRADE_SCALES,
    'GET /proposals/:id': { id: reply.proposalId, kind: 'proposal' },
    'GET /replies/:id/completeness': MISSING,
    'GET /replies/:id/comments': [],
    'PUT /replies/:id/draft': (request: FakeRequest) => {
      const body = request.body as SaveDraftBody;
      return sampleReply({ version: body.version + 1, content: body.content as ReplyContent });
    },
    ...routes,
  });
  renderWithProviders(
    <Routes>
      <Route path="/replies/:id/draft" element={<DraftEditorPage />} />
    </Routes>,
    { session: fakeSession({ api, user: testUser(roles) }), path: `/replies/${REPLY_ID}/draft` },
  );
  return { requests };
}

/*
 * Buttons are found by their accessible name (aria-label, else their text) with a plain DOM
 * query: getByRole computes styles through antd's CSS-in-JS sheets, which in jsdom takes seconds
 * per query. Radios are found through their <label> with getByLabelText.
 */
function buttons(name: string | RegExp, container: ParentNode = document.body): HTMLButtonElement[] {
  return [...container.querySelectorAll('button')].filter((b) => {
    const accessible = (b.getAttribute('aria-label') ?? b.textContent ?? '').trim();
    return typeof name === 'string' ? accessible === name : name.test(accessible);
  });
}
function button(name: string | RegExp, container?: ParentNode): HTMLButtonElement {
  const found = buttons(name, container);
  if (found.length !== 1) throw new Error(`${found.length} buttons named ${String(name)}`);
  return found[0];
}
async function findButton(name: string | RegExp, container?: ParentNode): Promise<HTMLButtonElement> {
  return waitFor(() => button(name, container));
}

const input = (label: string) => screen.getByLabelText(label) as HTMLInputElement;
const change = (label: string, value: string) => fireEvent.change(input(label), { target: { value } });
const puts = (requests: FakeRequest[]) => requests.filter((r) => r.method === 'PUT');
const saveButton = () => button('保存草稿');

describe('DraftEditorPage', () => {
  it('loads every field of the letter from the reply, each with a label', async () => {
    setup();
    expect((await screen.findByLabelText('标题')) as HTMLInputElement).toHaveProperty(
      'value',
      '对市政协八届一次会议第146号提案的答复',
    );
    expect(input('答复对象第1位姓名').value).toBe('王丽');
    expect(screen.getByTestId('addressee-preview').textContent).toContain('王丽委员：');
    expect(input('开头语').value).toContain('现答复如下');
    expect(input('第一部分标题').value).toBe('完善政策配套');
    expect(input('第二部分第1段').value).toBe('新建社区养老服务中心。');
    expect(input('结束语第1段').value).toContain('感谢您');
    expect(input('落款单位').value).toBe('三门峡市民政局');
    expect(input('联系人').value).toBe('');
    expect(input('联系电话').value).toBe('');
    expect(input('抄送第1项单位').value).toBe('市政协提案委');
    expect(input('抄送第1项份数').value).toBe('2');
    expect(screen.getByTestId('cc-preview').textContent).toContain('抄送：市政协提案委（2份）。');
    expect(input('办理结果（拟）理由')).toBeTruthy();
    expect(input('敬称（如“尊敬的”，可不填）')).toBeTruthy();
    expect(screen.getByLabelText('部分标题单独成行')).toBeTruthy();
    expect(screen.getByLabelText('公开')).toHaveProperty('checked', true);
    expect(screen.getByLabelText('委员')).toHaveProperty('checked', true);
    expect(screen.getByTestId('dirty-state').textContent).toBe('已保存');
  });

  it('sends the edited content with the version it started from, and is saved afterwards', async () => {
    const { requests } = setup();
    await screen.findByLabelText('标题');
    expect(saveButton()).toHaveProperty('disabled', true);
    change('联系人', '郭振波');
    change('联系电话', '0393-6687009');
    change('第一部分标题', '完善政策配套，健全养老服务机制');
    fireEvent.click(button('增加抄送单位'));
    change('抄送第2项单位', '市政府督查室');
    fireEvent.change(input('抄送第2项份数'), { target: { value: '3' } });
    fireEvent.click(button('增加答复对象'));
    change('答复对象第2位姓名', '李强');
    expect(screen.getByTestId('dirty-state').textContent).toBe('有未保存的修改');

    fireEvent.click(saveButton());
    await waitFor(() => expect(puts(requests)).toHaveLength(1));
    const body = puts(requests)[0].body as SaveDraftBody;
    expect(puts(requests)[0].path).toBe(`/replies/${REPLY_ID}/draft`);
    expect(body.version).toBe(3);
    expect(body.content.contact).toEqual({ name: '郭振波', phone: '0393-6687009' });
    expect(body.content.sections[0].heading).toBe('完善政策配套，健全养老服务机制');
    expect(body.content.cc).toEqual([
      { recipient: '市政协提案委', copies: 2 },
      { recipient: '市政府督查室', copies: 3 },
    ]);
    expect(body.content.addressees.people).toEqual(['王丽', '李强']);
    await waitFor(() => expect(screen.getByTestId('dirty-state').textContent).toBe('已保存'));
    expect(screen.getByTestId('reply-version').textContent).toBe('第4版');
  });

  it('explains a version conflict and keeps what the user wrote', async () => {
    const conflict = {
      status: 409,
      body: {
        code: 'REPLY_VERSION_CONFLICT',
        messages: {
          zh: '该答复已由李四修改（第4版），请刷新后在最新版本上修改。',
          en: '李四 changed this reply (version 4); reload and edit the latest version.',
        },
      },
    };
    setup({ routes: { 'PUT /replies/:id/draft': conflict } });
    await screen.findByLabelText('标题');
    change('第二部分第1段', '新建社区养老服务中心12个，床位1200张。');
    fireEvent.click(saveButton());
    const alert = await screen.findByTestId('conflict');
    expect(alert.textContent).toContain('该答复已由李四修改（第4版）');
    expect(alert.textContent).toContain('您的修改仍保留在页面上');
    expect(input('第二部分第1段').value).toBe('新建社区养老服务中心12个，床位1200张。');
    expect(screen.getByTestId('dirty-state').textContent).toBe('有未保存的修改');
    expect(button('放弃我的修改，载入最新版本')).toBeTruthy();
  });

  it('shows each grade with its meaning and saves the one chosen', async () => {
    const { requests } = setup();
    const a = await screen.findByLabelText(/A 已解决或基本解决/);
    expect(a.closest('label')?.textContent).toContain('所提问题已经解决或基本解决');
    expect(screen.getByLabelText(/C 因条件限制暂时不能解决/)).toBeTruthy();
    expect(screen.queryByLabelText(/D 留作参考/)).toBeNull();
    fireEvent.click(screen.getByLabelText(/B 正在解决或列入计划解决/));
    change('办理结果（拟）理由', '已列入2026年民生实事');
    fireEvent.click(saveButton());
    await waitFor(() => expect(puts(requests)).toHaveLength(1));
    expect((puts(requests)[0].body as SaveDraftBody).content.proposedGrade).toEqual({
      grade: 'B',
      justification: '已列入2026年民生实事',
    });
  });

  it("uses the NPC scale for a deputy's suggestion", async () => {
    setup({ routes: { 'GET /proposals/:id': { id: 'p1', kind: 'suggestion' } } });
    expect(await screen.findByLabelText(/D 留作参考/)).toBeTruthy();
    expect(screen.queryByLabelText(/C 因条件限制/)).toBeNull();
  });

  it('asks for a reason when the reply is not public, and saves only with one', async () => {
    const { requests } = setup();
    await screen.findByLabelText('标题');
    expect(screen.queryByLabelText(/不公开或依申请公开的理由/)).toBeNull();
    fireEvent.click(screen.getByLabelText('不公开'));
    const notes = await screen.findByTestId('notes-disclosureReason');
    expect(notes.textContent).toContain('不公开或依申请公开时须填写理由');
    fireEvent.click(saveButton());
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(puts(requests)).toHaveLength(0);

    change('不公开或依申请公开的理由', '涉及个人隐私');
    expect(screen.queryByTestId('notes-disclosureReason')).toBeNull();
    fireEvent.click(saveButton());
    await waitFor(() => expect(puts(requests)).toHaveLength(1));
    expect((puts(requests)[0].body as SaveDraftBody).content.disclosure).toEqual({
      level: 'not_public',
      reason: '涉及个人隐私',
    });
  });

  it('shows what is missing at the field it concerns and keeps submit disabled', async () => {
    const { requests } = setup();
    const gradeNotes = await screen.findByTestId('notes-grade');
    expect(gradeNotes.textContent).toBe('尚未填写办理结果（等次）');
    expect(within(screen.getByTestId('field-contactPhone')).getByText('尚未填写联系电话')).toBeTruthy();
    expect(within(screen.getByTestId('field-contactName')).queryByText('尚未填写联系电话')).toBeNull();
    const items = [...screen.getByTestId('missing-items').querySelectorAll('li')];
    expect(items.map((li) => li.getAttribute('data-item'))).toEqual(['grade', 'contact_phone']);
    const submit = button('提交审核');
    expect(submit).toHaveProperty('disabled', true);
    expect(screen.getByTestId('submit-why').textContent).toContain('答复尚不完整');
    fireEvent.click(submit);
    expect(requests.some((r) => r.path.endsWith('/submit'))).toBe(false);
  });

  it('asks to save before submitting, then submits a complete reply with its version', async () => {
    const { requests } = setup({
      routes: {
        'GET /replies/:id/completeness': [],
        'POST /replies/:id/submit': sampleReply({ status: 'in_review', currentStepName: '科室审核' }),
      },
    });
    const submit = await findButton('提交审核');
    await waitFor(() => expect(submit).toHaveProperty('disabled', false));
    change('联系人', '郭振波');
    expect(submit).toHaveProperty('disabled', true);
    expect(screen.getByTestId('submit-why').textContent).toBe('请先保存修改，再提交审核。');
    change('联系人', '');
    await waitFor(() => expect(submit).toHaveProperty('disabled', false));
    fireEvent.click(submit);
    await waitFor(() => expect(requests.find((r) => r.path.endsWith('/submit'))?.body).toEqual({ version: 3 }));
    expect((await screen.findByTestId('reply-status')).textContent).toContain('审核中');
    expect(await screen.findByTestId('read-only')).toBeTruthy();
  });

  it("shows the API's message when it refuses the submission", async () => {
    setup({
      routes: {
        'GET /replies/:id/completeness': [],
        'POST /replies/:id/submit': {
          status: 422,
          body: {
            code: 'REPLY_INCOMPLETE',
            messages: { zh: '答复尚不完整，不能提交审核，请补齐所列内容。', en: 'The reply is incomplete.' },
            details: { missing: [{ item: 'talk', zh: '尚未登记与委员/代表的沟通', en: 'No talk logged' }] },
          },
        },
      },
    });
    const submit = await findButton('提交审核');
    await waitFor(() => expect(submit).toHaveProperty('disabled', false));
    fireEvent.click(submit);
    expect((await screen.findAllByText('答复尚不完整，不能提交审核，请补齐所列内容。')).length).toBeGreaterThan(0);
    expect(await within(screen.getByTestId('missing-items')).findByText(/尚未登记与委员\/代表的沟通/)).toBeTruthy();
  });

  it('shows comments beside the text, on the part they are about, and answers them', async () => {
    const answered = sampleComment({ answer: '已补充床位数字，见第二部分', answeredBy: 'u1' });
    let stored = sampleComment();
    const { requests } = setup({
      routes: {
        'GET /replies/:id/comments': () => [stored],
        'POST /replies/:id/comments/:commentId/answer': () => (stored = answered),
      },
    });
    const comment = await screen.findByTestId(`comment-${COMMENT_ID}`);
    expect(within(screen.getByTestId('comments-panel')).getByText('请补充养老床位建设的具体数字')).toBeTruthy();
    expect(comment.textContent).toContain('针对：第二部分 扩大服务供给');
    expect(comment.textContent).toContain('赵科长（科室审核，第2版）');
    expect(within(screen.getByTestId('section-1')).getByTestId('comment-count-section:1').textContent).toContain('1');
    expect(within(screen.getByTestId('section-0')).queryByTestId('comment-count-section:0')).toBeNull();

    fireEvent.click(button('提交回复', comment));
    expect(await within(comment).findByText('请填写回复内容')).toBeTruthy();
    fireEvent.change(within(comment).getByLabelText('第1条意见的回复'), {
      target: { value: '已补充床位数字，见第二部分' },
    });
    fireEvent.click(button('提交回复', comment));
    await waitFor(() =>
      expect(requests.find((r) => r.path.endsWith('/answer'))).toMatchObject({
        path: `/replies/${REPLY_ID}/comments/${COMMENT_ID}/answer`,
        body: { answer: '已补充床位数字，见第二部分' },
      }),
    );
    expect((await within(comment).findByTestId('comment-answer')).textContent).toContain('已补充床位数字');
  });

  it("inserts a similar reply's section with its source", async () => {
    const { requests } = setup({ routes: { 'GET /replies/:id/sources': sampleSources() } });
    await screen.findByLabelText('标题');
    fireEvent.click(button('相似答复与会办意见'));
    const similar = await screen.findByTestId(`similar-${sampleSimilar().id}`);
    expect(within(similar).getByText('2023年新建社区养老服务中心12个。')).toBeTruthy();
    fireEvent.click(button('插入“建设社区养老服务中心”', similar));
    expect(input('第三部分标题').value).toBe('建设社区养老服务中心');
    expect(input('第三部分第1段').value).toBe('2023年新建社区养老服务中心12个。');
    expect(within(screen.getByTestId('section-2')).getByTestId('section-source').textContent).toBe(
      '引自往年答复第二部分',
    );
    fireEvent.click(saveButton());
    await waitFor(() => expect(puts(requests)).toHaveLength(1));
    expect((puts(requests)[0].body as SaveDraftBody).content.sections[2].source).toEqual({
      kind: 'past_reply',
      replyId: sampleSimilar().id,
      sectionIndex: 1,
    });
  });

  it('reorders and removes sections', async () => {
    const { requests } = setup();
    await screen.findByLabelText('标题');
    fireEvent.click(button('第二部分上移'));
    expect(input('第一部分标题').value).toBe('扩大服务供给');
    fireEvent.click(button('增加一部分'));
    fireEvent.click(saveButton());
    // A section without a heading is refused before anything is sent.
    expect(await within(screen.getByTestId('field-section:2')).findByText('请填写这一部分的标题')).toBeTruthy();
    fireEvent.click(button('删除第三部分'));
    fireEvent.click(button('删除第二部分'));
    fireEvent.click(saveButton());
    await waitFor(() => expect(puts(requests)).toHaveLength(1));
    const sections = (puts(requests)[0].body as SaveDraftBody).content.sections;
    expect(sections.map((s) => s.heading)).toEqual(['扩大服务供给']);
  });

  it('shows the changes between two versions, added and removed text marked', async () => {
    const { requests } = setup({
      routes: {
        'GET /replies/:id/versions': [
          { number: 3, savedBy: 'u1', savedByName: '王丽', savedAt: '2026-03-10T02:00:00.000Z' },
          { number: 2, savedBy: 'u1', savedByName: '王丽', savedAt: '2026-03-09T02:00:00.000Z' },
        ],
        'GET /replies/:id/diff': [
          {
            path: 'sections[1].paragraphs[0]',
            label: { zh: '第二部分第1段', en: 'Section 2, paragraph 1' },
            kind: 'changed',
            before: '新建社区养老服务中心。',
            after: '新建社区养老服务中心12个。',
            segments: [
              { op: 'equal', text: '新建社区养老服务中心' },
              { op: 'delete', text: '。' },
              { op: 'insert', text: '12个。' },
            ],
          },
        ],
      },
    });
    await screen.findByLabelText('标题');
    fireEvent.click(button('版本与对比'));
    const v3 = await screen.findByTestId('version-3');
    fireEvent.click(button(/查看差异/, v3));
    const diff = await screen.findByTestId('diff');
    expect(diff.querySelector('ins')?.textContent).toBe('12个。');
    expect(diff.querySelector('del')?.textContent).toBe('。');
    expect(within(diff).getByText('修改')).toBeTruthy();
    const asked = requests.find((r) => r.path.endsWith('/diff'));
    expect([asked?.query.get('from'), asked?.query.get('to')]).toEqual(['2', '3']);
  });

  it('is read-only for a reviewer: fields disabled, no save, no submit, no answering', async () => {
    setup({ roles: ['reviewer'], routes: { 'GET /replies/:id/comments': [sampleComment()] } });
    expect(await screen.findByTestId('read-only')).toBeTruthy();
    expect(input('标题').disabled).toBe(true);
    expect(input('第一部分第1段').disabled).toBe(true);
    expect(input('抄送第1项单位').disabled).toBe(true);
    expect(screen.getByLabelText('不公开')).toHaveProperty('disabled', true);
    expect(buttons('保存草稿')).toHaveLength(0);
    expect(buttons('提交审核')).toHaveLength(0);
    expect(buttons('增加一部分')).toHaveLength(0);
    await screen.findByTestId(`comment-${COMMENT_ID}`);
    expect(screen.queryByLabelText('第1条意见的回复')).toBeNull();
  });

  it('is read-only for a clerk once the reply is in review', async () => {
    setup({ reply: sampleReply({ status: 'in_review', content: sampleContent() }) });
    expect(await screen.findByTestId('read-only')).toBeTruthy();
    expect(input('标题').disabled).toBe(true);
    expect(screen.queryByTestId('completeness')).toBeNull();
  });

  it("shows the API's message when the reply does not load", async () => {
    setup({
      routes: {
        'GET /replies/:id': {
          status: 404,
          body: { code: 'REPLY_NOT_FOUND', messages: { zh: '找不到该答复。', en: 'No such reply.' } },
        },
      },
    });
    expect(await screen.findByText('找不到该答复。')).toBeTruthy();
  });
});
