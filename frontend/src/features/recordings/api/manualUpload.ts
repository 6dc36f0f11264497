import { useMutation, useQueryClient } from '@tanstack/react-query';
import { client, send } from '../../../lib/apiClient';
import { storeJob } from '../../../lib/cache';
import { queryKeys } from '../../../lib/queryKeys';
import type { ManualUploadBody } from '../../../types';

/** POST /api/integrated/upload/manual: queue an upload of an existing session. */
export const manualUpload = (body: ManualUploadBody) =>
  send((init) => client.POST('/api/integrated/upload/manual', { ...init, body }));

export function useManualUpload() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: manualUpload,
    onSuccess: ({ job }) => {
      // Into the shared uploads list, so the row and the queue show the job at once.
      storeJob(queryClient, job);
      void queryClient.invalidateQueries({ queryKey: queryKeys.recordings });
    },
  });
}
