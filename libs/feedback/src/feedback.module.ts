import { Module } from '@nestjs/common';
import { DeadlinesModule } from '@dafu/deadlines/deadlines.module';
import { HandlingModule } from '@dafu/handling/handling.module';
import { IdentityModule } from '@dafu/identity/identity.module';
import { ProposalsModule } from '@dafu/proposals/proposals.module';
import { RemindersModule } from '@dafu/reminders/reminders.module';
import { RepliesModule } from '@dafu/replies/replies.module';
import { FollowUpsController, PublicFeedbackController, ReplyFeedbackController } from './feedback.controller';
import { FeedbackRepository } from './feedback.repository';
import { FeedbackService } from './feedback.service';
import { FollowUpsService } from './follow-ups.service';

/** 反馈 / 重新办理 / 跟踪办理: the proposer's answer to a reply and what follows from it. */
@Module({
  imports: [HandlingModule, RepliesModule, RemindersModule, ProposalsModule, IdentityModule, DeadlinesModule],
  controllers: [ReplyFeedbackController, FollowUpsController, PublicFeedbackController],
  providers: [FeedbackRepository, FeedbackService, FollowUpsService],
  exports: [FeedbackService, FollowUpsService],
})
export class FeedbackModule {}
