import 'reflect-metadata';
import { loadEnvironmentOrExit } from '@dafu/platform/config/load-environment';

loadEnvironmentOrExit('dafu-api');

async function bootstrap(): Promise<void> {
  // Loaded after the environment check: module decorators read the configuration.
  const { NestFactory } = await import('@nestjs/core');
  const { DafuConfig } = await import('@dafu/platform/config/dafu-config');
  const { ApiModule } = await import('./api.module');
  const { configureApi, createFastifyAdapter } = await import('./configure-api');
  const app = await NestFactory.create<import('@nestjs/platform-fastify').NestFastifyApplication>(
    ApiModule,
    createFastifyAdapter(),
    { bufferLogs: true },
  );
  await configureApi(app);
  const { host, port } = app.get(DafuConfig).http;
  await app.listen(port, host);
}

bootstrap().catch((error: unknown) => {
  process.stderr.write(
    `Dafu API failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
