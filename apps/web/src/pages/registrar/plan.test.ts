import { checkPlan } from './plan';

const live = (
  bureauId: string,
  role: 'lead' | 'co' | 'separate',
  status: 'acknowledged' | 'reassigned' = 'acknowledged',
) => ({
  bureauId,
  role,
  status,
});

describe('checkPlan', () => {
  it.each([
    ['nothing chosen', [], [], { kind: 'empty' }],
    ['a line without a bureau', [{ role: 'lead' as const }], [], { kind: 'incomplete' }],
    ['co without any lead', [{ bureauId: 'b2', role: 'co' as const }], [], { kind: 'lead_required' }],
    [
      'two leads',
      [
        { bureauId: 'b1', role: 'lead' as const },
        { bureauId: 'b2', role: 'lead' as const },
      ],
      [],
      { kind: 'lead_exists' },
    ],
    [
      'a second lead beside a live one',
      [{ bureauId: 'b2', role: 'lead' as const }],
      [live('b1', 'lead')],
      { kind: 'lead_exists' },
    ],
    [
      'the same bureau twice',
      [
        { bureauId: 'b1', role: 'lead' as const },
        { bureauId: 'b1', role: 'co' as const },
      ],
      [],
      { kind: 'bureau_repeated', bureauIds: ['b1'] },
    ],
    [
      'a bureau already assigned',
      [{ bureauId: 'b1', role: 'separate' as const }],
      [live('b1', 'co')],
      { kind: 'bureau_repeated', bureauIds: ['b1'] },
    ],
  ])('refuses %s', (_name, planned, existing, problem) => {
    expect(checkPlan(planned, existing)).toEqual(problem);
  });

  it.each([
    [
      'lead and co',
      [
        { bureauId: 'b1', role: 'lead' as const },
        { bureauId: 'b2', role: 'co' as const },
      ],
      [],
    ],
    ['separate only', [{ bureauId: 'b3', role: 'separate' as const }], []],
    ['co beside a live lead', [{ bureauId: 'b2', role: 'co' as const }], [live('b1', 'lead')]],
    [
      'a new lead where the old one was reassigned',
      [{ bureauId: 'b2', role: 'lead' as const }],
      [live('b1', 'lead', 'reassigned')],
    ],
  ])('accepts %s', (_name, planned, existing) => {
    expect(checkPlan(planned, existing)).toBeNull();
  });
});
