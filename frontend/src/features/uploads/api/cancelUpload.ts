import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/apiClient';
import { storeJob } from '../../../lib/cache';
import { queryKeys } from '../../../lib/queryKeys';
import type { UploadJobResponse } from '../../../types';

export const cancelUpload = (id: number | string) =>
  api.post<UploadJobResponse>(`/api/integrated/uploads/${encodeURIComponent(String(id))}/cancel`);

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
