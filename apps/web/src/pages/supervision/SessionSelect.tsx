import { Select } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { unwrap } from '../../api/errors';
import { useSession } from '../../auth/session';
import { useMessages } from '../../i18n/i18n';
import { supervisionMessages } from './messages';

/** GET /sessions as a select; undefined is "all sessions" (or none chosen, with allowAll false). */
export function SessionSelect({
  value,
  onChange,
  allowAll = true,
  id = 'session-filter',
}: {
  value: string | undefined;
  onChange: (sessionId: string | undefined) => void;
  allowAll?: boolean;
  id?: string;
}) {
  const { api } = useSession();
  const t = useMessages(supervisionMessages);
  const sessions = useQuery({
    queryKey: ['sessions'],
    queryFn: async () => unwrap(await api.GET('/sessions')),
  });
  return (
    <Select<string>
      id={id}
      aria-label={t.session}
      style={{ minWidth: 240 }}
      loading={sessions.isPending}
      value={value ?? (allowAll ? '' : undefined)}
      placeholder={t.session}
      onChange={(next) => onChange(next === '' ? undefined : next)}
      options={[
        ...(allowAll ? [{ value: '', label: t.allSessions }] : []),
        ...(sessions.data ?? []).map((s) => ({ value: s.id, label: s.name })),
      ]}
    />
  );
}
