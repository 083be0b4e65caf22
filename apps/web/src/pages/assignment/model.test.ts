import type { Me } from '../../api/types';
import { type Abilities, abilitiesOf, todayInChina } from './model';

const today = '2026-03-10';
const clerk = { roles: ['clerk'], organisation: { id: 'o1', name: '民政局', kind: 'bureau' } } as Pick<
  Me,
  'roles' | 'organisation'
>;
const reviewer = { ...clerk, roles: ['reviewer'] } as typeof clerk;
const otherClerk = { ...clerk, organisation: { ...clerk.organisation, id: 'o2' } } as typeof clerk;

const assignment = (status: string, role: 'lead' | 'co' | 'separate' = 'lead', acknowledgeBy = '2026-03-12') =>
  ({ status, role, bureauId: 'o1', acknowledgeBy }) as Parameters<typeof abilitiesOf>[0];

const allowed = (abilities: Abilities) =>
  Object.entries(abilities)
    .filter(([, yes]) => yes)
    .map(([name]) => name)
    .sort();

describe('abilitiesOf', () => {
  it.each([
    ['assigned lead, within the window', assignment('assigned'), clerk, ['acknowledge', 'requestReassignment']],
    [
      'assigned, window passed',
      assignment('assigned', 'lead', '2026-03-09'),
      clerk,
      ['acknowledge', 'reassignmentWindowPassed'],
    ],
    [
      'assigned, last day of the window',
      assignment('assigned', 'lead', today),
      clerk,
      ['acknowledge', 'requestReassignment'],
    ],
    [
      'acknowledged lead',
      assignment('acknowledged'),
      clerk,
      ['logContact', 'requestExtension', 'startReply', 'waiveOpinion'],
    ],
    [
      'acknowledged separate',
      assignment('acknowledged', 'separate'),
      clerk,
      ['logContact', 'requestExtension', 'startReply'],
    ],
    ['acknowledged co', assignment('acknowledged', 'co'), clerk, ['draftOpinion', 'requestExtension']],
    ['acknowledged co, reviewer', assignment('acknowledged', 'co'), reviewer, ['sendOpinion']],
    ['co waiting on an extension, reviewer', assignment('extension_requested', 'co'), reviewer, []],
    [
      'lead waiting on an extension',
      assignment('extension_requested'),
      clerk,
      ['logContact', 'startReply', 'waiveOpinion'],
    ],
    ['acknowledged lead, reviewer', assignment('acknowledged'), reviewer, ['waiveOpinion']],
    ['reassignment requested', assignment('reassignment_requested'), clerk, []],
    ['replied', assignment('replied'), clerk, []],
    ['rehandling', assignment('rehandling'), clerk, ['logContact', 'startReply', 'waiveOpinion']],
    ['another bureau', assignment('assigned'), otherClerk, []],
    ['no user', assignment('assigned'), null, []],
  ] as const)('%s', (_case, target, user, expected) => {
    expect(allowed(abilitiesOf(target, user, today))).toEqual([...expected].sort());
  });

  it.each([
    ['a draft is live', 'acknowledged', [{ round: 1, status: 'drafting' }], false],
    ['in review is live', 'acknowledged', [{ round: 1, status: 'in_review' }], false],
    ['withdrawn is not', 'acknowledged', [{ round: 1, status: 'withdrawn' }], true],
    ['voided is not', 'acknowledged', [{ round: 1, status: 'voided' }], true],
    ['re-handling after an issued reply', 'rehandling', [{ round: 1, status: 'issued' }], true],
    [
      're-handling with its new draft',
      'rehandling',
      [
        { round: 1, status: 'issued' },
        { round: 2, status: 'drafting' },
      ],
      false,
    ],
    [
      'a second re-handling',
      'rehandling',
      [
        { round: 1, status: 'issued' },
        { round: 2, status: 'issued' },
      ],
      true,
    ],
  ] as const)('start the reply when %s', (_case, status, replies, canStart) => {
    expect(abilitiesOf(assignment(status), clerk, today, replies).startReply).toBe(canStart);
  });
});

describe('dates', () => {
  it("takes today in China, not in the browser's zone", () => {
    expect(todayInChina(new Date('2026-03-10T15:59:00Z'))).toBe('2026-03-10');
    expect(todayInChina(new Date('2026-03-10T16:01:00Z'))).toBe('2026-03-11');
  });
});
