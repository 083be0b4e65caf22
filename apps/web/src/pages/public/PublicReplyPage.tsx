import { Button, Card, Descriptions, Skeleton, Space, Typography } from 'antd';
import { ArrowLeftOutlined, FilePdfOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { unwrap } from '../../api/errors';
import { useSession } from '../../auth/session';
import { useMessages } from '../../i18n/i18n';
import { LoadError } from '../../components/LoadError';
import { publicMessages } from './messages';

/** One public reply: its facts, its text, and its PDF (a plain link: the endpoint is public). */
export function PublicReplyPage({ basePath }: { basePath: string }) {
  const { id = '' } = useParams();
  const { api } = useSession();
  const t = useMessages(publicMessages);
  const reply = useQuery({
    queryKey: ['public', 'reply', id],
    queryFn: async () => unwrap(await api.GET('/public/replies/{id}', { params: { path: { id } } })),
  });
  const back = (
    <Link to={basePath}>
      <ArrowLeftOutlined /> {t.back}
    </Link>
  );
  if (reply.isPending)
    return (
      <Card>
        {back}
        <Skeleton active />
      </Card>
    );
  if (reply.isError)
    return (
      <Card>
        <Space orientation="vertical" style={{ width: '100%' }}>
          {back}
          <LoadError error={reply.error} onRetry={() => void reply.refetch()} />
        </Space>
      </Card>
    );
  const data = reply.data;
  return (
    <Card>
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        {back}
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t.itemTitle(data.proposalKind, data.proposalNumber, data.proposalTitle)}
        </Typography.Title>
        <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
          <Descriptions.Item label={t.number}>{data.documentNumber}</Descriptions.Item>
          <Descriptions.Item label={t.bureau}>{data.bureauName}</Descriptions.Item>
          <Descriptions.Item label={t.session}>{data.sessionName}</Descriptions.Item>
          <Descriptions.Item label={t.grade}>{data.grade ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t.letterDate}>{data.letterDate}</Descriptions.Item>
          <Descriptions.Item label={t.issuedOn}>{data.issuedOn}</Descriptions.Item>
        </Descriptions>
        {data.pdfUrl ? (
          <Button type="primary" icon={<FilePdfOutlined />} href={data.pdfUrl} target="_blank" rel="noopener">
            {t.downloadPdf}
          </Button>
        ) : (
          <Typography.Text type="secondary">{t.noPdf}</Typography.Text>
        )}
        <section aria-label={t.text}>
          <Typography.Title level={5}>{t.text}</Typography.Title>
          <div
            data-testid="public-reply-text"
            style={{ whiteSpace: 'pre-wrap', fontFamily: 'FangSong, STFangsong, serif', fontSize: 16, lineHeight: 1.8 }}
          >
            {data.text}
          </div>
        </section>
      </Space>
    </Card>
  );
}
