import type { components } from './schema';

/** Names for the generated schemas the app uses (apps/web/src/api/schema.d.ts, from npm run web:api). */
export type Me = components['schemas']['MeDto'];
export type Tokens = components['schemas']['TokensDto'];
export type AssignmentListItem = components['schemas']['AssignmentListItemDto'];
export type Role = Me['roles'][number];
export type AssignmentStatus = AssignmentListItem['status'];
export type AssignmentRole = AssignmentListItem['role'];

export const ALL_ROLES: readonly Role[] = ['registrar', 'clerk', 'reviewer', 'signatory', 'supervisor', 'admin'];
