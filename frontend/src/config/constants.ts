// Settings of the dashboard that several parts share. Server addresses are relative (same origin):
// Flask serves the bundle, and `npm run dev` proxies /api and /socket.io.
import type { SubtitleModel } from '../types';

/** Every /api call gives up after this long (a stop, which waits for OBS to finish the file, has its own). */
export const API_TIMEOUT_MS = 15_000;

/** Socket.IO's path on the server. */
export const SOCKET_PATH = '/socket.io';

/** Page size of the recordings list (« Charger plus » loads the next page). */
export const RECORDINGS_PAGE_SIZE = 10;
/** How many upload jobs the dashboard keeps (GET /api/integrated/uploads?limit=…). */
export const UPLOADS_LIMIT = 20;

/** The processing API takes an integer priority; the dashboard offers 1..10 (1 = default). */
export const MIN_PRIORITY = 1;
export const MAX_PRIORITY = 10;

export const SUBTITLE_MODELS = ['base', 'small', 'medium', 'large'] as const satisfies readonly SubtitleModel[];

/** localStorage keys: the access token (shared by every tab) and the chosen language. */
export const TOKEN_STORAGE_KEY = 'streamai.apiToken';
export const LANG_STORAGE_KEY = 'streamai.lang';
