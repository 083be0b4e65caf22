import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeApi, fakeSession, renderWithProviders } from '../../test/render';
import { PublicRepliesPage } from './PublicRepliesPage';
import { PublicReplyPage } from './PublicReplyPage';
import { Route, Routes } from 'react-router';

const summary = (id: string, number: number, title: string, grade: string) => ({
  id,
  documentNumber: `三民文〔2023〕${number}号`,
  sessionId: 's1',
  sessionName: '市政协八届一次会议',
  body: 'cppcc',
  proposalKind: 'proposal',
  proposalNumber: number,
  proposalTitle: title,
  bureauId: 'b1',
  bureauName: '三门峡市民政局',
  grade,
  letterDate: '2023-07-13',
  issuedOn: '2023-07-14',
});

const ALL = [summary('r1', 146, '关于加强养老服务的提案', 'A'), summary('r2', 21, '关于社区治理的提案', 'B')];

function setup() {
  const fake = fakeApi({
    'GET /public/sessions': [
      { id: 's1', name: '市政协八届一次会议', body: 'cppcc', term: 8, sitting: 1, year: 2023, publishedReplies: 2 },
    ],
    'GET /public/replies': (request: { query: URLSearchParams }) => {
      const grade = request.query.get('grade');
      const q = request.query.get('q');
      const items = ALL.filter((item) => (!grade || item.grade === grade) && (!q || item.proposalTitle.includes(q)));
      return { items, page: 1, pageSize: 20, total: items.length };
    },
    'GET /public/replies/:id': (_r: unknown, params: Record<string, string>) => ({
      ...ALL.find((item) => item.id === params.id),
      text: '尊敬的张三委员：\n您提出的关于加强养老服务的提案收悉。',
      pdfUrl: `https://dafu.example.gov.cn/public/replies/${params.id}/pdf`,
    }),
  });
  // Anonymous: the public page needs no login.
  renderWithProviders(
    <Routes>
      <Route path="/public" element={<PublicRepliesPage basePath="/public" />} />
      <Route path="/public/replies/:id" element={<PublicReplyPage basePath="/public" />} />
    </Routes>,
    { session: fakeSession({ api: fake.api, status: 'anonymous', user: null }), path: '/public' },
  );
  return fake;
}

const replyRequests = (requests: { path: string; query: URLSearchParams }[]) =>
  requests.filter((r) => r.path === '/public/replies');

describe('PublicRepliesPage', () => {
  it('lists the published replies without login', async () => {
    const { requests } = setup();
    expect(await screen.findByText('提案第 146 号：关于加强养老服务的提案')).toBeTruthy();
    expect(screen.getByText('三民文〔2023〕21号')).toBeTruthy();
    expect(screen.getByText('共 2 件')).toBeTruthy();
    expect(replyRequests(requests)[0].query.get('page')).toBe('1');
  });

  it('sends the session and grade chosen, and lists what comes back', async () => {
    const { requests } = setup();
    await screen.findByText('提案第 21 号：关于社区治理的提案');
    await userEvent.click(screen.getAllByLabelText('会议届次')[0]);
    await userEvent.click(await screen.findByTitle('市政协八届一次会议（2 件）'));
    await waitFor(() => expect(replyRequests(requests).at(-1)?.query.get('sessionId')).toBe('s1'));
    await userEvent.click(screen.getAllByLabelText('办理结果')[0]);
    await userEvent.click(await screen.findByTitle('B 类'));
    await waitFor(() => expect(replyRequests(requests).at(-1)?.query.get('grade')).toBe('B'));
    expect(replyRequests(requests).at(-1)?.query.get('sessionId')).toBe('s1');
    await waitFor(() => expect(screen.queryByText('提案第 146 号：关于加强养老服务的提案')).toBeNull());
    expect(screen.getByText('提案第 21 号：关于社区治理的提案')).toBeTruthy();
  });

  it('searches by the words typed, from the first page, and lists what the API found', async () => {
    const { requests } = setup();
    await screen.findByText('提案第 21 号：关于社区治理的提案');
    await userEvent.type(screen.getByLabelText('查找'), '养老服务{Enter}');
    await waitFor(() => expect(replyRequests(requests).at(-1)?.query.get('q')).toBe('养老服务'));
    expect(replyRequests(requests).at(-1)?.query.get('page')).toBe('1');
    await waitFor(() => expect(screen.queryByText('提案第 21 号：关于社区治理的提案')).toBeNull());
    expect(screen.getByText('提案第 146 号：关于加强养老服务的提案')).toBeTruthy();
  });

  it("opens a reply's page with its text and a plain link to its PDF", async () => {
    setup();
    await userEvent.click(await screen.findByText('提案第 146 号：关于加强养老服务的提案'));
    expect((await screen.findByTestId('public-reply-text')).textContent).toContain(
      '您提出的关于加强养老服务的提案收悉。',
    );
    const pdf = screen.getByRole('link', { name: /下载 PDF 答复件/ });
    expect(pdf.getAttribute('href')).toBe('https://dafu.example.gov.cn/public/replies/r1/pdf');
    const back = screen.getByRole('link', { name: /返回列表/ });
    expect(back.getAttribute('href')).toBe('/public');
    expect(within(screen.getByRole('table')).getByText('三民文〔2023〕146号')).toBeTruthy();
  });
});
