import { assertUnreachable } from '../errors/assert-unreachable';

/**
 * Queue names are a persisted contract: jobs already in Redis name their queue.
 * Do not rename a value; add a new queue and drain the old one instead.
 */
export enum QueueName {
  System = 'system',
  DomainEvents = 'domain-events',
}

export enum JobName {
  HealthCheck = 'system.health-check',
  /** One outbox row, published by the relay; its handler dispatches it to the subscribers. */
  DomainEvent = 'domain.event',
}

export interface HealthCheckJobData {
  requestedAt: string;
}

/** The payload of each job: IDs and small scalars only; workers reload the truth from Postgres. */
export interface DomainEventJobData {
  outboxId: string;
}

export interface JobDataMap {
  [JobName.HealthCheck]: HealthCheckJobData;
  [JobName.DomainEvent]: DomainEventJobData;
}

export type JobData<N extends JobName> = JobDataMap[N];

export function queueOf(job: JobName): QueueName {
  switch (job) {
    case JobName.HealthCheck:
      return QueueName.System;
    case JobName.DomainEvent:
      return QueueName.DomainEvents;
    default:
      return assertUnreachable(job);
  }
}
