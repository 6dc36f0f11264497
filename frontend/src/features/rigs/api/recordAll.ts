import { useMutation, useQueryClient } from '@tanstack/react-query';
import { client, send } from '../../../lib/apiClient';
import { CLIENT_HEADER } from '../../../lib/clientHeader';
import type { RigStartRecordingBody, StartRecordingBody } from '../../../types';
import { refreshAfterChange } from './refresh';

// Every rig starts in parallel and the answer comes once all of them record (or were rolled back).
const RECORD_ALL_TIMEOUT_MS = 60_000;

/**
 * « Tout enregistrer »: one session over `rigs` (their ids, or "all"); all of them record, or none
 * does and the error's `rig` names the one that refused.
 */
export const recordAll = ({ rigs, options }: { rigs: StartRecordingBody['rigs']; options: RigStartRecordingBody }) =>
  send(
    (init) =>
      client.POST('/api/integrated/recording/start', {
        ...init,
        body: { ...options, rigs },
        headers: CLIENT_HEADER,
      }),
    { timeoutMs: RECORD_ALL_TIMEOUT_MS },
  );

export function useRecordAll() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: recordAll, onSuccess: () => refreshAfterChange(queryClient) });
}
