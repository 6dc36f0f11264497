import { useMutation, useQueryClient } from '@tanstack/react-query';
import { client, send } from '../../../lib/apiClient';
import { CLIENT_HEADER } from '../../../lib/clientHeader';
import { refreshAfterChange } from './refresh';

// A stop waits until OBS has finished writing the file.
const STOP_TIMEOUT_MS = 120_000;

/** POST /api/rigs/<rig>/recording/stop: this rig's part only (the other rigs of its session go on). */
export const stopRig = (rig: string) =>
  send(
    (init) =>
      client.POST('/api/rigs/{rig}/recording/stop', {
        ...init,
        params: { path: { rig } },
        body: {},
        headers: CLIENT_HEADER,
      }),
    { timeoutMs: STOP_TIMEOUT_MS },
  );

export function useStopRig() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: stopRig, onSuccess: () => refreshAfterChange(queryClient) });
}
