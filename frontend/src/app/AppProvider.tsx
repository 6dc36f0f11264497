import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { useMemo, useState, type ReactNode } from 'react';
import { I18nProvider } from '../i18n/I18nProvider';
import type { Lang } from '../i18n/messages';
import { createAppStore, type AppStore } from '../lib/appState';
import { createQueryClient } from '../lib/queryClient';
import type { IntegratedRecordingService } from '../services/integratedRecordingService';
import { ServiceContext } from './ServiceContext';

interface AppProviderProps {
  service: IntegratedRecordingService;
  children: ReactNode;
  /** Injected by tests; the app creates its own. */
  store?: AppStore;
  queryClient?: QueryClient;
  lang?: Lang;
}

export function AppProvider({
  service,
  children,
  store: givenStore,
  queryClient: givenClient,
  lang,
}: AppProviderProps) {
  const [store] = useState(() => givenStore ?? createAppStore());
  const [queryClient] = useState(() => givenClient ?? createQueryClient(store));
  const services = useMemo(() => ({ service, store }), [service, store]);

  return (
    <QueryClientProvider client={queryClient}>
      <ServiceContext.Provider value={services}>
        <I18nProvider lang={lang}>{children}</I18nProvider>
      </ServiceContext.Provider>
    </QueryClientProvider>
  );
}
