import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/apiClient';
import { storeJob } from '../../../lib/cache';
import { queryKeys } from '../../../lib/queryKeys';
import type { RecordingStatus, StopRecordingResponse } from '../../../types';
import { CLIENT_HEADER } from './clientHeader';

// Stop waits until OBS has finished writing the file, which takes longer for big recordings.
const STOP_TIMEOUT_MS = 120_000;

export const stopRecording = () =>
  api.post<StopRecordingResponse>(
    '/api/integrated/recording/stop',
    {},
    {
      headers: { ...CLIENT_HEADER },
      timeoutMs: STOP_TIMEOUT_MS,
    },
  );

export function useStopRecording() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: stopRecording,
    onSuccess: (result) => {
      const idle: RecordingStatus = { active: false, message: result.message };
      queryClient.setQueryData(queryKeys.recordingStatus, idle);
      if (result.upload_result?.queued) storeJob(queryClient, result.upload_result.job);
      void queryClient.invalidateQueries({ queryKey: queryKeys.uploads });
      return queryClient.invalidateQueries({ queryKey: queryKeys.recordings });
    },
  });
}
