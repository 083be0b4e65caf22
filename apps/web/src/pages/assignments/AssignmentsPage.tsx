import { Alert, Button, Card, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { errorMessage, unwrap } from '../../api/errors';
import { useSession } from '../../auth/session';
import { useI18n } from '../../i18n/i18n';
import { AssignmentsTable } from './AssignmentsTable';

/** The clerk's "my bureau's assignments": GET /assignments?open=true. */
export function AssignmentsPage() {
  const { api } = useSession();
  const { t, lang } = useI18n();
  const query = useQuery({
    queryKey: ['assignments', { open: true }],
    queryFn: async () => unwrap(await api.GET('/assignments', { params: { query: { open: true } } })),
  });
  return (
    <Card>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t.assignmentsTitle}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t.assignmentsHint}</Typography.Paragraph>
      {query.isError ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={errorMessage(query.error, lang, t, t.loadFailed)}
          action={<Button onClick={() => void query.refetch()}>{t.retry}</Button>}
        />
      ) : (
        <AssignmentsTable items={query.data ?? []} loading={query.isPending} />
      )}
    </Card>
  );
}
