import { act, render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactElement } from 'react';
import { vi } from 'vitest';
import { AppProvider } from '../app/AppProvider';
import { useRealtimeSync } from '../app/useRealtimeSync';
import type { Lang } from '../i18n/messages';
import { createAppStore } from '../lib/appState';
import { createQueryClient } from '../lib/queryClient';
import type { ServerToClientEvents } from '../types';
import { fakeSocket, type Stamped } from './fakeSocket';
import { createMockServer, type Routes } from './mockServer';

/** Mounts the socket binding without the whole page, for component tests. */
export function RealtimeSync() {
  useRealtimeSync();
  return null;
}

export function renderWithApp(ui: ReactElement, options: { routes?: Routes; lang?: Lang; realtime?: boolean } = {}) {
  const server = createMockServer(options.routes);
  vi.stubGlobal('fetch', server.fetch);
  const socket = fakeSocket;
  const store = createAppStore();
  const queryClient = createQueryClient(store, { retry: false });
  const user = userEvent.setup();
  const within = (node: ReactElement) => (
    <AppProvider store={store} queryClient={queryClient} lang={options.lang ?? 'fr'}>
      {options.realtime === false ? null : <RealtimeSync />}
      {node}
    </AppProvider>
  );
  const result = render(within(ui));
  /** Render another element in the same app (same store, cache and socket), e.g. with new props. */
  const rerender = (node: ReactElement) => result.rerender(within(node));
  /** Play a server event, then let TanStack Query's batched notifications (a 0 ms timer) reach React. */
  async function serverEmit<E extends keyof ServerToClientEvents>(event: E, payload: Stamped<E>) {
    await act(async () => {
      socket.serverEmit(event, payload);
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
  }
  return { ...result, rerender, server, socket, store, queryClient, user, serverEmit };
}
