import {
  gradeDistribution,
  onTimeByBureau,
  overdueTrend,
  percentText,
  satisfactionBars,
  type RankingRow,
  type Statistics,
} from './chart-data';

const r = (numerator: number, denominator: number, percent: number | null) => ({ numerator, denominator, percent });

function row(bureauName: string, rank: number, repliedOnTime: ReturnType<typeof r>): RankingRow {
  return {
    rank,
    bureauId: bureauName,
    bureauName,
    total: 5,
    replied: 2,
    repliedOnTime,
    talkedBeforeReply: r(0, 0, null),
    satisfaction: r(0, 0, null),
    overdue: 0,
    extensions: 0,
    averageDaysToReply: null,
  };
}

describe('chart data', () => {
  it('draws the on-time rate per bureau, highest first, leaving out bureaus with nothing due', () => {
    const data = onTimeByBureau([
      row('甲局', 2, r(1, 4, 25)),
      row('乙局', 1, r(1, 2, 50)),
      row('丙局', 3, r(0, 0, null)),
      row('丁局', 1, r(3, 3, 100)),
    ]);
    expect(data).toEqual([
      { bureau: '丁局', percent: 100, numerator: 3, denominator: 3 },
      { bureau: '乙局', percent: 50, numerator: 1, denominator: 2 },
      { bureau: '甲局', percent: 25, numerator: 1, denominator: 4 },
    ]);
  });

  it('lists grades A to D, and other only when there is one', () => {
    expect(gradeDistribution({ A: 2, B: 1, C: 0, D: 0, other: 0 }, '其他')).toEqual([
      { grade: 'A', count: 2 },
      { grade: 'B', count: 1 },
      { grade: 'C', count: 0 },
      { grade: 'D', count: 0 },
    ]);
    expect(gradeDistribution({ A: 0, B: 0, C: 1, D: 0, other: 3 }, '其他').at(-1)).toEqual({ grade: '其他', count: 3 });
  });

  it('stacks satisfaction counts for the work and the result', () => {
    const statistics = {
      workSatisfaction: {
        satisfied: r(2, 4, 50),
        basicallySatisfied: r(1, 4, 25),
        unsatisfied: r(1, 4, 25),
        satisfiedOrBasically: r(3, 4, 75),
      },
      resultSatisfaction: {
        satisfied: r(2, 4, 50),
        basicallySatisfied: r(0, 4, 0),
        unsatisfied: r(2, 4, 50),
        satisfiedOrBasically: r(2, 4, 50),
      },
    } as Statistics;
    expect(satisfactionBars(statistics, { work: '办理工作', result: '办理结果' })).toEqual([
      { aspect: '办理工作', satisfied: 2, basicallySatisfied: 1, unsatisfied: 1 },
      { aspect: '办理结果', satisfied: 2, basicallySatisfied: 0, unsatisfied: 2 },
    ]);
  });

  it('labels the trend by month and day, oldest first as the API gives it', () => {
    expect(
      overdueTrend([
        { date: '2023-05-27', overdue: 1 },
        { date: '2023-06-03', overdue: 3 },
      ]),
    ).toEqual([
      { label: '05-27', date: '2023-05-27', overdue: 1 },
      { label: '06-03', date: '2023-06-03', overdue: 3 },
    ]);
  });

  it('writes a rate as a percent, and nothing over nothing', () => {
    expect(percentText(r(8, 9, 88.9))).toBe('88.9%');
    expect(percentText(r(0, 0, null))).toBeNull();
  });
});
