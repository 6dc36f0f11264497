import { useQuery } from '@tanstack/react-query';
import { useAccess } from '../../../hooks/useAccess';
import { useAppState } from '../../../hooks/useAppState';
import { client, send } from '../../../lib/apiClient';
import { queryKeys } from '../../../lib/queryKeys';
import { isMultiRig } from '../../../lib/rigs';

export const getRigs = () => send((init) => client.GET('/api/rigs', init));

/**
 * Every rig. With several, rigs_update brings them every second; poll only while the socket is
 * down (a single rig is not shown, so it is not polled).
 */
export function useRigs() {
  const { ready } = useAccess();
  const socketUp = useAppState((s) => s.socket === 'connected');
  return useQuery({
    queryKey: queryKeys.rigs,
    enabled: ready,
    queryFn: getRigs,
    refetchInterval: (query) => (!socketUp && isMultiRig(query.state.data) ? 3_000 : false),
  });
}
