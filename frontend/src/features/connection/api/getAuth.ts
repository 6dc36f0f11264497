import { useQuery } from '@tanstack/react-query';
import { client, isApiError, send } from '../../../lib/apiClient';
import { queryKeys } from '../../../lib/queryKeys';
import type { AuthInfo } from '../../../types';

/**
 * GET /api/auth: what the token we send may do (401 when it is missing or wrong).
 * A server from before roles has no such route and answers 404 to a token it accepts: it knows one
 * token only, which may do everything, so a 404 means operator. Remove once every server has roles.
 */
export async function getAuth(): Promise<AuthInfo> {
  try {
    return await send((init) => client.GET('/api/auth', init));
  } catch (error) {
    if (isApiError(error) && error.status === 404) return { role: 'operator', auth_required: true };
    throw error;
  }
}

/** Asked only when /api/health says the server wants a token: without tokens everyone is operator. */
export function useAuth(enabled: boolean) {
  return useQuery({ queryKey: queryKeys.auth, queryFn: getAuth, enabled });
}
