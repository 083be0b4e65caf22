import { screen, waitFor, within } from '@testing-library/react';
import { fakeApi, fakeSession, renderWithProviders, testUser } from '../../test/render';
import { InboxPage, SigningPage } from './QueuePages';
import type { ReplySummary } from './types';

function summary(overrides: Partial<ReplySummary>): ReplySummary {
  return {
    id: `r${overrides.proposalNumber}`,
    assignmentId: 'a',
    proposalId: 'p',
    proposalNumber: 1,
    proposalTitle: '关于测试的提案',
    round: 1,
    status: 'in_review',
    currentStepName: '科室审核',
    version: 2,
    lastSavedAt: '2026-05-01T02:00:00Z',
    documentNumber: null,
    dueOn: '2026-06-01',
    ...overrides,
  };
}

const INBOX = [
  summary({ proposalNumber: 12, proposalTitle: '关于晚到期的提案', dueOn: '2026-07-01' }),
  summary({ proposalNumber: 7, proposalTitle: '关于早到期的提案', dueOn: '2026-05-20', currentStepName: '办公室审核' }),
  summary({ proposalNumber: 30, proposalTitle: '关于待签发的提案', status: 'awaiting_signoff', currentStepName: null }),
  summary({ proposalNumber: 40, proposalTitle: '关于起草中的提案', status: 'drafting', currentStepName: null }),
];

function rows(): HTMLElement[] {
  return screen.getAllByRole('row').filter((row) => row.getAttribute('data-row-key'));
}

describe('InboxPage and SigningPage', () => {
  it('lists the replies at my review step by due date, each linking to its review page', async () => {
    const { api, requests } = fakeApi({ 'GET /replies/inbox': INBOX });
    renderWithProviders(<InboxPage />, { session: fakeSession({ api, user: testUser(['reviewer']) }) });
    await screen.findByText('关于早到期的提案');
    expect(rows().map((row) => row.getAttribute('data-row-key'))).toEqual(['r7', 'r12']);
    expect(within(rows()[0]).getByText('办公室审核')).toBeTruthy();
    expect(screen.getByRole('link', { name: '关于早到期的提案' }).getAttribute('href')).toBe('/replies/r7/review');
    expect(screen.queryByText('关于待签发的提案')).toBeNull();
    expect(screen.queryByText('关于起草中的提案')).toBeNull();
    expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /replies/inbox']);
  });

  it('lists only what waits for sign-off on the signing page', async () => {
    const { api } = fakeApi({ 'GET /replies/inbox': INBOX });
    renderWithProviders(<SigningPage />, { session: fakeSession({ api, user: testUser(['signatory']) }) });
    await screen.findByText('关于待签发的提案');
    expect(rows().map((row) => row.getAttribute('data-row-key'))).toEqual(['r30']);
    expect(within(rows()[0]).getByText('待签发')).toBeTruthy();
  });

  it('says so when nothing waits', async () => {
    const { api } = fakeApi({ 'GET /replies/inbox': [] });
    renderWithProviders(<SigningPage />, { session: fakeSession({ api }) });
    expect(await screen.findByText('目前没有等待您签发的答复')).toBeTruthy();
  });

  it('shows the API’s own message when the list does not load', async () => {
    const { api } = fakeApi({
      'GET /replies/inbox': { status: 403, body: { code: 'FORBIDDEN', messages: { zh: '无权访问', en: 'Forbidden' } } },
    });
    renderWithProviders(<InboxPage />, { session: fakeSession({ api }) });
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('无权访问'));
  });
});
