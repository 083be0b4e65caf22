import { existsSync } from 'node:fs';
import { databaseNameOf, databaseSettingsFromEnv } from '../libs/platform/src/database/database-settings';
import { ensureDatabase } from '../libs/platform/src/database/ensure-database';

if (existsSync('.env')) process.loadEnvFile('.env');

async function main(): Promise<void> {
  const settings = databaseSettingsFromEnv(process.env);
  const outcome = await ensureDatabase(settings);
  process.stdout.write(
    `Database ${databaseNameOf(settings)}: ${outcome === 'created' ? 'created' : 'already exists'}\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`Could not create the database: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
