import { useState } from 'react';
import { Button, Card, Form, Input, Select, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { unwrap } from '../../api/errors';
import { useSession } from '../../auth/session';
import { LoadError } from '../../components/LoadError';
import { useMessages } from '../../i18n/i18n';
import { registrarMessages } from './messages';
import { ProposalDrawer } from './ProposalDrawer';
import { ProposalStatusTag, useSessions } from './shared';
import { PROPOSAL_KINDS, PROPOSAL_STATUSES, type Proposal, type ProposalKind, type ProposalStatus } from './types';

interface Filters {
  sessionId?: string;
  kind?: ProposalKind;
  status?: ProposalStatus;
  search?: string;
}

/** The search box takes a number (146, 第146号) or words of the title; GET /proposals has one parameter for each. */
export function searchParams(search: string | undefined): { number?: number; q?: string } {
  const text = search?.trim() ?? '';
  if (text === '') return {};
  const number = /^第?\s*(\d+)\s*号?$/u.exec(text);
  return number ? { number: Number(number[1]) } : { q: text };
}

/** 提案与建议: every proposal of the registrar's body, filtered and paged by the API. */
export function ProposalsPage() {
  const m = useMessages(registrarMessages);
  const { api } = useSession();
  const sessions = useSessions();
  const [filters, setFilters] = useState<Filters>({});
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const [editing, setEditing] = useState<Proposal | 'new' | null>(null);

  const query = {
    sessionId: filters.sessionId,
    kind: filters.kind,
    status: filters.status,
    ...searchParams(filters.search),
    ...paging,
  };
  const proposals = useQuery({
    queryKey: ['proposals', 'list', query],
    queryFn: async () => unwrap(await api.GET('/proposals', { params: { query } })),
    placeholderData: keepPreviousData,
  });
  const sessionName = new Map((sessions.data ?? []).map((s) => [s.id, s.name]));

  const columns: ColumnsType<Proposal> = [
    { title: m['col.number'], dataIndex: 'number', width: 90 },
    {
      title: m['col.title'],
      dataIndex: 'title',
      render: (title: string, proposal) => <Link to={`/proposals/${proposal.id}`}>{title}</Link>,
    },
    { title: m['col.kind'], dataIndex: 'kind', width: 80, render: (kind: ProposalKind) => m[`kind.${kind}`] },
    {
      title: m['col.leadProposer'],
      key: 'lead',
      width: 140,
      render: (_: unknown, proposal) => proposal.proposers.find((p) => p.role === 'lead')?.name ?? '—',
    },
    {
      title: m['col.session'],
      dataIndex: 'sessionId',
      width: 200,
      render: (id: string) => sessionName.get(id) ?? '—',
    },
    {
      title: m['col.status'],
      dataIndex: 'status',
      width: 100,
      render: (status: ProposalStatus) => <ProposalStatusTag status={status} />,
    },
    {
      title: m.actions,
      key: 'actions',
      width: 90,
      render: (_: unknown, proposal) => (
        <Button size="small" onClick={() => setEditing(proposal)} aria-label={`${m.edit} ${proposal.number}`}>
          {m.edit}
        </Button>
      ),
    },
  ];

  return (
    <Card>
      <Space style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          {m.proposalsTitle}
        </Typography.Title>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
          {m.newProposal}
        </Button>
      </Space>
      <Form<Filters>
        layout="inline"
        name="proposalFilters"
        style={{ marginBottom: 16, rowGap: 8 }}
        onValuesChange={(_changed, values) => {
          setFilters((f) => ({ ...values, search: f.search }));
          setPaging((p) => ({ ...p, page: 1 }));
        }}
      >
        <Form.Item name="sessionId" label={m['filter.session']}>
          <Select
            allowClear
            style={{ width: 220 }}
            loading={sessions.isPending}
            options={(sessions.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
          />
        </Form.Item>
        <Form.Item name="kind" label={m['filter.kind']}>
          <Select
            allowClear
            style={{ width: 110 }}
            options={PROPOSAL_KINDS.map((kind) => ({ value: kind, label: m[`kind.${kind}`] }))}
          />
        </Form.Item>
        <Form.Item name="status" label={m['filter.status']}>
          <Select
            allowClear
            style={{ width: 120 }}
            options={PROPOSAL_STATUSES.map((status) => ({ value: status, label: m[`proposalStatus.${status}`] }))}
          />
        </Form.Item>
        {/* Searched on Enter (or the button), not on every keystroke. */}
        <Form.Item label={m['filter.search']} htmlFor="proposal-search">
          <Input.Search
            id="proposal-search"
            allowClear
            placeholder={m['filter.searchPlaceholder']}
            style={{ width: 240 }}
            onSearch={(search) => {
              setFilters((f) => ({ ...f, search }));
              setPaging((p) => ({ ...p, page: 1 }));
            }}
          />
        </Form.Item>
      </Form>
      {proposals.isError ? (
        <LoadError error={proposals.error} onRetry={() => void proposals.refetch()} />
      ) : (
        <Table<Proposal>
          rowKey="id"
          columns={columns}
          dataSource={proposals.data?.items ?? []}
          loading={proposals.isFetching}
          locale={{ emptyText: m.emptyProposals }}
          pagination={{
            current: paging.page,
            pageSize: paging.pageSize,
            total: proposals.data?.total ?? 0,
            showSizeChanger: true,
            onChange: (page, pageSize) => setPaging({ page, pageSize }),
          }}
        />
      )}
      <ProposalDrawer proposal={editing} defaultSessionId={filters.sessionId} onClose={() => setEditing(null)} />
    </Card>
  );
}
