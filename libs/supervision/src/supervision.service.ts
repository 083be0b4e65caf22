import { Injectable } from '@nestjs/common';
import type { DownloadFile } from '@dafu/platform/http/file-response';
import { readScopeOf } from '@dafu/platform/auth/access';
import type { Actor } from '@dafu/platform/auth/actor';
import { DafuConfig } from '@dafu/platform/config/dafu-config';
import { assertUnreachable } from '@dafu/platform/errors/assert-unreachable';
import { DafuError } from '@dafu/platform/errors/dafu-error';
import { ErrorCode } from '@dafu/platform/errors/error-codes';
import { SessionBody } from '@dafu/platform/vocabulary';
import { DeadlinesService } from '@dafu/deadlines/deadlines.service';
import type { WorkingDayCalendar } from '@dafu/deadlines/domain/working-days';
import { LetterFontsProvider } from '@dafu/documents/letter-fonts.provider';
import { toCsv, type ExportTable } from './domain/export-table';
import { bureauFilter, rate, type Rate } from './domain/supervision-rules';
import { TREND_WEEKS_DEFAULT, trendDates } from './domain/overdue-trend';
import { workingDaysOverdue } from './domain/working-days-overdue';
import {
  ExportFormat,
  ExportView,
  type ExportQuery,
  type OverdueQuery,
  type OverdueTrendQuery,
  type RankingQuery,
} from './dto/supervision.dto';
import { overdueTable, rankingTable, statisticsTable } from './export/supervision-tables';
import { toXlsx } from './export/xlsx';
import { sessionReportSource } from './report/session-report-source';
import { SupervisionRepository, type BureauCounts } from './supervision.repository';
import {
  OverdueSort,
  RankingSort,
  SortOrder,
  type OverdueItem,
  type OverduePage,
  type OverdueTrend,
  type RankingRow,
  type SatisfactionCounts,
  type SatisfactionRates,
  type Statistics,
  type StatisticsCounts,
  type SupervisionFilter,
} from './supervision.types';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const CSV_TYPE = 'text/csv; charset=utf-8';
/** The report lists this many overdue items, the longest overdue first; the total is always given. */
const REPORT_OVERDUE_ROWS = 50;

function satisfactionRates(c: SatisfactionCounts): SatisfactionRates {
  const total = c.satisfied + c.basicallySatisfied + c.unsatisfied;
  return {
    satisfied: rate(c.satisfied, total),
    basicallySatisfied: rate(c.basicallySatisfied, total),
    unsatisfied: rate(c.unsatisfied, total),
    satisfiedOrBasically: rate(c.satisfied + c.basicallySatisfied, total),
  };
}

export function statisticsOf(counts: StatisticsCounts, filter: SupervisionFilter, asOf: string): Statistics {
  return {
    filter,
    asOf,
    byStatus: counts.byStatus,
    total: counts.total,
    replying: counts.replying,
    acknowledgedOnTime: rate(counts.acknowledgedOnTime, counts.acknowledgementDue),
    repliedOnTime: rate(counts.repliedOnTime, counts.replyDue),
    talkedBeforeReply: rate(counts.talkedBeforeReply, counts.replied),
    replied: counts.replied,
    overdue: counts.overdue,
    extensions: counts.extensions,
    extendedAssignments: counts.extendedAssignments,
    pendingExtensionRequests: counts.pendingExtensionRequests,
    grades: counts.grades,
    feedback: counts.feedback,
    workSatisfaction: satisfactionRates(counts.work),
    resultSatisfaction: satisfactionRates(counts.result),
    averageDaysToReply: counts.averageDaysToReply,
  };
}

/** Compares rates: one over nothing sorts after every real one, whatever the order. */
function compareRates(a: Rate, b: Rate, order: SortOrder): number {
  if (a.percent === null || b.percent === null) return (a.percent === null ? 1 : 0) - (b.percent === null ? 1 : 0);
  return order === SortOrder.Asc ? a.percent - b.percent : b.percent - a.percent;
}

function compareNumbers(a: number | null, b: number | null, order: SortOrder): number {
  if (a === null || b === null) return (a === null ? 1 : 0) - (b === null ? 1 : 0);
  return order === SortOrder.Asc ? a - b : b - a;
}

/** Best first by default: high rates, few overdue, few days. */
export function defaultRankingOrder(sort: RankingSort): SortOrder {
  switch (sort) {
    case RankingSort.OnTimeRate:
    case RankingSort.TalkRate:
    case RankingSort.Satisfaction:
      return SortOrder.Desc;
    case RankingSort.Overdue:
    case RankingSort.AverageDays:
    case RankingSort.Bureau:
      return SortOrder.Asc;
    default:
      return assertUnreachable(sort);
  }
}

const byName = new Intl.Collator('zh-Hans-CN');

