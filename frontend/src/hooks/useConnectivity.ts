import type { ObsHealth } from '../types/api';
import { useAppState } from './useAppState';
import { useHealth } from './useHealth';

export interface Connectivity {
  /** REST or socket is down (not an auth problem): the banner shows and controls wait. */
  serverDown: boolean;
  authNeeded: boolean;
  /** undefined until the first /api/health answer. */
  obs: ObsHealth | undefined;
  uploadsEnabled: boolean;
}

export function useConnectivity(): Connectivity {
  const health = useHealth();
  const socket = useAppState((s) => s.socket);
  const authNeeded = useAppState((s) => s.authPrompt !== 'hidden');
  const serverDown = !authNeeded && (health.isError || socket === 'disconnected');
  return {
    serverDown,
    authNeeded,
    // A stale "connected" must not outlive the server that reported it.
    obs: serverDown ? undefined : health.data?.obs,
    uploadsEnabled: health.data?.uploads_enabled !== false,
  };
}
