import type { AssignmentView, CoOpinion, ExtensionRequest, Proposal, ReplySummary, TimelineEntry } from './model';
import { todayInChina } from './model';

/** YYYY-MM-DD, `days` from today in China. */
export function dayFromToday(days: number): string {
  const today = Date.parse(`${todayInChina()}T00:00:00Z`);
  return new Date(today + days * 86_400_000).toISOString().slice(0, 10);
}

/** An assignment of the test user's bureau (o1, see test/render testUser). */
export function assignmentView(overrides: Partial<AssignmentView> = {}): AssignmentView {
  return {
    id: 'a1',
    proposalId: 'p1',
    bureauId: 'o1',
    role: 'lead',
    status: 'assigned',
    assignedOn: dayFromToday(-2),
    dueOn: dayFromToday(88),
    acknowledgeBy: dayFromToday(5),
    acknowledgedAt: null,
    reassignedFromId: null,
    assignedBy: 'u-registrar',
    version: 1,
    createdAt: `${dayFromToday(-2)}T01:00:00Z`,
    bureauName: '三门峡市民政局',
    proposalNumber: 146,
    proposalTitle: '关于加快发展社区养老服务的提案',
    sessionId: 's1',
    daysLeft: 88,
    workingDaysLeft: 60,
    acceptedByDefault: false,
    ...overrides,
  };
}

export function proposal(overrides: Partial<Proposal> = {}): Proposal {
  return {
    id: 'p1',
    sessionId: 's1',
    number: 146,
    kind: 'proposal',
    title: '关于加快发展社区养老服务的提案',
    body: '建议在各社区建设日间照料中心。',
    category: null,
    receivedOn: null,
    status: 'assigned',
    mergedIntoId: null,
    version: 1,
    proposers: [
      { position: 2, role: 'co_signer', kind: 'person', name: '李明', phone: null, address: null, email: null },
      { position: 1, role: 'lead', kind: 'person', name: '姚峥', phone: null, address: null, email: null },
    ],
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
    ...overrides,
  };
}

export function timelineEntry(overrides: Partial<TimelineEntry> = {}): TimelineEntry {
  return {
    at: '2026-03-01T02:00:00Z',
    actorUserId: 'u-registrar',
    actorName: '张登记',
    action: 'assignment.created',
    fromState: null,
    toState: 'assigned',
    reason: null,
    text: { zh: '交办，办理期限2026-06-01', en: 'Assigned, due 2026-06-01' },
    ...overrides,
  };
}

export function replySummary(overrides: Partial<ReplySummary> = {}): ReplySummary {
  return {
    id: 'r1',
    assignmentId: 'a1',
    proposalId: 'p1',
    proposalNumber: 146,
    proposalTitle: '关于加快发展社区养老服务的提案',
    round: 1,
    status: 'drafting',
    currentStepName: null,
    version: 3,
    lastSavedAt: '2026-03-10T02:00:00Z',
    documentNumber: null,
    dueOn: '2026-06-01',
    ...overrides,
  };
}

export function coOpinion(overrides: Partial<CoOpinion> = {}): CoOpinion {
  return {
    assignmentId: 'c1',
    bureauId: 'o2',
    bureauName: '三门峡市财政局',
    status: 'missing',
    body: null,
    sentAt: null,
    waivedAt: null,
    waiveReason: null,
    dueOn: '2026-04-01',
    version: null,
    ...overrides,
  };
}
/** A pending 申请延期 as GET /assignments/{id}/requests sends it. */
export function extensionRequest(overrides: Partial<ExtensionRequest> = {}): ExtensionRequest {
  return {
    id: 'e1',
    assignmentId: 'a1',
    reason: '需待年度预算批复',
    status: 'pending',
    requestedBy: 'u-clerk',
    requestedByName: '张文',
    createdAt: '2023-05-03T00:00:00Z',
    decidedBy: null,
    decidedByName: null,
    decisionReason: null,
    decidedAt: null,
    previousDueOn: '2023-06-01',
    requestedDueOn: '2023-08-01',
    ...overrides,
  };
}
