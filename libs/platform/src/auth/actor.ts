import { OrganisationKind, Role } from '../vocabulary';

/** Who is acting: the authenticated user with the organisation every read and write is scoped by. */
export interface Actor {
  readonly userId: string;
  readonly username: string;
  readonly organisationId: string;
  readonly organisationKind: OrganisationKind;
  readonly roles: readonly Role[];
  readonly requestId?: string;
}

/** Background jobs and seeding act as the system, recorded as such in audit events. */
export const SYSTEM_ACTOR_NAME = 'system';
