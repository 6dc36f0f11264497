import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useAccessState } from '../features/connection/hooks/useAccessState';
import { AccessContext } from '../hooks/useAccess';
import { AppStoreContext } from '../hooks/useAppState';
import { I18nProvider } from '../i18n/I18nProvider';
import type { Lang } from '../i18n/messages';
import { createAppStore, type AppStore } from '../lib/appState';
import { createQueryClient } from '../lib/queryClient';

interface AppProviderProps {
  children: ReactNode;
  /** Injected by tests; the app creates its own. */
  store?: AppStore;
  queryClient?: QueryClient;
  lang?: Lang;
}

export function AppProvider({ children, store: givenStore, queryClient: givenClient, lang }: AppProviderProps) {
  const [store] = useState(() => givenStore ?? createAppStore());
  const [queryClient] = useState(() => givenClient ?? createQueryClient(store));

  return (
    <QueryClientProvider client={queryClient}>
      <AppStoreContext.Provider value={store}>
        <AccessProvider>
          <I18nProvider lang={lang}>{children}</I18nProvider>
        </AccessProvider>
      </AppStoreContext.Provider>
    </QueryClientProvider>
  );
}

/** Health, token and socket state worked out once (features/connection) for every feature to read. */
function AccessProvider({ children }: { children: ReactNode }) {
  return <AccessContext.Provider value={useAccessState()}>{children}</AccessContext.Provider>;
}
