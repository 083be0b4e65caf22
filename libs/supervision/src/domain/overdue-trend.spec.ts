import { trendDates } from './overdue-trend';

describe('trendDates', () => {
  it('takes one date a week, oldest first, ending today', () => {
    expect(trendDates('2023-06-10', 4)).toEqual(['2023-05-20', '2023-05-27', '2023-06-03', '2023-06-10']);
  });

  it('crosses month and year ends and leap days', () => {
    expect(trendDates('2024-01-03', 2)).toEqual(['2023-12-27', '2024-01-03']);
    expect(trendDates('2024-03-06', 2)).toEqual(['2024-02-28', '2024-03-06']);
  });

  it('is just today for one week, and refuses none', () => {
    expect(trendDates('2023-06-10', 1)).toEqual(['2023-06-10']);
    expect(() => trendDates('2023-06-10', 0)).toThrow(RangeError);
    expect(() => trendDates('2023-06-10', 1.5)).toThrow(RangeError);
  });
});
