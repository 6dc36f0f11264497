import { useQuery } from '@tanstack/react-query';
import { queryKeys, UPLOADS_LIMIT } from '../lib/queryKeys';
import type { UploadJobView } from '../types/api';
import { useAuthReady } from './useAuthReady';
import { useServices } from './useServices';

/** Recent upload jobs, newest first; socket events patch this list in place (lib/uploadJobs). */
export function useUploads() {
  const { service } = useServices();
  const enabled = useAuthReady();
  return useQuery<UploadJobView[]>({
    queryKey: queryKeys.uploads,
    enabled,
    queryFn: async () => (await service.listUploads({ limit: UPLOADS_LIMIT })).uploads,
  });
}
