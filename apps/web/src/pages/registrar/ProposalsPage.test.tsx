import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { fakeApi, fakeSession, renderWithProviders, testUser } from '../../test/render';
import { ok, proposalFixture, sessionFixture } from './fixtures';
import { ProposalsPage, searchParams } from './ProposalsPage';
import { chooseOption, expectEveryFieldLabelled } from './testing';

// antd forms in jsdom on a shared two-core machine take a while per interaction.

const page = (items = [proposalFixture()]) => ok({ items, total: items.length, page: 1, pageSize: 20 });

describe('searchParams', () => {
  it.each([
    ['146', { number: 146 }],
    ['第146号', { number: 146 }],
    ['养老', { q: '养老' }],
    ['  ', {}],
  ])('%j → %j', (text, params) => expect(searchParams(text)).toEqual(params));
});

describe('ProposalsPage', () => {
  it('asks the API with the chosen filters, a number search and the page', async () => {
    const { api, requests } = fakeApi({ 'GET /sessions': [sessionFixture], 'GET /proposals': page() });
    renderWithProviders(<ProposalsPage />, { session: fakeSession({ api, user: testUser(['registrar']) }) });
    expect(await screen.findByText('关于积极应对人口老龄化的提案')).toBeTruthy();
    expect(screen.getByText('姚峥')).toBeTruthy();

    await chooseOption(screen.getByLabelText('会议'), '市政协八届一次会议');
    await chooseOption(screen.getByLabelText('状态'), '已登记');
    fireEvent.change(screen.getByLabelText('编号或标题'), { target: { value: '146' } });
    fireEvent.keyDown(screen.getByLabelText('编号或标题'), { key: 'Enter', code: 'Enter', keyCode: 13 });

    await waitFor(() => {
      const last = requests.filter((r) => r.path === '/proposals').pop();
      expect(Object.fromEntries(last?.query ?? [])).toEqual({
        sessionId: 's1',
        status: 'registered',
        number: '146',
        page: '1',
        pageSize: '20',
      });
    });
  });

  it('registers a proposal from the drawer with its proposers', async () => {
    const { api, requests } = fakeApi({
      'GET /sessions': [sessionFixture],
      'GET /proposals': page([]),
      'POST /proposals': ok(proposalFixture()),
    });
    renderWithProviders(<ProposalsPage />, { session: fakeSession({ api, user: testUser(['registrar']) }) });
    fireEvent.click(await screen.findByText('登记提案（建议）'));
    const drawer = await screen.findByRole('dialog');
    await chooseOption(within(drawer).getByLabelText('会议'), '市政协八届一次会议');
    fireEvent.change(within(drawer).getByLabelText('编号'), { target: { value: '146' } });
    fireEvent.change(within(drawer).getByLabelText('标题'), { target: { value: '关于养老的提案' } });
    fireEvent.change(within(drawer).getByLabelText('姓名或单位名称'), { target: { value: '姚峥' } });
    fireEvent.click(within(drawer).getByText('添加提出人'));
    expectEveryFieldLabelled(drawer);
    fireEvent.change(within(drawer).getAllByLabelText('姓名或单位名称')[1], { target: { value: '民盟本溪市委' } });
    await chooseOption(within(drawer).getAllByLabelText('类型')[1], '单位');
    fireEvent.click(within(drawer).getByText(/^保\s*存$/));

    await waitFor(() => expect(requests.some((r) => r.method === 'POST')).toBe(true));
    expect(requests.find((r) => r.method === 'POST')?.body).toEqual({
      sessionId: 's1',
      number: 146,
      title: '关于养老的提案',
      body: '',
      proposers: [
        { name: '姚峥', kind: 'person' },
        { name: '民盟本溪市委', kind: 'organisation' },
      ],
    });
  });
});
