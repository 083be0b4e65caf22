import type { components } from '../../api/schema';
import type { Role } from '../../api/types';

type Schemas = components['schemas'];

/** Names for the generated schemas the admin pages use. */
export type Organisation = Schemas['OrganisationDto'];
export type OrganisationKind = Schemas['OrganisationKind'];
export type User = Schemas['UserDto'];
export type CalendarDay = Schemas['CalendarDayDto'];
export type CalendarDayKind = Schemas['CalendarDayKind'];
export type ReviewStep = Schemas['ReviewStepDto'];
export type ReviewChain = Schemas['ReviewChainDto'];
export type LetterSettings = Schemas['LetterSettingsDto'];
export type LetterFormat = Schemas['LetterFormat'];
export type SigningCredential = Schemas['SigningCredentialDto'];
export type ReplyTemplate = Schemas['ReplyTemplateDto'];
export type ReplyTemplateInput = Schemas['ReplyTemplateInputDto'];
export type GradeScale = Schemas['GradeScaleDto'];
export type GradeClass = Schemas['GradeClassDto'];
export type SessionBody = Schemas['SessionBody'];
export type DocumentNumberSeries = Schemas['DocumentNumberSeriesDto'];
export type FailedJob = Schemas['FailedJobDto'];
export type QueueName = Schemas['QueueName'];
export type NotificationDelivery = Schemas['NotificationDeliveryDto'];

export const ORGANISATION_KINDS: readonly OrganisationKind[] = [
  'bureau',
  'cppcc_committee',
  'npc_committee',
  'supervision_office',
  'system',
];

export const SESSION_BODIES: readonly SessionBody[] = ['cppcc', 'npc'];

/**
 * The roles a member of each kind of organisation may hold: the API's own rule
 * (libs/identity/src/domain/role-placement.ts), offered here so the form only shows those.
 */
export function rolesAllowedIn(kind: OrganisationKind | undefined): readonly Role[] {
  switch (kind) {
    case undefined:
      return [];
    case 'bureau':
      return ['clerk', 'reviewer', 'signatory'];
    case 'cppcc_committee':
    case 'npc_committee':
      return ['registrar'];
    case 'supervision_office':
      return ['supervisor'];
    case 'system':
      return ['admin'];
  }
}
