import { screen, waitFor } from '@testing-library/react';
import { renderWithProviders } from '../../test/render';
import Charts from './Charts';

describe('Charts', () => {
  // jsdom lays nothing out: give the charts' containers a size so recharts draws.
  let restore: () => void;
  beforeAll(() => {
    const original = HTMLElement.prototype.getBoundingClientRect;
    HTMLElement.prototype.getBoundingClientRect = function () {
      return { width: 480, height: 260, top: 0, left: 0, right: 480, bottom: 260, x: 0, y: 0, toJSON: () => ({}) };
    };
    for (const key of ['clientWidth', 'offsetWidth'] as const)
      Object.defineProperty(HTMLElement.prototype, key, { configurable: true, get: () => 480 });
    for (const key of ['clientHeight', 'offsetHeight'] as const)
      Object.defineProperty(HTMLElement.prototype, key, { configurable: true, get: () => 260 });
    restore = () => {
      HTMLElement.prototype.getBoundingClientRect = original;
      for (const key of ['clientWidth', 'offsetWidth', 'clientHeight', 'offsetHeight'])
        delete (HTMLElement.prototype as unknown as Record<string, unknown>)[key];
    };
  });
  afterAll(() => restore());

  it('says there is nothing to draw without feedback or figures', () => {
    renderWithProviders(<Charts onTime={[]} grades={[{ grade: 'A', count: 0 }]} satisfaction={[]} trend={[]} />);
    expect(screen.getAllByText('暂无数据', { selector: '.ant-empty-description' })).toHaveLength(4);
    expect(screen.queryByRole('img')).toBeNull();
  });

  it('draws a bar per bureau and per grade, and the trend line', async () => {
    renderWithProviders(
      <Charts
        onTime={[
          { bureau: '乙局', percent: 50, numerator: 1, denominator: 2 },
          { bureau: '甲局', percent: 25, numerator: 1, denominator: 4 },
        ]}
        grades={[
          { grade: 'A', count: 2 },
          { grade: 'B', count: 1 },
        ]}
        satisfaction={[{ aspect: '办理工作', satisfied: 1, basicallySatisfied: 0, unsatisfied: 1 }]}
        trend={[
          { label: '05-27', date: '2023-05-27', overdue: 1 },
          { label: '06-03', date: '2023-06-03', overdue: 3 },
        ]}
      />,
    );
    const onTime = await screen.findByRole('img', { name: '各承办单位按期答复率' });
    await waitFor(() => expect(onTime.querySelectorAll('.recharts-bar-rectangle')).toHaveLength(2));
    const grades = screen.getByRole('img', { name: '办理结果分布' });
    expect(grades.querySelectorAll('.recharts-bar-rectangle')).toHaveLength(2);
    const trend = screen.getByRole('img', { name: '超期件数趋势（近 12 周）' });
    expect(trend.querySelector('.recharts-line')).toBeTruthy();
  });
});
