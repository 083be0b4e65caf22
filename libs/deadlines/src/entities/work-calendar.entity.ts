import { Column, Entity, PrimaryColumn } from 'typeorm';
import { CalendarDayKind } from '../domain/working-days';

/** A day that differs from the Monday–Friday rule: a holiday, or a weekend worked (调休). */
@Entity('work_calendar')
export class WorkCalendarDayEntity {
  @PrimaryColumn({ name: 'day', type: 'date' })
  day: string;

  @Column({ type: 'enum', enum: CalendarDayKind, enumName: 'calendar_day_kind' })
  kind: CalendarDayKind;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  source: 'chinese-days' | 'admin';

  @Column({ name: 'updated_by', type: 'uuid', nullable: true })
  updatedBy: string | null;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}

/** A year whose State Council holiday notice has been entered. */
@Entity('work_calendar_years')
export class WorkCalendarYearEntity {
  @PrimaryColumn({ type: 'smallint' })
  year: number;

  @Column({ type: 'text' })
  source: string;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ name: 'updated_by', type: 'uuid', nullable: true })
  updatedBy: string | null;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}
