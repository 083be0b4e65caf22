import { randomBytes } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AuditEventEntity } from '@dafu/platform/audit/audit-event.entity';
import { OutboxEventEntity } from '@dafu/platform/outbox/outbox-event.entity';
import { DeliveryEntity } from '@dafu/documents/entities/delivery.entity';
import { LetterSettingsEntity } from '@dafu/documents/entities/letter-settings.entity';
import { ReplyDocumentEntity } from '@dafu/documents/entities/reply-document.entity';
import { SigningCredentialEntity } from '@dafu/documents/entities/signing-credential.entity';
import { OrganisationEntity } from '@dafu/identity/entities/organisation.entity';
import { ProposalEntity } from '@dafu/proposals/entities/proposal.entity';
import { ReplyEntity, ReplyVersionEntity } from '@dafu/replies/entities/reply.entity';
import {
  NotificationDeliveryEntity,
  NotificationEntity,
  NotificationWebhookEntity,
  UrgeEntity,
} from '@dafu/reminders/entities/notification.entity';
import { createEmptyDatabase, dropDatabase, templateDatabaseName } from '@dafu/testing';

/**
 * The worker started on its own, as it runs in production. In the e2e tests it starts beside the
 * API in one process, where TypeORM shares the API's entity registrations with it, so a table the
 * worker writes without registering went unnoticed there and failed in the real worker.
 */
describe('The worker on its own', () => {
  const name = `dafu_test_${process.env.DAFU_TEST_RUN_ID}_worker_${randomBytes(3).toString('hex')}`;
  let worker: INestApplicationContext;

  beforeAll(async () => {
    const settings = await createEmptyDatabase(name, templateDatabaseName(process.env.DAFU_TEST_RUN_ID as string));
    process.env.DATABASE_URL = settings.url;
    process.env.REDIS_PREFIX = `dafu_test:${process.env.DAFU_TEST_RUN_ID}:${randomBytes(4).toString('hex')}`;
    const { WorkerModule } = await import('../../apps/worker/src/worker.module');
    worker = await NestFactory.createApplicationContext(WorkerModule, { logger: false });
  });
  afterAll(async () => {
    await worker.close();
    await dropDatabase(name);
  });

  it.each(
    [
      AuditEventEntity,
      OutboxEventEntity,
      OrganisationEntity,
      ProposalEntity,
      ReplyEntity,
      ReplyVersionEntity,
      LetterSettingsEntity,
      SigningCredentialEntity,
      ReplyDocumentEntity,
      DeliveryEntity,
      NotificationEntity,
      NotificationDeliveryEntity,
      NotificationWebhookEntity,
      UrgeEntity,
    ].map((entity) => [entity.name, entity] as const),
  )('knows the table of %s, which its jobs read or write', (_, entity) => {
    expect(worker.get<DataSource>(getDataSourceToken()).hasMetadata(entity)).toBe(true);
  });
});
