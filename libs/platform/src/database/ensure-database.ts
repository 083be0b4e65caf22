import { Client } from 'pg';
import type { DatabaseSettings } from '../config/dafu-config';
import { databaseNameOf, withDatabase } from './database-settings';

function clientFor(settings: DatabaseSettings): Client {
  return settings.url
    ? new Client({ connectionString: settings.url })
    : new Client({
        host: settings.host,
        port: settings.port,
        user: settings.username,
        password: settings.password,
        database: settings.database,
      });
}

export function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** Runs `work` against the server's maintenance database (postgres). */
export async function withMaintenanceClient<T>(
  settings: DatabaseSettings,
  work: (client: Client) => Promise<T>,
): Promise<T> {
  const client = clientFor(withDatabase(settings, 'postgres'));
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * Creates the configured database if it is missing. UTF-8 with a C.UTF-8 ctype because
 * pg_trgm only splits Chinese text into trigrams under a UTF-8 locale.
 */
export async function ensureDatabase(settings: DatabaseSettings): Promise<'created' | 'exists'> {
  const name = databaseNameOf(settings);
  return withMaintenanceClient(settings, async (client) => {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount) return 'exists';
    await client.query(
      `CREATE DATABASE ${quoteIdentifier(name)} ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8' TEMPLATE template0`,
    );
    return 'created';
  });
}
