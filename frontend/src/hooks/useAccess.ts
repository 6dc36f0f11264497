import { createContext, useContext } from 'react';
import type { ObsConnection, Role, StorageHealth } from '../types';

/**
 * What the page may do right now, worked out once by the connection feature (health, token, role,
 * socket)
 * and read by every feature through useAccess(), so that none of them depends on another.
 */
export interface Access {
  /** Protected calls (every route but /api/health, and the socket) may go out: no token is awaited. */
  ready: boolean;
  /** The server asks for a token (/api/health's auth_required). */
  authRequired: boolean;
  /** The token prompt is open because a token is missing or was refused. */
  authNeeded: boolean;
  /** REST or socket is down (not an auth problem): the banner shows and controls wait. */
  serverDown: boolean;
  /** undefined until the first /api/health answer (and while the server is down). */
  obs: ObsConnection | undefined;
  /** The server's recordings folder and database (/api/health's `storage`); undefined like `obs`. */
  storage: StorageHealth | undefined;
  uploadsEnabled: boolean;
  /** What our token may do; undefined until known. A server without tokens makes everyone operator. */
  role: Role | undefined;
}

export const AccessContext = createContext<Access | null>(null);

export function useAccess(): Access {
  const access = useContext(AccessContext);
  if (!access) throw new Error('useAccess must be used inside <AppProvider>');
  return access;
}
