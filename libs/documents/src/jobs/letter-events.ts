import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, OnModuleInit } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { DomainEventSubscribers } from '@dafu/platform/outbox/domain-event.job';
import { DomainEventName } from '@dafu/platform/outbox/outbox';
import { jobIdOf } from '@dafu/platform/queue/job-registry';
import { JobName, QueueName } from '@dafu/platform/queue/queue-names';
import { DocumentsRepository } from '../documents.repository';
import { DeliveryChannel, DeliveryStatus } from '../entities/delivery.entity';

/**
 * Turns the replies' events into the documents' jobs: a sign-off asks for the final letter,
 * an issued letter for its e-mails. Job ids come from the entities, so a repeated event
 * enqueues nothing new.
 */
@Injectable()
export class LetterEvents implements OnModuleInit {
  constructor(
    private readonly subscribers: DomainEventSubscribers,
    private readonly repository: DocumentsRepository,
    @InjectQueue(QueueName.Documents) private readonly documents: Queue,
    @InjectQueue(QueueName.Deliveries) private readonly deliveries: Queue,
  ) {}

  onModuleInit(): void {
    this.subscribers.subscribe(DomainEventName.ReplySigned, (event) => this.renderLetter(event.aggregateId));
    this.subscribers.subscribe(DomainEventName.ReplyIssued, (event) => this.deliverLetter(event.aggregateId));
  }

  async renderLetter(replyId: string): Promise<void> {
    await this.documents.add(JobName.RenderLetter, { replyId }, { jobId: jobIdOf(replyId, JobName.RenderLetter) });
  }

  async deliverLetter(replyId: string): Promise<void> {
    const pending = (await this.repository.deliveries(replyId)).filter(
      (d) => d.channel === DeliveryChannel.Email && d.status === DeliveryStatus.Pending,
    );
    if (pending.length === 0) return;
    await this.deliveries.addBulk(
      pending.map((d) => ({
        name: JobName.DeliverLetter,
        data: { deliveryId: d.id },
        opts: { jobId: jobIdOf(d.id, JobName.DeliverLetter) },
      })),
    );
  }
}
