import { existsSync } from 'node:fs';
import Redis from 'ioredis';
import { Client } from 'pg';
import { databaseSettingsFromEnv, withDatabase } from '../libs/platform/src/database/database-settings';

if (existsSync('.env')) process.loadEnvFile('.env');

/** Says which of PostgreSQL and Redis cannot be reached, and how to start it, instead of a stack trace. */
async function main(): Promise<void> {
  const problems: string[] = [];
  const settings = withDatabase(databaseSettingsFromEnv(process.env), 'postgres');
  const pg = settings.url
    ? new Client({ connectionString: settings.url, connectionTimeoutMillis: 3000 })
    : new Client({
        host: settings.host,
        port: settings.port,
        user: settings.username,
        password: settings.password,
        database: 'postgres',
        connectionTimeoutMillis: 3000,
      });
  try {
    await pg.connect();
    await pg.query('SELECT 1');
  } catch (error) {
    problems.push(
      `PostgreSQL is not reachable (${error instanceof Error ? error.message : String(error)}).\n` +
        `    Start it with:  docker compose up -d postgres\n` +
        `    or locally:     pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start`,
    );
  } finally {
    await pg.end().catch(() => undefined);
  }
  const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  const redis = new Redis(redisUrl, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    connectTimeout: 3000,
    retryStrategy: () => null,
  });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    problems.push(
      `Redis is not reachable at ${redisUrl} (${error instanceof Error ? error.message : String(error)}).\n` +
        `    Start it with:  docker compose up -d redis\n` +
        `    or locally:     redis-server --daemonize yes --bind 127.0.0.1 --port 6379`,
    );
  } finally {
    redis.disconnect();
  }
  if (problems.length > 0) {
    process.stderr.write(`Dafu needs PostgreSQL and Redis:\n  - ${problems.join('\n  - ')}\n`);
    process.exit(1);
  }
  process.stdout.write('PostgreSQL and Redis are reachable.\n');
}

void main();
