import { useState } from 'react';
import { Button, Drawer, Empty, Flex, InputNumber, List, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { unwrap } from '../../api/errors';
import { useSession } from '../../auth/session';
import { LoadError } from '../../components/LoadError';
import { useI18n, useMessages } from '../../i18n/i18n';
import { draftMessages } from './messages';
import type { ReplyVersionSummary } from './types';

const KIND_COLOUR = { added: 'green', removed: 'red', changed: 'blue' } as const;

/** Every saved version, and what changed between two of them, deletions struck through in red and insertions in green. */
export function VersionsDrawer({
  replyId,
  currentVersion,
  open,
  onClose,
}: {
  replyId: string;
  currentVersion: number;
  open: boolean;
  onClose: () => void;
}) {
  const m = useMessages(draftMessages);
  const { lang } = useI18n();
  const { api } = useSession();
  const [from, setFrom] = useState<number | null>(Math.max(1, currentVersion - 1));
  const [to, setTo] = useState<number | null>(currentVersion);
  const [pair, setPair] = useState<{ from: number; to: number } | null>(null);

  const versions = useQuery({
    queryKey: ['reply', replyId, 'versions', currentVersion],
    enabled: open,
    queryFn: async () =>
      unwrap(await api.GET('/replies/{id}/versions', { params: { path: { id: replyId } } })) as ReplyVersionSummary[],
  });
  const diff = useQuery({
    queryKey: ['reply', replyId, 'diff', pair?.from, pair?.to],
    enabled: open && pair !== null,
    queryFn: async () =>
      unwrap(
        await api.GET('/replies/{id}/diff', {
          params: { path: { id: replyId }, query: { from: pair!.from, to: pair!.to } },
        }),
      ),
  });

  const compare = (a: number, b: number) => {
    setFrom(a);
    setTo(b);
    setPair({ from: a, to: b });
  };
  const when = (at: string) => new Date(at).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB');

  return (
    <Drawer title={m.versions} open={open} onClose={onClose} size={720} destroyOnHidden>
      <Typography.Title level={5}>{m.versionsTitle}</Typography.Title>
      {versions.isError ? (
        <LoadError error={versions.error} onRetry={() => void versions.refetch()} />
      ) : (
        <List<ReplyVersionSummary>
          size="small"
          loading={versions.isPending}
          dataSource={[...(versions.data ?? [])].sort((a, b) => b.number - a.number)}
          renderItem={(v) => (
            <List.Item
              data-testid={`version-${v.number}`}
              actions={
                v.number > 1
                  ? [
                      <Button key="prev" size="small" onClick={() => compare(v.number - 1, v.number)}>
                        {m.compare} {m.version(v.number - 1)} → {m.version(v.number)}
                      </Button>,
                    ]
                  : []
              }
            >
              <strong>{m.version(v.number)}</strong>
              <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
                {m.savedBy(v.savedByName ?? v.savedBy, when(v.savedAt))}
              </Typography.Text>
            </List.Item>
          )}
        />
      )}
      <Flex gap={8} align="center" wrap style={{ margin: '16px 0' }}>
        <label htmlFor="diff-from">{m.compareFrom}</label>
        <InputNumber id="diff-from" min={1} max={currentVersion} precision={0} value={from} onChange={setFrom} />
        <label htmlFor="diff-to">{m.compareTo}</label>
        <InputNumber id="diff-to" min={1} max={currentVersion} precision={0} value={to} onChange={setTo} />
        <Button type="primary" disabled={!from || !to || from === to} onClick={() => from && to && compare(from, to)}>
          {m.compare}
        </Button>
      </Flex>
      {pair &&
        (diff.isError ? (
          <LoadError error={diff.error} onRetry={() => void diff.refetch()} />
        ) : diff.isPending ? null : (diff.data ?? []).length === 0 ? (
          <Empty description={m.noChanges} />
        ) : (
          <div data-testid="diff">
            {(diff.data ?? []).map((change) => (
              <div key={change.path} data-testid={`change-${change.path}`} style={{ marginBottom: 12 }}>
                <Flex gap={8} align="center">
                  <strong>{change.label[lang]}</strong>
                  <Tag color={KIND_COLOUR[change.kind]}>
                    {change.kind === 'added' ? m.diffAdded : change.kind === 'removed' ? m.diffRemoved : m.diffChanged}
                  </Tag>
                </Flex>
                <div style={{ whiteSpace: 'pre-wrap', lineHeight: 1.8 }}>
                  {change.segments.map((segment, i) =>
                    segment.op === 'insert' ? (
                      <ins key={i} style={{ background: '#d9f7be', textDecoration: 'none' }}>
                        {segment.text}
                      </ins>
                    ) : segment.op === 'delete' ? (
                      <del key={i} style={{ background: '#ffccc7', color: '#a8071a' }}>
                        {segment.text}
                      </del>
                    ) : (
                      <span key={i}>{segment.text}</span>
                    ),
                  )}
                </div>
              </div>
            ))}
          </div>
        ))}
    </Drawer>
  );
}