/** Ranks bureaus on one column; ties keep pinyin name order and share a rank. */
export function rankBureaus(rows: Omit<RankingRow, 'rank'>[], sort: RankingSort, order: SortOrder): RankingRow[] {
  const compare = (a: Omit<RankingRow, 'rank'>, b: Omit<RankingRow, 'rank'>): number => {
    switch (sort) {
      case RankingSort.OnTimeRate:
        return compareRates(a.repliedOnTime, b.repliedOnTime, order);
      case RankingSort.TalkRate:
        return compareRates(a.talkedBeforeReply, b.talkedBeforeReply, order);
      case RankingSort.Satisfaction:
        return compareRates(a.satisfaction, b.satisfaction, order);
      case RankingSort.Overdue:
        return compareNumbers(a.overdue, b.overdue, order);
      case RankingSort.AverageDays:
        return compareNumbers(a.averageDaysToReply, b.averageDaysToReply, order);
      case RankingSort.Bureau:
        return 0;
      default:
        return assertUnreachable(sort);
    }
  };
  const sorted = [...rows].sort((a, b) => {
    const byColumn = compare(a, b);
    if (byColumn !== 0) return byColumn;
    const names = byName.compare(a.bureauName, b.bureauName);
    return sort === RankingSort.Bureau && order === SortOrder.Desc ? -names : names;
  });
  const ranked: RankingRow[] = [];
  sorted.forEach((row, i) => {
    const tied = i > 0 && sort !== RankingSort.Bureau && compare(sorted[i - 1], row) === 0;
    ranked.push({ ...row, rank: tied ? ranked[i - 1].rank : i + 1 });
  });
  return ranked;
}

function rankingRowOf(c: BureauCounts): Omit<RankingRow, 'rank'> {
  return {
    bureauId: c.bureauId,
    bureauName: c.bureauName,
    total: c.total,
    replied: c.replied,
    repliedOnTime: rate(c.repliedOnTime, c.replyDue),
    talkedBeforeReply: rate(c.talkedBeforeReply, c.replied),
    satisfaction: satisfactionRates(c.result).satisfiedOrBasically,
    overdue: c.overdue,
    extensions: c.extensions,
    averageDaysToReply: c.averageDaysToReply,
  };
}

/**
 * What the supervision office (and each bureau, for itself) sees: statistics, ranking and the
 * overdue list, computed in Postgres, and their exports and the per-session report.
 */
@Injectable()
export class SupervisionService {
  constructor(
    private readonly repository: SupervisionRepository,
    private readonly deadlines: DeadlinesService,
    private readonly config: DafuConfig,
    private readonly fonts: LetterFontsProvider,
  ) {}

  async statistics(actor: Actor, query: { sessionId?: string; bureauId?: string }): Promise<Statistics> {
    const filter = await this.filterFor(actor, query);
    const today = this.deadlines.today();
    return statisticsOf(await this.repository.statistics(filter, today, this.config.timezone), filter, today);
  }

  async ranking(actor: Actor, query: RankingQuery): Promise<RankingRow[]> {
    const filter = await this.filterFor(actor, { sessionId: query.sessionId });
    const sort = query.sort ?? RankingSort.OnTimeRate;
    const rows = await this.repository.statisticsByBureau(filter, this.deadlines.today(), this.config.timezone);
    return rankBureaus(rows.map(rankingRowOf), sort, query.order ?? defaultRankingOrder(sort));
  }

  async overdue(actor: Actor, query: OverdueQuery): Promise<OverduePage> {
    const filter = await this.filterFor(actor, query);
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 50;
    const { total, items } = await this.overdueItems(filter, query.sort, query.order, {
      offset: (page - 1) * pageSize,
      limit: pageSize,
    });
    return { total, page, pageSize, items };
  }

  /** How many items were overdue week by week, up to today (supervision.repository.ts says how they count). */
  async overdueTrend(actor: Actor, query: OverdueTrendQuery): Promise<OverdueTrend> {
    const filter = await this.filterFor(actor, query);
    const today = this.deadlines.today();
    const dates = trendDates(today, query.weeks ?? TREND_WEEKS_DEFAULT);
    return { filter, asOf: today, points: await this.repository.overdueTrend(filter, dates, this.config.timezone) };
  }

  async export(actor: Actor, query: ExportQuery): Promise<DownloadFile> {
    const filter = await this.filterFor(actor, query);
    const today = this.deadlines.today();
    const table = await this.exportTable(actor, query, filter, today);
    const stem = `${table.title}_${today}`;
    const ascii = `supervision-${query.view}-${today}`;
    switch (query.format) {
      case ExportFormat.Xlsx:
        return {
          content: await toXlsx(table),
          contentType: XLSX_TYPE,
          filename: `${stem}.xlsx`,
          asciiFilename: `${ascii}.xlsx`,
        };
      case ExportFormat.Csv:
        return {
          content: toCsv(table),
          contentType: CSV_TYPE,
          filename: `${stem}.csv`,
          asciiFilename: `${ascii}.csv`,
        };
      default:
        return assertUnreachable(query.format);
    }
  }

