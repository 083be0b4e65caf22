import { createEmptyDatabase, dropStaleTestDatabases, migrate, newRunId, templateDatabaseName } from './test-database';

/** Migrates once into a template database; each test file then clones it (CREATE DATABASE … TEMPLATE). */
export default async function globalSetup(): Promise<void> {
  await dropStaleTestDatabases();
  const runId = newRunId();
  process.env.DAFU_TEST_RUN_ID = runId;
  const settings = await createEmptyDatabase(templateDatabaseName(runId));
  await migrate(settings);
}
