import { lazy, Suspense, useState } from 'react';
import { Card, Col, Flex, Row, Skeleton, Space, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { unwrap } from '../../api/errors';
import { useSession } from '../../auth/session';
import { useI18n, useMessages } from '../../i18n/i18n';
import { LoadError } from '../../components/LoadError';
import {
  gradeDistribution,
  onTimeByBureau,
  overdueTrend,
  percentText,
  satisfactionBars,
  type Rate,
  type Statistics,
} from './chart-data';
import { supervisionMessages } from './messages';
import { SessionSelect } from './SessionSelect';

const Charts = lazy(() => import('./Charts'));

/** Weeks of the overdue trend; the chart's title says 12. */
const TREND_WEEKS = 12;

/**
 * One figure: its label, and the value in an element of its own (data-testid `kpi-<name>`, the
 * figure in data-value too) so a browser test reads exactly the number.
 */
function Kpi({ name, label, value, note }: { name: string; label: string; value: string; note?: string }) {
  return (
    <Card size="small" style={{ height: '100%' }}>
      <Typography.Text type="secondary" id={`kpi-${name}-label`}>
        {label}
      </Typography.Text>
      <div
        data-testid={`kpi-${name}`}
        data-value={value}
        aria-labelledby={`kpi-${name}-label`}
        role="status"
        style={{ fontSize: 26, fontWeight: 600, lineHeight: 1.4 }}
      >
        {value}
      </div>
      {note && <Typography.Text type="secondary">{note}</Typography.Text>}
    </Card>
  );
}

function KpiCards({ statistics }: { statistics: Statistics }) {
  const t = useMessages(supervisionMessages);
  const rate = (r: Rate) => ({ value: percentText(r) ?? t.none, note: t.fraction(r.numerator, r.denominator) });
  const cards = [
    { name: 'total', label: t.total, value: String(statistics.total) },
    { name: 'replied', label: t.replied, value: String(statistics.replied) },
    { name: 'overdue', label: t.overdueNow, value: String(statistics.overdue) },
    { name: 'acknowledgedOnTime', label: t.acknowledgedOnTime, ...rate(statistics.acknowledgedOnTime) },
    { name: 'repliedOnTime', label: t.repliedOnTime, ...rate(statistics.repliedOnTime) },
    { name: 'talkedBeforeReply', label: t.talkedBeforeReply, ...rate(statistics.talkedBeforeReply) },
    {
      name: 'extensions',
      label: t.extensions,
      value: String(statistics.extensions),
      note: `${t.extendedAssignments(statistics.extendedAssignments)} · ${t.pendingExtensions(statistics.pendingExtensionRequests)}`,
    },
    {
      name: 'averageDaysToReply',
      label: t.averageDays,
      value: statistics.averageDaysToReply === null ? t.none : String(statistics.averageDaysToReply),
    },
  ];
  return (
    <Row gutter={[16, 16]}>
      {cards.map((card) => (
        <Col key={card.name} xs={12} md={8} xl={6}>
          <Kpi {...card} />
        </Col>
      ))}
    </Row>
  );
}

function StatusCounts({ byStatus }: { byStatus: Statistics['byStatus'] }) {
  const { t: common } = useI18n();
  const t = useMessages(supervisionMessages);
  return (
    <Card size="small" title={t.byStatus}>
      <Space wrap>
        {Object.entries(byStatus).map(([status, count]) => (
          <Tag key={status} data-testid={`status-${status}`} data-value={count}>
            {common[`status.${status}` as keyof typeof common] as string}: {count}
          </Tag>
        ))}
      </Space>
    </Card>
  );
}

/** 督查看板: the figures of GET /supervision/statistics, the ranking and the overdue trend, per session. */
export function DashboardPage() {
  const { api } = useSession();
  const t = useMessages(supervisionMessages);
  const [sessionId, setSessionId] = useState<string | undefined>();
  const query = { sessionId };
  const statistics = useQuery({
    queryKey: ['supervision', 'statistics', query],
    queryFn: async () => unwrap(await api.GET('/supervision/statistics', { params: { query } })),
  });
  const ranking = useQuery({
    queryKey: ['supervision', 'ranking', query],
    queryFn: async () => unwrap(await api.GET('/supervision/ranking', { params: { query } })),
  });
  const trend = useQuery({
    queryKey: ['supervision', 'overdue-trend', query],
    queryFn: async () =>
      unwrap(await api.GET('/supervision/overdue-trend', { params: { query: { ...query, weeks: TREND_WEEKS } } })),
  });
  const failed = [statistics, ranking, trend].find((q) => q.isError);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card>
        <Flex justify="space-between" align="center" wrap gap="middle">
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t.dashboardTitle}
          </Typography.Title>
          <Space>
            <label htmlFor="session-filter">{t.session}</label>
            <SessionSelect value={sessionId} onChange={setSessionId} />
          </Space>
        </Flex>
        {statistics.data && <Typography.Text type="secondary">{t.asOf(statistics.data.asOf)}</Typography.Text>}
      </Card>
      {failed && <LoadError error={failed.error} onRetry={() => void failed.refetch()} />}
      {statistics.isPending ? (
        <Skeleton active />
      ) : (
        statistics.data && (
          <>
            <KpiCards statistics={statistics.data} />
            <StatusCounts byStatus={statistics.data.byStatus} />
          </>
        )
      )}
      {statistics.data && ranking.data && trend.data && (
        <Suspense fallback={<Skeleton active />}>
          <Charts
            onTime={onTimeByBureau(ranking.data)}
            grades={gradeDistribution(statistics.data.grades, t.gradeOther)}
            satisfaction={satisfactionBars(statistics.data, { work: t.work, result: t.result })}
            trend={overdueTrend(trend.data.points)}
          />
        </Suspense>
      )}
    </Space>
  );
}
