import { Injectable, Logger } from '@nestjs/common';
import { IsUUID } from 'class-validator';
import { type JobHandler, parseJobPayload } from '@dafu/platform/queue/job-registry';
import { JobName, type RenderLetterJobData } from '@dafu/platform/queue/queue-names';
import { LetterProductionService } from '../letter-production.service';

class RenderLetterPayload implements RenderLetterJobData {
  @IsUUID() replyId: string;
}

/** Renders, signs and stores the final letter of one signed reply, then issues it. */
@Injectable()
export class RenderLetterJob implements JobHandler<JobName.RenderLetter> {
  readonly jobName = JobName.RenderLetter;
  private readonly logger = new Logger(RenderLetterJob.name);

  constructor(private readonly production: LetterProductionService) {}

  parse(raw: unknown): RenderLetterJobData {
    const payload = parseJobPayload(RenderLetterPayload, raw, this.jobName);
    return { replyId: payload.replyId };
  }

  async handle(data: RenderLetterJobData): Promise<void> {
    const outcome = await this.production.produce(data.replyId);
    this.logger.log({ replyId: data.replyId, outcome }, 'Letter job done');
  }
}
