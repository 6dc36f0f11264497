import { useMutation, useQueryClient } from '@tanstack/react-query';
import { client, send } from '../../../lib/apiClient';
import { CLIENT_HEADER } from '../../../lib/clientHeader';
import type { RigStartRecordingBody } from '../../../types';
import { refreshAfterChange } from './refresh';

/** POST /api/rigs/<rig>/recording/start: a session on this rig alone (its files in <session>/<rig>/). */
export const startRig = ({ rig, body }: { rig: string; body: RigStartRecordingBody }) =>
  send((init) =>
    client.POST('/api/rigs/{rig}/recording/start', {
      ...init,
      params: { path: { rig } },
      body,
      headers: CLIENT_HEADER,
    }),
  );

export function useStartRig() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: startRig, onSuccess: () => refreshAfterChange(queryClient) });
}
