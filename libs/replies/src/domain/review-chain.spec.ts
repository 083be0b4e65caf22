import { Role } from '@dafu/platform/vocabulary';
import {
  checkReviewSteps,
  DEFAULT_REVIEW_STEPS,
  describeReviewChain,
  MAX_REVIEW_STEPS,
  ReviewStep,
} from './review-chain';

const reviewerStep = (name: string): ReviewStep => ({ name, role: Role.Reviewer });
const signatoryStep = (name: string): ReviewStep => ({ name, role: Role.Signatory });
const numbered = (count: number): ReviewStep[] =>
  Array.from({ length: count }, (_, i) => reviewerStep(`第${i + 1}步审核`));

describe('checkReviewSteps', () => {
  it('accepts an empty chain (straight to 签发)', () => {
    expect(checkReviewSteps([])).toEqual([]);
  });

  it('accepts the default chain', () => {
    expect(checkReviewSteps(DEFAULT_REVIEW_STEPS)).toEqual([]);
  });

  it('accepts 科室审核 (reviewer) → 办公室审核 (signatory)', () => {
    expect(checkReviewSteps([reviewerStep('科室审核'), signatoryStep('办公室审核')])).toEqual([]);
  });

  it('allows at most six steps', () => {
    expect(MAX_REVIEW_STEPS).toBe(6);
  });

  it.each([
    [1, []],
    [5, []],
    [6, []],
    [7, [{ kind: 'too_many_steps', max: 6 }]],
    [12, [{ kind: 'too_many_steps', max: 6 }]],
  ])('%i steps → %p', (count, expected) => {
    expect(checkReviewSteps(numbered(count))).toEqual(expected);
  });

  it.each([
    ['empty', ''],
    ['spaces', '   '],
    ['a tab and a newline', '\t\n'],
    ['a full-width space', '\u3000'],
  ])('reports a blank name (%s) with its index', (_label, name) => {
    expect(checkReviewSteps([reviewerStep('科室审核'), reviewerStep(name)])).toEqual([
      { kind: 'blank_name', index: 1 },
    ]);
  });

  it('reports each blank name, never as a repeat of another blank one', () => {
    expect(checkReviewSteps([reviewerStep(''), reviewerStep(' '), reviewerStep('科室审核')])).toEqual([
      { kind: 'blank_name', index: 0 },
      { kind: 'blank_name', index: 1 },
    ]);
  });

  it('reports a repeated name', () => {
    expect(checkReviewSteps([reviewerStep('科室审核'), signatoryStep('科室审核')])).toEqual([
      { kind: 'repeated_name', name: '科室审核' },
    ]);
  });

  it.each([
    ['trailing space', '科室审核', '科室审核 '],
    ['leading space', ' 科室审核', '科室审核'],
    ['full-width spaces', '\u3000科室审核', '科室审核\u3000'],
    ['tabs and newlines', '\t科室审核', '科室审核\n'],
  ])('trims names before the repeat check (%s)', (_label, first, second) => {
    expect(checkReviewSteps([reviewerStep(first), reviewerStep(second)])).toEqual([
      { kind: 'repeated_name', name: '科室审核' },
    ]);
  });

  it('does not treat different names as repeats', () => {
    expect(
      checkReviewSteps([reviewerStep('科室审核'), reviewerStep('办公室审核'), reviewerStep('分管领导审核')]),
    ).toEqual([]);
  });

  it.each([Role.Clerk, Role.Registrar, Role.Supervisor, Role.Admin])(
    'reports a step for a %s with its index',
    (role) => {
      const steps = [reviewerStep('科室审核'), { name: '办公室审核', role } as unknown as ReviewStep];
      expect(checkReviewSteps(steps)).toEqual([{ kind: 'role_not_allowed', index: 1 }]);
    },
  );

  it('reports every problem of a chain at once', () => {
    const steps = [
      ...numbered(5),
      reviewerStep(' '),
      reviewerStep('第1步审核 '),
      { name: '局长审核', role: Role.Clerk } as unknown as ReviewStep,
    ];
    expect(checkReviewSteps(steps)).toEqual(
      expect.arrayContaining([
        { kind: 'too_many_steps', max: 6 },
        { kind: 'blank_name', index: 5 },
        { kind: 'repeated_name', name: '第1步审核' },
        { kind: 'role_not_allowed', index: 7 },
      ]),
    );
    expect(checkReviewSteps(steps)).toHaveLength(4);
  });
});

describe('describeReviewChain', () => {
  it('reads 科室审核 → 办公室审核 → 签发', () => {
    expect(describeReviewChain([reviewerStep('科室审核'), signatoryStep('办公室审核')])).toBe(
      '科室审核 → 办公室审核 → 签发',
    );
  });

  it('reads 签发 for an empty chain', () => {
    expect(describeReviewChain([])).toBe('签发');
  });

  it('reads 科室审核 → 签发 for the default chain', () => {
    expect(describeReviewChain(DEFAULT_REVIEW_STEPS)).toBe('科室审核 → 签发');
  });

  it('trims the names', () => {
    expect(describeReviewChain([reviewerStep(' 科室审核\u3000'), reviewerStep('\t办公室审核 ')])).toBe(
      '科室审核 → 办公室审核 → 签发',
    );
  });
});
