import { Injectable, OnModuleInit } from '@nestjs/common';
import type { Actor } from '@dafu/platform/auth/actor';
import { CALENDAR_AUDIT_ID, recordAuditEvent } from '@dafu/platform/audit/audit';
import { Clock } from '@dafu/platform/clock/clock';
import { DafuConfig } from '@dafu/platform/config/dafu-config';
import { HealthDetailsRegistry } from '@dafu/platform/health/health-details';
import { isoWeekday, localDateOf, type LocalDate } from './domain/local-date';
import { CalendarDay, CalendarDayKind, WorkingDayCalendar, yearsNeeded } from './domain/working-days';
import { CalendarDayNotFoundError, WorkingWeekendNotWeekendError } from './errors';
import { CalendarDayRecord, DeadlinesRepository } from './deadlines.repository';

export interface CalendarStatus {
  knownYears: number[];
  /** This year or next without a holiday notice: deadlines there assume Monday–Friday. */
  missingYears: number[];
}

export interface CalendarYear {
  year: number;
  known: boolean;
  days: CalendarDayRecord[];
}

/** Calendar edits are rare; other API instances see them within this time. */
const CACHE_MS = 60_000;

@Injectable()
export class DeadlinesService implements OnModuleInit {
  private cached?: { at: number; days: CalendarDayRecord[]; knownYears: number[] };

  constructor(
    private readonly repository: DeadlinesRepository,
    private readonly config: DafuConfig,
    private readonly health: HealthDetailsRegistry,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.health.register('calendar', async () => ({ status: 'up', ...(await this.status()) }));
  }

  today(): LocalDate {
    return localDateOf(this.clock.now(), this.config.timezone);
  }

  /** A fresh calendar object per use, so its record of assumed years belongs to one computation. */
  async calendar(): Promise<WorkingDayCalendar> {
    const { days, knownYears } = await this.load();
    return new WorkingDayCalendar(days, knownYears);
  }

  async status(today: LocalDate = this.today()): Promise<CalendarStatus> {
    const { knownYears } = await this.load();
    return { knownYears, missingYears: yearsNeeded(today).filter((year) => !knownYears.includes(year)) };
  }

  async year(year: number): Promise<CalendarYear> {
    const { days, knownYears } = await this.load();
    return { year, known: knownYears.includes(year), days: days.filter((d) => d.date.startsWith(`${year}-`)) };
  }

  async setDay(actor: Actor, day: CalendarDay): Promise<CalendarDayRecord> {
    if (day.kind === CalendarDayKind.WorkingWeekend && isoWeekday(day.date) <= 5) {
      throw new WorkingWeekendNotWeekendError(day.date);
    }
    await this.repository.transaction(async (manager) => {
      const previous = await this.repository.findDay(manager, day.date);
      await this.repository.upsertDay(manager, day, actor.userId);
      await recordAuditEvent(manager, {
        actor,
        entityType: 'calendar',
        entityId: CALENDAR_AUDIT_ID,
        action: 'calendar.day_set',
        data: { date: day.date, kind: day.kind, name: day.name, previous },
      });
    });
    this.cached = undefined;
    return { ...day, source: 'admin' };
  }

  async removeDay(actor: Actor, date: LocalDate): Promise<void> {
    await this.repository.transaction(async (manager) => {
      const previous = await this.repository.findDay(manager, date);
      if (!previous) throw new CalendarDayNotFoundError(date);
      await this.repository.deleteDay(manager, date);
      await recordAuditEvent(manager, {
        actor,
        entityType: 'calendar',
        entityId: CALENDAR_AUDIT_ID,
        action: 'calendar.day_removed',
        data: { date, previous },
      });
    });
    this.cached = undefined;
  }

  /** After entering a year's holiday notice, the administrator marks the year as known. */
  async markYearKnown(actor: Actor, year: number, note: string | null): Promise<CalendarYear> {
    await this.repository.transaction(async (manager) => {
      await this.repository.markYearKnown(manager, year, note, actor.userId);
      await recordAuditEvent(manager, {
        actor,
        entityType: 'calendar',
        entityId: CALENDAR_AUDIT_ID,
        action: 'calendar.year_known',
        data: { year, note },
      });
    });
    this.cached = undefined;
    return this.year(year);
  }

  private async load(): Promise<{ days: CalendarDayRecord[]; knownYears: number[] }> {
    if (!this.cached || Date.now() - this.cached.at > CACHE_MS) {
      const [days, knownYears] = await Promise.all([this.repository.allDays(), this.repository.knownYears()]);
      this.cached = { at: Date.now(), days, knownYears };
    }
    return this.cached;
  }
}
