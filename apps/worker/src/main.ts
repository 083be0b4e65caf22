import 'reflect-metadata';
import { loadEnvironmentOrExit } from '@dafu/platform/config/load-environment';

loadEnvironmentOrExit('dafu-worker');

/** The worker has no HTTP server: an application context running BullMQ processors. */
async function bootstrap(): Promise<void> {
  const { NestFactory } = await import('@nestjs/core');
  const { Logger } = await import('nestjs-pino');
  const { WorkerModule } = await import('./worker.module');
  const app = await NestFactory.createApplicationContext(WorkerModule, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  await app.init();
}

bootstrap().catch((error: unknown) => {
  process.stderr.write(
    `Dafu worker failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
