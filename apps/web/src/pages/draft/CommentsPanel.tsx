import { useState } from 'react';
import { App, Button, Card, Empty, Flex, Input, Tag, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { errorMessage, unwrap } from '../../api/errors';
import { useSession } from '../../auth/session';
import { useI18n, useMessages } from '../../i18n/i18n';
import { fieldOfAnchor } from './draftState';
import { focusField } from './FieldItem';
import { draftMessages } from './messages';
import type { ReplyContent, ReviewComment } from './types';

type DraftWords = (typeof draftMessages)['zh'];

/**
 * Reviewers' comments in a column beside the text, each naming the part it is about (第二部分
 * 扩大服务供给) with a link to it; the clerk answers each one here.
 */
export function CommentsPanel({
  replyId,
  comments,
  content,
  canAnswer,
}: {
  replyId: string;
  comments: readonly ReviewComment[];
  content: ReplyContent;
  canAnswer: boolean;
}) {
  const m = useMessages(draftMessages);
  return (
    <Card title={m.commentsTitle} size="small" data-testid="comments-panel">
      {comments.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={m.noComments} />
      ) : (
        <Flex vertical gap={12}>
          {comments.map((comment, i) => (
            <CommentItem
              key={comment.id}
              replyId={replyId}
              comment={comment}
              index={i}
              content={content}
              canAnswer={canAnswer}
            />
          ))}
        </Flex>
      )}
    </Card>
  );
}

function anchorName(anchor: string, content: ReplyContent, m: DraftWords) {
  const section = /^section:(\d+)$/.exec(anchor);
  if (section) {
    const index = Number(section[1]);
    const heading = content.sections[index]?.heading ?? '';
    return `${m.sectionLabel(index)} ${heading}`.trim();
  }
  const key = `anchor.${anchor}`;
  return key in m ? (m[key as keyof DraftWords] as string) : anchor;
}

function CommentItem({
  replyId,
  comment,
  index,
  content,
  canAnswer,
}: {
  replyId: string;
  comment: ReviewComment;
  index: number;
  content: ReplyContent;
  canAnswer: boolean;
}) {
  const m = useMessages(draftMessages);
  const { t, lang } = useI18n();
  const { api } = useSession();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [answer, setAnswer] = useState('');
  const [touched, setTouched] = useState(false);
  const field = fieldOfAnchor(comment.anchor);

  const send = useMutation({
    mutationFn: async (text: string) =>
      unwrap(
        await api.POST('/replies/{id}/comments/{commentId}/answer', {
          params: { path: { id: replyId, commentId: comment.id } },
          body: { answer: text },
        }),
      ),
    onSuccess: (answered) => {
      queryClient.setQueryData<ReviewComment[]>(['reply', replyId, 'comments'], (list) =>
        list?.map((c) => (c.id === answered.id ? answered : c)),
      );
      void queryClient.invalidateQueries({ queryKey: ['reply', replyId, 'comments'] });
      setAnswer('');
    },
    onError: (error) => void message.error(errorMessage(error, lang, t, m.actionFailed)),
  });

  const blank = answer.trim() === '';
  return (
    <div
      data-testid={`comment-${comment.id}`}
      data-anchor={comment.anchor}
      style={{ borderLeft: '3px solid #faad14', paddingLeft: 8 }}
    >
      <Flex justify="space-between" align="center" gap={8}>
        <Tag>{m.commentOn(anchorName(comment.anchor, content, m))}</Tag>
        {field !== 'general' && (
          <Button type="link" size="small" onClick={() => focusField(field)}>
            {m.showField}
          </Button>
        )}
      </Flex>
      <Typography.Paragraph style={{ margin: '4px 0' }}>{comment.body}</Typography.Paragraph>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {m.commentMeta(comment.authorName ?? comment.authorId, comment.stepName, comment.versionNumber)}
      </Typography.Text>
      {comment.answer ? (
        <div data-testid="comment-answer" style={{ marginTop: 6, background: '#f6ffed', padding: '4px 8px' }}>
          <Tag color="green">{m.answered}</Tag>
          {comment.answer}
        </div>
      ) : (
        canAnswer && (
          <Flex vertical gap={4} style={{ marginTop: 6 }}>
            <Input.TextArea
              aria-label={m.answerLabel(index)}
              value={answer}
              autoSize={{ minRows: 1 }}
              status={touched && blank ? 'error' : undefined}
              onChange={(e) => setAnswer(e.target.value)}
            />
            {touched && blank && <Typography.Text type="danger">{m.answerRequired}</Typography.Text>}
            <Button
              size="small"
              loading={send.isPending}
              onClick={() => {
                setTouched(true);
                if (!blank) send.mutate(answer.trim());
              }}
            >
              {m.answerSend}
            </Button>
          </Flex>
        )
      )}
    </div>
  );
}
