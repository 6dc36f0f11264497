import type { QueryClient } from '@tanstack/react-query';
import { putQueryData } from '../../lib/cache';
import { queryKeys } from '../../lib/queryKeys';
import { isMultiRig } from '../../lib/rigs';
import { listenTo, type AppSocket } from '../../lib/socket';
import type { RigsPage } from '../../types';

/**
 * rigs_update (every second while the page listens, with a rigs file) is the rigs' whole state;
 * a start, stop, pause or an OBS connection change anywhere is asked for at once, not a second later.
 * With one OBS the grid is not shown: nothing is asked.
 */
export function bindRigsEvents(socket: AppSocket, queryClient: QueryClient): () => void {
  const { on, off } = listenTo(socket);
  const refetch = () => {
    if (isMultiRig(queryClient.getQueryData<RigsPage>(queryKeys.rigs))) {
      void queryClient.invalidateQueries({ queryKey: queryKeys.rigs });
    }
  };

  on('rigs_update', ({ rigs, default_rig }) => {
    putQueryData<RigsPage>(queryClient, queryKeys.rigs, { rigs, default_rig });
  });
  on('recording_started', refetch);
  on('recording_stopped', refetch);
  on('recording_paused', refetch);
  on('recording_resumed', refetch);
  on('obs_connection', refetch);

  return off;
}
