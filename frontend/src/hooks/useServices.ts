import { useContext } from 'react';
import { ServiceContext, type ServiceContextValue } from '../app/ServiceContext';

export function useServices(): ServiceContextValue {
  const value = useContext(ServiceContext);
  if (!value) throw new Error('useServices must be used inside <AppProvider>');
  return value;
}
