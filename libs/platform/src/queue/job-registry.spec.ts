import { IsUUID } from 'class-validator';
import { buildJobRegistry, jobIdOf, type JobHandler, parseJobPayload } from './job-registry';
import { JobName } from './queue-names';

class Payload {
  @IsUUID() replyId: string;
}

describe('job payloads and the registry', () => {
  const id = '6f1c2a0e-9d7b-4c1e-8a3f-2b5d4e6f7a8b';

  it('returns a payload that passes its class', () => {
    expect(parseJobPayload(Payload, { replyId: id }, JobName.RenderLetter)).toEqual({ replyId: id });
  });

  it('refuses a malformed or padded payload, naming the job and the fields', () => {
    expect(() => parseJobPayload(Payload, { replyId: 'x' }, JobName.RenderLetter)).toThrow(
      'Malformed letter.render payload: replyId',
    );
    expect(() => parseJobPayload(Payload, { replyId: id, extra: 1 }, JobName.RenderLetter)).toThrow(/extra/);
  });

  it('refuses to start with a job that has no handler, or two', () => {
    const handler = (jobName: JobName) => ({ jobName, parse: (raw: unknown) => raw, handle: async () => undefined });
    const all = Object.values(JobName).map(handler) as JobHandler[];
    expect(buildJobRegistry(all).size).toBe(all.length);
    expect(() => buildJobRegistry(all.slice(1))).toThrow(/No handler registered/);
    expect(() => buildJobRegistry([...all, all[0]])).toThrow(/Two handlers/);
  });

  it('makes ids BullMQ accepts', () => {
    expect(jobIdOf(id, JobName.RenderLetter)).toBe(`${id}--letter.render`);
  });
});
