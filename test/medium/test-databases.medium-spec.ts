import { createEmptyDatabase, dropDatabase, dropStaleTestDatabases } from '@dafu/testing';
import { withMaintenanceClient } from '@dafu/platform/database/ensure-database';
import { testServerSettings } from '@dafu/testing';

async function exists(name: string): Promise<boolean> {
  return withMaintenanceClient(testServerSettings(), async (client) => {
    const result = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    return result.rowCount === 1;
  });
}

describe('Test database housekeeping', () => {
  it('refuses databases without "test" in the name', async () => {
    await expect(createEmptyDatabase('dafu_production')).rejects.toThrow(/test/);
    await expect(dropDatabase('dafu')).rejects.toThrow(/test/);
  });

  it('drops what a killed run left behind days ago, and nothing of recent runs', async () => {
    const now = Date.now();
    const oldRun = `${(now - 3 * 24 * 3600 * 1000).toString(36)}abc123`;
    const recentRun = `${(now - 60_000).toString(36)}abc123`;
    const old = `dafu_test_${oldRun}_deadbeef`;
    const recent = `dafu_test_${recentRun}_deadbeef`;
    await createEmptyDatabase(old);
    await createEmptyDatabase(recent);
    try {
      const dropped = await dropStaleTestDatabases(now);
      expect(dropped).toContain(old);
      expect(dropped).not.toContain(recent);
      expect(await exists(old)).toBe(false);
      expect(await exists(recent)).toBe(true);
    } finally {
      await dropDatabase(old);
      await dropDatabase(recent);
    }
  });
});
