import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Permission } from '@dafu/platform/auth/access';
import type { Actor } from '@dafu/platform/auth/actor';
import { Auth, RequirePermission } from '@dafu/platform/auth/auth.decorators';
import { ProposalsService } from './proposals.service';
import {
  CreateProposalDto,
  ListProposalsQuery,
  ProposalDto,
  ProposalPageDto,
  UpdateProposalDto,
} from './dto/proposal.dto';
import { CreateSessionDto, ListSessionsQuery, SessionDto, UpdateSessionDto } from './dto/session.dto';

@ApiTags('sessions')
@ApiBearerAuth()
@Controller('sessions')
export class SessionsController {
  constructor(private readonly proposals: ProposalsService) {}

  @Get()
  @RequirePermission(Permission.SessionRead)
  @ApiOkResponse({ type: [SessionDto] })
  list(@Query() query: ListSessionsQuery): Promise<SessionDto[]> {
    return this.proposals.listSessions(query);
  }

  @Get(':id')
  @RequirePermission(Permission.SessionRead)
  @ApiOkResponse({ type: SessionDto })
  get(@Param('id', ParseUUIDPipe) id: string): Promise<SessionDto> {
    return this.proposals.getSession(id);
  }

  @Post()
  @RequirePermission(Permission.SessionWrite)
  @ApiOkResponse({ type: SessionDto })
  create(@Auth() actor: Actor, @Body() dto: CreateSessionDto): Promise<SessionDto> {
    return this.proposals.createSession(actor, dto);
  }

  @Patch(':id')
  @RequirePermission(Permission.SessionWrite)
  @ApiOkResponse({ type: SessionDto })
  update(
    @Auth() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateSessionDto,
  ): Promise<SessionDto> {
    return this.proposals.updateSession(actor, id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @RequirePermission(Permission.SessionWrite)
  remove(@Auth() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.proposals.deleteSession(actor, id);
  }
}

@ApiTags('proposals')
@ApiBearerAuth()
@Controller('proposals')
export class ProposalsController {
  constructor(private readonly proposals: ProposalsService) {}

  @Get()
  @RequirePermission(Permission.ProposalRead)
  @ApiOkResponse({ type: ProposalPageDto })
  list(@Auth() actor: Actor, @Query() query: ListProposalsQuery): Promise<ProposalPageDto> {
    const { page, pageSize, q, ...filter } = query;
    return this.proposals.listProposals(actor, { ...filter, text: q }, page, pageSize);
  }

  @Get(':id')
  @RequirePermission(Permission.ProposalRead)
  @ApiOkResponse({ type: ProposalDto })
  get(@Auth() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<ProposalDto> {
    return this.proposals.getProposal(actor, id);
  }

  @Post()
  @RequirePermission(Permission.ProposalWrite)
  @ApiOkResponse({ type: ProposalDto })
  create(@Auth() actor: Actor, @Body() dto: CreateProposalDto): Promise<ProposalDto> {
    return this.proposals.createProposal(actor, dto);
  }

  @Patch(':id')
  @RequirePermission(Permission.ProposalWrite)
  @ApiOkResponse({ type: ProposalDto })
  update(
    @Auth() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateProposalDto,
  ): Promise<ProposalDto> {
    return this.proposals.updateProposal(actor, id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @RequirePermission(Permission.ProposalWrite)
  remove(@Auth() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.proposals.deleteProposal(actor, id);
  }
}
