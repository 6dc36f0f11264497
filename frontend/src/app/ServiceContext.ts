import { createContext } from 'react';
import type { AppStore } from '../lib/appState';
import type { IntegratedRecordingService } from '../services/integratedRecordingService';

export interface ServiceContextValue {
  service: IntegratedRecordingService;
  store: AppStore;
}

export const ServiceContext = createContext<ServiceContextValue | null>(null);
