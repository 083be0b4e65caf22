import type { MessageKey } from '../i18n/messages';
import { ALL_ROLES, type Role } from '../api/types';

export interface NavItem {
  key: NavKey;
  path: string;
  label: MessageKey;
  /** Roles that see the item; the API checks the same (libs/platform/src/auth/access.ts). */
  roles: readonly Role[];
}

/** Every page of the menu; App.tsx must give each one a page (the type says so). */
export type NavKey =
  | 'assignments'
  | 'drafts'
  | 'inbox'
  | 'signing'
  | 'sessions'
  | 'proposals'
  | 'import'
  | 'feedback'
  | 'dashboard'
  | 'overdue'
  | 'exports'
  | 'requests'
  | 'users'
  | 'organisations'
  | 'calendar'
  | 'templates'
  | 'signingKeys'
  | 'queues'
  | 'publicReplies';

const BUREAU: readonly Role[] = ['clerk', 'reviewer', 'signatory'];

/** Every page of the app in menu order, with the roles whose work it is. */
export const NAV_ITEMS: readonly NavItem[] = [
  { key: 'assignments', path: '/assignments', label: 'menu.assignments', roles: BUREAU },
  { key: 'drafts', path: '/drafts', label: 'menu.drafts', roles: ['clerk'] },
  { key: 'inbox', path: '/inbox', label: 'menu.inbox', roles: ['reviewer', 'signatory'] },
  { key: 'signing', path: '/signing', label: 'menu.signing', roles: ['signatory'] },
  { key: 'sessions', path: '/sessions', label: 'menu.sessions', roles: ['registrar'] },
  { key: 'proposals', path: '/proposals', label: 'menu.proposals', roles: ['registrar'] },
  { key: 'import', path: '/import', label: 'menu.import', roles: ['registrar'] },
  { key: 'feedback', path: '/feedback', label: 'menu.feedback', roles: ['registrar'] },
  { key: 'dashboard', path: '/supervision', label: 'menu.dashboard', roles: ['supervisor'] },
  { key: 'overdue', path: '/supervision/overdue', label: 'menu.overdue', roles: ['supervisor'] },
  { key: 'exports', path: '/supervision/exports', label: 'menu.exports', roles: ['supervisor'] },
  { key: 'requests', path: '/requests', label: 'menu.requests', roles: ['registrar', 'supervisor'] },
  { key: 'users', path: '/admin/users', label: 'menu.users', roles: ['admin'] },
  { key: 'organisations', path: '/admin/organisations', label: 'menu.organisations', roles: ['admin'] },
  { key: 'calendar', path: '/admin/calendar', label: 'menu.calendar', roles: ['admin'] },
  { key: 'templates', path: '/admin/templates', label: 'menu.templates', roles: ['admin'] },
  { key: 'signingKeys', path: '/admin/signing-keys', label: 'menu.signingKeys', roles: ['admin'] },
  { key: 'queues', path: '/admin/queues', label: 'menu.queues', roles: ['admin'] },
  { key: 'publicReplies', path: '/public-replies', label: 'menu.publicReplies', roles: ALL_ROLES },
];

/** The menu of a user holding these roles: every item one of them allows, in menu order. */
export function menuFor(roles: readonly Role[]): NavItem[] {
  return NAV_ITEMS.filter((item) => item.roles.some((role) => roles.includes(role)));
}

/** Where a user lands after login: the first item of their menu. */
export function homePathFor(roles: readonly Role[]): string {
  return menuFor(roles)[0]?.path ?? '/public-replies';
}
