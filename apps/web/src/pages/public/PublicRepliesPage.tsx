import { useState } from 'react';
import { Card, Flex, Input, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { unwrap } from '../../api/errors';
import type { components } from '../../api/schema';
import { useSession } from '../../auth/session';
import { useMessages } from '../../i18n/i18n';
import { LoadError } from '../../components/LoadError';
import { publicMessages } from './messages';
import { VerifyPanel } from './VerifyPanel';

type Summary = components['schemas']['PublicReplySummaryDto'];

const PAGE_SIZE = 20;
const GRADES = ['A', 'B', 'C', 'D'];

/**
 * 公开答复: GET /public/replies searched by words, title or 文号, filtered by session and grade, paged by the API, each linking to
 * its page under `basePath` (/public without login, /public-replies in the app), and the
 * verification of a letter.
 */
export function PublicRepliesPage({ basePath }: { basePath: string }) {
  const { api } = useSession();
  const t = useMessages(publicMessages);
  const [q, setQ] = useState<string | undefined>();
  const [sessionId, setSessionId] = useState<string | undefined>();
  const [grade, setGrade] = useState<string | undefined>();
  const [page, setPage] = useState(1);

  const sessions = useQuery({
    queryKey: ['public', 'sessions'],
    queryFn: async () => unwrap(await api.GET('/public/sessions')),
  });
  const query = { q, sessionId, grade, page, pageSize: PAGE_SIZE };
  const replies = useQuery({
    queryKey: ['public', 'replies', query],
    queryFn: async () => unwrap(await api.GET('/public/replies', { params: { query } })),
  });

  const columns: ColumnsType<Summary> = [
    { title: t.colNumber, dataIndex: 'documentNumber', width: 190 },
    {
      title: t.colTitle,
      key: 'title',
      render: (_: unknown, item) => (
        <Link to={`${basePath}/replies/${item.id}`}>
          {t.itemTitle(item.proposalKind, item.proposalNumber, item.proposalTitle)}
        </Link>
      ),
    },
    { title: t.colSession, dataIndex: 'sessionName', width: 180 },
    { title: t.colBureau, dataIndex: 'bureauName', width: 180 },
    {
      title: t.colGrade,
      dataIndex: 'grade',
      width: 100,
      render: (value: string | null) => (value ? <Tag>{value}</Tag> : null),
    },
    { title: t.colDate, dataIndex: 'letterDate', width: 120 },
  ];

  const reset = () => setPage(1);
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card>
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          {t.title}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t.hint}</Typography.Paragraph>
        <Flex wrap gap="middle" align="center" style={{ marginBottom: 16 }} role="search">
          <Space>
            <label htmlFor="public-search">{t.search}</label>
            <Input.Search
              id="public-search"
              aria-label={t.search}
              placeholder={t.searchPlaceholder}
              allowClear
              maxLength={100}
              style={{ width: 320 }}
              onSearch={(text) => {
                setQ(text.trim() === '' ? undefined : text.trim());
                reset();
              }}
            />
          </Space>
          <Space>
            <label htmlFor="public-session">{t.session}</label>
            <Select<string>
              id="public-session"
              aria-label={t.session}
              style={{ minWidth: 260 }}
              value={sessionId ?? ''}
              loading={sessions.isPending}
              onChange={(next) => {
                setSessionId(next === '' ? undefined : next);
                reset();
              }}
              options={[
                { value: '', label: t.allSessions },
                ...(sessions.data ?? []).map((s) => ({
                  value: s.id,
                  label: t.sessionOption(s.name, s.publishedReplies),
                })),
              ]}
            />
          </Space>
          <Space>
            <label htmlFor="public-grade">{t.grade}</label>
            <Select<string>
              id="public-grade"
              aria-label={t.grade}
              style={{ minWidth: 140 }}
              value={grade ?? ''}
              onChange={(next) => {
                setGrade(next === '' ? undefined : next);
                reset();
              }}
              options={[
                { value: '', label: t.allGrades },
                ...GRADES.map((g) => ({ value: g, label: t.gradeOption(g) })),
              ]}
            />
          </Space>
        </Flex>
        {replies.isError ? (
          <LoadError error={replies.error} onRetry={() => void replies.refetch()} />
        ) : (
          <Table<Summary>
            rowKey="id"
            columns={columns}
            dataSource={replies.data?.items ?? []}
            loading={replies.isFetching}
            locale={{ emptyText: t.empty }}
            scroll={{ x: 900 }}
            pagination={{
              current: page,
              pageSize: PAGE_SIZE,
              total: replies.data?.total ?? 0,
              showSizeChanger: false,
              showTotal: (total) => t.totalItems(total),
              onChange: setPage,
            }}
          />
        )}
      </Card>
      <VerifyPanel />
    </Space>
  );
}
