import { useState } from 'react';
import { Dashboard } from '../components/Dashboard';
import { createIntegratedRecordingService } from '../services/integratedRecordingService';
import { AppProvider } from './AppProvider';

export function App() {
  // Same origin: Flask serves this bundle, and `npm run dev` proxies /api and /socket.io.
  const [service] = useState(() => createIntegratedRecordingService());
  return (
    <AppProvider service={service}>
      <Dashboard />
    </AppProvider>
  );
}
