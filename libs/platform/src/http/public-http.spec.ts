import { etagMatches, etagOf, isCacheablePath, isPublicPath } from './public-http';

describe('public paths', () => {
  it.each([
    ['/public/replies', true, true],
    ['/public/replies/abc/pdf?x=1', true, true],
    ['/public/feedback/token', true, false],
    ['/public', true, true],
    ['/verify', true, false],
    ['/verify/三民文〔2023〕21号', true, false],
    ['/publication', false, false],
    ['/verifyx', false, false],
    ['/replies/abc', false, false],
    ['/auth/login', false, false],
  ])('%s is public %s, cacheable %s', (url, isPublic, cacheable) => {
    expect(isPublicPath(url)).toBe(isPublic);
    expect(isCacheablePath(url)).toBe(cacheable);
  });
});

describe('ETags', () => {
  it('are equal for equal bodies and differ otherwise', () => {
    expect(etagOf('{"a":1}')).toBe(etagOf(Buffer.from('{"a":1}')));
    expect(etagOf('{"a":1}')).not.toBe(etagOf('{"a":2}'));
    expect(etagOf('x')).toMatch(/^W\/"[A-Za-z0-9_-]+"$/);
  });

  it('match If-None-Match lists, weak or strong, and *', () => {
    const tag = etagOf('body');
    expect(etagMatches(undefined, tag)).toBe(false);
    expect(etagMatches(tag, tag)).toBe(true);
    expect(etagMatches(tag.replace(/^W\//, ''), tag)).toBe(true);
    expect(etagMatches(`"other", ${tag}`, tag)).toBe(true);
    expect(etagMatches('*', tag)).toBe(true);
    expect(etagMatches('"other"', tag)).toBe(false);
  });
});
