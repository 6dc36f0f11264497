// The page's one Socket.IO connection (same origin). Created on first use and not connected until
// the app knows the token it needs; app/useRealtimeSync binds each feature's events to it.
import { io, type Socket } from 'socket.io-client';
import { SOCKET_PATH } from '../config/constants';
import type { ClientToServerEvents, ServerToClientEvents } from '../types';
import { readToken } from './authToken';

export type AppSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** Socket.IO's `auth` callback: every (re)connection attempt sends the token of that moment. */
export function socketAuth(cb: (data: object) => void): void {
  const token = readToken();
  cb(token ? { token } : {});
}

let socket: AppSocket | undefined;

export function getSocket(): AppSocket {
  socket ??= io({ path: SOCKET_PATH, autoConnect: false, auth: socketAuth });
  return socket;
}

/** Connect again with the current token (after the user typed one). */
export function reconnectSocket(): void {
  const s = getSocket();
  // Only a live or retrying connection needs closing; a refused one just connects again.
  if (s.connected || s.active) s.disconnect();
  s.connect();
}

/**
 * Typed `on` that remembers what it attached; `off()` removes exactly those listeners, so a feature
 * can bind its events and unbind them without touching anybody else's.
 */
export function listenTo(socket: AppSocket) {
  const removers: Array<() => void> = [];
  // socket.on/off are heavily overloaded; this wrapper keeps their typed signature for callers.
  const untyped = socket as unknown as { on(e: string, l: unknown): void; off(e: string, l: unknown): void };
  const on = ((event: string, listener: unknown) => {
    untyped.on(event, listener);
    removers.push(() => untyped.off(event, listener));
    return socket;
  }) as AppSocket['on'];
  const off = () => removers.splice(0).forEach((remove) => remove());
  return { on, off };
}
