import { fireEvent, screen, waitFor } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { fakeApi, fakeSession, renderWithProviders } from '../../test/render';
import { DraftsPage } from './DraftsPage';
import type { ReplySummary } from './types';

function summary(overrides: Partial<ReplySummary>): ReplySummary {
  return {
    id: 'r1',
    assignmentId: 'a1',
    proposalId: 'p1',
    proposalNumber: 146,
    proposalTitle: '关于积极应对人口老龄化的提案',
    round: 1,
    status: 'drafting',
    currentStepName: null,
    version: 3,
    lastSavedAt: '2026-03-10T02:00:00.000Z',
    documentNumber: null,
    dueOn: '2026-06-01',
    ...overrides,
  };
}

const assignment = (id: string, number: number, status: string) => ({
  id,
  proposalId: `p-${id}`,
  bureauId: 'o1',
  role: 'lead',
  status,
  assignedOn: '2026-03-01',
  dueOn: '2026-06-01',
  acknowledgeBy: '2026-03-08',
  acknowledgedAt: null,
  reassignedFromId: null,
  assignedBy: null,
  version: 1,
  createdAt: '2026-03-01T00:00:00Z',
  bureauName: '三门峡市民政局',
  proposalNumber: number,
  proposalTitle: `关于第${number}号的提案`,
  sessionId: 's',
  daysLeft: 40,
  workingDaysLeft: 28,
  acceptedByDefault: false,
});

describe('DraftsPage', () => {
  it("lists the bureau's drafts with a link to each editor, and starts a draft for an assignment without one", async () => {
    const { api, requests } = fakeApi({
      'GET /replies/inbox': [
        summary({}),
        summary({ id: 'r2', assignmentId: 'a2', proposalNumber: 12, proposalTitle: '关于社区食堂的建议', round: 2 }),
      ],
      'GET /assignments': [assignment('a1', 146, 'acknowledged'), assignment('a3', 30, 'acknowledged')],
      'POST /assignments/:id/replies': { id: 'r3' },
    });
    renderWithProviders(
      <Routes>
        <Route path="/drafts" element={<DraftsPage />} />
        <Route path="/replies/:id/draft" element={<p>editor of the new draft</p>} />
      </Routes>,
      { session: fakeSession({ api }), path: '/drafts' },
    );
    const link = await screen.findByText('关于积极应对人口老龄化的提案');
    expect(link.closest('a')?.getAttribute('href')).toBe('/replies/r1/draft');
    expect(screen.getByText('第2轮（重新办理）')).toBeTruthy();
    // a1 already has its draft; a3 has none yet.
    expect(await screen.findByText('关于第30号的提案')).toBeTruthy();
    expect(screen.queryByText('关于第146号的提案')).toBeNull();
    fireEvent.click(screen.getByText('开始起草').closest('button') as HTMLButtonElement);
    await waitFor(() =>
      expect(requests.some((r) => r.method === 'POST' && r.path === '/assignments/a3/replies')).toBe(true),
    );
    expect(await screen.findByText('editor of the new draft')).toBeTruthy();
  });

  it('says so when nothing is being drafted', async () => {
    const { api } = fakeApi({ 'GET /replies/inbox': [], 'GET /assignments': [] });
    renderWithProviders(<DraftsPage />, { session: fakeSession({ api }) });
    expect(await screen.findByText('目前没有起草中的答复')).toBeTruthy();
  });
});
