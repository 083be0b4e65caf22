import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { DatabaseSettings } from '../../platform/src/config/dafu-config';
import { databaseSettingsFromEnv, postgresOptions, withDatabase } from '../../platform/src/database/database-settings';
import { quoteIdentifier, withMaintenanceClient } from '../../platform/src/database/ensure-database';
import { ALL_MIGRATIONS } from '../../../migrations';

/** The server the tests use; DAFU_TEST_DATABASE_URL points elsewhere when needed. */
export function testServerSettings(): DatabaseSettings {
  return databaseSettingsFromEnv({
    DATABASE_URL: process.env.DAFU_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  });
}

export function assertTestDatabaseName(name: string): void {
  if (!name.includes('test'))
    throw new Error(`Refusing to touch database "${name}": test databases must have "test" in their name`);
}

export function newRunId(): string {
  return `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
}

export function templateDatabaseName(runId: string): string {
  return `dafu_test_tpl_${runId}`;
}

/** A new database named `name` (cloned from `template`) on the tests' server, or on `server` when given. */
export async function createEmptyDatabase(
  name: string,
  template = 'template0',
  server: DatabaseSettings = testServerSettings(),
): Promise<DatabaseSettings> {
  assertTestDatabaseName(name);
  await withMaintenanceClient(server, (client) =>
    client.query(
      `CREATE DATABASE ${quoteIdentifier(name)} TEMPLATE ${quoteIdentifier(template)} ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'`,
    ),
  );
  return withDatabase(server, name);
}

export async function dropDatabase(name: string): Promise<void> {
  assertTestDatabaseName(name);
  await withMaintenanceClient(testServerSettings(), (client) =>
    client.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(name)} WITH (FORCE)`),
  );
}

export async function dropDatabasesOfRun(runId: string): Promise<number> {
  return withMaintenanceClient(testServerSettings(), async (client) => {
    const { rows } = await client.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname LIKE 'dafu\\_test\\_%' AND datname LIKE $1`,
      [`%${runId}%`],
    );
    for (const { datname } of rows) {
      assertTestDatabaseName(datname);
      await client.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(datname)} WITH (FORCE)`);
    }
    return rows.length;
  });
}

export function migrationDataSource(settings: DatabaseSettings): DataSource {
  return new DataSource({ ...postgresOptions(settings), migrations: ALL_MIGRATIONS, logging: false });
}

export async function migrate(settings: DatabaseSettings): Promise<void> {
  const dataSource = migrationDataSource(settings);
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await dataSource.destroy();
  }
}

/** A fresh database for one test file, cloned from the run's migrated template. */
export async function createFileDatabase(): Promise<{ name: string; settings: DatabaseSettings }> {
  const runId = process.env.DAFU_TEST_RUN_ID;
  if (!runId)
    throw new Error('DAFU_TEST_RUN_ID is not set: run tests through jest (globalSetup prepares the template)');
  const name = `dafu_test_${runId}_${randomBytes(4).toString('hex')}`;
  const settings = await createEmptyDatabase(name, templateDatabaseName(runId));
  return { name, settings };
}

const STALE_AFTER_MS = 6 * 3600 * 1000;

/**
 * Drops what runs that were killed before their teardown left behind. Run ids start with the
 * run's start time in base 36, so only databases of runs older than six hours are touched.
 */
export async function dropStaleTestDatabases(now = Date.now()): Promise<string[]> {
  return withMaintenanceClient(testServerSettings(), async (client) => {
    const { rows } = await client.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname ~ '^dafu_test_(tpl_)?[0-9a-z]+'`,
    );
    const stale = rows
      .map((r) => r.datname)
      .filter((name) => {
        const runId = /^dafu_test_(?:tpl_)?([0-9a-z]{8,9})[0-9a-f]{6}(?:_|$)/.exec(name)?.[1];
        const startedAt = runId ? parseInt(runId, 36) : NaN;
        return Number.isFinite(startedAt) && startedAt > 1_600_000_000_000 && now - startedAt > STALE_AFTER_MS;
      });
    for (const name of stale) {
      assertTestDatabaseName(name);
      await client.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(name)} WITH (FORCE)`);
    }
    return stale;
  });
}
