import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError } from './apiClient';
import type { AppStore } from './appState';

/** Any 401 from /api opens the token prompt (once: it is a single flag, not a stack of dialogs). */
export function reportAuthError(store: AppStore, error: unknown): void {
  if (isApiError(error) && error.authRequired) {
    store.set((s) => ({ authPrompt: s.hasToken ? 'rejected' : 'needed' }));
  }
}

export function createQueryClient(store: AppStore, options: { retry?: boolean } = {}): QueryClient {
  const onError = (error: unknown) => reportAuthError(store, error);
  return new QueryClient({
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
}
