import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseEnumPipe,
  ParseUUIDPipe,
  Post,
  Put,
  Query,
  Req,
  StreamableFile,
} from '@nestjs/common';
import { fileResponse } from '@dafu/platform/http/file-response';
import { SessionBody } from '@dafu/platform/vocabulary';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOkResponse, ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Permission } from '@dafu/platform/auth/access';
import type { Actor } from '@dafu/platform/auth/actor';
import { Auth, RequirePermission } from '@dafu/platform/auth/auth.decorators';
import { readUploadedFile } from '@dafu/platform/http/uploaded-file';
import { AssignmentWorkService } from './assignment-work.service';
import { HandlingService } from './handling.service';
import {
  AttachmentDto,
  CoOpinionDto,
  DraftOpinionDto,
  LogContactDto,
  ProposerContactDto,
  WaiveOpinionDto,
} from './dto/work.dto';
import { ImportPreviewDto, ImportPreviewQuery } from './dto/import-preview.dto';
import { ImportResult, ProposalImportService } from './proposal-import.service';
import {
  ApproveReassignmentDto,
  AssignmentRequestsDto,
  BodyRulesDto,
  UpdateHandlingRulesDto,
  UpdatedRulesDto,
  AssignmentListItemDto,
  TimelineEntryDto,
  DecisionNoteDto,
  ReasonDto,
  ReassignDto,
  RequestExtensionDto,
  RequestReassignmentDto,
  AssignmentDto,
  AssignmentViewDto,
  AssignProposalDto,
  ImportQuery,
  ImportResultDto,
  ListAssignmentsQuery,
} from './dto/assignment.dto';

@ApiTags('proposals')
@ApiBearerAuth()
@Controller('proposals')
export class ProposalAssignmentsController {
  constructor(
    private readonly handling: HandlingService,
    private readonly importer: ProposalImportService,
  ) {}

  @Post('import')
  @RequirePermission(Permission.ProposalImport)
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiOkResponse({ type: ImportResultDto })
  async import(
    @Auth() actor: Actor,
    @Query() query: ImportQuery,
    @Req() request: FastifyRequest,
  ): Promise<ImportResult> {
    return this.importer.import(actor, query.sessionId, await readUploadedFile(request), query.assignedOn);
  }

  /** A dry run of the import: the same checks, nothing written. */
  @Post('import/preview')
  @HttpCode(200)
  @RequirePermission(Permission.ProposalImport)
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiOkResponse({ type: ImportPreviewDto })
  async previewImport(
    @Auth() actor: Actor,
    @Query() query: ImportPreviewQuery,
    @Req() request: FastifyRequest,
  ): Promise<ImportPreviewDto> {
    return this.importer.preview(actor, query.sessionId, await readUploadedFile(request));
  }

  @Post(':id/assignments')
  @RequirePermission(Permission.AssignmentCreate)
  @ApiOkResponse({ type: [AssignmentDto] })
  assign(
    @Auth() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: AssignProposalDto,
  ): Promise<AssignmentDto[]> {
    return this.handling.assign(actor, id, dto.assignments, dto.assignedOn);
  }

  @Get(':id/assignments')
  @RequirePermission(Permission.AssignmentRead)
  @ApiOkResponse({ type: [AssignmentViewDto] })
  list(@Auth() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<AssignmentViewDto[]> {
    return this.handling.listAssignmentsOfProposal(actor, id);
  }
}

@ApiTags('assignments')
@ApiBearerAuth()
@Controller('assignments')
export class AssignmentsController {
  constructor(private readonly handling: HandlingService) {}

  @Get()
  @RequirePermission(Permission.AssignmentRead)
  @ApiOkResponse({ type: [AssignmentListItemDto] })
  list(@Auth() actor: Actor, @Query() query: ListAssignmentsQuery): Promise<AssignmentListItemDto[]> {
    return this.handling.listAssignments(actor, query);
  }

