import { buildSnippet, escapeHtml, findMatches } from './snippet';

describe('findMatches', () => {
  it('prefers the longest term at each place and never overlaps', () => {
    expect(findMatches('日间照料中心和日间', ['日间', '日间照料', '照料'])).toEqual([
      { start: 0, end: 4 },
      { start: 7, end: 9 },
    ]);
  });

  it('ignores ASCII case and empty terms', () => {
    expect(findMatches('GDP gdp', ['gdp', ''])).toEqual([
      { start: 0, end: 3 },
      { start: 4, end: 7 },
    ]);
  });

  it('finds nothing without terms', () => {
    expect(findMatches('养老', [])).toEqual([]);
  });
});

describe('buildSnippet', () => {
  it('marks the matches in a short text', () => {
    const snippet = buildSnippet('建设日间照料中心', ['日间', '照料']);
    expect(snippet.text).toBe('建设日间照料中心');
    expect(snippet.marks).toEqual([
      { start: 2, end: 4 },
      { start: 4, end: 6 },
    ]);
    expect(snippet.html).toBe('建设<mark>日间</mark><mark>照料</mark>中心');
  });

  it('cuts a long text around the densest matches, with ellipses', () => {
    const text = `${'甲'.repeat(300)}养老${'乙'.repeat(10)}养老${'丙'.repeat(300)}`;
    const snippet = buildSnippet(text, ['养老'], 60);
    expect(snippet.text.startsWith('…')).toBe(true);
    expect(snippet.text.endsWith('…')).toBe(true);
    expect(snippet.marks).toHaveLength(2);
    for (const mark of snippet.marks) expect(snippet.text.slice(mark.start, mark.end)).toBe('养老');
    expect(snippet.text.length).toBeLessThanOrEqual(62);
  });

  it('chooses the window with the most matches over the first', () => {
    const text = `照料${'甲'.repeat(200)}照料乙照料丙照料${'丁'.repeat(200)}`;
    const snippet = buildSnippet(text, ['照料'], 40);
    expect(snippet.marks).toHaveLength(3);
  });

  it('gives the start of the text when nothing matches', () => {
    const snippet = buildSnippet('一二三四五六', ['养老'], 3);
    expect(snippet).toEqual({ text: '一二三…', marks: [], html: '一二三…' });
  });

  it('collapses white space and escapes HTML outside and inside marks', () => {
    const snippet = buildSnippet('<b>养老</b>\n\n  服务 & 照料', ['养老']);
    expect(snippet.text).toBe('<b>养老</b> 服务 & 照料');
    expect(snippet.html).toBe('&lt;b&gt;<mark>养老</mark>&lt;/b&gt; 服务 &amp; 照料');
  });

  it('escapeHtml escapes quotes', () => {
    expect(escapeHtml(`"'`)).toBe('&quot;&#39;');
  });
});
