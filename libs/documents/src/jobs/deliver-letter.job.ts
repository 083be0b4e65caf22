import { Injectable } from '@nestjs/common';
import type { Job } from 'bullmq';
import { IsUUID } from 'class-validator';
import { type JobHandler, parseJobPayload } from '@dafu/platform/queue/job-registry';
import { JobName, type DeliverLetterJobData } from '@dafu/platform/queue/queue-names';
import { LetterDeliveryService } from '../letter-delivery.service';

class DeliverLetterPayload implements DeliverLetterJobData {
  @IsUUID() deliveryId: string;
}

/** E-mails one issued letter to one recipient; BullMQ retries with backoff until the last attempt. */
@Injectable()
export class DeliverLetterJob implements JobHandler<JobName.DeliverLetter> {
  readonly jobName = JobName.DeliverLetter;

  constructor(private readonly delivery: LetterDeliveryService) {}

  parse(raw: unknown): DeliverLetterJobData {
    const payload = parseJobPayload(DeliverLetterPayload, raw, this.jobName);
    return { deliveryId: payload.deliveryId };
  }

  async handle(data: DeliverLetterJobData, job: Job): Promise<void> {
    const finalAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    await this.delivery.deliver(data.deliveryId, finalAttempt);
  }
}
