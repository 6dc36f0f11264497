import { useQuery } from '@tanstack/react-query';
import { queryKeys } from '../lib/queryKeys';
import { useServices } from './useServices';

// obs_connection events keep this fresh; the poll is the reachability probe that makes the
// "server unreachable" banner appear and go away by itself.
const POLL_OK_MS = 15_000;
const POLL_DOWN_MS = 3_000;

export function useHealth() {
  const { service } = useServices();
  return useQuery({
    queryKey: queryKeys.health,
    queryFn: () => service.getHealth(),
    retry: false,
    refetchInterval: (query) => (query.state.status === 'error' ? POLL_DOWN_MS : POLL_OK_MS),
  });
}
