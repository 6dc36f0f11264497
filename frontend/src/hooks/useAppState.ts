import { createContext, useContext } from 'react';
import type { AppState, AppStore } from '../lib/appState';
import { useStore } from '../lib/store';

/** The client-only state (socket status, token prompt, notifications); <AppProvider> creates it. */
export const AppStoreContext = createContext<AppStore | null>(null);

export function useAppStore(): AppStore {
  const store = useContext(AppStoreContext);
  if (!store) throw new Error('useAppStore must be used inside <AppProvider>');
  return store;
}

export function useAppState<S>(selector: (state: AppState) => S): S {
  return useStore(useAppStore(), selector);
}
