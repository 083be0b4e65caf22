import type { RankingRow, Statistics } from './chart-data';

const r = (numerator: number, denominator: number, percent: number | null) => ({ numerator, denominator, percent });

/** The figures of the API's hand-computed supervision fixture (test/e2e/supervision.e2e-spec.ts). */
export const STATISTICS: Statistics = {
  filter: { sessionId: null, bureauId: null },
  asOf: '2023-06-10',
  byStatus: {
    assigned: 2,
    acknowledged: 2,
    reassignment_requested: 0,
    extension_requested: 1,
    replied: 1,
    opinion_sent: 1,
    feedback_received: 1,
    rehandling: 1,
    closed: 1,
    reassigned: 1,
    withdrawn: 1,
  },
  total: 10,
  replying: 9,
  acknowledgedOnTime: r(8, 9, 88.9),
  repliedOnTime: r(2, 6, 33.3),
  talkedBeforeReply: r(3, 4, 75),
  replied: 4,
  overdue: 2,
  extensions: 2,
  extendedAssignments: 1,
  pendingExtensionRequests: 1,
  grades: { A: 2, B: 2, C: 0, D: 0, other: 0 },
  feedback: 4,
  workSatisfaction: {
    satisfied: r(2, 4, 50),
    basicallySatisfied: r(1, 4, 25),
    unsatisfied: r(1, 4, 25),
    satisfiedOrBasically: r(3, 4, 75),
  },
  resultSatisfaction: {
    satisfied: r(2, 4, 50),
    basicallySatisfied: r(0, 4, 0),
    unsatisfied: r(2, 4, 50),
    satisfiedOrBasically: r(2, 4, 50),
  },
  averageDaysToReply: 75,
};

export const RANKING: RankingRow[] = [
  {
    rank: 1,
    bureauId: 'b2',
    bureauName: '督查测试乙局',
    total: 4,
    replied: 2,
    repliedOnTime: r(1, 2, 50),
    talkedBeforeReply: r(2, 2, 100),
    satisfaction: r(1, 2, 50),
    overdue: 0,
    extensions: 0,
    averageDaysToReply: 62,
  },
  {
    rank: 2,
    bureauId: 'b1',
    bureauName: '督查测试甲局',
    total: 6,
    replied: 2,
    repliedOnTime: r(1, 4, 25),
    talkedBeforeReply: r(1, 2, 50),
    satisfaction: r(1, 2, 50),
    overdue: 2,
    extensions: 2,
    averageDaysToReply: 88,
  },
];

export const SESSIONS = [
  { id: 's1', body: 'cppcc', term: 8, sitting: 1, year: 2023, name: '市政协八届一次会议', openedOn: null },
  { id: 's2', body: 'npc', term: 16, sitting: 2, year: 2023, name: '市人大十六届二次会议', openedOn: null },
];
