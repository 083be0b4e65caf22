import { DataSource } from 'typeorm';
import { postgresOptions } from '@dafu/platform/database/database-settings';
import { allocateDocumentNumber } from '@dafu/replies/document-numbers';
import { TestContext } from '@dafu/testing';

describe('Document numbers (文号) taken at sign-off', () => {
  let ctx: TestContext;

  beforeAll(async () => {
    ctx = await TestContext.start();
  });
  afterAll(() => ctx.close());

  it('numbers each bureau prefix and year from 1, consecutively', async () => {
    const take = (prefix: string, year: number) =>
      ctx.dataSource.transaction((m) => allocateDocumentNumber(m, prefix, year));
    expect((await take('三民文', 2023)).text).toBe('三民文〔2023〕1号');
    expect((await take('三民文', 2023)).text).toBe('三民文〔2023〕2号');
    expect((await take('三民文', 2024)).text).toBe('三民文〔2024〕1号');
    expect((await take('焦民文', 2023)).text).toBe('焦民文〔2023〕1号');
    expect((await take(' 三民文 ', 2023)).text).toBe('三民文〔2023〕3号');
  });

  it('gives a number back when the sign-off rolls back, so no number is skipped', async () => {
    await expect(
      ctx.dataSource.transaction(async (m) => {
        await allocateDocumentNumber(m, '濮民文', 2023);
        throw new Error('the signatory’s key was refused');
      }),
    ).rejects.toThrow();
    const next = await ctx.dataSource.transaction((m) => allocateDocumentNumber(m, '濮民文', 2023));
    expect(next.sequence).toBe(1);
  });

  it('never hands out a number twice under 200 concurrent sign-offs on two API instances', async () => {
    const instances = await Promise.all(
      [1, 2].map(async () => {
        const ds = new DataSource({ ...postgresOptions({ url: process.env.DATABASE_URL }), extra: { max: 10 } });
        return ds.initialize();
      }),
    );
    try {
      const results = await Promise.all(
        Array.from({ length: 200 }, (_, i) =>
          instances[i % 2].transaction(async (m) => {
            const allocated = await allocateDocumentNumber(m, '本民文', 2022);
            // The rest of a sign-off takes a moment while the counter row stays locked.
            await m.query('SELECT pg_sleep($1)', [Math.random() / 200]);
            return allocated.sequence;
          }),
        ),
      );
      expect([...results].sort((a, b) => a - b)).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    } finally {
      await Promise.all(instances.map((ds) => ds.destroy()));
    }
  });

  it('refuses a series without a prefix before touching the counters', async () => {
    await expect(ctx.dataSource.transaction((m) => allocateDocumentNumber(m, '  ', 2023))).rejects.toThrow(RangeError);
    const rows = await ctx.dataSource.query(
      `SELECT count(*)::int AS n FROM document_number_counters WHERE btrim(prefix) = ''`,
    );
    expect(rows[0].n).toBe(0);
  });
});
