import { Module } from '@nestjs/common';
import { SearchModule } from '@dafu/search/search.module';
import { ArchiveController } from './archive.controller';
import { ArchiveRepository } from './archive.repository';
import { ArchiveService } from './archive.service';

@Module({
  imports: [SearchModule],
  controllers: [ArchiveController],
  providers: [ArchiveRepository, ArchiveService],
})
export class ArchiveModule {}
