import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/apiClient';
import { storeJob } from '../../../lib/cache';
import { queryKeys } from '../../../lib/queryKeys';
import type { UploadJobResponse } from '../../../types';

export const retryUpload = (id: number | string) =>
  api.post<UploadJobResponse>(`/api/integrated/uploads/${encodeURIComponent(String(id))}/retry`);

export function useRetryUpload() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: retryUpload,
    onSuccess: ({ job }) => {
      storeJob(queryClient, job);
      void queryClient.invalidateQueries({ queryKey: queryKeys.recordings });
    },
  });
}
