import type { Job } from 'bullmq';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { JobData, JobName } from './queue-names';

export interface JobHandler<N extends JobName = JobName> {
  readonly jobName: N;
  /** Receives the payload already validated; must be safe to run twice (delivery is at-least-once). */
  handle(data: JobData<N>, job: Job, token?: string): Promise<void>;
  /** Checks the raw payload and returns it typed; throws when a job is malformed. */
  parse(raw: unknown): JobData<N>;
}

export const JOB_HANDLERS = Symbol('JOB_HANDLERS');

/** One handler per job name, or the worker refuses to start. */
export function buildJobRegistry(handlers: readonly JobHandler[]): ReadonlyMap<JobName, JobHandler> {
  const registry = new Map<JobName, JobHandler>();
  for (const handler of handlers) {
    if (registry.has(handler.jobName)) throw new Error(`Two handlers registered for job ${handler.jobName}`);
    registry.set(handler.jobName, handler);
  }
  const missing = Object.values(JobName).filter((name) => !registry.has(name));
  if (missing.length > 0) throw new Error(`No handler registered for job(s): ${missing.join(', ')}`);
  return registry;
}

/**
 * Stable ids make an enqueue idempotent: the same entity and job never run twice side by side.
 * BullMQ refuses ':' in custom ids (it is its key separator), hence '--'.
 */
export function jobIdOf(entityId: string, jobName: JobName): string {
  return `${entityId}--${jobName}`;
}

/** Validates a job's raw payload against its class (whitelisted, nothing extra) and returns it typed. */
export function parseJobPayload<T extends object>(payloadClass: new () => T, raw: unknown, jobName: JobName): T {
  const payload = plainToInstance(payloadClass, raw);
  const errors = validateSync(payload, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length > 0) throw new Error(`Malformed ${jobName} payload: ${errors.map((e) => e.property).join(', ')}`);
  return payload;
}
