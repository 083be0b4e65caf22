import type { Role } from '../api/types';
import { homePathFor, menuFor, NAV_ITEMS } from './navigation';

describe('menuFor', () => {
  it.each<[Role[], string[]]>([
    [['clerk'], ['assignments', 'drafts', 'publicReplies']],
    [['reviewer'], ['assignments', 'inbox', 'publicReplies']],
    [['signatory'], ['assignments', 'inbox', 'signing', 'publicReplies']],
    [['registrar'], ['sessions', 'proposals', 'import', 'requests', 'feedback', 'publicReplies']],
    [['supervisor'], ['requests', 'dashboard', 'overdue', 'exports', 'publicReplies']],
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
    expect(homePathFor(['supervisor'])).toBe('/requests');
    expect(homePathFor(['admin'])).toBe('/admin/users');
  });

  it('has the real pages built so far; the rest say they are not built', () => {
    expect(NAV_ITEMS.filter((item) => item.built).map((item) => item.key)).toEqual([
      'assignments',
      'inbox',
      'signing',
      'sessions',
      'proposals',
      'import',
      'requests',
      'feedback',
    ]);
    expect(new Set(NAV_ITEMS.map((item) => item.path)).size).toBe(NAV_ITEMS.length);
  });
});
