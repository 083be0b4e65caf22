import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DeadlinesModule } from '@dafu/deadlines/deadlines.module';
import { IdentityModule } from '@dafu/identity/identity.module';
import { ProposalsModule } from '@dafu/proposals/proposals.module';
import { AssignmentEntity } from './entities/assignment.entity';
import { ExtensionRequestEntity, ReassignmentRequestEntity } from './entities/handling-requests.entity';
import { HandlingRulesEntity } from './entities/handling-rules.entity';
import {
  AssignmentsController,
  AssignmentWorkController,
  AttachmentsController,
  HandlingRulesController,
  ProposalAssignmentsController,
} from './handling.controller';
import { AssignmentWorkService } from './assignment-work.service';
import { CoOpinionEntity, ProposerContactEntity } from './entities/co-opinion.entity';
import { AttachmentEntity } from './entities/attachment.entity';
import { HandlingRepository } from './handling.repository';
import { HandlingService } from './handling.service';
import { ProposalImportService } from './proposal-import.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([
      AssignmentEntity,
      HandlingRulesEntity,
      ReassignmentRequestEntity,
      ExtensionRequestEntity,
      CoOpinionEntity,
      ProposerContactEntity,
      AttachmentEntity,
    ]),
    ProposalsModule,
    IdentityModule,
    DeadlinesModule,
  ],
  controllers: [
    ProposalAssignmentsController,
    AssignmentsController,
    AssignmentWorkController,
    AttachmentsController,
    HandlingRulesController,
  ],
  providers: [HandlingRepository, HandlingService, AssignmentWorkService, ProposalImportService],
  exports: [HandlingService, HandlingRepository, AssignmentWorkService],
})
export class HandlingModule {}
