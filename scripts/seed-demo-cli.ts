import 'reflect-metadata';
import { loadEnvironmentOrExit } from '@dafu/platform/config/load-environment';

loadEnvironmentOrExit('dafu-seed');

async function main(): Promise<void> {
  const { NestFactory } = await import('@nestjs/core');
  const { ApiModule } = await import('../apps/api/src/api.module');
  const { seedDemo } = await import('./seed-demo');
  const { DEMO_PASSWORD, DEMO_USERS } = await import('./demo-data');
  const app = await NestFactory.createApplicationContext(ApiModule, { logger: ['error', 'warn'] });
  try {
    const report = await seedDemo(app);
    process.stdout.write(
      `Demo data loaded (new: ${report.organisations} organisations, ${report.users} users, ${report.sessions} sessions, ` +
        `${report.proposals} proposals, ${report.assignments} assignments).\n`,
    );
    process.stdout.write(`Demo users (password ${DEMO_PASSWORD}): ${DEMO_USERS.map((u) => u.username).join(', ')}\n`);
  } finally {
    await app.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`Seeding failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
