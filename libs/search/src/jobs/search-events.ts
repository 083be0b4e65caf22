import { Injectable, OnModuleInit } from '@nestjs/common';
import { DomainEventSubscribers } from '@dafu/platform/outbox/domain-event.job';
import { DomainEventName } from '@dafu/platform/outbox/outbox';
import { SearchIndexer } from '../search-indexer.service';

/**
 * Keeps the search index in step with the sources, in the worker: each event names one record,
 * which is re-read and re-indexed (or removed). Idempotent, so redelivery does no harm.
 */
@Injectable()
export class SearchEvents implements OnModuleInit {
  constructor(
    private readonly subscribers: DomainEventSubscribers,
    private readonly indexer: SearchIndexer,
  ) {}

  onModuleInit(): void {
    this.subscribers.subscribe(DomainEventName.ProposalChanged, async (event) => {
      await this.indexer.indexProposals([event.aggregateId]);
    });
    const reply = async (event: { aggregateId: string }) => {
      await this.indexer.indexReplies([event.aggregateId]);
    };
    this.subscribers.subscribe(DomainEventName.ReplySigned, reply);
    this.subscribers.subscribe(DomainEventName.ReplyIssued, reply);
    this.subscribers.subscribe(DomainEventName.ReplyVoided, reply);
    // Which bureaus may read a proposal follows its assignments.
    const assignment = async (event: { aggregateId: string }) => {
      await this.indexer.indexProposalOfAssignment(event.aggregateId);
    };
    this.subscribers.subscribe(DomainEventName.AssignmentCreated, assignment);
    this.subscribers.subscribe(DomainEventName.AssignmentStateChanged, assignment);
  }
}