  /** The per-session summary report as PDF, in the letters' faces; a bureau's users get their bureau's. */
  async report(actor: Actor, sessionId: string): Promise<DownloadFile> {
    const filter = await this.filterFor(actor, { sessionId });
    const session = await this.repository.session(sessionId);
    if (session === null) throw new DafuError(ErrorCode.SessionNotFound, { sessionId });
    const today = this.deadlines.today();
    const statistics = statisticsOf(
      await this.repository.statistics(filter, today, this.config.timezone),
      filter,
      today,
    );
    const scopeLabel = await this.scopeLabel(filter);
    const ranking = await this.ranking(actor, { sessionId });
    const overdue = await this.overdueItems(filter, OverdueSort.DaysOverdue, SortOrder.Desc, {
      offset: 0,
      limit: REPORT_OVERDUE_ROWS,
    });
    const content = this.fonts.pdfRenderer.renderWithFonts(
      (fonts) =>
        sessionReportSource(
          {
            sessionName: session.name,
            itemKind: session.body === SessionBody.Npc ? '建议' : '提案',
            scopeLabel,
            asOf: today,
            figures: statisticsTable(statistics, scopeLabel),
            ranking: rankingTable(ranking),
            overdue: overdueTable(overdue.items),
            overdueTotal: overdue.total,
          },
          fonts,
        ),
      `The report of session ${sessionId} did not compile`,
    );
    return {
      content,
      contentType: 'application/pdf',
      filename: `${session.name}办理情况统计报告_${today}.pdf`,
      asciiFilename: `supervision-report-${today}.pdf`,
    };
  }

  private async exportTable(
    actor: Actor,
    query: ExportQuery,
    filter: SupervisionFilter,
    today: string,
  ): Promise<ExportTable> {
    switch (query.view) {
      case ExportView.Statistics:
        return statisticsTable(
          statisticsOf(await this.repository.statistics(filter, today, this.config.timezone), filter, today),
          await this.scopeLabel(filter),
        );
      case ExportView.Ranking: {
        const sort = Object.values(RankingSort).includes(query.sort as RankingSort)
          ? (query.sort as RankingSort)
          : undefined;
        return rankingTable(await this.ranking(actor, { sessionId: query.sessionId, sort, order: query.order }));
      }
      case ExportView.Overdue: {
        const sort = Object.values(OverdueSort).includes(query.sort as OverdueSort)
          ? (query.sort as OverdueSort)
          : undefined;
        const { items } = await this.overdueItems(filter, sort, query.order, { offset: 0, limit: null });
        return overdueTable(items);
      }
      default:
        return assertUnreachable(query.view);
    }
  }

  private async overdueItems(
    filter: SupervisionFilter,
    sort: OverdueSort | undefined,
    order: SortOrder | undefined,
    page: { offset: number; limit: number | null },
  ): Promise<{ total: number; items: OverdueItem[] }> {
    const today = this.deadlines.today();
    const { total, items } = await this.repository.overdue(
      filter,
      today,
      sort ?? OverdueSort.DaysOverdue,
      order ?? SortOrder.Desc,
      page,
    );
    // Working days for the rows at hand only; the order and the paging used the due date.
    const calendar: WorkingDayCalendar | null = items.length > 0 ? await this.deadlines.calendar() : null;
    const counted = calendar
      ? workingDaysOverdue(
          items.map((item) => item.dueOn),
          today,
          (date) => calendar.isWorkingDay(date),
        )
      : new Map<string, number>();
    return { total, items: items.map((item) => ({ ...item, workingDaysOverdue: counted.get(item.dueOn) ?? 0 })) };
  }

  private async filterFor(actor: Actor, query: { sessionId?: string; bureauId?: string }): Promise<SupervisionFilter> {
    const bureau = bureauFilter(readScopeOf(actor), query.bureauId);
    if (!bureau.allowed) {
      throw new DafuError(ErrorCode.SupervisionBureauNotAccessible, { bureauId: query.bureauId });
    }
    if (query.sessionId !== undefined && (await this.repository.session(query.sessionId)) === null) {
      throw new DafuError(ErrorCode.SessionNotFound, { sessionId: query.sessionId });
    }
    return { sessionId: query.sessionId ?? null, bureauId: bureau.bureauId };
  }

  private async scopeLabel(filter: SupervisionFilter): Promise<string> {
    if (filter.bureauId === null) return '全部承办单位';
    return (await this.repository.bureauName(filter.bureauId)) ?? '（未知单位）';
  }
}
