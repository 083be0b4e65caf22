import { AssignmentRole } from '@dafu/platform/vocabulary';
import { allRepliesIn, checkAssignmentPlan } from './assignment-plan';

const { Lead, Co, Separate } = AssignmentRole;
const a = (bureauId: string, role: AssignmentRole) => ({ bureauId, role });

describe('checkAssignmentPlan', () => {
  it.each([
    ['a lead alone', [a('b1', Lead)], [], null],
    ['a lead with co bureaus', [a('b1', Lead), a('b2', Co), a('b3', Co)], [], null],
    ['co bureaus beside a live lead', [a('b2', Co)], [a('b1', Lead)], null],
    ['separate bureaus only', [a('b1', Separate), a('b2', Separate)], [], null],
    ['co bureaus without any lead', [a('b2', Co)], [], { kind: 'lead_required' }],
    ['co bureaus beside separate ones only', [a('b2', Co)], [a('b1', Separate)], { kind: 'lead_required' }],
    ['two leads at once', [a('b1', Lead), a('b2', Lead)], [], { kind: 'lead_exists' }],
    ['a lead when one is live', [a('b2', Lead)], [a('b1', Lead)], { kind: 'lead_exists' }],
    ['a bureau twice in the plan', [a('b1', Lead), a('b1', Co)], [], { kind: 'bureau_repeated', bureauIds: ['b1'] }],
    [
      'a bureau already assigned',
      [a('b1', Co), a('b2', Co)],
      [a('b1', Lead)],
      { kind: 'bureau_repeated', bureauIds: ['b1'] },
    ],
  ])('%s', (_name, planned, live, expected) => {
    expect(checkAssignmentPlan(planned, live)).toEqual(expected);
  });
});

describe('allRepliesIn', () => {
  it.each([
    [
      'the lead replied; co bureaus never reply',
      [
        { role: Lead, replied: true },
        { role: Co, replied: false },
      ],
      true,
    ],
    [
      'the lead has not replied',
      [
        { role: Lead, replied: false },
        { role: Co, replied: true },
      ],
      false,
    ],
    [
      'one of two separate bureaus replied',
      [
        { role: Separate, replied: true },
        { role: Separate, replied: false },
      ],
      false,
    ],
    [
      'both separate bureaus replied',
      [
        { role: Separate, replied: true },
        { role: Separate, replied: true },
      ],
      true,
    ],
    ['only co bureaus (never a real case)', [{ role: Co, replied: true }], false],
    ['no assignments', [], false],
  ])('%s: %p', (_name, live, expected) => {
    expect(allRepliesIn(live)).toBe(expected);
  });
});
