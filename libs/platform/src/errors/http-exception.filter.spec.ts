import type { ArgumentsHost } from '@nestjs/common';
import { ServiceUnavailableException } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { ErrorCode } from './error-codes';
import { HttpExceptionFilter } from './http-exception.filter';

/** The filter's answer to one exception, through a stand-in for Fastify's request and reply. */
function answerTo(exception: unknown, headers: Record<string, string> = {}) {
  const sent: { status?: number; body?: Record<string, unknown> } = {};
  const reply = {
    status(code: number) {
      sent.status = code;
      return reply;
    },
    header() {
      return reply;
    },
    send(body: Record<string, unknown>) {
      sent.body = body;
      return reply;
    },
  };
  const host = {
    switchToHttp: () => ({ getRequest: () => ({ headers, id: 'req-1' }), getResponse: () => reply }),
  } as unknown as ArgumentsHost;
  new HttpExceptionFilter().catch(exception, host);
  return sent;
}

describe('HttpExceptionFilter', () => {
  it('answers 503 DATABASE_UNAVAILABLE when PostgreSQL cannot be reached, in Chinese and English', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    const answer = answerTo(refused);
    expect(answer.status).toBe(503);
    expect(answer.body).toMatchObject({
      code: ErrorCode.DatabaseUnavailable,
      messages: { zh: expect.stringMatching(/数据库/), en: expect.stringMatching(/database/) },
    });
    expect(answer.body?.message).toBe((answer.body?.messages as { zh: string }).zh);
  });

  it('answers 503 DATABASE_UNAVAILABLE for a connection cut mid-query and for a server shutting down', () => {
    const cut = new QueryFailedError('UPDATE replies', [], new Error('Connection terminated unexpectedly'));
    const shutdown = Object.assign(new Error('terminating connection due to administrator command'), {
      code: '57P01',
    });
    for (const exception of [cut, shutdown]) {
      expect(answerTo(exception, { 'accept-language': 'en' })).toMatchObject({
        status: 503,
        body: { code: ErrorCode.DatabaseUnavailable, message: expect.stringMatching(/^The database/) },
      });
    }
  });

  it('answers 503 SERVICE_UNAVAILABLE with the health report when /health finds a dependency down', () => {
    const report = { status: 'error', info: {}, error: { postgres: { status: 'down' } }, details: {} };
    expect(answerTo(new ServiceUnavailableException(report))).toMatchObject({
      status: 503,
      body: { code: ErrorCode.ServiceUnavailable, details: report },
    });
  });

  it('keeps 500 INTERNAL for other failures', () => {
    const unique = new QueryFailedError('INSERT', [], Object.assign(new Error('duplicate key'), { code: '23505' }));
    expect(answerTo(unique)).toMatchObject({ status: 500, body: { code: ErrorCode.Internal } });
    expect(answerTo(new Error('boom'))).toMatchObject({ status: 500, body: { code: ErrorCode.Internal } });
  });
});
