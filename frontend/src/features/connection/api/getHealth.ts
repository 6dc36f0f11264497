import { useQuery } from '@tanstack/react-query';
import { client, send } from '../../../lib/apiClient';
import { queryKeys } from '../../../lib/queryKeys';

// obs_connection events keep this fresh; the poll is the reachability probe that makes the
// "server unreachable" banner appear and go away by itself.
const POLL_OK_MS = 15_000;
const POLL_DOWN_MS = 3_000;

/** GET /api/health: open without a token; says whether the server wants one. */
export const getHealth = () => send((init) => client.GET('/api/health', init));

export function useHealth() {
  return useQuery({
    queryKey: queryKeys.health,
    queryFn: getHealth,
    retry: false,
    refetchInterval: (query) => (query.state.status === 'error' ? POLL_DOWN_MS : POLL_OK_MS),
  });
}
