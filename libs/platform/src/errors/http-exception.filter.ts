import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DafuError } from './dafu-error';
import { describeError, ErrorCode } from './error-codes';
import { isDatabaseUnavailable } from '../database/postgres-errors';
import { requestIdOf } from '../logging/request-id';

export interface ErrorBody {
  code: ErrorCode;
  /** In the language the client asked for (Accept-Language), Chinese by default. */
  message: string;
  messages: { zh: string; en: string };
  details?: Record<string, unknown>;
  requestId?: string;
}

export function prefersEnglish(acceptLanguage: string | string[] | undefined): boolean {
  const header = Array.isArray(acceptLanguage) ? acceptLanguage[0] : acceptLanguage;
  return typeof header === 'string' && /^\s*en\b/i.test(header);
}

export function errorBody(
  code: ErrorCode,
  details: Record<string, unknown> | undefined,
  request: { headers: Record<string, string | string[] | undefined> } | undefined,
  requestId?: string,
  messages?: { zh: string; en: string },
): ErrorBody {
  const description = messages ?? describeError(code);
  return {
    code,
    message: prefersEnglish(request?.headers['accept-language']) ? description.en : description.zh,
    messages: { zh: description.zh, en: description.en },
    ...(details ? { details } : {}),
    ...(requestId ? { requestId } : {}),
  };
}

/** Turns framework HTTP exceptions (unknown route, passport refusals, body limits) into coded errors. */
export function codeForHttpStatus(status: number, hadAuthorizationHeader: boolean): ErrorCode {
  switch (status) {
    case HttpStatus.NOT_FOUND:
      return ErrorCode.RouteNotFound;
    case HttpStatus.UNAUTHORIZED:
      return hadAuthorizationHeader ? ErrorCode.AuthTokenInvalid : ErrorCode.AuthTokenMissing;
    case HttpStatus.FORBIDDEN:
      return ErrorCode.Forbidden;
    case HttpStatus.PAYLOAD_TOO_LARGE:
      return ErrorCode.PayloadTooLarge;
    case HttpStatus.TOO_MANY_REQUESTS:
      return ErrorCode.AuthRateLimited;
    default:
      return status >= 500 ? ErrorCode.Internal : ErrorCode.ValidationFailed;
  }
}

/** Fastify's own client errors (malformed JSON, unsupported content type, body too large) carry a 4xx statusCode. */
function statusOfFastifyError(exception: unknown): number | undefined {
  if (!(exception instanceof Error)) return undefined;
  const { statusCode, code } = exception as Error & { statusCode?: unknown; code?: unknown };
  const isFastify = typeof code === 'string' && code.startsWith('FST_');
  return isFastify && typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500 ? statusCode : undefined;
}

/** JSON even where the route declared another type (a letter's text/plain), which Fastify could not serialise. */
function sendError(reply: FastifyReply, status: number, body: ReturnType<typeof errorBody>) {
  return reply.status(status).header('content-type', 'application/json; charset=utf-8').send(body);
}

@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger(HttpExceptionFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const requestId = requestIdOf(request);

    if (exception instanceof DafuError) {
      const { status } = describeError(exception.code);
      void sendError(
        reply,
        status,
        errorBody(exception.code, exception.details, request, requestId, exception.messages),
      );
      return;
    }
    if (exception instanceof HttpException && exception.getStatus() < 500) {
      const status = exception.getStatus();
      const code = codeForHttpStatus(status, Boolean(request.headers.authorization));
      const response = exception.getResponse();
      const reason = typeof response === 'object' && response && 'message' in response ? response.message : undefined;
      const details = code === ErrorCode.ValidationFailed && reason ? { reason } : undefined;
      void sendError(reply, describeError(code).status, errorBody(code, details, request, requestId));
      return;
    }
    const fastifyStatus = statusOfFastifyError(exception);
    if (fastifyStatus !== undefined) {
      const code = codeForHttpStatus(fastifyStatus, Boolean(request.headers.authorization));
      const details = code === ErrorCode.ValidationFailed ? { reason: (exception as Error).message } : undefined;
      void sendError(reply, describeError(code).status, errorBody(code, details, request, requestId));
      return;
    }
    if (isDatabaseUnavailable(exception)) {
      // PostgreSQL is down or restarting: the request's transaction did not commit, and the pool
      // connects again by itself once the server is back. Worth a warning, not a stack per request.
      this.logger.warn({ requestId, reason: (exception as Error).message }, 'Database unavailable');
      void sendError(reply, 503, errorBody(ErrorCode.DatabaseUnavailable, undefined, request, requestId));
      return;
    }
    if (exception instanceof HttpException && exception.getStatus() === HttpStatus.SERVICE_UNAVAILABLE) {
      // /health (terminus) reporting a dependency down: its report goes along as the details.
      const response = exception.getResponse();
      const details = typeof response === 'object' && response ? (response as Record<string, unknown>) : undefined;
      void sendError(reply, 503, errorBody(ErrorCode.ServiceUnavailable, details, request, requestId));
      return;
    }
    this.logger.error({ err: exception, requestId }, 'Unhandled error');
    void sendError(reply, 500, errorBody(ErrorCode.Internal, undefined, request, requestId));
  }
}
