// The one HTTP client of the dashboard: openapi-fetch over the generated `paths` (types/api.ts), so
// each route's params, body and answer are typed by its path and method. The stored token goes out
// as a Bearer header, every call has a timeout, and every failure becomes an ApiError. Each
// feature's api/ folder calls it, one file per route:
//   export const getHealth = () => send((init) => client.GET('/api/health', init));
import createClient from 'openapi-fetch';
import { API_TIMEOUT_MS } from '../config/constants';
import type { ErrorBody, paths } from '../types';
import { readToken } from './authToken';

/**
 * An `/api` call that did not succeed. `kind: 'network'` means the server could not be reached
 * (fetch threw or timed out, a proxy answered with a non-JSON 5xx, or the answer was not JSON);
 * `kind: 'http'` carries the server's `{error}` sentence.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly kind: 'network' | 'http';
  readonly authRequired: boolean;
  readonly body: ErrorBody | null;

  constructor(message: string, opts: { status: number; kind: 'network' | 'http'; body?: ErrorBody | null }) {
    super(message);
    this.name = 'ApiError';
    this.status = opts.status;
    this.kind = opts.kind;
    this.body = opts.body ?? null;
    this.authRequired = opts.status === 401;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/**
 * The typed client. Same origin only: the page talks to the server that served it (`npm run dev`
 * proxies /api). The origin is spelled out because openapi-fetch builds a `Request`, which needs an
 * absolute URL outside a browser (tests).
 */
export const client = createClient<paths>({
  baseUrl: globalThis.location?.origin ?? '',
  headers: { Accept: 'application/json' },
  // Looked up at call time (not captured at import), so tests can stand in for the server.
  fetch: (request) => globalThis.fetch(request),
});

client.use({
  onRequest({ request }) {
    // Read for every call: the token can change while the page is open (« Changer de jeton »).
    const token = readToken();
    if (token) request.headers.set('Authorization', `Bearer ${token}`);
  },
});

/** What openapi-fetch resolves to: the 2xx answer's data, or the error body and the response. */
interface Answer<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

export interface SendOptions {
  /** Give up after this long (default API_TIMEOUT_MS): a stop waits for OBS and needs longer. */
  timeoutMs?: number;
}

function timeoutSignal(ms: number): AbortSignal | undefined {
  return typeof AbortSignal !== 'undefined' && typeof AbortSignal.timeout === 'function'
    ? AbortSignal.timeout(ms)
    : undefined;
}

const isErrorBody = (value: unknown): value is ErrorBody =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  typeof (value as ErrorBody).error === 'string';

/**
 * Run one typed call (`init` carries its timeout signal: spread it into the call's options) and
 * return its answer's data, or throw an ApiError.
 */
export async function send<T>(
  call: (init: { signal?: AbortSignal }) => Promise<Answer<T>>,
  { timeoutMs = API_TIMEOUT_MS }: SendOptions = {},
): Promise<T> {
  let answer: Answer<T>;
  try {
    answer = await call({ signal: timeoutSignal(timeoutMs) });
  } catch (cause) {
    // fetch threw (server down, timeout), or a 2xx answer was not JSON (not our server).
    const message = cause instanceof SyntaxError ? 'Invalid response from the server' : undefined;
    throw new ApiError(message ?? (cause instanceof Error ? cause.message : 'Network error'), {
      status: 0,
      kind: 'network',
    });
  }

  const { data, error, response } = answer;
  if (!response.ok) {
    const body = isErrorBody(error) ? error : null;
    // A dev proxy (or load balancer) answers 5xx without our JSON when Flask is down.
    const kind = !body && response.status >= 500 ? 'network' : 'http';
    throw new ApiError(body?.error ?? `HTTP ${response.status}`, { status: response.status, kind, body });
  }
  if (data === undefined) {
    throw new ApiError('Invalid response from the server', { status: response.status, kind: 'network' });
  }
  return data;
}
