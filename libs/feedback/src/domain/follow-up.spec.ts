import { ReplyStatus } from '@dafu/replies/domain/reply-status';
import { FollowUpFacts, onFollowUpList, refuseFollowUp } from './follow-up';

const issued = (grade: string | null, more: Partial<FollowUpFacts> = {}): FollowUpFacts => ({
  replyStatus: ReplyStatus.Issued,
  grade,
  solved: false,
  superseded: false,
  ...more,
});

describe('onFollowUpList', () => {
  it.each([
    ['A', false],
    ['B', true],
    ['C', true],
    ['D', false],
    [null, false],
  ])('an issued reply graded %s → %s', (grade, listed) => {
    expect(onFollowUpList(issued(grade))).toBe(listed);
  });

  it.each(Object.values(ReplyStatus).filter((s) => s !== ReplyStatus.Issued))('a B reply in %s is not listed', (s) => {
    expect(onFollowUpList(issued('B', { replyStatus: s }))).toBe(false);
  });

  it('leaves the list once a follow-up letter reports it solved, or a new round replaced it', () => {
    expect(onFollowUpList(issued('B', { solved: true }))).toBe(false);
    expect(onFollowUpList(issued('C', { superseded: true }))).toBe(false);
  });
});

describe('refuseFollowUp', () => {
  const today = '2023-09-01';
  it('accepts a letter for a listed reply, dated today or earlier', () => {
    expect(refuseFollowUp(issued('B'), today, today)).toBeNull();
    expect(refuseFollowUp(issued('C'), '2023-08-01', today)).toBeNull();
  });
  it('refuses a reply that is not on the list', () => {
    expect(refuseFollowUp(issued('A'), today, today)).toBe('not_on_list');
    expect(refuseFollowUp(issued('B', { replyStatus: ReplyStatus.Signed }), today, today)).toBe('not_on_list');
  });
  it('refuses once solved', () => {
    expect(refuseFollowUp(issued('B', { solved: true }), today, today)).toBe('already_solved');
  });
  it('refuses a letter dated in the future', () => {
    expect(refuseFollowUp(issued('B'), '2023-09-02', today)).toBe('in_the_future');
  });
});
