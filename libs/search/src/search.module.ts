import { Module } from '@nestjs/common';
import { SearchController } from './search.controller';
import { SearchIndexer } from './search-indexer.service';
import { SearchService } from './search.service';
import { SimilarRepliesService } from './similar-replies.service';

@Module({
  controllers: [SearchController],
  providers: [SearchService, SearchIndexer, SimilarRepliesService],
  exports: [SearchIndexer, SimilarRepliesService],
})
export class SearchModule {}
