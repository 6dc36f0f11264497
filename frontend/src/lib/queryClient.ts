import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import type { AuthInfo } from '../types';
import { isApiError } from './apiClient';
import type { AppStore } from './appState';
import { queryKeys } from './queryKeys';

/**
 * Any 401 from /api opens the token prompt (once: it is a single flag, not a stack of dialogs). A 403
 * that names our role (a viewer's token tried to act) corrects the role we hold, so the controls
 * turn read-only; the action shows the server's sentence itself.
 */
function reportAuthError(store: AppStore, queryClient: QueryClient, error: unknown): void {
  if (!isApiError(error)) return;
  if (error.authRequired) store.set((s) => ({ authPrompt: s.hasToken ? 'rejected' : 'needed' }));
  const role = error.status === 403 ? error.body?.role : undefined;
  if (role) queryClient.setQueryData<AuthInfo>(queryKeys.auth, { role, auth_required: true });
}

export function createQueryClient(store: AppStore, options: { retry?: boolean } = {}): QueryClient {
  const onError = (error: unknown) => reportAuthError(store, queryClient, error);
  const queryClient: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: {
      queries: {
        // A 4xx will not change by asking again; network failures are retried (and polled, see useHealth).
        retry:
          options.retry === false
            ? false
            : (count, error) => !(isApiError(error) && error.kind === 'http' && error.status < 500) && count < 2,
        staleTime: 5_000,
      },
      mutations: { retry: false },
    },
  });
  return queryClient;
}
