import { Button, Space, Tag, Typography } from 'antd';
import { Link, useNavigate } from 'react-router';
import { unwrap } from '../../api/errors';
import { useSession } from '../../auth/session';
import { useI18n, useMessages } from '../../i18n/i18n';
import { keys, useAction } from './data';
import { Item, Items } from './Items';
import { assignmentMessages } from './messages';
import type { ReplySummary, ReplyStatus } from './model';
import { formatTime } from './time';

const REPLY_COLOUR: Record<ReplyStatus, string> = {
  drafting: 'blue',
  in_review: 'processing',
  awaiting_signoff: 'purple',
  signed: 'green',
  issued: 'success',
  withdrawn: 'default',
  voided: 'red',
};

/** The replies of a lead or separate assignment, newest round first, each linking to its draft editor. */
export function AssignmentReplies({
  assignmentId,
  replies,
  canStart,
}: {
  assignmentId: string;
  replies: readonly ReplySummary[];
  canStart: boolean;
}) {
  const { api } = useSession();
  const navigate = useNavigate();
  const m = useMessages(assignmentMessages);
  const { t } = useI18n();
  const id = assignmentId;
  const start = useAction({
    run: async () => unwrap(await api.POST('/assignments/{id}/replies', { params: { path: { id } } })),
    invalidates: [keys.replies(id), keys.timeline(id)],
    onSuccess: (reply) => void navigate(`/replies/${reply.id}/draft`),
  });
  const sorted = [...replies].sort((a, b) => b.round - a.round || b.lastSavedAt.localeCompare(a.lastSavedAt));

  return (
    <>
      {sorted.length === 0 ? (
        <Typography.Paragraph type="secondary">{m.noReplies}</Typography.Paragraph>
      ) : (
        <Items>
          {sorted.map((reply) => (
            <Item
              key={reply.id}
              data-testid="reply"
              actions={<Link to={`/replies/${reply.id}/draft`}>{m.openDraft}</Link>}
            >
              <Space wrap>
                <Typography.Text strong>{m.round(reply.round)}</Typography.Text>
                <Tag color={REPLY_COLOUR[reply.status]}>{t[`replyStatus.${reply.status}`]}</Tag>
                {reply.currentStepName && <Tag>{reply.currentStepName}</Tag>}
                {reply.documentNumber && <Typography.Text>{reply.documentNumber}</Typography.Text>}
                <Typography.Text type="secondary">{m.lastSaved(formatTime(reply.lastSavedAt))}</Typography.Text>
              </Space>
            </Item>
          ))}
        </Items>
      )}
      {canStart && (
        <Button type="primary" loading={start.isPending} onClick={() => start.mutate(undefined)}>
          {m.startReply}
        </Button>
      )}
    </>
  );
}
