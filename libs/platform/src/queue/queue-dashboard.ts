import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import { Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import passport from 'passport';
import { can, Permission } from '../auth/access';
import { JWT_STRATEGY } from '../auth/access.guard';
import type { Actor } from '../auth/actor';
import { assertUnreachable } from '../errors/assert-unreachable';
import { DafuError, ForbiddenError } from '../errors/dafu-error';
import { describeError, ErrorCode } from '../errors/error-codes';
import { errorBody } from '../errors/http-exception.filter';

export const QUEUE_DASHBOARD_PATH = '/admin/queues';
/** The Basic challenge makes a browser ask for the username and password: it cannot send our Bearer token. */
export const QUEUE_DASHBOARD_CHALLENGE = 'Basic realm="Dafu queues"';

export type DashboardCredentials =
  | { readonly scheme: 'none' }
  | { readonly scheme: 'bearer' }
  | { readonly scheme: 'basic'; readonly username: string; readonly password: string }
  | { readonly scheme: 'unusable' };

/** What the Authorization header offers; Basic is `base64(username:password)` (RFC 7617), and the password may hold colons. */
export function readDashboardCredentials(header: string | undefined): DashboardCredentials {
  if (header === undefined || header.trim() === '') return { scheme: 'none' };
  const [scheme, value = ''] = header.trim().split(/\s+/, 2);
  if (/^bearer$/i.test(scheme)) return { scheme: 'bearer' };
  if (!/^basic$/i.test(scheme) || !/^[A-Za-z0-9+/]+={0,2}$/.test(value)) return { scheme: 'unusable' };
  const decoded = Buffer.from(value, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon <= 0) return { scheme: 'unusable' };
  return { scheme: 'basic', username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

export interface QueueDashboardOptions {
  /** The queues QueueModule registered, so the board reads the same prefixed Redis keys. */
  readonly queues: readonly Queue[];
  /** The login's own check (rate limit, password, disabled account) behind HTTP Basic. */
  readonly verifyCredentials: (
    username: string,
    password: string,
    clientIp: string,
    requestId: string,
  ) => Promise<Actor>;
}

const logger = new Logger('QueueDashboard');

/**
 * Bull Board, registered as an encapsulated Fastify plugin (register it with the prefix
 * QUEUE_DASHBOARD_PATH). Its routes are not Nest controllers, so neither the global AccessGuard
 * nor the OpenAPI document sees them: the onRequest hook below is their guard, and because it is
 * added in this plugin's own scope it runs before every route the board declares — page, JSON API
 * and static files alike — however the URL is spelled.
 */
export async function queueDashboard(fastify: FastifyInstance, options: QueueDashboardOptions): Promise<void> {
  fastify.addHook('onRequest', async (request, reply) => {
    try {
      const actor = await authenticate(request, reply, options);
      if (!can(actor, Permission.JobsManage)) throw new ForbiddenError();
    } catch (error) {
      return refuse(request, reply, error);
    }
  });

  const board = new FastifyAdapter();
  createBullBoard({
    queues: options.queues.map((queue) => new BullMQAdapter(queue)),
    serverAdapter: board,
    options: { uiConfig: { boardTitle: 'Dafu 答复 queues' } },
  });
  board.setBasePath(QUEUE_DASHBOARD_PATH);
  await fastify.register(board.registerPlugin());
}

async function authenticate(
  request: FastifyRequest,
  reply: FastifyReply,
  options: QueueDashboardOptions,
): Promise<Actor> {
  const credentials = readDashboardCredentials(request.headers.authorization);
  switch (credentials.scheme) {
    case 'none':
      throw new DafuError(ErrorCode.AuthTokenMissing);
    case 'unusable':
      throw new DafuError(ErrorCode.AuthTokenInvalid);
    case 'bearer':
      return actorOfBearer(request, reply);
    case 'basic':
      return options.verifyCredentials(credentials.username, credentials.password, request.ip, request.id);
    default:
      return assertUnreachable(credentials);
  }
}

/** The registered JWT strategy itself, called as AccessGuard calls it: same secret, expiry and disabled-user check. */
function actorOfBearer(request: FastifyRequest, reply: FastifyReply): Promise<Actor> {
  return new Promise((resolve, reject) => {
    const done = (error: unknown, actor: Actor | false | undefined) => {
      if (error instanceof DafuError) reject(error);
      else if (error || !actor) reject(new DafuError(ErrorCode.AuthTokenInvalid));
      else resolve(actor);
    };
    const middleware = passport.authenticate(JWT_STRATEGY, { session: false }, done) as (
      req: unknown,
      res: unknown,
      next: (error?: unknown) => void,
    ) => void;
    middleware(request, reply, (error) => done(error, undefined));
  });
}

/** The project's error body; every 401 carries the Basic challenge so a browser prompts. */
function refuse(request: FastifyRequest, reply: FastifyReply, error: unknown): FastifyReply {
  const known = error instanceof DafuError;
  if (!known) logger.error({ err: error, requestId: request.id }, 'Queue dashboard authentication failed');
  const code = known ? error.code : ErrorCode.Internal;
  const { status } = describeError(code);
  if (status === 401) reply.header('www-authenticate', QUEUE_DASHBOARD_CHALLENGE);
  return reply
    .status(status)
    .header('content-type', 'application/json; charset=utf-8')
    .send(errorBody(code, known ? error.details : undefined, request, request.id, known ? error.messages : undefined));
}
