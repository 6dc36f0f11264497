import { useMutation, useQueryClient } from '@tanstack/react-query';
import { client, send } from '../../../lib/apiClient';
import { storeJob } from '../../../lib/cache';
import { queryKeys } from '../../../lib/queryKeys';
import type { RecordingStatus, StopRecordingBody } from '../../../types';
import { stoppedStatus } from '../status';
import { CLIENT_HEADER } from '../../../lib/clientHeader';

// Stop waits until OBS has finished writing the file, which takes longer for big recordings.
const STOP_TIMEOUT_MS = 120_000;

export const stopRecording = (body: StopRecordingBody = {}) =>
  send((init) => client.POST('/api/integrated/recording/stop', { ...init, body, headers: CLIENT_HEADER }), {
    timeoutMs: STOP_TIMEOUT_MS,
  });

export function useStopRecording() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => stopRecording(),
    onSuccess: (result) => {
      queryClient.setQueryData<RecordingStatus>(queryKeys.recordingStatus, (previous) =>
        stoppedStatus(result.message, previous),
      );
      if (result.upload_result?.queued) storeJob(queryClient, result.upload_result.job);
      void queryClient.invalidateQueries({ queryKey: queryKeys.uploads });
      return queryClient.invalidateQueries({ queryKey: queryKeys.recordings });
    },
  });
}
