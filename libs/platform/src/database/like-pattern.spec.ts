import { escapeLike } from './like-pattern';

describe('escapeLike', () => {
  it.each([
    ['日间照料', '日间照料'],
    ['100%', '100\\%'],
    ['a_b', 'a\\_b'],
    ['C:\\x', 'C:\\\\x'],
    ['%_\\', '\\%\\_\\\\'],
  ])('%j → %j', (text, pattern) => {
    expect(escapeLike(text)).toBe(pattern);
  });
});
