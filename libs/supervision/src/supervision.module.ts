import { Module } from '@nestjs/common';
import { DeadlinesModule } from '@dafu/deadlines/deadlines.module';
import { DocumentsModule } from '@dafu/documents/documents.module';
import { SupervisionController } from './supervision.controller';
import { SupervisionRepository } from './supervision.repository';
import { SupervisionService } from './supervision.service';

/** Supervision views: statistics, ranking, overdue list, their exports and the session report. */
@Module({
  imports: [DeadlinesModule, DocumentsModule],
  controllers: [SupervisionController],
  providers: [SupervisionRepository, SupervisionService],
  exports: [SupervisionRepository, SupervisionService],
})
export class SupervisionModule {}
