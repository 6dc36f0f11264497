import { useMutation, useQueryClient } from '@tanstack/react-query';
import { client, send } from '../../../lib/apiClient';
import { queryKeys } from '../../../lib/queryKeys';
import type { RecordingStatus, StartRecordingBody } from '../../../types';
import { startedStatus } from '../status';
import { CLIENT_HEADER } from '../../../lib/clientHeader';

export const startRecording = (body: StartRecordingBody) =>
  send((init) => client.POST('/api/integrated/recording/start', { ...init, body, headers: CLIENT_HEADER }));

export function useStartRecording() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: startRecording,
    onSuccess: (result) => {
      // Show the session at once; the next status (socket or refetch) brings OBS's real figures.
      queryClient.setQueryData<RecordingStatus>(queryKeys.recordingStatus, (previous) =>
        startedStatus(result, previous),
      );
      // Returned so the buttons stay disabled until the confirmed state is in.
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.recordingStatus }),
        queryClient.invalidateQueries({ queryKey: queryKeys.recordings }),
      ]);
    },
  });
}
