import { useMutation, useQueryClient } from '@tanstack/react-query';
import { client, send } from '../../../lib/apiClient';
import { CLIENT_HEADER } from '../../../lib/clientHeader';
import { queryKeys } from '../../../lib/queryKeys';

/** POST /api/rigs/<rig>/recording/marker: a marker at this rig's timecode. */
export const addRigMarker = (rig: string) =>
  send((init) =>
    client.POST('/api/rigs/{rig}/recording/marker', {
      ...init,
      params: { path: { rig } },
      body: {},
      headers: CLIENT_HEADER,
    }),
  );

export function useAddRigMarker() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: addRigMarker,
    // The marker is the session's: the recording card lists it.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.recordingStatus }),
  });
}
