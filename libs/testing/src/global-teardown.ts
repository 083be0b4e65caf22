import Redis from 'ioredis';
import { dropDatabasesOfRun } from './test-database';

/** Leaves nothing behind: this run's databases and Redis keys go, whatever the files did. */
export default async function globalTeardown(): Promise<void> {
  const runId = process.env.DAFU_TEST_RUN_ID;
  if (!runId) return;
  await dropDatabasesOfRun(runId);
  const redis = new Redis(process.env.DAFU_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379', { lazyConnect: true });
  try {
    await redis.connect();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `dafu_test:${runId}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length > 0) await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
