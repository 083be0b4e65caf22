import {
  Body,
  Controller,
  Get,
  Header,
  HttpCode,
  Param,
  ParseEnumPipe,
  ParseIntPipe,
  ParseUUIDPipe,
  Post,
  Put,
  Query,
  Req,
} from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOkResponse, ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Permission } from '@dafu/platform/auth/access';
import type { Actor } from '@dafu/platform/auth/actor';
import { Auth, RequirePermission } from '@dafu/platform/auth/auth.decorators';
import { readUploadedFile } from '@dafu/platform/http/uploaded-file';
import { SessionBody } from '@dafu/platform/vocabulary';
import { AttachmentDto } from '@dafu/handling/dto/work.dto';
import { contentOf } from './dto/reply-content.dto';
import { MissingItemDto, ReplyChangeDto, ReplyHistoryEventDto, ReplySourcesDto } from './dto/reply-read.dto';
import {
  AnswerCommentDto,
  ApproveDto,
  DiffQueryDto,
  DocumentNumberSeriesDto,
  DocumentNumberSeriesInputDto,
  GradeScaleDto,
  GradeScaleInputDto,
  ReasonDto,
  ReplySummaryDto,
  ReplyTemplateDto,
  ReplyTemplateInputDto,
  ReplyVersionDto,
  ReplyVersionSummaryDto,
  ReplyViewDto,
  ReviewChainDto,
  ReviewChainInputDto,
  ReviewCommentDto,
  SaveDraftDto,
  SendBackDto,
  SignOffDto,
  VersionedActionDto,
} from './dto/reply.dto';
import { ReplyConfigurationService } from './reply-configuration.service';
import { RepliesService } from './replies.service';

@ApiTags('replies')
@ApiBearerAuth()
@Controller('assignments')
export class AssignmentRepliesController {
  constructor(private readonly replies: RepliesService) {}

  @Post(':id/replies')
  @RequirePermission(Permission.ReplyDraft)
  @ApiOkResponse({ type: ReplyViewDto })
  start(@Auth() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return this.replies.start(actor, id);
  }

  @Get(':id/replies')
  @RequirePermission(Permission.ReplyRead)
  @ApiOkResponse({ type: [ReplySummaryDto] })
  list(@Auth() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return this.replies.listOfAssignment(actor, id);
  }
}

@ApiTags('replies')
@ApiBearerAuth()
@Controller('replies')
export class RepliesController {
  constructor(private readonly replies: RepliesService) {}

  @Get('inbox')
  @RequirePermission(Permission.ReplyRead)
  @ApiOkResponse({ type: [ReplySummaryDto] })
  inbox(@Auth() actor: Actor) {
    return this.replies.inbox(actor);
  }

  @Get(':id')
  @RequirePermission(Permission.ReplyRead)
  @ApiOkResponse({ type: ReplyViewDto })
  get(@Auth() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return this.replies.get(actor, id);
  }

  @Put(':id/draft')
  @RequirePermission(Permission.ReplyDraft)
  @ApiOkResponse({ type: ReplyViewDto })
  save(@Auth() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: SaveDraftDto) {
    return this.replies.save(actor, id, dto.version, contentOf(dto.content));
  }

  @Get(':id/versions')
  @RequirePermission(Permission.ReplyRead)
  @ApiOkResponse({ type: [ReplyVersionSummaryDto] })
  versions(@Auth() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return this.replies.versions(actor, id);
  }

  @Get(':id/versions/:number')
  @RequirePermission(Permission.ReplyRead)
  @ApiOkResponse({ type: ReplyVersionDto })
  version(@Auth() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Param('number', ParseIntPipe) number: number) {
    return this.replies.version(actor, id, number);
  }

  @Get(':id/diff')
  @RequirePermission(Permission.ReplyRead)
  @ApiOkResponse({ type: [ReplyChangeDto] })
  diff(
    @Auth() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: DiffQueryDto,
  ): Promise<ReplyChangeDto[]> {
    return this.replies.diff(actor, id, query.from, query.to);
  }

