import type { EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor';
import { AuditEventEntity } from './audit-event.entity';

export type AuditEntityType =
  | 'organisation'
  | 'user'
  | 'session'
  | 'proposal'
  | 'assignment'
  | 'calendar'
  | 'handling_rules'
  | 'notification_webhook'
  | 'reply'
  | 'review_chain'
  | 'reply_template'
  | 'grade_scale'
  | 'document_number_series'
  | 'letter_settings'
  | 'signing_credential'
  | 'delivery'
  | 'archive_import';

/** The working-day calendar is audited as one record under this id. */
export const CALENDAR_AUDIT_ID = '00000000-0000-4000-8000-00000000ca1e';

/** Each body's grade scale is audited as one record under these ids. */
export const GRADE_SCALE_AUDIT_ID = {
  cppcc: '00000000-0000-4000-8000-000000c99c9a',
  npc: '00000000-0000-4000-8000-00000000909a',
} as const;

/** Continuing a 文号 series is audited under this id, with the prefix and year in the data. */
export const DOCUMENT_NUMBER_SERIES_AUDIT_ID = '00000000-0000-4000-8000-0000000d0c50';

/** Each body's handling rules are audited as one record under these ids. */
export const HANDLING_RULES_AUDIT_ID = {
  cppcc: '00000000-0000-4000-8000-000000c99cc0',
  npc: '00000000-0000-4000-8000-0000000090c0',
} as const;

export interface AuditEventInput {
  /** null when the system itself acts (seeding, background jobs). */
  actor: Actor | null;
  entityType: AuditEntityType;
  entityId: string;
  action: string;
  fromState?: string | null;
  toState?: string | null;
  reason?: string | null;
  data?: Record<string, unknown>;
}

export interface AuditEvent {
  id: string;
  occurredAt: Date;
  actorUserId: string | null;
  actorOrganisationId: string | null;
  entityType: string;
  entityId: string;
  action: string;
  fromState: string | null;
  toState: string | null;
  reason: string | null;
  data: Record<string, unknown>;
  requestId: string | null;
}

/** Must be given the manager of the transaction that makes the change it records. */
export async function recordAuditEvents(manager: EntityManager, inputs: readonly AuditEventInput[]): Promise<void> {
  if (inputs.length === 0) return;
  await manager.save(
    AuditEventEntity,
    inputs.map((input) =>
      manager.create(AuditEventEntity, {
        actorUserId: input.actor?.userId ?? null,
        actorOrganisationId: input.actor?.organisationId ?? null,
        entityType: input.entityType,
        entityId: input.entityId,
        action: input.action,
        fromState: input.fromState ?? null,
        toState: input.toState ?? null,
        reason: input.reason ?? null,
        data: input.data ?? {},
        requestId: input.actor?.requestId ?? null,
      }),
    ),
  );
}

export function recordAuditEvent(manager: EntityManager, input: AuditEventInput): Promise<void> {
  return recordAuditEvents(manager, [input]);
}

export async function listAuditEvents(
  manager: EntityManager,
  entityType: AuditEntityType,
  entityId: string,
): Promise<AuditEvent[]> {
  const rows = await manager.find(AuditEventEntity, {
    where: { entityType, entityId },
    order: { occurredAt: 'ASC', id: 'ASC' },
  });
  return rows.map((row) => ({ ...row }));
}
