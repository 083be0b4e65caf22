import type { components } from '../../api/schema';

export type Statistics = components['schemas']['StatisticsDto'];
export type RankingRow = components['schemas']['RankingRowDto'];
export type Rate = components['schemas']['RateDto'];
export type TrendPoint = components['schemas']['OverdueTrendPointDto'];

export interface BureauRate {
  bureau: string;
  /** Percent to one decimal; bureaus with nothing due yet are left out (no rate to draw). */
  percent: number;
  numerator: number;
  denominator: number;
}

/** 按期答复率 per bureau, highest first (ties by the API's rank order), for a bar chart. */
export function onTimeByBureau(ranking: readonly RankingRow[]): BureauRate[] {
  return ranking
    .filter((row) => row.repliedOnTime.percent !== null)
    .map((row) => ({
      bureau: row.bureauName,
      percent: row.repliedOnTime.percent as number,
      numerator: row.repliedOnTime.numerator,
      denominator: row.repliedOnTime.denominator,
    }))
    .sort((a, b) => b.percent - a.percent);
}

export interface GradeSlice {
  grade: string;
  count: number;
}

/** Grades A–D in order, and "other" only when some reply carries another configured grade. */
export function gradeDistribution(grades: Statistics['grades'], otherLabel: string): GradeSlice[] {
  const slices: GradeSlice[] = (['A', 'B', 'C', 'D'] as const).map((grade) => ({ grade, count: grades[grade] }));
  if (grades.other > 0) slices.push({ grade: otherLabel, count: grades.other });
  return slices;
}

export interface SatisfactionBar {
  aspect: string;
  satisfied: number;
  basicallySatisfied: number;
  unsatisfied: number;
}

/** Counts of 满意 / 基本满意 / 不满意 for the work and for the result: one stacked bar each. */
export function satisfactionBars(statistics: Statistics, labels: { work: string; result: string }): SatisfactionBar[] {
  const bar = (aspect: string, rates: Statistics['workSatisfaction']): SatisfactionBar => ({
    aspect,
    satisfied: rates.satisfied.numerator,
    basicallySatisfied: rates.basicallySatisfied.numerator,
    unsatisfied: rates.unsatisfied.numerator,
  });
  return [bar(labels.work, statistics.workSatisfaction), bar(labels.result, statistics.resultSatisfaction)];
}

export interface TrendDatum {
  /** MM-DD for the axis; the full date stays in `date`. */
  label: string;
  date: string;
  overdue: number;
}

export function overdueTrend(points: readonly TrendPoint[]): TrendDatum[] {
  return points.map((point) => ({ label: point.date.slice(5), date: point.date, overdue: point.overdue }));
}

/** "88.9%", or null when the rate is over nothing. */
export function percentText(rate: Rate): string | null {
  return rate.percent === null ? null : `${rate.percent}%`;
}
