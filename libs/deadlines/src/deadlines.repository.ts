import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { CalendarDay } from './domain/working-days';
import { WorkCalendarDayEntity, WorkCalendarYearEntity } from './entities/work-calendar.entity';

export interface CalendarDayRecord extends CalendarDay {
  source: 'chinese-days' | 'admin';
}

/** The calendar is city-wide reference data: read by everyone, written by administrators. */
@Injectable()
export class DeadlinesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  async allDays(): Promise<CalendarDayRecord[]> {
    const rows = await this.dataSource.getRepository(WorkCalendarDayEntity).find({ order: { day: 'ASC' } });
    return rows.map((row) => ({ date: row.day, kind: row.kind, name: row.name, source: row.source }));
  }

  async knownYears(): Promise<number[]> {
    const rows = await this.dataSource.getRepository(WorkCalendarYearEntity).find({ order: { year: 'ASC' } });
    return rows.map((row) => Number(row.year));
  }

  async findDay(manager: EntityManager, date: string): Promise<CalendarDayRecord | null> {
    const row = await manager.findOne(WorkCalendarDayEntity, { where: { day: date } });
    return row ? { date: row.day, kind: row.kind, name: row.name, source: row.source } : null;
  }

  async upsertDay(manager: EntityManager, day: CalendarDay, updatedBy: string): Promise<void> {
    await manager.upsert(
      WorkCalendarDayEntity,
      { day: day.date, kind: day.kind, name: day.name, source: 'admin', updatedBy, updatedAt: new Date() },
      ['day'],
    );
  }

  async deleteDay(manager: EntityManager, date: string): Promise<void> {
    await manager.delete(WorkCalendarDayEntity, { day: date });
  }

  async markYearKnown(manager: EntityManager, year: number, note: string | null, updatedBy: string): Promise<void> {
    await manager.upsert(WorkCalendarYearEntity, { year, source: 'admin', note, updatedBy, updatedAt: new Date() }, [
      'year',
    ]);
  }
}
