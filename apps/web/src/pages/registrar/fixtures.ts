import type {
  AssignmentListItem,
  ExtensionRequest,
  Organisation,
  Proposal,
  ReassignmentRequest,
  Session,
} from './types';

/** Records as the API answers them, for the registrar pages' tests. */
export const sessionFixture: Session = {
  id: 's1',
  body: 'cppcc',
  term: 8,
  sitting: 1,
  year: 2023,
  name: '市政协八届一次会议',
  openedOn: '2023-01-10',
};

export function bureau(id: string, name: string): Organisation {
  return { id, name, shortName: null, kind: 'bureau', documentNumberPrefix: null, email: null, postalAddress: null };
}

export const bureaus: Organisation[] = [
  bureau('b1', '三门峡市民政局'),
  bureau('b2', '三门峡市财政局'),
  bureau('b3', '三门峡市住房和城乡建设局'),
];

export function proposalFixture(overrides: Partial<Proposal> = {}): Proposal {
  return {
    id: 'p1',
    sessionId: 's1',
    number: 146,
    kind: 'proposal',
    title: '关于积极应对人口老龄化的提案',
    body: '建议加快建设社区日间照料中心。',
    category: '社会事业',
    receivedOn: '2023-01-12',
    status: 'registered',
    mergedIntoId: null,
    version: 3,
    proposers: [
      { position: 1, role: 'lead', kind: 'person', name: '姚峥', phone: null, address: null, email: null },
      {
        position: 2,
        role: 'co_signer',
        kind: 'organisation',
        name: '民盟本溪市委',
        phone: null,
        address: null,
        email: null,
      },
    ],
    createdAt: '2023-01-12T00:00:00Z',
    updatedAt: '2023-01-12T00:00:00Z',
    ...overrides,
  };
}

export function assignmentFixture(overrides: Partial<AssignmentListItem> = {}): AssignmentListItem {
  return {
    id: 'a1',
    proposalId: 'p1',
    bureauId: 'b1',
    role: 'lead',
    status: 'acknowledged',
    assignedOn: '2023-03-01',
    dueOn: '2023-06-01',
    acknowledgeBy: '2023-03-08',
    acknowledgedAt: null,
    reassignedFromId: null,
    assignedBy: null,
    version: 1,
    createdAt: '2023-03-01T00:00:00Z',
    bureauName: '三门峡市民政局',
    proposalNumber: 146,
    proposalTitle: '关于积极应对人口老龄化的提案',
    sessionId: 's1',
    daysLeft: 30,
    workingDaysLeft: 20,
    acceptedByDefault: false,
    ...overrides,
  };
}

/** The API's refusal body, as the exception filter writes it. */
export function refusal(status: number, code: string, zh: string, en: string, details?: unknown) {
  return { status, body: { code, message: zh, messages: { zh, en }, ...(details ? { details } : {}) } };
}

/**
 * A 200 answer spelled out: fakeApi reads any object with `status` and `body` fields as
 * { status, body }, and a proposal has both.
 */
export function ok(body: unknown) {
  return { status: 200, body };
}

/** A pending 申请调整 as GET /assignments/{id}/requests sends it. */
export function reassignmentRequest(overrides: Partial<ReassignmentRequest> = {}): ReassignmentRequest {
  return {
    id: 'r1',
    assignmentId: 'a1',
    reason: '该事项属市住建局职责',
    status: 'pending',
    requestedBy: 'u-clerk',
    requestedByName: '张文',
    createdAt: '2023-03-03T00:00:00Z',
    decidedBy: null,
    decidedByName: null,
    decisionReason: null,
    decidedAt: null,
    suggestedBureauId: null,
    suggestedBureauName: null,
    newAssignmentId: null,
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
