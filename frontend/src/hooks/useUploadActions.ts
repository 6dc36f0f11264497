import { useMutation, useQueryClient } from '@tanstack/react-query';
import { queryKeys } from '../lib/queryKeys';
import { upsertJob } from '../lib/uploadJobs';
import type { ManualUploadRequest, UploadJob, UploadJobView } from '../types/api';
import { useServices } from './useServices';

function useStoreJob() {
  const queryClient = useQueryClient();
  return (job: UploadJob) => {
    queryClient.setQueryData<UploadJobView[]>(queryKeys.uploads, (list) => upsertJob(list, job));
    void queryClient.invalidateQueries({ queryKey: queryKeys.recordings });
  };
}

/** POST /api/integrated/upload/manual: queue an upload of an existing session. */
export function useManualUpload() {
  const { service } = useServices();
  const storeJob = useStoreJob();
  return useMutation({
    mutationFn: (body: ManualUploadRequest) => service.manualUpload(body),
    onSuccess: (result) => storeJob(result.job),
  });
}

export function useRetryUpload() {
  const { service } = useServices();
  const storeJob = useStoreJob();
  return useMutation({
    mutationFn: (id: number | string) => service.retryUpload(id),
    onSuccess: (result) => storeJob(result.job),
  });
}

export function useCancelUpload() {
  const { service } = useServices();
  const storeJob = useStoreJob();
  return useMutation({
    mutationFn: (id: number | string) => service.cancelUpload(id),
    onSuccess: (result) => storeJob(result.job),
  });
}
