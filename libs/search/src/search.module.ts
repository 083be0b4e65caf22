import { Module } from '@nestjs/common';
import { DeadlinesModule } from '@dafu/deadlines/deadlines.module';
import { HandlingModule } from '@dafu/handling/handling.module';
import { SearchController } from './search.controller';
import { SearchIndexer } from './search-indexer.service';
import { SearchPublication } from './search-publication';
import { SearchService } from './search.service';
import { SimilarRepliesService } from './similar-replies.service';

@Module({
  imports: [HandlingModule, DeadlinesModule],
  controllers: [SearchController],
  providers: [SearchService, SearchIndexer, SimilarRepliesService, SearchPublication],
  exports: [SearchIndexer, SimilarRepliesService],
})
export class SearchModule {}
