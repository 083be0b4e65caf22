import { screen, within } from '@testing-library/react';
import type { AssignmentListItem } from '../../api/types';
import { renderWithProviders } from '../../test/render';
import { AssignmentsTable } from './AssignmentsTable';

function item(overrides: Partial<AssignmentListItem>): AssignmentListItem {
  return {
    id: `a${overrides.proposalNumber}`,
    proposalId: 'p',
    bureauId: 'b',
    role: 'lead',
    status: 'acknowledged',
    assignedOn: '2026-03-01',
    dueOn: '2026-06-01',
    acknowledgeBy: '2026-03-08',
    acknowledgedAt: null,
    reassignedFromId: null,
    assignedBy: null,
    version: 1,
    createdAt: '2026-03-01T00:00:00Z',
    bureauName: '三门峡市民政局',
    proposalNumber: 1,
    proposalTitle: '关于测试的提案',
    sessionId: 's',
    daysLeft: 40,
    workingDaysLeft: 28,
    acceptedByDefault: false,
    ...overrides,
  } as AssignmentListItem;
}

const items = [
  item({ proposalNumber: 30, proposalTitle: '关于充裕的提案', dueOn: '2026-09-01', daysLeft: 60, status: 'assigned' }),
  item({ proposalNumber: 10, proposalTitle: '关于超期的提案', dueOn: '2026-05-01', daysLeft: -3 }),
  item({ proposalNumber: 20, proposalTitle: '关于将到期的提案', dueOn: '2026-05-08', daysLeft: 4, role: 'co' }),
  item({
    proposalNumber: 40,
    proposalTitle: '关于临近的提案',
    dueOn: '2026-05-30',
    daysLeft: 26,
    status: 'extension_requested',
  }),
];

function rows(): HTMLElement[] {
  return screen.getAllByRole('row').filter((row) => row.getAttribute('data-row-key'));
}

describe('AssignmentsTable', () => {
  it('lists the items by due date with days left coloured by urgency, in Chinese', () => {
    renderWithProviders(<AssignmentsTable items={items} />);
    const titles = rows().map((row) => within(row).getByText(/^关于/).textContent);
    expect(titles).toEqual(['关于超期的提案', '关于将到期的提案', '关于临近的提案', '关于充裕的提案']);

    const daysTags = rows().map((row) => row.querySelector('[data-urgency]') as HTMLElement);
    expect(daysTags.map((tag) => tag.textContent)).toEqual(['超期 3 天', '剩余 4 天', '剩余 26 天', '剩余 60 天']);
    expect(daysTags.map((tag) => tag.getAttribute('data-urgency'))).toEqual([
      'overdue',
      'dueSoon',
      'approaching',
      'onTrack',
    ]);
    expect(daysTags[0].className).toContain('red');
    expect(daysTags[1].className).toContain('orange');
  });

  it('shows statuses and roles as Chinese tags', () => {
    renderWithProviders(<AssignmentsTable items={items} />);
    expect(within(rows()[0]).getByText('办理中')).toBeTruthy();
    expect(within(rows()[1]).getByText('会办')).toBeTruthy();
    expect(within(rows()[2]).getByText('申请延期中')).toBeTruthy();
    expect(within(rows()[3]).getByText('待签收')).toBeTruthy();
  });

  it('speaks English when switched', () => {
    renderWithProviders(<AssignmentsTable items={items} />, { lang: 'en' });
    expect(within(rows()[0]).getByText('3 days overdue')).toBeTruthy();
    expect(within(rows()[3]).getByText('To acknowledge')).toBeTruthy();
    expect(screen.getByText('Due on')).toBeTruthy();
  });

  it("links each title to the assignment's own page", () => {
    renderWithProviders(<AssignmentsTable items={items} />);
    const link = within(rows()[0]).getByRole('link', { name: '关于超期的提案' });
    expect(link.getAttribute('href')).toBe('/assignments/a10');
  });

  it('says so when the bureau has nothing open', () => {
    renderWithProviders(<AssignmentsTable items={[]} />);
    expect(screen.getByText('本单位目前没有待办事项')).toBeTruthy();
  });
});
