import { AppProvider } from './AppProvider';
import { Dashboard } from './Dashboard';

export function App() {
  return (
    <AppProvider>
      <Dashboard />
    </AppProvider>
  );
}
