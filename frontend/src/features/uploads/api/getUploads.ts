import { useQuery } from '@tanstack/react-query';
import { UPLOADS_LIMIT } from '../../../config/constants';
import { useAccess } from '../../../hooks/useAccess';
import { client, send } from '../../../lib/apiClient';
import { queryKeys } from '../../../lib/queryKeys';
import type { UploadJobView } from '../../../lib/uploadJobs';
import type { JobState } from '../../../types';

export const getUploads = (query: { state?: JobState; limit?: number; offset?: number } = {}) =>
  send((init) => client.GET('/api/integrated/uploads', { ...init, params: { query } }));

/** Recent upload jobs, newest first; socket events patch this list in place (lib/uploadJobs). */
export function useUploads() {
  const { ready } = useAccess();
  return useQuery<UploadJobView[]>({
    queryKey: queryKeys.uploads,
    enabled: ready,
    queryFn: async () => (await getUploads({ limit: UPLOADS_LIMIT })).uploads,
  });
}
