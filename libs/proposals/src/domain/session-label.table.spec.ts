import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ProposalKind, SessionBody } from '@dafu/platform/vocabulary';
import { proposalKindOf, proposerTitleOf, sessionLabel } from './session-label';

const SEEDS = join(__dirname, '../../../../test/fixtures/seeds');

describe('sessionLabel', () => {
  it.each([
    [SessionBody.Cppcc, 8, 1, '市政协八届一次会议'],
    [SessionBody.Cppcc, 9, 2, '市政协九届二次会议'],
    [SessionBody.Cppcc, 10, 1, '市政协十届一次会议'],
    [SessionBody.Cppcc, 11, 5, '市政协十一届五次会议'],
    [SessionBody.Cppcc, 14, 2, '市政协十四届二次会议'],
    [SessionBody.Cppcc, 20, 3, '市政协二十届三次会议'],
    [SessionBody.Cppcc, 1, 10, '市政协一届十次会议'],
    [SessionBody.Npc, 9, 1, '市九届人大一次会议'],
    [SessionBody.Npc, 10, 2, '市十届人大二次会议'],
    [SessionBody.Npc, 14, 1, '市十四届人大一次会议'],
    [SessionBody.Npc, 16, 3, '市十六届人大三次会议'],
    [SessionBody.Npc, 21, 4, '市二十一届人大四次会议'],
  ])('%s term %i sitting %i is %s', (body, term, sitting, label) => {
    expect(sessionLabel(body, term, sitting)).toBe(label);
  });

  it.each([
    ['sanmenxia-cppcc-8-1-146.txt', SessionBody.Cppcc, 8, 1],
    ['puyang-cppcc-9-2-228.txt', SessionBody.Cppcc, 9, 2],
    ['puyang-npc-9-1-269.txt', SessionBody.Npc, 9, 1],
  ])('is the label the real letter %s prints', (file, body, term, sitting) => {
    const letter = readFileSync(join(SEEDS, file), 'utf8');
    expect(letter).toContain(sessionLabel(body, term, sitting));
  });

  it('tells the two bodies apart for the same term and sitting', () => {
    expect(sessionLabel(SessionBody.Cppcc, 9, 1)).not.toBe(sessionLabel(SessionBody.Npc, 9, 1));
  });

  it.each([
    [SessionBody.Cppcc, 1.5, 1],
    [SessionBody.Cppcc, 8, -1],
    [SessionBody.Npc, 1000, 1],
    [SessionBody.Npc, 9, Number.NaN],
  ])('refuses %s term %p sitting %p', (body, term, sitting) => {
    expect(() => sessionLabel(body, term, sitting)).toThrow(RangeError);
  });
});

describe('what each body receives and how its members are addressed', () => {
  const BY_BODY: Record<SessionBody, { kind: ProposalKind; title: '委员' | '代表' }> = {
    [SessionBody.Cppcc]: { kind: ProposalKind.Proposal, title: '委员' },
    [SessionBody.Npc]: { kind: ProposalKind.Suggestion, title: '代表' },
  };

  it('the table covers every body', () => {
    expect(Object.keys(BY_BODY).sort()).toEqual(Object.values(SessionBody).sort());
  });

  it.each(Object.values(SessionBody))('%s', (body) => {
    expect(proposalKindOf(body)).toBe(BY_BODY[body].kind);
    expect(proposerTitleOf(body)).toBe(BY_BODY[body].title);
  });

  it('gives the two bodies different kinds and titles', () => {
    expect(proposalKindOf(SessionBody.Cppcc)).not.toBe(proposalKindOf(SessionBody.Npc));
    expect(proposerTitleOf(SessionBody.Cppcc)).not.toBe(proposerTitleOf(SessionBody.Npc));
  });
});
