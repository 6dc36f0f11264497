import { useMutation, useQueryClient } from '@tanstack/react-query';
import { client, send } from '../../../lib/apiClient';
import { queryKeys } from '../../../lib/queryKeys';
import type { RecorderAnswer, RecordingStatus } from '../../../types';
import { withPaused } from '../status';
import { CLIENT_HEADER } from '../../../lib/clientHeader';

/** POST …/recording/pause: answers once OBS has paused (409 when nothing records or already paused). */
export const pauseRecording = () =>
  send((init) => client.POST('/api/integrated/recording/pause', { ...init, headers: CLIENT_HEADER }));

/** POST …/recording/resume: 409 when the recording is not paused. */
export const resumeRecording = () =>
  send((init) => client.POST('/api/integrated/recording/resume', { ...init, headers: CLIENT_HEADER }));

/** « Pause » and « Reprendre »: one mutation, the answer's state goes into the status at once. */
export function usePauseResume() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (action: 'pause' | 'resume') => (action === 'pause' ? pauseRecording() : resumeRecording()),
    onSuccess: (answer: RecorderAnswer) => {
      queryClient.setQueryData<RecordingStatus>(queryKeys.recordingStatus, (status) =>
        withPaused(status, {
          paused: answer.state === 'paused',
          paused_s: answer.paused_s,
          at: new Date().toISOString(),
        }),
      );
      return queryClient.invalidateQueries({ queryKey: queryKeys.recordingStatus });
    },
  });
}
