import type { OrganisationKind, Role } from '@dafu/platform/vocabulary';

export interface Organisation {
  id: string;
  name: string;
  shortName: string | null;
  kind: OrganisationKind;
  documentNumberPrefix: string | null;
  /** Where letters cc'd to it are e-mailed. */
  email: string | null;
  postalAddress: string | null;
}

export interface User {
  id: string;
  username: string;
  displayName: string;
  organisationId: string;
  roles: Role[];
  email: string | null;
  phone: string | null;
  /** Granted by an admin: a city reader may read drafts' text, not only their status. */
  mayReadDrafts: boolean;
  disabled: boolean;
  createdAt: Date;
}

/** A user with what login needs; never leaves the identity context. */
export interface UserCredentials extends User {
  passwordHash: string;
  organisation: Organisation;
}
