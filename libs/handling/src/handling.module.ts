import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DeadlinesModule } from '@dafu/deadlines/deadlines.module';
import { IdentityModule } from '@dafu/identity/identity.module';
import { ProposalsModule } from '@dafu/proposals/proposals.module';
import { AssignmentEntity } from './entities/assignment.entity';
import { ExtensionRequestEntity, ReassignmentRequestEntity } from './entities/handling-requests.entity';
import { HandlingRulesEntity } from './entities/handling-rules.entity';
import { AssignmentsController, ProposalAssignmentsController } from './handling.controller';
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
    ]),
    ProposalsModule,
    IdentityModule,
    DeadlinesModule,
  ],
  controllers: [ProposalAssignmentsController, AssignmentsController],
  providers: [HandlingRepository, HandlingService, ProposalImportService],
  exports: [HandlingService, HandlingRepository],
})
export class HandlingModule {}
