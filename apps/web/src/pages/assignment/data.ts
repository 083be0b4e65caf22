import { App as AntApp } from 'antd';
import { type QueryKey, useMutation, useQueryClient } from '@tanstack/react-query';
import { errorMessage } from '../../api/errors';
import { useI18n, useMessages } from '../../i18n/i18n';
import { assignmentMessages } from './messages';

/**
 * The page's query keys. Everything of one assignment sits under ['assignment', id], so an action
 * that moves its state refreshes all of it; the bureau's lists sit under ['assignments'].
 */
export const keys = {
  all: (id: string) => ['assignment', id] as const,
  view: (id: string) => ['assignment', id, 'view'] as const,
  timeline: (id: string) => ['assignment', id, 'timeline'] as const,
  requests: (id: string) => ['assignment', id, 'requests'] as const,
  contacts: (id: string) => ['assignment', id, 'contacts'] as const,
  attachments: (id: string) => ['assignment', id, 'attachments'] as const,
  opinion: (id: string) => ['assignment', id, 'opinion'] as const,
  coOpinions: (id: string) => ['assignment', id, 'co-opinions'] as const,
  replies: (id: string) => ['assignment', id, 'replies'] as const,
  lists: ['assignments'] as const,
  proposal: (proposalId: string) => ['proposal', proposalId] as const,
};

/**
 * A mutation that says how it went: on success `done` (if any) and a refresh of `invalidates`;
 * on failure the API's own message in the user's language, never a crash.
 */
export function useAction<V, R>({
  run,
  invalidates,
  done,
  onSuccess,
}: {
  run: (variables: V) => Promise<R>;
  invalidates: readonly QueryKey[];
  done?: string | ((result: R) => string);
  onSuccess?: (result: R) => void;
}) {
  const queryClient = useQueryClient();
  const { message } = AntApp.useApp();
  const { t, lang } = useI18n();
  const m = useMessages(assignmentMessages);
  return useMutation({
    mutationFn: run,
    onSuccess: async (result) => {
      if (done) void message.success(typeof done === 'function' ? done(result) : done);
      onSuccess?.(result);
      await Promise.all(invalidates.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
    },
    onError: (error) => {
      void message.error(errorMessage(error, lang, t, m.failed));
    },
  });
}
