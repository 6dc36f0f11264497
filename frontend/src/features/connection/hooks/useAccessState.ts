import { useEffect, useMemo } from 'react';
import type { Access } from '../../../hooks/useAccess';
import { useAppState, useAppStore } from '../../../hooks/useAppState';
import { useAuth } from '../api/getAuth';
import { useHealth } from '../api/getHealth';

/**
 * Works out the page's Access (provided to every feature by <AppProvider>). /api/health says if the
 * server wants a token: without one we ask for it first instead of collecting 401s; with one,
 * /api/auth says whether it is an operator's or a viewer's.
 */
export function useAccessState(): Access {
  const store = useAppStore();
  const health = useHealth();
  const prompt = useAppState((s) => s.authPrompt);
  const hasToken = useAppState((s) => s.hasToken);
  const socket = useAppState((s) => s.socket);
  const authRequired = health.data?.auth_required === true;
  const tokenMissing = authRequired && !hasToken;

  useEffect(() => {
    if (tokenMissing && store.get().authPrompt === 'hidden') store.set({ authPrompt: 'needed' });
  }, [tokenMissing, store]);

  // 'change' is the user asking to switch tokens: the current one still works meanwhile.
  const authNeeded = prompt === 'needed' || prompt === 'rejected';
  // Server unreachable: let the calls run, they report it (and recover by themselves).
  const ready = !authNeeded && !tokenMissing && (health.isSuccess || health.isError);
  const serverDown = !authNeeded && (health.isError || socket === 'disconnected');
  // A stale "connected" must not outlive the server that reported it.
  const obs = serverDown ? undefined : health.data?.obs;
  const storage = serverDown ? undefined : health.data?.storage;
  const uploadsEnabled = health.data?.uploads_enabled !== false;
  const auth = useAuth(ready && authRequired);
  const role = !health.data ? undefined : authRequired ? auth.data?.role : 'operator';

  return useMemo(
    () => ({ ready, authRequired, authNeeded, serverDown, obs, storage, uploadsEnabled, role }),
    [ready, authRequired, authNeeded, serverDown, obs, storage, uploadsEnabled, role],
  );
}
