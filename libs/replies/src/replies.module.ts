import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DeadlinesModule } from '@dafu/deadlines/deadlines.module';
import { HandlingModule } from '@dafu/handling/handling.module';
import { IdentityModule } from '@dafu/identity/identity.module';
import { ProposalsModule } from '@dafu/proposals/proposals.module';
import { SearchModule } from '@dafu/search/search.module';
import { GradeScaleEntity, ReplyTemplateEntity, ReviewChainEntity } from './entities/reply-configuration.entity';
import { ReplyEntity, ReplyVersionEntity, ReviewCommentEntity } from './entities/reply.entity';
import { AssignmentRepliesController, RepliesController, ReplyConfigurationController } from './replies.controller';
import { RepliesRepository } from './replies.repository';
import { RepliesService } from './replies.service';
import { ReplyConfigurationService } from './reply-configuration.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([
      ReplyEntity,
      ReplyVersionEntity,
      ReviewCommentEntity,
      GradeScaleEntity,
      ReplyTemplateEntity,
      ReviewChainEntity,
    ]),
    HandlingModule,
    ProposalsModule,
    IdentityModule,
    DeadlinesModule,
    SearchModule,
  ],
  controllers: [AssignmentRepliesController, RepliesController, ReplyConfigurationController],
  providers: [RepliesRepository, RepliesService, ReplyConfigurationService],
  exports: [RepliesService, RepliesRepository],
})
export class RepliesModule {}
