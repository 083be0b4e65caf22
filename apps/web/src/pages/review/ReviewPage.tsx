import { Alert, Card, Col, Descriptions, Empty, Row, Skeleton, Space, Tag, Timeline, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { unwrap } from '../../api/errors';
import { useSession } from '../../auth/session';
import { LoadError } from '../../components/LoadError';
import { useI18n, useMessages } from '../../i18n/i18n';
import { LetterDocuments } from './LetterDocuments';
import { LetterPreview } from './LetterPreview';
import { reviewMessages, type ReviewWords } from './messages';
import { INBOX_QUERY_KEY } from './QueuePages';
import { ReviewActions } from './ReviewActions';
import type { GradeClass, HistoryEvent, ReplyView, ReviewComment } from './types';

/** How often the page asks whether the final documents of a signed reply are made. */
export const DOCUMENTS_POLL_MS = 3000;

const STATUS_COLOUR: Record<ReplyView['status'], string> = {
  drafting: 'default',
  in_review: 'processing',
  awaiting_signoff: 'gold',
  signed: 'cyan',
  issued: 'green',
  withdrawn: 'default',
  voided: 'red',
};

/** The grade classes of the reply's body (CPPCC proposals or NPC suggestions), for the grade's meaning. */
function useGradeClasses(reply: ReplyView | undefined): GradeClass[] {
  const { api } = useSession();
  const proposal = useQuery({
    queryKey: ['proposals', reply?.proposalId],
    enabled: reply !== undefined,
    queryFn: async () =>
      unwrap(await api.GET('/proposals/{id}', { params: { path: { id: reply?.proposalId ?? '' } } })),
  });
  const scales = useQuery({
    queryKey: ['grade-scales'],
    queryFn: async () => unwrap(await api.GET('/grade-scales')),
    staleTime: 5 * 60_000,
  });
  const body = proposal.data?.kind === 'suggestion' ? 'npc' : 'cppcc';
  return proposal.data ? (scales.data?.find((scale) => scale.body === body)?.classes ?? []) : [];
}

function actionLabel(action: string, w: ReviewWords): string {
  const key = `action.${action}`;
  return key in w ? String(w[key as keyof ReviewWords]) : action;
}

function ReplyFacts({ reply, gradeClasses }: { reply: ReplyView; gradeClasses: readonly GradeClass[] }) {
  const w = useMessages(reviewMessages);
  const { t } = useI18n();
  const { content } = reply;
  const grade = reply.grade ?? content.proposedGrade.grade;
  const gradeClass = gradeClasses.find((c) => c.grade === grade);
  const steps = reply.reviewSteps.length;
  const step =
    reply.status === 'in_review' && reply.currentStep !== null
      ? w.stepOf(reply.currentStep + 1, steps, reply.currentStepName ?? reply.reviewSteps[reply.currentStep].name)
      : reply.status === 'drafting'
        ? null
        : w.allStepsDone(steps);
  return (
    <Descriptions column={1} size="small" bordered data-testid="reply-facts">
      <Descriptions.Item label={w['fact.proposal']}>
        {w.reviewTitle(reply.proposalNumber, reply.proposalTitle)}
      </Descriptions.Item>
      <Descriptions.Item label={w['fact.bureau']}>{reply.bureauName}</Descriptions.Item>
      <Descriptions.Item label={w['fact.status']}>
        <Tag color={STATUS_COLOUR[reply.status]} data-testid="reply-status">
          {t[`replyStatus.${reply.status}`]}
        </Tag>
      </Descriptions.Item>
      {step && <Descriptions.Item label={w['fact.step']}>{step}</Descriptions.Item>}
      <Descriptions.Item label={w['fact.grade']}>
        <span data-testid="reply-grade">
          {grade ?? w.none}
          {gradeClass && `：${gradeClass.label}`}
          {reply.grade === null && grade && w.gradeProposed}
        </span>
        {gradeClass && (
          <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
            {gradeClass.meaning}
          </Typography.Paragraph>
        )}
      </Descriptions.Item>
      {content.proposedGrade.justification && (
        <Descriptions.Item label={w['fact.justification']}>{content.proposedGrade.justification}</Descriptions.Item>
      )}
      <Descriptions.Item label={w['fact.cc']}>
        {content.cc.length === 0
          ? w.none
          : content.cc.map((entry) => `${entry.recipient}（${w.copies(entry.copies)}）`).join('，')}
      </Descriptions.Item>
      <Descriptions.Item label={w['fact.disclosure']}>
        {w[`disclosure.${content.disclosure.level}`]}
        {content.disclosure.reason && `（${content.disclosure.reason}）`}
      </Descriptions.Item>
      {reply.documentNumber && (
        <Descriptions.Item label={w['fact.documentNumber']}>{reply.documentNumber}</Descriptions.Item>
      )}
      {reply.signatoryName && <Descriptions.Item label={w['fact.signatory']}>{reply.signatoryName}</Descriptions.Item>}
      {reply.signedOn && <Descriptions.Item label={w['fact.signedOn']}>{reply.signedOn}</Descriptions.Item>}
      <Descriptions.Item label={w['fact.lastSaved']}>
        {new Date(reply.lastSavedAt).toLocaleString()}
        {reply.lastSavedByName && ` · ${reply.lastSavedByName}`}
      </Descriptions.Item>
    </Descriptions>
  );
}

function Comments({ comments, reply }: { comments: readonly ReviewComment[]; reply: ReplyView }) {
  const w = useMessages(reviewMessages);
  if (comments.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={w.noComments} />;
  const anchorLabel = (anchor: string) => {
    const section = /^section:(\d+)$/.exec(anchor);
    if (section) return reply.content.sections[Number(section[1])]?.heading ?? anchor;
    const key = `anchor.${anchor}`;
    return key in w ? String(w[key as keyof ReviewWords]) : anchor;
  };
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="review-comments">
      {comments.map((comment) => (
        <Card key={comment.id} size="small" title={`${comment.stepName} · ${anchorLabel(comment.anchor)}`}>
          <Typography.Paragraph style={{ marginBottom: 4 }}>{comment.body}</Typography.Paragraph>
          <Typography.Text type="secondary">
            {comment.authorName ?? ''} {new Date(comment.createdAt).toLocaleString()}
          </Typography.Text>
          {comment.answer && (
            <Typography.Paragraph style={{ marginTop: 8, marginBottom: 0 }}>
              <Typography.Text strong>{w.answered}：</Typography.Text>
              {comment.answer}
            </Typography.Paragraph>
          )}
        </Card>
      ))}
    </Space>
  );
}

function History({ events }: { events: readonly HistoryEvent[] }) {
  const w = useMessages(reviewMessages);
  if (events.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={w.noHistory} />;
  return (
    <Timeline
      data-testid="reply-history"
      items={events.map((event) => ({
        key: event.id,
        content: (
          <>
            <Typography.Text strong>{actionLabel(event.action, w)}</Typography.Text>{' '}
            <Typography.Text type="secondary">{new Date(event.occurredAt).toLocaleString()}</Typography.Text>
            {typeof event.data.documentNumber === 'string' && <div>{event.data.documentNumber}</div>}
            {event.reason && <div>{event.reason}</div>}
          </>
        ),
      }))}
    />
  );
}

/**
 * 审核 / 签发 of one reply (/replies/:id/review): the letter exactly as it will print, its facts,
 * comments and history, and the actions the user's role may take in its state.
 */
export function ReviewPage() {
  const { id = '' } = useParams();
  const { api } = useSession();
  const queryClient = useQueryClient();
  const w = useMessages(reviewMessages);
  const replyQuery = useQuery({
    queryKey: ['replies', id],
    queryFn: async () => unwrap(await api.GET('/replies/{id}', { params: { path: { id } } })),
    // A signed reply becomes issued once the worker has made its documents.
    refetchInterval: (query) => (query.state.data?.status === 'signed' ? DOCUMENTS_POLL_MS : false),
  });
  const history = useQuery({
    queryKey: ['replies', id, 'history'],
    queryFn: async () => unwrap(await api.GET('/replies/{id}/history', { params: { path: { id } } })),
  });
  const comments = useQuery({
    queryKey: ['replies', id, 'comments'],
    queryFn: async () => unwrap(await api.GET('/replies/{id}/comments', { params: { path: { id } } })),
  });
  const reply = replyQuery.data;
  const gradeClasses = useGradeClasses(reply);

  const onDone = (next: ReplyView) => {
    queryClient.setQueryData(['replies', id], next);
    void queryClient.invalidateQueries({ queryKey: ['replies', id] });
    void queryClient.invalidateQueries({ queryKey: INBOX_QUERY_KEY });
  };

  if (replyQuery.isError) return <LoadError error={replyQuery.error} onRetry={() => void replyQuery.refetch()} />;
  if (!reply) return <Skeleton active />;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Link to={reply.status === 'awaiting_signoff' ? '/signing' : '/inbox'}>
        <ArrowLeftOutlined /> {w.backToList}
      </Link>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {w.reviewTitle(reply.proposalNumber, reply.proposalTitle)}
      </Typography.Title>
      {reply.documentNumber && (
        <Alert
          type="success"
          showIcon
          title={<span data-testid="document-number">{w.signedWithNumber(reply.documentNumber)}</span>}
        />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <LetterPreview replyId={reply.id} revision={`${reply.version}:${reply.status}`} />
        </Col>
        <Col xs={24} xl={10}>
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <Card title={w.actionsTitle} data-testid="review-actions">
              <ReviewActions reply={reply} gradeClasses={gradeClasses} onDone={onDone} />
            </Card>
            <Card title={w.documentsTitle}>
              <LetterDocuments reply={reply} />
            </Card>
            <Card title={w.factsTitle}>
              <ReplyFacts reply={reply} gradeClasses={gradeClasses} />
            </Card>
            <Card title={w.commentsTitle}>
              {comments.isError ? (
                <LoadError error={comments.error} onRetry={() => void comments.refetch()} />
              ) : (
                <Comments comments={comments.data ?? []} reply={reply} />
              )}
            </Card>
            <Card title={w.historyTitle}>
              {history.isError ? (
                <LoadError error={history.error} onRetry={() => void history.refetch()} />
              ) : (
                <History events={history.data ?? []} />
              )}
            </Card>
          </Space>
        </Col>
      </Row>
    </Space>
  );
}
