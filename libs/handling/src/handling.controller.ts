import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Permission } from '@dafu/platform/auth/access';
import type { Actor } from '@dafu/platform/auth/actor';
import { Auth, RequirePermission } from '@dafu/platform/auth/auth.decorators';
import { readUploadedFile } from '@dafu/platform/http/uploaded-file';
import { HandlingService } from './handling.service';
import { ImportResult, ProposalImportService } from './proposal-import.service';
import {
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
  @ApiOkResponse({ type: [AssignmentViewDto] })
  list(@Auth() actor: Actor, @Query() query: ListAssignmentsQuery): Promise<AssignmentViewDto[]> {
    return this.handling.listAssignments(actor, query);
  }

  @Get(':id')
  @RequirePermission(Permission.AssignmentRead)
  @ApiOkResponse({ type: AssignmentViewDto })
  get(@Auth() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<AssignmentViewDto> {
    return this.handling.getAssignment(actor, id);
  }
}
