// A minimal external store for the little client-only state (socket status, notifications, auth
// prompt). Server data does not live here: it lives in the TanStack Query cache.
import { useSyncExternalStore } from 'react';

// Properties, not methods: they are passed around unbound (useSyncExternalStore(store.subscribe, …)).
export interface Store<T> {
  get: () => T;
  set: (update: Partial<T> | ((state: T) => Partial<T>)) => void;
  subscribe: (listener: () => void) => () => void;
}

export function createStore<T extends object>(initial: T): Store<T> {
  let state = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => state,
    set(update) {
      const patch = typeof update === 'function' ? update(state) : update;
      state = { ...state, ...patch };
      listeners.forEach((listener) => listener());
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** Subscribe to one slice; the selector must return a primitive or a reference kept in the state. */
export function useStore<T extends object, S>(store: Store<T>, selector: (state: T) => S): S {
  return useSyncExternalStore(store.subscribe, () => selector(store.get()));
}
