import type { AppState } from '../lib/appState';
import { useStore } from '../lib/store';
import { useServices } from './useServices';

export function useAppState<S>(selector: (state: AppState) => S): S {
  return useStore(useServices().store, selector);
}
