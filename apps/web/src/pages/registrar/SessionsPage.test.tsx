import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { fakeApi, fakeSession, renderWithProviders, testUser } from '../../test/render';
import { refusal, sessionFixture } from './fixtures';
import { SessionsPage } from './SessionsPage';
import { expectEveryFieldLabelled } from './testing';

// antd forms in jsdom on a shared two-core machine take a while per interaction.

const registrar = testUser(['registrar']);

describe('SessionsPage', () => {
  it('lists the sessions and registers a new one from the drawer', async () => {
    const { api, requests } = fakeApi({
      'GET /sessions': [sessionFixture],
      'POST /sessions': { ...sessionFixture, id: 's2', sitting: 2, name: '市政协八届二次会议' },
    });
    renderWithProviders(<SessionsPage />, { session: fakeSession({ api, user: registrar }) });
    expect(await screen.findByText('市政协八届一次会议')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: /登记会议/ }));
    const drawer = await screen.findByRole('dialog');
    expectEveryFieldLabelled(drawer);
    fireEvent.change(within(drawer).getByLabelText('届'), { target: { value: '8' } });
    fireEvent.change(within(drawer).getByLabelText('次'), { target: { value: '2' } });
    fireEvent.change(within(drawer).getByLabelText('年度'), { target: { value: '2024' } });
    fireEvent.change(within(drawer).getByLabelText('开幕日期'), { target: { value: '2024-01-09' } });
    fireEvent.click(within(drawer).getByRole('button', { name: /保\s*存/ }));

    await waitFor(() => expect(requests.some((r) => r.method === 'POST')).toBe(true));
    const post = requests.find((r) => r.method === 'POST');
    expect(post?.body).toEqual({ body: 'cppcc', term: 8, sitting: 2, year: 2024, openedOn: '2024-01-09' });
    // The list is read again after the change.
    await waitFor(() => expect(requests.filter((r) => r.method === 'GET' && r.path === '/sessions')).toHaveLength(2));
  });

  it("edits only what PATCH takes, and shows the API's refusal of a delete", async () => {
    const { api, requests } = fakeApi({
      'GET /sessions': [sessionFixture],
      'PATCH /sessions/:id': sessionFixture,
      'DELETE /sessions/:id': refusal(
        409,
        'SESSION_HAS_PROPOSALS',
        '会议下已有提案或建议，不能删除。',
        'The session has proposals and cannot be deleted.',
      ),
    });
    renderWithProviders(<SessionsPage />, { session: fakeSession({ api, user: registrar }) });
    fireEvent.click(await screen.findByLabelText('编辑 市政协八届一次会议'));
    const drawer = await screen.findByRole('dialog');
    expect((within(drawer).getByLabelText('届') as HTMLInputElement).disabled).toBe(true);
    fireEvent.change(within(drawer).getByLabelText('会议名称'), { target: { value: '政协第八届一次会议' } });
    fireEvent.click(within(drawer).getByRole('button', { name: /保\s*存/ }));
    await waitFor(() => expect(requests.some((r) => r.method === 'PATCH')).toBe(true));
    expect(requests.find((r) => r.method === 'PATCH')?.body).toEqual({
      name: '政协第八届一次会议',
      year: 2023,
      openedOn: '2023-01-10',
    });

    fireEvent.click(screen.getByRole('button', { name: '删除 市政协八届一次会议' }));
    fireEvent.click(await screen.findByRole('button', { name: /^删\s*除$/ }));
    expect(await screen.findByText('会议下已有提案或建议，不能删除。')).toBeTruthy();
    expect(requests.find((r) => r.method === 'DELETE')?.path).toBe('/sessions/s1');
  });
});
