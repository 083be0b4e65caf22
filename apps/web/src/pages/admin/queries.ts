import { useQuery } from '@tanstack/react-query';
import { unwrap } from '../../api/errors';
import { useSession } from '../../auth/session';

/** Every organisation (the admin pages filter them here); one cache entry for all the pages. */
export function useOrganisations() {
  const { api } = useSession();
  return useQuery({
    queryKey: ['organisations'],
    queryFn: async () => unwrap(await api.GET('/organisations')),
  });
}
