import { Button, Card, Drawer, Empty, Flex, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { unwrap } from '../../api/errors';
import { useSession } from '../../auth/session';
import { LoadError } from '../../components/LoadError';
import { useMessages } from '../../i18n/i18n';
import { draftMessages } from './messages';
import type { CoOpinion, SimilarReply } from './types';

/**
 * What a clerk may reuse (GET /replies/{id}/sources): sections of similar earlier replies and the
 * co bureaus' opinions, each with its full text and an insert button.
 */
export function SourcesDrawer({
  replyId,
  open,
  onClose,
  editable,
  onInsertSection,
  onInsertOpinion,
}: {
  replyId: string;
  open: boolean;
  onClose: () => void;
  editable: boolean;
  onInsertSection: (reply: SimilarReply, sectionIndex: number) => void;
  onInsertOpinion: (opinion: CoOpinion) => void;
}) {
  const m = useMessages(draftMessages);
  const { api } = useSession();
  const sources = useQuery({
    queryKey: ['reply', replyId, 'sources'],
    enabled: open,
    queryFn: async () => unwrap(await api.GET('/replies/{id}/sources', { params: { path: { id: replyId } } })),
  });
  const similar = sources.data?.similarReplies ?? [];
  const opinions = (sources.data?.coOpinions ?? []).filter((o) => (o.body ?? '').trim() !== '');

  return (
    <Drawer title={m.sourcesTitle} open={open} onClose={onClose} size={720}>
      {sources.isError ? (
        <LoadError error={sources.error} onRetry={() => void sources.refetch()} />
      ) : sources.isPending ? null : (
        <Flex vertical gap={16}>
          <Typography.Title level={5} style={{ margin: 0 }}>
            {m.similarReplies}
          </Typography.Title>
          {similar.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={m.noSimilar} />}
          {similar.map((reply) => (
            <Card
              key={reply.id}
              size="small"
              data-testid={`similar-${reply.id}`}
              title={reply.title}
              extra={
                <>
                  {reply.documentNumber && <Tag>{reply.documentNumber}</Tag>}
                  {reply.grade && <Tag color="red">{reply.grade}</Tag>}
                </>
              }
            >
              <Typography.Text type="secondary">
                {[reply.sessionLabel, reply.datedOn].filter(Boolean).join(' · ')}
                {reply.sharedTerms.length > 0 && ` · ${m.sharedTerms}：${reply.sharedTerms.join('、')}`}
              </Typography.Text>
              {reply.sections.map((section) => (
                <div key={section.index} style={{ marginTop: 12 }}>
                  <Flex justify="space-between" align="center" gap={8}>
                    <strong>{section.heading}</strong>
                    {editable && (
                      <Button
                        size="small"
                        aria-label={m.insertSection(section.heading)}
                        onClick={() => onInsertSection(reply, section.index)}
                      >
                        {m.insert}
                      </Button>
                    )}
                  </Flex>
                  {section.paragraphs.map((paragraph, i) => (
                    <Typography.Paragraph key={i} style={{ margin: '4px 0' }}>
                      {paragraph}
                    </Typography.Paragraph>
                  ))}
                </div>
              ))}
            </Card>
          ))}

          <Typography.Title level={5} style={{ margin: 0 }}>
            {m.coOpinions}
          </Typography.Title>
          {opinions.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={m.noCoOpinions} />}
          {opinions.map((opinion) => (
            <Card
              key={opinion.assignmentId}
              size="small"
              title={opinion.bureauName}
              extra={
                <Flex gap={8} align="center">
                  <Tag>{m[`coStatus.${opinion.status}`]}</Tag>
                  {editable && (
                    <Button
                      size="small"
                      aria-label={m.insertOpinion(opinion.bureauName ?? '')}
                      onClick={() => onInsertOpinion(opinion)}
                    >
                      {m.insert}
                    </Button>
                  )}
                </Flex>
              }
            >
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{opinion.body}</Typography.Paragraph>
            </Card>
          ))}
        </Flex>
      )}
    </Drawer>
  );
}
