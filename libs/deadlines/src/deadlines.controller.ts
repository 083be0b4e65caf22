import { Body, Controller, Delete, Get, HttpCode, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Permission } from '@dafu/platform/auth/access';
import type { Actor } from '@dafu/platform/auth/actor';
import { Auth, RequirePermission } from '@dafu/platform/auth/auth.decorators';
import { LocalDatePipe } from '@dafu/platform/validation/local-date.pipe';
import { CalendarYearPipe } from '@dafu/platform/validation/calendar-year.pipe';
import { DeadlinesService } from './deadlines.service';
import {
  CalendarDayDto,
  CalendarStatusDto,
  CalendarYearDto,
  MarkYearKnownDto,
  SetCalendarDayDto,
} from './dto/calendar.dto';

@ApiTags('calendar')
@ApiBearerAuth()
@Controller('calendar')
export class CalendarController {
  constructor(private readonly deadlines: DeadlinesService) {}

  @Get('status')
  @RequirePermission(Permission.CalendarRead)
  @ApiOkResponse({ type: CalendarStatusDto })
  status(): Promise<CalendarStatusDto> {
    return this.deadlines.status();
  }

  @Get(':year')
  @RequirePermission(Permission.CalendarRead)
  @ApiOkResponse({ type: CalendarYearDto })
  year(@Param('year', CalendarYearPipe) year: number): Promise<CalendarYearDto> {
    return this.deadlines.year(year);
  }

  @Put('days/:date')
  @RequirePermission(Permission.CalendarManage)
  @ApiOkResponse({ type: CalendarDayDto })
  setDay(
    @Auth() actor: Actor,
    @Param('date', LocalDatePipe) date: string,
    @Body() dto: SetCalendarDayDto,
  ): Promise<CalendarDayDto> {
    return this.deadlines.setDay(actor, { date, kind: dto.kind, name: dto.name.trim() });
  }

  @Delete('days/:date')
  @HttpCode(204)
  @RequirePermission(Permission.CalendarManage)
  removeDay(@Auth() actor: Actor, @Param('date', LocalDatePipe) date: string): Promise<void> {
    return this.deadlines.removeDay(actor, date);
  }

  @Put('years/:year')
  @RequirePermission(Permission.CalendarManage)
  @ApiOkResponse({ type: CalendarYearDto })
  markYearKnown(
    @Auth() actor: Actor,
    @Param('year', CalendarYearPipe) year: number,
    @Body() dto: MarkYearKnownDto,
  ): Promise<CalendarYearDto> {
    return this.deadlines.markYearKnown(actor, year, dto.note?.trim() || null);
  }
}
