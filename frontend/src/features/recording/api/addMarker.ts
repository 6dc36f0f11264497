import { useMutation, useQueryClient } from '@tanstack/react-query';
import { client, send } from '../../../lib/apiClient';
import { queryKeys } from '../../../lib/queryKeys';
import type { MarkerBody, RecordingStatus } from '../../../types';
import { withMarker } from '../status';
import { CLIENT_HEADER } from '../../../lib/clientHeader';

/** POST …/recording/marker: the current moment of the recording (its timecode, pauses excluded). */
export const addMarker = (body: MarkerBody) =>
  send((init) => client.POST('/api/integrated/recording/marker', { ...init, body, headers: CLIENT_HEADER }));

export function useAddMarker() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: addMarker,
    onSuccess: ({ marker }) => {
      queryClient.setQueryData<RecordingStatus>(queryKeys.recordingStatus, (status) => withMarker(status, marker));
    },
  });
}
