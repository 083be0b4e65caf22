import type { MessageKey } from '../i18n/messages';
import { ALL_ROLES, type Role } from '../api/types';

export interface NavItem {
  key: string;
  path: string;
  label: MessageKey;
  /** Roles that see the item; the API checks the same (libs/platform/src/auth/access.ts). */
  roles: readonly Role[];
  /** false: the route shows "这一页尚未完成 / Not built yet". */
  built: boolean;
}

const BUREAU: readonly Role[] = ['clerk', 'reviewer', 'signatory'];

/** Every page of the app in menu order, with the roles whose work it is. */
export const NAV_ITEMS: readonly NavItem[] = [
  { key: 'assignments', path: '/assignments', label: 'menu.assignments', roles: BUREAU, built: true },
  { key: 'drafts', path: '/drafts', label: 'menu.drafts', roles: ['clerk'], built: false },
  { key: 'inbox', path: '/inbox', label: 'menu.inbox', roles: ['reviewer', 'signatory'], built: true },
  { key: 'signing', path: '/signing', label: 'menu.signing', roles: ['signatory'], built: true },
  { key: 'sessions', path: '/sessions', label: 'menu.sessions', roles: ['registrar'], built: true },
  { key: 'proposals', path: '/proposals', label: 'menu.proposals', roles: ['registrar'], built: true },
  { key: 'import', path: '/import', label: 'menu.import', roles: ['registrar'], built: true },
  { key: 'requests', path: '/requests', label: 'menu.requests', roles: ['registrar', 'supervisor'], built: true },
  { key: 'feedback', path: '/feedback', label: 'menu.feedback', roles: ['registrar'], built: true },
  { key: 'dashboard', path: '/supervision', label: 'menu.dashboard', roles: ['supervisor'], built: false },
  { key: 'overdue', path: '/supervision/overdue', label: 'menu.overdue', roles: ['supervisor'], built: false },
  { key: 'exports', path: '/supervision/exports', label: 'menu.exports', roles: ['supervisor'], built: false },
  { key: 'users', path: '/admin/users', label: 'menu.users', roles: ['admin'], built: false },
  { key: 'organisations', path: '/admin/organisations', label: 'menu.organisations', roles: ['admin'], built: false },
  { key: 'calendar', path: '/admin/calendar', label: 'menu.calendar', roles: ['admin'], built: false },
  { key: 'templates', path: '/admin/templates', label: 'menu.templates', roles: ['admin'], built: false },
  { key: 'signingKeys', path: '/admin/signing-keys', label: 'menu.signingKeys', roles: ['admin'], built: false },
  { key: 'queues', path: '/admin/queues', label: 'menu.queues', roles: ['admin'], built: false },
  { key: 'publicReplies', path: '/public-replies', label: 'menu.publicReplies', roles: ALL_ROLES, built: false },
];

/** The menu of a user holding these roles: every item one of them allows, in menu order. */
export function menuFor(roles: readonly Role[]): NavItem[] {
  return NAV_ITEMS.filter((item) => item.roles.some((role) => roles.includes(role)));
}

/** Where a user lands after login: the first item of their menu. */
export function homePathFor(roles: readonly Role[]): string {
  return menuFor(roles)[0]?.path ?? '/public-replies';
}
