import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Permission } from '@dafu/platform/auth/access';
import type { Actor } from '@dafu/platform/auth/actor';
import { Auth, Public, RequirePermission } from '@dafu/platform/auth/auth.decorators';
import {
  FeedbackDto,
  FeedbackResultDto,
  FollowUpLetterDto,
  FollowUpPageDto,
  ListFollowUpsQuery,
  PublicFeedbackRecordedDto,
  PublicFeedbackViewDto,
  RecordFeedbackDto,
  RecordFollowUpDto,
} from './dto/feedback.dto';
import { FeedbackService } from './feedback.service';
import { FollowUpsService } from './follow-ups.service';

@ApiTags('feedback')
@ApiBearerAuth()
@Controller('replies')
export class ReplyFeedbackController {
  constructor(
    private readonly feedback: FeedbackService,
    private readonly followUps: FollowUpsService,
  ) {}

  @Post(':id/feedback')
  @RequirePermission(Permission.FeedbackRecord)
  @ApiOkResponse({ type: FeedbackResultDto })
  record(@Auth() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: RecordFeedbackDto) {
    return this.feedback.record(actor, id, dto);
  }

  @Get(':id/feedback')
  @RequirePermission(Permission.ReplyRead)
  @ApiOkResponse({ type: FeedbackDto })
  get(@Auth() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return this.feedback.get(actor, id);
  }

  @Get(':id/follow-ups')
  @RequirePermission(Permission.FollowUpRead)
  @ApiOkResponse({ type: [FollowUpLetterDto] })
  followUpsOf(@Auth() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return this.followUps.lettersOf(actor, id);
  }

  @Post(':id/follow-ups')
  @RequirePermission(Permission.FollowUpWrite)
  @ApiOkResponse({ type: FollowUpLetterDto })
  recordFollowUp(@Auth() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: RecordFollowUpDto) {
    return this.followUps.record(actor, id, dto);
  }
}

@ApiTags('feedback')
@ApiBearerAuth()
@Controller('follow-ups')
export class FollowUpsController {
  constructor(private readonly followUps: FollowUpsService) {}

  @Get()
  @RequirePermission(Permission.FollowUpRead)
  @ApiOkResponse({ type: FollowUpPageDto })
  list(@Auth() actor: Actor, @Query() query: ListFollowUpsQuery) {
    const { page, pageSize, ...filter } = query;
    return this.followUps.list(actor, filter, page, pageSize);
  }
}

/** The proposer's one-time link: no login, under /public/ so the public rate limit covers it. */
@ApiTags('feedback')
@Controller('public/feedback')
export class PublicFeedbackController {
  constructor(private readonly feedback: FeedbackService) {}

  @Get(':token')
  @Public()
  @ApiOkResponse({ type: PublicFeedbackViewDto })
  view(@Param('token') token: string) {
    return this.feedback.publicView(token);
  }

  @Post(':token')
  @Public()
  @HttpCode(201)
  @ApiOkResponse({ type: PublicFeedbackRecordedDto })
  record(@Param('token') token: string, @Body() dto: RecordFeedbackDto) {
    return this.feedback.publicRecord(token, dto);
  }
}
