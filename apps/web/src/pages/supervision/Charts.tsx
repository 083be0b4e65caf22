import type { ReactNode } from 'react';
import { Card, Col, Empty, Row } from 'antd';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { useMessages } from '../../i18n/i18n';
import type { BureauRate, GradeSlice, SatisfactionBar, TrendDatum } from './chart-data';
import { supervisionMessages } from './messages';

/** Hidden from sight, read by screen readers: each chart's figures as a table. */
const SR_ONLY: React.CSSProperties = {
  position: 'absolute',
  width: 1,
  height: 1,
  padding: 0,
  margin: -1,
  overflow: 'hidden',
  clip: 'rect(0, 0, 0, 0)',
  whiteSpace: 'nowrap',
  border: 0,
};

const HEIGHT = 260;
const COLOURS = { primary: '#b71c1c', good: '#389e0d', fair: '#faad14', bad: '#cf1322' };

function ChartCard({
  title,
  testId,
  empty,
  headers,
  rows,
  children,
}: {
  title: string;
  testId: string;
  empty: boolean;
  headers: string[];
  rows: (string | number)[][];
  children: ReactNode;
}) {
  const t = useMessages(supervisionMessages);
  return (
    <Card title={title} size="small" data-testid={testId}>
      <figure style={{ margin: 0 }} aria-label={title}>
        {empty ? (
          <Empty description={t.noData} />
        ) : (
          <div role="img" aria-label={title}>
            <ResponsiveContainer width="100%" height={HEIGHT} initialDimension={{ width: 480, height: HEIGHT }}>
              {children as React.ReactElement}
            </ResponsiveContainer>
          </div>
        )}
        <table style={SR_ONLY} aria-label={t.chartTable(title)}>
          <thead>
            <tr>
              {headers.map((header) => (
                <th key={header} scope="col">
                  {header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={String(row[0])}>
                {row.map((cell, i) =>
                  i === 0 ? (
                    <th key={i} scope="row">
                      {cell}
                    </th>
                  ) : (
                    <td key={i}>{cell}</td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </figure>
    </Card>
  );
}

export interface ChartsProps {
  onTime: BureauRate[];
  grades: GradeSlice[];
  satisfaction: SatisfactionBar[];
  trend: TrendDatum[];
}

/** The dashboard's four charts; loaded lazily, so recharts stays out of the other pages' bundle. */
export default function Charts({ onTime, grades, satisfaction, trend }: ChartsProps) {
  const t = useMessages(supervisionMessages);
  const noFeedback = satisfaction.every((s) => s.satisfied + s.basicallySatisfied + s.unsatisfied === 0);
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={12}>
        <ChartCard
          title={t.onTimeChart}
          testId="chart-on-time"
          empty={onTime.length === 0}
          headers={[t.bureau, t.percent, t.onTimeFraction]}
          rows={onTime.map((d) => [d.bureau, d.percent, t.fraction(d.numerator, d.denominator)])}
        >
          <BarChart data={onTime} layout="vertical" margin={{ left: 24, right: 24 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis type="number" domain={[0, 100]} unit="%" />
            <YAxis type="category" dataKey="bureau" width={120} />
            <Tooltip />
            <Bar isAnimationActive={false} dataKey="percent" name={t.percent} fill={COLOURS.primary} />
          </BarChart>
        </ChartCard>
      </Col>
      <Col xs={24} xl={12}>
        <ChartCard
          title={t.trendChart}
          testId="chart-trend"
          empty={trend.length === 0}
          headers={[t.date, t.overdueCount]}
          rows={trend.map((d) => [d.date, d.overdue])}
        >
          <LineChart data={trend} margin={{ right: 24 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="label" />
            <YAxis allowDecimals={false} />
            <Tooltip />
            <Line
              isAnimationActive={false}
              type="monotone"
              dataKey="overdue"
              name={t.overdueCount}
              stroke={COLOURS.bad}
            />
          </LineChart>
        </ChartCard>
      </Col>
      <Col xs={24} xl={12}>
        <ChartCard
          title={t.gradeChart}
          testId="chart-grades"
          empty={grades.every((g) => g.count === 0)}
          headers={[t.grade, t.count]}
          rows={grades.map((g) => [g.grade, g.count])}
        >
          <BarChart data={grades}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="grade" />
            <YAxis allowDecimals={false} />
            <Tooltip />
            <Bar isAnimationActive={false} dataKey="count" name={t.count} fill={COLOURS.primary} />
          </BarChart>
        </ChartCard>
      </Col>
      <Col xs={24} xl={12}>
        <ChartCard
          title={t.satisfactionChart}
          testId="chart-satisfaction"
          empty={noFeedback}
          headers={[t.aspect, t.satisfied, t.basicallySatisfied, t.unsatisfied]}
          rows={satisfaction.map((s) => [s.aspect, s.satisfied, s.basicallySatisfied, s.unsatisfied])}
        >
          <BarChart data={satisfaction} layout="vertical" margin={{ left: 24, right: 24 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis type="number" allowDecimals={false} />
            <YAxis type="category" dataKey="aspect" width={80} />
            <Tooltip />
            <Legend />
            <Bar isAnimationActive={false} dataKey="satisfied" stackId="s" name={t.satisfied} fill={COLOURS.good} />
            <Bar
              isAnimationActive={false}
              dataKey="basicallySatisfied"
              stackId="s"
              name={t.basicallySatisfied}
              fill={COLOURS.fair}
            />
            <Bar isAnimationActive={false} dataKey="unsatisfied" stackId="s" name={t.unsatisfied} fill={COLOURS.bad} />
          </BarChart>
        </ChartCard>
      </Col>
    </Row>
  );
}
