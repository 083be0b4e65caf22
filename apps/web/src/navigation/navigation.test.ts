import type { Role } from '../api/types';
import { homePathFor, menuFor, NAV_ITEMS } from './navigation';

describe('menuFor', () => {
  it.each<[Role[], string[]]>([
    [['clerk'], ['assignments', 'drafts', 'publicReplies']],
    [['reviewer'], ['assignments', 'inbox', 'publicReplies']],
    [['signatory'], ['assignments', 'inbox', 'signing', 'publicReplies']],
    [['registrar'], ['sessions', 'proposals', 'import', 'feedback', 'requests', 'publicReplies']],
    [['supervisor'], ['dashboard', 'overdue', 'exports', 'requests', 'publicReplies']],
    [['admin'], ['users', 'organisations', 'calendar', 'templates', 'signingKeys', 'queues', 'publicReplies']],
    [
      ['clerk', 'reviewer'],
      ['assignments', 'drafts', 'inbox', 'publicReplies'],
    ],
    [[], []],
  ])('%j sees %j', (roles, keys) => {
    expect(menuFor(roles).map((item) => item.key)).toEqual(keys);
  });

  it('lands each user on the first item of their menu', () => {
    expect(homePathFor(['clerk'])).toBe('/assignments');
    expect(homePathFor(['supervisor'])).toBe('/supervision');
    expect(homePathFor(['registrar'])).toBe('/sessions');
    expect(homePathFor(['admin'])).toBe('/admin/users');
  });

  it('gives every page its own path', () => {
    expect(new Set(NAV_ITEMS.map((item) => item.path)).size).toBe(NAV_ITEMS.length);
  });
});