  @Get(':id/timeline')
  @RequirePermission(Permission.AssignmentRead)
  @ApiOkResponse({ type: [TimelineEntryDto] })
  timeline(@Auth() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<TimelineEntryDto[]> {
    return this.handling.timeline(actor, id);
  }

  @Get(':id')
  @RequirePermission(Permission.AssignmentRead)
  @ApiOkResponse({ type: AssignmentViewDto })
  get(@Auth() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<AssignmentViewDto> {
    return this.handling.getAssignment(actor, id);
  }

  @Get(':id/requests')
  @RequirePermission(Permission.AssignmentRead)
  @ApiOkResponse({ type: AssignmentRequestsDto })
  requests(@Auth() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<AssignmentRequestsDto> {
    return this.handling.requestsOf(actor, id);
  }

  @Post(':id/acknowledge')
  @HttpCode(200)
  @RequirePermission(Permission.AssignmentHandle)
  @ApiOkResponse({ type: AssignmentViewDto })
  acknowledge(@Auth() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<AssignmentViewDto> {
    return this.handling.acknowledge(actor, id);
  }

  @Post(':id/reassignment-request')
  @HttpCode(200)
  @RequirePermission(Permission.AssignmentHandle)
  @ApiOkResponse({ type: AssignmentViewDto })
  requestReassignment(
    @Auth() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: RequestReassignmentDto,
  ): Promise<AssignmentViewDto> {
    return this.handling.requestReassignment(actor, id, dto.reason.trim(), dto.suggestedBureauId);
  }

  @Post(':id/reassignment-request/approve')
  @HttpCode(200)
  @RequirePermission(Permission.AssignmentDecide)
  @ApiOkResponse({ type: AssignmentViewDto, description: 'The new assignment of the other bureau' })
  approveReassignment(
    @Auth() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: ApproveReassignmentDto,
  ): Promise<AssignmentViewDto> {
    return this.handling.approveReassignment(actor, id, dto.bureauId, dto.note?.trim());
  }

  @Post(':id/reassignment-request/reject')
  @HttpCode(200)
  @RequirePermission(Permission.AssignmentDecide)
  @ApiOkResponse({ type: AssignmentViewDto })
  rejectReassignment(
    @Auth() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: ReasonDto,
  ): Promise<AssignmentViewDto> {
    return this.handling.rejectReassignment(actor, id, dto.reason.trim());
  }

  @Post(':id/reassign')
  @HttpCode(200)
  @RequirePermission(Permission.AssignmentDecide)
  @ApiOkResponse({ type: AssignmentViewDto, description: 'The new assignment of the other bureau' })
  reassign(
    @Auth() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: ReassignDto,
  ): Promise<AssignmentViewDto> {
    return this.handling.reassign(actor, id, dto.bureauId, dto.reason.trim());
  }

  @Post(':id/extension-request')
  @HttpCode(200)
  @RequirePermission(Permission.AssignmentHandle)
  @ApiOkResponse({ type: AssignmentViewDto })
  requestExtension(
    @Auth() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: RequestExtensionDto,
  ): Promise<AssignmentViewDto> {
    return this.handling.requestExtension(actor, id, dto.reason.trim(), dto.requestedDueOn);
  }

  @Post(':id/extension-request/approve')
  @HttpCode(200)
  @RequirePermission(Permission.AssignmentDecide)
  @ApiOkResponse({ type: AssignmentViewDto })
  approveExtension(
    @Auth() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: DecisionNoteDto,
  ): Promise<AssignmentViewDto> {
    return this.handling.approveExtension(actor, id, dto.note?.trim());
  }

  @Post(':id/extension-request/reject')
  @HttpCode(200)
  @RequirePermission(Permission.AssignmentDecide)
  @ApiOkResponse({ type: AssignmentViewDto })
  rejectExtension(
    @Auth() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: ReasonDto,
  ): Promise<AssignmentViewDto> {
    return this.handling.rejectExtension(actor, id, dto.reason.trim());
  }
}

@ApiTags('assignments')
@ApiBearerAuth()
@Controller('assignments')
export class AssignmentWorkController {
  constructor(private readonly work: AssignmentWorkService) {}

  @Get(':id/opinion')
  @RequirePermission(Permission.AssignmentRead)
  @ApiOkResponse({ type: CoOpinionDto })
  opinion(@Auth() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<CoOpinionDto> {
    return this.work.opinion(actor, id);
  }

  @Put(':id/opinion')
  @RequirePermission(Permission.AssignmentHandle)
  @ApiOkResponse({ type: CoOpinionDto })
  draftOpinion(
    @Auth() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: DraftOpinionDto,
  ): Promise<CoOpinionDto> {
    return this.work.draftOpinion(actor, id, dto.body);
  }

  @Post(':id/opinion/send')
  @HttpCode(200)
  @RequirePermission(Permission.AssignmentHandle)
  @ApiOkResponse({ type: CoOpinionDto })
  sendOpinion(@Auth() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<CoOpinionDto> {
    return this.work.sendOpinion(actor, id);
  }

  @Get(':id/co-opinions')
  @RequirePermission(Permission.AssignmentRead)
  @ApiOkResponse({ type: [CoOpinionDto] })
  coOpinions(@Auth() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<CoOpinionDto[]> {
    return this.work.coOpinions(actor, id);
  }

  @Post(':id/co-opinions/:coAssignmentId/waive')
  @HttpCode(200)
  @RequirePermission(Permission.AssignmentHandle)
  @ApiOkResponse({ type: CoOpinionDto })
  waive(
    @Auth() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('coAssignmentId', ParseUUIDPipe) coAssignmentId: string,
    @Body() dto: WaiveOpinionDto,
  ): Promise<CoOpinionDto> {
    return this.work.waiveOpinion(actor, id, coAssignmentId, dto.reason.trim());
  }

  @Get(':id/contacts')
  @RequirePermission(Permission.AssignmentRead)
  @ApiOkResponse({ type: [ProposerContactDto] })
  contacts(@Auth() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<ProposerContactDto[]> {
    return this.work.contacts(actor, id);
  }

  @Post(':id/contacts')
  @RequirePermission(Permission.AssignmentHandle)
  @ApiOkResponse({ type: ProposerContactDto })
  logContact(
    @Auth() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: LogContactDto,
  ): Promise<ProposerContactDto> {
    return this.work.logContact(actor, id, {
      occurredOn: dto.occurredOn,
      method: dto.method,
      participants: dto.participants.trim(),
      summary: dto.summary.trim(),
    });
  }

  @Post(':id/opinion/attachments')
  @RequirePermission(Permission.AssignmentHandle)
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiOkResponse({ type: AttachmentDto })
  async attachToOpinion(
    @Auth() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Req() request: FastifyRequest,
  ): Promise<AttachmentDto> {
    return this.work.attachToOpinion(actor, id, await readUploadedFile(request));
  }

  @Post(':id/contacts/:contactId/attachments')
  @RequirePermission(Permission.AssignmentHandle)
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiOkResponse({ type: AttachmentDto })
  async attachToContact(
    @Auth() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('contactId', ParseUUIDPipe) contactId: string,
    @Req() request: FastifyRequest,
  ): Promise<AttachmentDto> {
    return this.work.attachToContact(actor, id, contactId, await readUploadedFile(request));
  }

  @Get(':id/attachments')
  @RequirePermission(Permission.AssignmentRead)
  @ApiOkResponse({ type: [AttachmentDto] })
  attachments(@Auth() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<AttachmentDto[]> {
    return this.work.attachments(actor, id);
  }
}

@ApiTags('attachments')
@ApiBearerAuth()
@Controller('attachments')
export class AttachmentsController {
  constructor(private readonly work: AssignmentWorkService) {}

  @Get(':id')
  @RequirePermission(Permission.AssignmentRead)
  @ApiProduces('application/octet-stream')
  async download(@Auth() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<StreamableFile> {
    const { attachment, content } = await this.work.download(actor, id);
    return fileResponse({ content, contentType: attachment.contentType, filename: attachment.filename });
  }
}

@ApiTags('handling-rules')
@ApiBearerAuth()
@Controller('handling-rules')
export class HandlingRulesController {
  constructor(private readonly handling: HandlingService) {}

  @Get()
  @RequirePermission(Permission.HandlingRulesRead)
  @ApiOkResponse({ type: [BodyRulesDto] })
  list(): Promise<BodyRulesDto[]> {
    return this.handling.rules();
  }

  @Put(':body')
  @RequirePermission(Permission.HandlingRulesManage)
  // Named explicitly: under ts-node's transpile-only the enum type reflects as Object, which Swagger skips.
  @ApiParam({ name: 'body', enum: SessionBody, enumName: 'SessionBody' })
  @ApiOkResponse({ type: UpdatedRulesDto })
  update(
    @Auth() actor: Actor,
    @Param('body', new ParseEnumPipe(SessionBody)) body: SessionBody,
    @Body() dto: UpdateHandlingRulesDto,
  ): Promise<UpdatedRulesDto> {
    return this.handling.updateRules(actor, body, dto);
  }
}
