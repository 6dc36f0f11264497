import type { QueryClient } from '@tanstack/react-query';
import { pushEvent, type AppStore } from '../../lib/appState';
import { putQueryData } from '../../lib/cache';
import { queryKeys } from '../../lib/queryKeys';
import { eventRigName, isDefaultRig } from '../../lib/rigs';
import { listenTo, type AppSocket } from '../../lib/socket';
import type { Health, ObsConnection } from '../../types';

/** Socket.IO rejects a connection with this kind of message when the token is missing or wrong. */
const AUTH_ERROR = /token|unauthori[sz]ed|auth/i;
/** When the server refuses or drops us, socket.io does not retry by itself: we do, at this pace. */
const MANUAL_RETRY_MS = 3_000;

/** The connection itself (join the room, reconnect, token refused) and OBS's connection state. */
export function bindConnectionEvents(socket: AppSocket, queryClient: QueryClient, store: AppStore): () => void {
  const { on, off } = listenTo(socket);
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let connectedBefore = false;

  const scheduleReconnect = () => {
    clearTimeout(retryTimer);
    retryTimer = setTimeout(() => {
      if (!socket.connected) socket.connect();
    }, MANUAL_RETRY_MS);
  };

  on('connect', () => {
    clearTimeout(retryTimer);
    const wasDown = store.get().socket === 'disconnected';
    store.set({ socket: 'connected' });
    // The room is per connection: join again after every reconnect, then catch up on what we missed.
    socket.emit('join_recording_updates');
    if (wasDown) pushEvent(store, 'success', (t) => t.events.socketUp);
    // After a reconnect, refetch everything; on the first connect the queries are loading already.
    if (connectedBefore) void queryClient.invalidateQueries();
    connectedBefore = true;
  });

  on('disconnect', (reason) => {
    if (reason === 'io client disconnect') return; // we closed it ourselves (unmount, new token)
    store.set({ socket: 'disconnected' });
    pushEvent(store, 'warning', (t) => t.events.socketDown);
    if (reason === 'io server disconnect') scheduleReconnect();
  });

  on('connect_error', (error) => {
    if (AUTH_ERROR.test(error.message)) {
      store.set((s) => ({ socket: 'disconnected', authPrompt: s.hasToken ? 'rejected' : 'needed' }));
      return; // reconnected with the token once the user gives it
    }
    store.set({ socket: 'disconnected' });
    if (!socket.active) scheduleReconnect();
  });

  on('obs_connection', (e) => {
    const obs: ObsConnection = { connected: e.connected, state: e.state, error: e.error ?? null };
    const health = queryClient.getQueryData<Health>(queryKeys.health);
    // /api/health's `obs` is the default rig's: another rig's news is for the rig grid (features/rigs).
    if (health && isDefaultRig(queryClient, e.rig))
      putQueryData<Health>(queryClient, queryKeys.health, { ...health, obs });
    else void queryClient.invalidateQueries({ queryKey: queryKeys.health });
    const rig = eventRigName(queryClient, e.rig);
    if (obs.state === 'connected') pushEvent(store, 'success', (t) => t.events.onRig(rig, t.events.obsConnected));
    else if (obs.state === 'reconnecting')
      pushEvent(store, 'warning', (t) => t.events.onRig(rig, t.events.obsReconnecting));
    else pushEvent(store, 'error', (t) => t.events.onRig(rig, t.events.obsDisconnected(obs.error ?? '')));
  });

  on('error', (e) => {
    pushEvent(store, 'error', (t) => t.events.serviceError(e?.message ?? t.common.unknownError));
  });

  return () => {
    clearTimeout(retryTimer);
    off();
  };
}
