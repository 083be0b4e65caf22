import type { EntityManager } from 'typeorm';
import { OutboxEventEntity } from './outbox-event.entity';

/**
 * Domain events other contexts (reminders, documents, notifications) react to in the background.
 * Payloads carry ids and small scalars only; handlers reload the truth from Postgres.
 */
export enum DomainEventName {
  AssignmentCreated = 'assignment.created',
  /** Any move of an assignment's status (acknowledged, reassigned, replied, withdrawn…). */
  AssignmentStateChanged = 'assignment.state_changed',
  /** The stored due date or acknowledgement date moved (an extension, new rules): reminders move with it. */
  AssignmentDueDateChanged = 'assignment.due_date_changed',
  /** Reminders or a 催办 made notifications whose e-mails and webhooks are to be sent. */
  NotificationsCreated = 'notifications.created',
  /** A body's deadline or reminder rules changed. */
  HandlingRulesChanged = 'handling_rules.changed',
  /** 签发: the final letter is to be produced and sent. */
  ReplySigned = 'reply.signed',
  /** A signed letter was declared void; whatever went out with it must be recalled. */
  ReplyVoided = 'reply.voided',
  /** The final documents exist and the deliveries are planned: send them. */
  ReplyIssued = 'reply.issued',
  /** A proposal was registered, imported, edited, moved through its lifecycle or deleted: search re-reads it. */
  ProposalChanged = 'proposal.changed',
}

export interface DomainEventInput {
  name: DomainEventName;
  aggregateType: 'assignment' | 'reply' | 'handling_rules' | 'urge' | 'proposal';
  aggregateId: string;
  payload: Record<string, string | number | boolean | null>;
}

export interface DomainEvent extends DomainEventInput {
  id: string;
  createdAt: Date;
}

/** Must be given the manager of the transaction that makes the change the events announce. */
export async function recordDomainEvents(manager: EntityManager, events: readonly DomainEventInput[]): Promise<void> {
  if (events.length === 0) return;
  await manager.save(
    OutboxEventEntity,
    events.map((event) =>
      manager.create(OutboxEventEntity, {
        eventName: event.name,
        aggregateType: event.aggregateType,
        aggregateId: event.aggregateId,
        payload: event.payload,
      }),
    ),
  );
}
