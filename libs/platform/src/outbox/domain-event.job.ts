import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { UnrecoverableError } from 'bullmq';
import { Matches } from 'class-validator';
import { DataSource } from 'typeorm';
import { type JobHandler, parseJobPayload } from '../queue/job-registry';
import { DomainEventJobData, JobName } from '../queue/queue-names';
import { DomainEvent, DomainEventName } from './outbox';
import { OutboxEventEntity } from './outbox-event.entity';

class DomainEventPayload implements DomainEventJobData {
  @Matches(/^\d+$/) outboxId: string;
}

export type DomainEventSubscriber = (event: DomainEvent) => Promise<void>;

/** Contexts subscribe to domain events here (reminders will follow assignments' due dates). */
@Injectable()
export class DomainEventSubscribers {
  private readonly subscribers = new Map<DomainEventName, DomainEventSubscriber[]>();

  subscribe(name: DomainEventName, subscriber: DomainEventSubscriber): void {
    this.subscribers.set(name, [...(this.subscribers.get(name) ?? []), subscriber]);
  }

  of(name: DomainEventName): readonly DomainEventSubscriber[] {
    return this.subscribers.get(name) ?? [];
  }
}

/** Reloads the outbox row (the truth) and hands the event to every subscriber; each must be idempotent. */
@Injectable()
export class DomainEventJob implements JobHandler<JobName.DomainEvent> {
  readonly jobName = JobName.DomainEvent;
  private readonly logger = new Logger(DomainEventJob.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly subscribers: DomainEventSubscribers,
  ) {}

  parse(raw: unknown): DomainEventJobData {
    const payload = parseJobPayload(DomainEventPayload, raw, this.jobName);
    return { outboxId: payload.outboxId };
  }

  async handle(data: DomainEventJobData): Promise<void> {
    const row = await this.dataSource.getRepository(OutboxEventEntity).findOne({ where: { id: data.outboxId } });
    // Retrying cannot make it appear.
    if (!row) throw new UnrecoverableError(`Outbox event ${data.outboxId} does not exist`);
    const event: DomainEvent = {
      id: row.id,
      name: row.eventName as DomainEventName,
      aggregateType: row.aggregateType as DomainEvent['aggregateType'],
      aggregateId: row.aggregateId,
      payload: row.payload as DomainEvent['payload'],
      createdAt: row.createdAt,
    };
    const subscribers = this.subscribers.of(event.name);
    for (const subscriber of subscribers) await subscriber(event);
    this.logger.debug(
      { outboxId: row.id, event: row.eventName, subscribers: subscribers.length },
      'Domain event dispatched',
    );
  }
}
