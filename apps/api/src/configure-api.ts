import multipart from '@fastify/multipart';
import helmet from '@fastify/helmet';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { getQueueToken } from '@nestjs/bullmq';
import { SwaggerModule } from '@nestjs/swagger';
import type { Queue } from 'bullmq';
import { Logger } from 'nestjs-pino';
import { DafuConfig } from '@dafu/platform/config/dafu-config';
import { HttpExceptionFilter } from '@dafu/platform/errors/http-exception.filter';
import { MAX_UPLOAD_BYTES } from '@dafu/platform/http/uploaded-file';
import { registerPublicHttp } from '@dafu/platform/http/public-http';
import { REDIS } from '@dafu/platform/redis/redis.module';
import { generateRequestId } from '@dafu/platform/logging/request-id';
import { QueueName } from '@dafu/platform/queue/queue-names';
import { QUEUE_DASHBOARD_PATH, queueDashboard } from '@dafu/platform/queue/queue-dashboard';
import { createValidationPipe, RefuseUnstorableValuesPipe } from '@dafu/platform/validation/validation';
import { actorOf, AuthService } from '@dafu/identity/auth.service';
import { createOpenApiDocument } from './openapi';
import { registerWebApp } from './web-app';

/** Reads TRUST_PROXY_HOPS itself: the adapter exists before Nest's configuration does. */
export function createFastifyAdapter(trustProxyHops = Number(process.env.TRUST_PROXY_HOPS ?? 0)): FastifyAdapter {
  return new FastifyAdapter({
    genReqId: generateRequestId,
    requestIdHeader: false,
    trustProxy: trustProxyHops > 0 ? trustProxyHops : false,
    bodyLimit: 2 * 1024 * 1024,
    logger: false,
  });
}

/** Everything main.ts and the e2e tests both need, so tests exercise the real HTTP stack. */
export async function configureApi(app: NestFastifyApplication): Promise<void> {
  const config = app.get(DafuConfig);
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  app.useGlobalPipes(new RefuseUnstorableValuesPipe(), createValidationPipe());
  app.useGlobalFilters(new HttpExceptionFilter());
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  registerPublicHttp(fastify, {
    redis: app.get(REDIS),
    keyPrefix: config.redis.prefix,
    rateLimit: config.publicHttp.rateLimit,
    rateWindowSeconds: config.publicHttp.rateWindowSeconds,
    cacheMaxAgeSeconds: config.publicHttp.cacheTtlSeconds,
  });
  await app.register(multipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1 } });
  await app.register(helmet, { contentSecurityPolicy: false });
  await registerQueueDashboard(app);
  await registerWebApp(app);

  if (config.http.swaggerEnabled) {
    const document = createOpenApiDocument(app);
    SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs/openapi.json' });
  }
}

/** Bull Board at /admin/queues for admins: every queue QueueModule registered, checked by the login service. */
async function registerQueueDashboard(app: NestFastifyApplication): Promise<void> {
  const auth = app.get(AuthService);
  await app.register(queueDashboard, {
    prefix: QUEUE_DASHBOARD_PATH,
    queues: Object.values(QueueName).map((name) => app.get<Queue>(getQueueToken(name), { strict: false })),
    verifyCredentials: async (username, password, clientIp, requestId) =>
      actorOf(await auth.validateCredentials(username, password, clientIp), requestId),
  });
}
