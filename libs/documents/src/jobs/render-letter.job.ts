import { Injectable, Logger } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { IsUUID, validateSync } from 'class-validator';
import type { JobHandler } from '@dafu/platform/queue/job-registry';
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
    const payload = plainToInstance(RenderLetterPayload, raw);
    const errors = validateSync(payload, { whitelist: true, forbidNonWhitelisted: true });
    if (errors.length > 0)
      throw new Error(`Malformed ${this.jobName} payload: ${errors.map((e) => e.property).join(', ')}`);
    return { replyId: payload.replyId };
  }

  async handle(data: RenderLetterJobData): Promise<void> {
    const outcome = await this.production.produce(data.replyId);
    this.logger.log({ replyId: data.replyId, outcome }, 'Letter job done');
  }
}
