import { useQuery } from '@tanstack/react-query';
import { client, send } from '../../../lib/apiClient';
import { queryKeys } from '../../../lib/queryKeys';

/** GET /api/auth: what the token we send may do (401 when it is missing or wrong). */
export const getAuth = () => send((init) => client.GET('/api/auth', init));

/** Asked only when /api/health says the server wants a token: without tokens everyone is operator. */
export function useAuth(enabled: boolean) {
  return useQuery({ queryKey: queryKeys.auth, queryFn: getAuth, enabled });
}
