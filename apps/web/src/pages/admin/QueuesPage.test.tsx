import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { fakeApi, fakeSession, renderWithProviders, testUser } from '../../test/render';
import type { FailedJob } from './admin-types';
import { QueuesPage } from './QueuesPage';
import { rows } from './test-helpers';

const job: FailedJob = {
  queue: 'documents',
  id: '42',
  name: 'letter.render',
  data: { replyId: 'r1' } as unknown as FailedJob['data'],
  failedReason: 'font missing',
  attemptsMade: 5,
  failedAt: '2026-05-01T08:00:00Z',
};

function setup(routes: Record<string, unknown> = {}) {
  let failed = [job];
  const fake = fakeApi({
    'GET /admin/failed-jobs': () => failed,
    'POST /admin/failed-jobs/:queue/:id/retry': () => {
      failed = [];
      return { status: 204, body: undefined };
    },
    'GET /admin/notification-deliveries/failed': [
      {
        id: 'd1',
        channel: 'email',
        status: 'failed',
        target: 'mzj@smx.gov.cn',
        attempts: 3,
        lastError: 'mailbox full',
        notificationId: null,
        digestOn: null,
        updatedAt: '2026-05-01T08:00:00Z',
      },
    ],
    ...routes,
  });
  renderWithProviders(<QueuesPage />, { session: fakeSession({ api: fake.api, user: testUser(['admin']) }) });
  return fake;
}

describe('QueuesPage', () => {
  it('links to the queue dashboard and says how to get in', async () => {
    setup();
    const link = screen.getByText('在新窗口打开队列看板').closest('a')!;
    expect(link.getAttribute('href')).toBe('/admin/queues');
    expect(screen.getByText(/浏览器会弹出用户名和密码对话框/)).toBeTruthy();
    expect(await screen.findByText('mailbox full')).toBeTruthy();
  });

  it('retries a failed job and reloads the list', async () => {
    const { requests } = setup();
    await screen.findByText('letter.render #42');
    expect(within(rows()[0]).getByText('font missing')).toBeTruthy();
    fireEvent.click(screen.getByLabelText('重新执行 letter.render #42'));
    await waitFor(() => expect(requests.some((r) => r.method === 'POST')).toBe(true));
    expect(requests.find((r) => r.method === 'POST')!.path).toBe('/admin/failed-jobs/documents/42/retry');
    expect(await screen.findByText('已重新排队：letter.render')).toBeTruthy();
    expect(await screen.findByText('没有失败的任务')).toBeTruthy();
  });

  it('says why a retry was refused', async () => {
    setup({
      'POST /admin/failed-jobs/:queue/:id/retry': {
        status: 409,
        body: { code: 'JOB_NOT_FAILED', messages: { zh: '该任务不在失败状态。', en: 'The job is not failed.' } },
      },
    });
    fireEvent.click(await screen.findByLabelText('重新执行 letter.render #42'));
    expect(await screen.findByText('该任务不在失败状态。')).toBeTruthy();
  });
});
