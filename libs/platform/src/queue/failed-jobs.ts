import { getQueueToken } from '@nestjs/bullmq';
import { Controller, Get, HttpCode, Injectable, Param, ParseEnumPipe, Post } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { ApiBearerAuth, ApiOkResponse, ApiParam, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { Queue } from 'bullmq';
import { Permission } from '../auth/access';
import { RequirePermission } from '../auth/auth.decorators';
import { DafuError } from '../errors/dafu-error';
import { ErrorCode } from '../errors/error-codes';
import { QueueName } from './queue-names';

export class FailedJobDto {
  @ApiProperty({ enum: QueueName, enumName: 'QueueName' }) queue: QueueName;
  @ApiProperty() id: string;
  @ApiProperty({ example: 'letter.render' }) name: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'the ids the job works on',
    example: { replyId: '…' },
  })
  data: Record<string, unknown>;
  @ApiProperty({ description: 'the last error' }) failedReason: string;
  @ApiProperty() attemptsMade: number;
  @ApiProperty({ nullable: true, type: Date }) failedAt: Date | null;
}

/** Jobs that failed for good (every retry spent): what admins see and may run again. */
@Injectable()
export class FailedJobsService {
  constructor(private readonly modules: ModuleRef) {}

  async list(): Promise<FailedJobDto[]> {
    const all = await Promise.all(
      Object.values(QueueName).map(async (queue) => {
        const jobs = await this.queue(queue).getFailed(0, 199);
        return jobs.map((job) => ({
          queue,
          id: String(job.id),
          name: job.name,
          data: job.data as Record<string, unknown>,
          failedReason: job.failedReason ?? '',
          attemptsMade: job.attemptsMade,
          failedAt: job.finishedOn ? new Date(job.finishedOn) : null,
        }));
      }),
    );
    return all.flat().sort((a, b) => (b.failedAt?.getTime() ?? 0) - (a.failedAt?.getTime() ?? 0));
  }

  async retry(queue: QueueName, id: string): Promise<void> {
    const job = await this.queue(queue).getJob(id);
    if (!job) throw new DafuError(ErrorCode.JobNotFound, { queue, id });
    if (!(await job.isFailed())) throw new DafuError(ErrorCode.JobNotFailed, { queue, id });
    await job.retry('failed');
  }

  private queue(name: QueueName): Queue {
    return this.modules.get<Queue>(getQueueToken(name), { strict: false });
  }
}

@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/failed-jobs')
export class FailedJobsController {
  constructor(private readonly failedJobs: FailedJobsService) {}

  @Get()
  @RequirePermission(Permission.JobsManage)
  @ApiOkResponse({ type: [FailedJobDto] })
  list() {
    return this.failedJobs.list();
  }

  @Post(':queue/:id/retry')
  @HttpCode(204)
  @RequirePermission(Permission.JobsManage)
  // Named explicitly: under ts-node's transpile-only the enum type reflects as Object, which Swagger skips.
  @ApiParam({ name: 'queue', enum: QueueName, enumName: 'QueueName' })
  retry(@Param('queue', new ParseEnumPipe(QueueName)) queue: QueueName, @Param('id') id: string) {
    return this.failedJobs.retry(queue, id);
  }
}
