import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';

/**
 * JSON logs through pino. Fastify generates the request id (see generateRequestId) and
 * pino-http reuses it, so log lines, error bodies and audit events carry the same id.
 */
@Module({
  imports: [
    LoggerModule.forRoot({
      pinoHttp: {
        level: process.env.LOG_LEVEL ?? 'info',
        genReqId: (req) => (req as unknown as { id?: string }).id ?? 'unknown',
        customProps: () => ({ app: process.env.DAFU_APP_NAME ?? 'dafu' }),
        redact: ['req.headers.authorization', 'req.headers.cookie'],
        serializers: {
          req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url }),
          res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
        },
        transport: process.env.LOG_PRETTY === 'true' ? { target: 'pino-pretty' } : undefined,
      },
    }),
  ],
})
export class LoggingModule {}
