import { useEffect } from 'react';
import { useAppState } from './useAppState';
import { useHealth } from './useHealth';
import { useServices } from './useServices';

/**
 * Whether protected calls (every route but /api/health, and the socket) may go out. /api/health
 * says if the server wants a token: without one we ask for it first instead of collecting 401s.
 */
export function useAuthReady(): boolean {
  const { store } = useServices();
  const health = useHealth();
  const prompt = useAppState((s) => s.authPrompt);
  const hasToken = useAppState((s) => s.hasToken);
  const tokenMissing = health.data?.auth_required === true && !hasToken;

  useEffect(() => {
    if (tokenMissing && store.get().authPrompt === 'hidden') store.set({ authPrompt: 'needed' });
  }, [tokenMissing, store]);

  if (prompt !== 'hidden' || tokenMissing) return false;
  // Server unreachable: let the calls run, they report it (and recover by themselves).
  return health.isSuccess || health.isError;
}
