import type { Lang, Messages } from '../i18n/messages';
import { readToken } from './authToken';
import { createStore, type Store } from './store';

export type SocketStatus = 'connecting' | 'connected' | 'disconnected';
/** The token dialog: closed; a token is missing; the server refused ours; the user wants to switch tokens. */
export type AuthPrompt = 'hidden' | 'needed' | 'rejected' | 'change';
export type EventLevel = 'info' | 'success' | 'warning' | 'error';

export interface EventEntry {
  id: number;
  at: number;
  level: EventLevel;
  /** Rendered at display time so the log follows the language switch. */
  text: (t: Messages, lang: Lang) => string;
}

export interface AppState {
  socket: SocketStatus;
  authPrompt: AuthPrompt;
  /** A token is stored (the token itself stays in localStorage, read by lib/apiClient and lib/socket). */
  hasToken: boolean;
  events: EventEntry[];
}

export const MAX_EVENTS = 50;

export type AppStore = Store<AppState>;

export function createAppStore(): AppStore {
  return createStore<AppState>({ socket: 'connecting', authPrompt: 'hidden', hasToken: !!readToken(), events: [] });
}

let nextEventId = 1;

/** Newest first, capped so a long session does not grow the page forever. */
export function pushEvent(store: AppStore, level: EventLevel, text: EventEntry['text'], at = Date.now()): void {
  const entry: EventEntry = { id: nextEventId++, at, level, text };
  store.set((s) => ({ events: [entry, ...s.events].slice(0, MAX_EVENTS) }));
}
