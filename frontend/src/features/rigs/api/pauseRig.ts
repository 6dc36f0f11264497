import { useMutation, useQueryClient } from '@tanstack/react-query';
import { client, send } from '../../../lib/apiClient';
import { CLIENT_HEADER } from '../../../lib/clientHeader';
import { queryKeys } from '../../../lib/queryKeys';

/** POST /api/rigs/<rig>/recording/pause: answers once this rig's OBS has paused. */
export const pauseRig = (rig: string) =>
  send((init) =>
    client.POST('/api/rigs/{rig}/recording/pause', { ...init, params: { path: { rig } }, headers: CLIENT_HEADER }),
  );

/** POST /api/rigs/<rig>/recording/resume. */
export const resumeRig = (rig: string) =>
  send((init) =>
    client.POST('/api/rigs/{rig}/recording/resume', { ...init, params: { path: { rig } }, headers: CLIENT_HEADER }),
  );

/** A rig's « Pause » / « Reprendre »: one mutation; the rigs are asked again once OBS has done it. */
export function usePauseResumeRig() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ rig, action }: { rig: string; action: 'pause' | 'resume' }) =>
      action === 'pause' ? pauseRig(rig) : resumeRig(rig),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.rigs }),
        queryClient.invalidateQueries({ queryKey: queryKeys.recordingStatus }),
      ]),
  });
}
