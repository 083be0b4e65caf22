import 'reflect-metadata';
import { loadEnvironmentOrExit } from '@dafu/platform/config/load-environment';

loadEnvironmentOrExit('dafu-search-rebuild');

/**
 * Rebuilds `search_documents` from the sources: every proposal, every signed or issued reply and
 * every archived letter. Safe to run at any time (the worker's updates are idempotent upserts);
 * needed after a restore, a change of the segmentation, or to index data loaded by hand.
 */
async function main(): Promise<void> {
  const { Module } = await import('@nestjs/common');
  const { NestFactory } = await import('@nestjs/core');
  const { PlatformConfigModule } = await import('@dafu/platform/config/config.module');
  const { DatabaseModule } = await import('@dafu/platform/database/database.module');
  const { SearchIndexer } = await import('@dafu/search/search-indexer.service');

  @Module({ imports: [PlatformConfigModule, DatabaseModule], providers: [SearchIndexer] })
  class RebuildModule {}

  const app = await NestFactory.createApplicationContext(RebuildModule, { logger: ['error', 'warn'] });
  try {
    const counts = await app.get(SearchIndexer).rebuild();
    process.stdout.write(
      `Search index rebuilt: ${counts.proposals} proposals, ${counts.replies} replies, ` +
        `${counts.archivedLetters} archived letters in ${counts.seconds.toFixed(1)} s.\n`,
    );
  } finally {
    await app.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`Rebuild failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
