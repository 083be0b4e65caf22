import { useCallback } from 'react';
import { App, Tag } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { errorMessage, unwrap } from '../../api/errors';
import { useSession } from '../../auth/session';
import { useI18n, useMessages } from '../../i18n/i18n';
import { registrarMessages } from './messages';
import type { ProposalStatus } from './types';

/** Every session (GET /sessions), newest first as the API gives them. */
export function useSessions() {
  const { api } = useSession();
  return useQuery({
    queryKey: ['sessions'],
    queryFn: async () => unwrap(await api.GET('/sessions')),
  });
}

/** The bureaus a proposal can be assigned to (GET /organisations?kind=bureau). */
export function useBureaus() {
  const { api } = useSession();
  return useQuery({
    queryKey: ['organisations', { kind: 'bureau' }],
    queryFn: async () => unwrap(await api.GET('/organisations', { params: { query: { kind: 'bureau' } } })),
  });
}

/** Shows a failed call as the API's own message, in the user's language; never throws. */
export function useShowError(): (error: unknown) => void {
  const { message } = App.useApp();
  const { t, lang } = useI18n();
  const m = useMessages(registrarMessages);
  return useCallback(
    (error: unknown) => void message.error(errorMessage(error, lang, t, m.actionFailed)),
    [message, lang, t, m.actionFailed],
  );
}

const PROPOSAL_STATUS_COLOUR: Record<ProposalStatus, string> = {
  registered: 'default',
  assigned: 'processing',
  replied: 'green',
  closed: 'default',
  withdrawn: 'default',
  merged: 'purple',
};

export function ProposalStatusTag({ status }: { status: ProposalStatus }) {
  const m = useMessages(registrarMessages);
  return <Tag color={PROPOSAL_STATUS_COLOUR[status]}>{m[`proposalStatus.${status}`]}</Tag>;
}
