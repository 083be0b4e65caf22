import { rate } from './domain/supervision-rules';
import { defaultRankingOrder, rankBureaus, statisticsOf } from './supervision.service';
import { RankingSort, SortOrder, type RankingRow, type StatisticsCounts } from './supervision.types';

function row(name: string, over: Partial<Omit<RankingRow, 'rank'>> = {}): Omit<RankingRow, 'rank'> {
  return {
    bureauId: name,
    bureauName: name,
    total: 1,
    replied: 1,
    repliedOnTime: rate(1, 1),
    talkedBeforeReply: rate(1, 1),
    satisfaction: rate(1, 1),
    overdue: 0,
    extensions: 0,
    averageDaysToReply: 30,
    ...over,
  };
}

describe('ranking', () => {
  const rows = [
    row('乙局', { repliedOnTime: rate(1, 2), overdue: 3, averageDaysToReply: 20 }),
    row('甲局', { repliedOnTime: rate(3, 4), overdue: 1, averageDaysToReply: null }),
    row('丙局', { repliedOnTime: rate(0, 0), overdue: 1, averageDaysToReply: 40 }),
    row('丁局', { repliedOnTime: rate(2, 4), overdue: 0, averageDaysToReply: 10 }),
  ];
  const order = (ranked: RankingRow[]) => ranked.map((r) => `${r.rank}${r.bureauName}`);

  it('puts the best first by default, ties share a rank in pinyin order, rates over nothing last', () => {
    const sort = RankingSort.OnTimeRate;
    expect(order(rankBureaus(rows, sort, defaultRankingOrder(sort)))).toEqual(['1甲局', '2丁局', '2乙局', '4丙局']);
    expect(order(rankBureaus(rows, sort, SortOrder.Asc))).toEqual(['1丁局', '1乙局', '3甲局', '4丙局']);
  });

  it('ranks fewest overdue and fewest days first', () => {
    expect(order(rankBureaus(rows, RankingSort.Overdue, defaultRankingOrder(RankingSort.Overdue)))).toEqual([
      '1丁局',
      '2丙局',
      '2甲局',
      '4乙局',
    ]);
    expect(order(rankBureaus(rows, RankingSort.AverageDays, SortOrder.Asc))).toEqual([
      '1丁局',
      '2乙局',
      '3丙局',
      '4甲局',
    ]);
  });

  it('sorts by name in pinyin, either way', () => {
    expect(order(rankBureaus(rows, RankingSort.Bureau, SortOrder.Asc))).toEqual(['1丙局', '2丁局', '3甲局', '4乙局']);
    expect(order(rankBureaus(rows, RankingSort.Bureau, SortOrder.Desc))).toEqual(['1乙局', '2甲局', '3丁局', '4丙局']);
  });
});

describe('statistics from counts', () => {
  it('makes each rate from its own numerator and denominator', () => {
    const counts = {
      acknowledgedOnTime: 7,
      acknowledgementDue: 9,
      repliedOnTime: 3,
      replyDue: 6,
      replied: 4,
      talkedBeforeReply: 3,
      work: { satisfied: 2, basicallySatisfied: 1, unsatisfied: 1 },
      result: { satisfied: 0, basicallySatisfied: 0, unsatisfied: 0 },
    } as StatisticsCounts;
    const s = statisticsOf(counts, { sessionId: null, bureauId: null }, '2023-06-10');
    expect(s.acknowledgedOnTime).toEqual(rate(7, 9));
    expect(s.repliedOnTime).toEqual(rate(3, 6));
    expect(s.talkedBeforeReply).toEqual(rate(3, 4));
    expect(s.workSatisfaction.satisfiedOrBasically).toEqual(rate(3, 4));
    expect(s.resultSatisfaction.satisfied).toEqual({ numerator: 0, denominator: 0, percent: null });
  });
});
