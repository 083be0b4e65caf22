import { Controller, Get, Param, ParseUUIDPipe, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { fileResponse } from '@dafu/platform/http/file-response';
import { Permission } from '@dafu/platform/auth/access';
import type { Actor } from '@dafu/platform/auth/actor';
import { Auth, RequirePermission } from '@dafu/platform/auth/auth.decorators';
import {
  ExportQuery,
  OverdueItemDto,
  OverduePageDto,
  OverdueQuery,
  OverdueTrendDto,
  OverdueTrendQuery,
  RankingQuery,
  RankingRowDto,
  StatisticsDto,
  StatisticsQuery,
} from './dto/supervision.dto';
import { SupervisionService } from './supervision.service';

@ApiTags('supervision')
@ApiBearerAuth()
@Controller('supervision')
export class SupervisionController {
  constructor(private readonly supervision: SupervisionService) {}

  @Get('statistics')
  @RequirePermission(Permission.SupervisionRead)
  @ApiOkResponse({ type: StatisticsDto })
  statistics(@Auth() actor: Actor, @Query() query: StatisticsQuery) {
    return this.supervision.statistics(actor, query);
  }

  @Get('ranking')
  @RequirePermission(Permission.SupervisionRead)
  @ApiOkResponse({ type: [RankingRowDto] })
  ranking(@Auth() actor: Actor, @Query() query: RankingQuery) {
    return this.supervision.ranking(actor, query);
  }

  @Get('overdue')
  @RequirePermission(Permission.SupervisionRead)
  @ApiOkResponse({ type: OverduePageDto, description: `open items past their due date (${OverdueItemDto.name})` })
  overdue(@Auth() actor: Actor, @Query() query: OverdueQuery) {
    return this.supervision.overdue(actor, query);
  }

  @Get('overdue-trend')
  @RequirePermission(Permission.SupervisionRead)
  @ApiOkResponse({ type: OverdueTrendDto, description: 'overdue items week by week, the last point today' })
  overdueTrend(@Auth() actor: Actor, @Query() query: OverdueTrendQuery) {
    return this.supervision.overdueTrend(actor, query);
  }

  @Get('export')
  @RequirePermission(Permission.SupervisionRead)
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'text/csv')
  async export(@Auth() actor: Actor, @Query() query: ExportQuery): Promise<StreamableFile> {
    return fileResponse(await this.supervision.export(actor, query));
  }

  @Get('sessions/:id/report')
  @RequirePermission(Permission.SupervisionRead)
  @ApiProduces('application/pdf')
  async report(@Auth() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<StreamableFile> {
    return fileResponse(await this.supervision.report(actor, id));
  }
}
