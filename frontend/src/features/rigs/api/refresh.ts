import type { QueryClient } from '@tanstack/react-query';
import { queryKeys } from '../../../lib/queryKeys';

/**
 * After a rig started or stopped: the rigs, the recording card's status, the sessions and the
 * uploads, asked again. Returned, so the buttons stay disabled until the confirmed state is in.
 */
export function refreshAfterChange(queryClient: QueryClient) {
  return Promise.all(
    [queryKeys.rigs, queryKeys.recordingStatus, queryKeys.recordings, queryKeys.uploads].map((queryKey) =>
      queryClient.invalidateQueries({ queryKey }),
    ),
  );
}
