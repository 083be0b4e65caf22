import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Clock } from '@dafu/platform/clock/clock';
import { CalendarController } from './deadlines.controller';
import { DeadlinesRepository } from './deadlines.repository';
import { DeadlinesService } from './deadlines.service';
import { WorkCalendarDayEntity, WorkCalendarYearEntity } from './entities/work-calendar.entity';

@Module({
  imports: [TypeOrmModule.forFeature([WorkCalendarDayEntity, WorkCalendarYearEntity])],
  controllers: [CalendarController],
  providers: [DeadlinesRepository, DeadlinesService, Clock],
  exports: [DeadlinesService, Clock],
})
export class DeadlinesModule {}
