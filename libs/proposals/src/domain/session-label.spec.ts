import { ProposalKind, SessionBody } from '@dafu/platform/vocabulary';
import { chineseNumeral } from './chinese-numerals';
import { proposalKindOf, proposerTitleOf, sessionLabel } from './session-label';

describe('sessionLabel', () => {
  it.each([
    [SessionBody.Cppcc, 8, 1, '市政协八届一次会议'],
    [SessionBody.Cppcc, 9, 2, '市政协九届二次会议'],
    [SessionBody.Npc, 9, 1, '市九届人大一次会议'],
    [SessionBody.Cppcc, 14, 2, '市政协十四届二次会议'],
    [SessionBody.Npc, 16, 3, '市十六届人大三次会议'],
  ])('%s term %i sitting %i is %s', (body, term, sitting, label) => {
    expect(sessionLabel(body, term, sitting)).toBe(label);
  });
});

describe('chineseNumeral', () => {
  it.each([
    [0, '零'],
    [1, '一'],
    [9, '九'],
    [10, '十'],
    [11, '十一'],
    [19, '十九'],
    [20, '二十'],
    [21, '二十一'],
    [99, '九十九'],
    [100, '一百'],
    [101, '一百零一'],
    [110, '一百一十'],
    [115, '一百一十五'],
    [230, '二百三十'],
    [999, '九百九十九'],
  ])('%i is %s', (n, text) => {
    expect(chineseNumeral(n)).toBe(text);
  });

  it.each([-1, 1000, 1.5, NaN])('refuses %p', (n) => {
    expect(() => chineseNumeral(n)).toThrow(RangeError);
  });
});

describe('what a body receives and how its members are addressed', () => {
  it('CPPCC: 提案 from 委员', () => {
    expect(proposalKindOf(SessionBody.Cppcc)).toBe(ProposalKind.Proposal);
    expect(proposerTitleOf(SessionBody.Cppcc)).toBe('委员');
  });
  it('NPC: 建议 from 代表', () => {
    expect(proposalKindOf(SessionBody.Npc)).toBe(ProposalKind.Suggestion);
    expect(proposerTitleOf(SessionBody.Npc)).toBe('代表');
  });
});
