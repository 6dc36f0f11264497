import { useMutation, useQueryClient } from '@tanstack/react-query';
import { client, send } from '../../../lib/apiClient';
import { CLIENT_HEADER } from '../../../lib/clientHeader';
import { refreshAfterChange } from './refresh';

const STOP_TIMEOUT_MS = 120_000;

/** « Tout arrêter »: the integrated stop, which stops every rig of the current session. */
export const stopAll = () =>
  send((init) => client.POST('/api/integrated/recording/stop', { ...init, body: {}, headers: CLIENT_HEADER }), {
    timeoutMs: STOP_TIMEOUT_MS,
  });

export function useStopAll() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: stopAll, onSuccess: () => refreshAfterChange(queryClient) });
}
