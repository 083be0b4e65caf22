import { File as NodeFile } from 'node:buffer';
import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { fakeApi, type FakeRequest, fakeSession, renderWithProviders } from '../../test/render';
import { ContactsDrawer } from './ContactsDrawer';
import type { Attachment, ProposerContact } from './model';

// antd renders slowly in jsdom, more so on a machine shared with other test runs: wait longer,
// and let *ByRole skip its per-node visibility check (getComputedStyle up the tree), the slow part.
configure({ defaultHidden: true });

const talk: ProposerContact = {
  id: 't1',
  occurredOn: '2026-03-05',
  method: 'phone',
  participants: '姚峥委员；王丽',
  summary: '电话沟通办理思路',
  loggedBy: 'u1',
  createdAt: '2026-03-05T02:00:00Z',
};

const minutes: Attachment = {
  id: 'f1',
  assignmentId: 'a1',
  ownerType: 'contact',
  ownerId: 't1',
  filename: '座谈纪要.pdf',
  contentType: 'application/pdf',
  sizeBytes: 1000,
  sha256: 'x',
  uploadedBy: 'u1',
  createdAt: '2026-03-05T03:00:00Z',
};

function renderDrawer(canLog: boolean, routes: Parameters<typeof fakeApi>[0] = {}) {
  const { api, requests } = fakeApi(routes);
  const download = jest.fn().mockResolvedValue('座谈纪要.pdf');
  renderWithProviders(
    <ContactsDrawer
      assignmentId="a1"
      open
      onClose={() => undefined}
      contacts={[talk]}
      attachments={[minutes]}
      canLog={canLog}
    />,
    { session: fakeSession({ api, download }) },
  );
  return { requests, download };
}

const sent = (requests: FakeRequest[], method: string, path: string) =>
  requests.filter((r) => r.method === method && r.path === path);

describe('ContactsDrawer', () => {
  it('lists the talks with their files, and asks for every field before logging one', async () => {
    const { requests, download } = renderDrawer(true, { 'POST /assignments/:id/contacts': { ...talk, id: 't2' } });
    const drawer = await screen.findByRole('dialog');
    const logged = within(drawer).getByTestId('contact');
    expect(logged.textContent).toContain('电话沟通办理思路');
    expect(within(logged).getByText('电话')).toBeTruthy();
    fireEvent.click(within(logged).getByRole('button', { name: '下载 座谈纪要.pdf' }));
    expect(download).toHaveBeenCalledWith('/attachments/f1', '座谈纪要.pdf');

    fireEvent.click(within(drawer).getByRole('button', { name: '记录一次沟通' }));
    expect(await within(drawer).findByText('请填写参加人员')).toBeTruthy();
    expect(within(drawer).getByText('请填写沟通情况')).toBeTruthy();
    expect(sent(requests, 'POST', '/assignments/a1/contacts')).toHaveLength(0);

    fireEvent.change(within(drawer).getByLabelText('参加人员'), { target: { value: ' 姚峥委员；王丽 ' } });
    fireEvent.change(within(drawer).getByLabelText('沟通情况'), { target: { value: '上门走访，听取意见' } });
    fireEvent.click(within(drawer).getByRole('button', { name: '记录一次沟通' }));
    await waitFor(() => expect(sent(requests, 'POST', '/assignments/a1/contacts')).toHaveLength(1));
    expect(sent(requests, 'POST', '/assignments/a1/contacts')[0].body).toEqual({
      method: 'phone',
      participants: '姚峥委员；王丽',
      summary: '上门走访，听取意见',
      occurredOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    });
    expect(await screen.findByText('沟通记录已保存')).toBeTruthy();
  });

  it('uploads a file to a talk as multipart', async () => {
    const { requests } = renderDrawer(true, {
      'POST /assignments/:id/contacts/:contactId/attachments': { ...minutes, id: 'f2', filename: '照片.png' },
    });
    const drawer = await screen.findByRole('dialog');
    const file = new NodeFile(['png'], '照片.png', { type: 'image/png' });
    fireEvent.change(within(drawer).getByLabelText('添加附件'), { target: { files: [file] } });
    await waitFor(() => expect(sent(requests, 'POST', '/assignments/a1/contacts/t1/attachments')).toHaveLength(1));
    expect(String(sent(requests, 'POST', '/assignments/a1/contacts/t1/attachments')[0].body)).toContain(
      'filename="照片.png"',
    );
    expect(await screen.findByText('已上传 照片.png')).toBeTruthy();
  });

  it('only shows the talks to those who may not log one', async () => {
    renderDrawer(false);
    const drawer = await screen.findByRole('dialog');
    expect(within(drawer).getByText('电话沟通办理思路')).toBeTruthy();
    expect(within(drawer).queryByRole('button', { name: '记录一次沟通' })).toBeNull();
    expect(within(drawer).queryByLabelText('添加附件')).toBeNull();
  });
});
