import { Module } from '@nestjs/common';
import { DeadlinesModule } from '@dafu/deadlines/deadlines.module';
import { DocumentsModule } from '@dafu/documents/documents.module';
import { HandlingModule } from '@dafu/handling/handling.module';
import { DisclosureController } from './disclosure.controller';
import { DisclosureRepository } from './disclosure.repository';
import { DisclosureService } from './disclosure.service';

/** 公开: the public feed, pages and PDFs of published replies. */
@Module({
  imports: [HandlingModule, DeadlinesModule, DocumentsModule],
  controllers: [DisclosureController],
  providers: [DisclosureRepository, DisclosureService],
})
export class DisclosureModule {}
