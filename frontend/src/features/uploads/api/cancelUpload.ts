import { useMutation, useQueryClient } from '@tanstack/react-query';
import { client, send } from '../../../lib/apiClient';
import { storeJob } from '../../../lib/cache';
import { queryKeys } from '../../../lib/queryKeys';

export const cancelUpload = (jobId: number) =>
  send((init) =>
    client.POST('/api/integrated/uploads/{job_id}/cancel', { ...init, params: { path: { job_id: jobId } } }),
  );

export function useCancelUpload() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: cancelUpload,
    onSuccess: ({ job }) => {
      storeJob(queryClient, job);
      void queryClient.invalidateQueries({ queryKey: queryKeys.recordings });
    },
  });
}