  @Get(':id/completeness')
  @RequirePermission(Permission.ReplyRead)
  @ApiOkResponse({ type: [MissingItemDto], description: 'Empty when the reply may be submitted' })
  completeness(@Auth() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<MissingItemDto[]> {
    return this.replies.completeness(actor, id);
  }

  @Get(':id/sources')
  @RequirePermission(Permission.ReplyRead)
  @ApiOkResponse({ type: ReplySourcesDto })
  sources(@Auth() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<ReplySourcesDto> {
    return this.replies.sources(actor, id);
  }

  @Post(':id/submit')
  @HttpCode(200)
  @RequirePermission(Permission.ReplyDraft)
  @ApiOkResponse({ type: ReplyViewDto })
  submit(@Auth() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: VersionedActionDto) {
    return this.replies.submit(actor, id, dto.version);
  }

  @Post(':id/approve')
  @HttpCode(200)
  @RequirePermission(Permission.ReplyReview)
  @ApiOkResponse({ type: ReplyViewDto })
  approve(@Auth() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ApproveDto) {
    return this.replies.approve(actor, id, dto.version, dto.comment);
  }

  @Post(':id/send-back')
  @HttpCode(200)
  @RequirePermission(Permission.ReplyReview)
  @ApiOkResponse({ type: ReplyViewDto })
  sendBack(@Auth() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: SendBackDto) {
    return this.replies.sendBack(actor, id, dto.version, dto.comments);
  }

  @Get(':id/comments')
  @RequirePermission(Permission.ReplyRead)
  @ApiOkResponse({ type: [ReviewCommentDto] })
  comments(@Auth() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return this.replies.comments(actor, id);
  }

  @Post(':id/comments/:commentId/answer')
  @HttpCode(200)
  @RequirePermission(Permission.ReplyDraft)
  @ApiOkResponse({ type: ReviewCommentDto })
  answer(
    @Auth() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('commentId', ParseUUIDPipe) commentId: string,
    @Body() dto: AnswerCommentDto,
  ) {
    return this.replies.answerComment(actor, id, commentId, dto.answer);
  }

  @Post(':id/sign-off')
  @HttpCode(200)
  @RequirePermission(Permission.ReplySign)
  @ApiOkResponse({ type: ReplyViewDto })
  signOff(@Auth() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: SignOffDto) {
    return this.replies.signOff(actor, id, dto.version, dto.grade, dto.gradeChangeReason);
  }

  @Post(':id/void')
  @HttpCode(200)
  @RequirePermission(Permission.ReplySign)
  @ApiOkResponse({ type: ReplyViewDto })
  voidReply(@Auth() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ReasonDto) {
    return this.replies.voidReply(actor, id, dto.reason);
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  @RequirePermission(Permission.ReplyDraft)
  @ApiOkResponse({ type: ReplyViewDto })
  withdraw(@Auth() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ReasonDto) {
    return this.replies.withdraw(actor, id, dto.reason);
  }

  @Get(':id/text')
  @RequirePermission(Permission.ReplyRead)
  @ApiProduces('text/plain')
  @Header('content-type', 'text/plain; charset=utf-8')
  text(@Auth() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return this.replies.text(actor, id);
  }

  @Get(':id/history')
  @RequirePermission(Permission.ReplyRead)
  @ApiOkResponse({ type: [ReplyHistoryEventDto] })
  history(@Auth() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<ReplyHistoryEventDto[]> {
    return this.replies.history(actor, id);
  }

  @Post(':id/attachments')
  @RequirePermission(Permission.ReplyDraft)
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiOkResponse({ type: AttachmentDto })
  async attach(@Auth() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Req() request: FastifyRequest) {
    return this.replies.attach(actor, id, await readUploadedFile(request));
  }

  @Get(':id/attachments')
  @RequirePermission(Permission.ReplyRead)
  @ApiOkResponse({ type: [AttachmentDto] })
  attachments(@Auth() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return this.replies.attachments(actor, id);
  }
}

@ApiTags('reply configuration')
@ApiBearerAuth()
@Controller()
export class ReplyConfigurationController {
  constructor(private readonly configuration: ReplyConfigurationService) {}

  @Get('bureaus/:id/review-chain')
  @RequirePermission(Permission.ReviewChainRead)
  @ApiOkResponse({ type: ReviewChainDto })
  reviewChain(@Auth() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return this.configuration.reviewChain(actor, id);
  }

  @Put('bureaus/:id/review-chain')
  @RequirePermission(Permission.ReviewChainManage)
  @ApiOkResponse({ type: ReviewChainDto })
  setReviewChain(@Auth() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ReviewChainInputDto) {
    return this.configuration.setReviewChain(actor, id, dto.steps);
  }

  @Get('reply-templates')
  @RequirePermission(Permission.ReplyTemplateRead)
  @ApiOkResponse({ type: [ReplyTemplateDto] })
  templates(@Auth() actor: Actor) {
    return this.configuration.templates(actor);
  }

  @Put('reply-templates')
  @RequirePermission(Permission.ReplyTemplateManage)
  @ApiOkResponse({ type: ReplyTemplateDto })
  setTemplate(@Auth() actor: Actor, @Body() dto: ReplyTemplateInputDto) {
    return this.configuration.setTemplate(actor, dto);
  }

  @Get('grade-scales')
  @RequirePermission(Permission.GradeScaleRead)
  @ApiOkResponse({ type: [GradeScaleDto] })
  gradeScales() {
    return this.configuration.gradeScales();
  }

  @Put('grade-scales/:body')
  @RequirePermission(Permission.GradeScaleManage)
  // Named explicitly: under ts-node's transpile-only the enum type reflects as Object, which Swagger skips.
  @ApiParam({ name: 'body', enum: SessionBody, enumName: 'SessionBody' })
  @ApiOkResponse({ type: GradeScaleDto })
  setGradeScale(
    @Auth() actor: Actor,
    @Param('body', new ParseEnumPipe(SessionBody)) body: SessionBody,
    @Body() dto: GradeScaleInputDto,
  ) {
    return this.configuration.setGradeScale(actor, body, dto.classes);
  }

  @Get('document-number-series')
  @RequirePermission(Permission.DocumentNumberSeriesManage)
  @ApiOkResponse({ type: [DocumentNumberSeriesDto] })
  documentNumberSeries() {
    return this.configuration.documentNumberSeries();
  }

  @Put('document-number-series')
  @RequirePermission(Permission.DocumentNumberSeriesManage)
  @ApiOkResponse({ type: DocumentNumberSeriesDto })
  continueSeries(@Auth() actor: Actor, @Body() dto: DocumentNumberSeriesInputDto) {
    return this.configuration.continueSeries(actor, dto.prefix, dto.year, dto.lastNumber);
  }
}
