// The one HTTP client of the dashboard: JSON in and out, the stored token as a Bearer header, and
// every failure turned into an ApiError. Each feature's api/ folder calls it, one file per route.
import { API_TIMEOUT_MS } from '../config/constants';
import type { ApiErrorBody } from '../types';
import { readToken } from './authToken';

/**
 * An `/api` call that did not succeed. `kind: 'network'` means the server could not be reached
 * (fetch threw, or a proxy answered with a non-JSON 5xx); `kind: 'http'` carries the server's
 * `{error}` sentence.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly kind: 'network' | 'http';
  readonly authRequired: boolean;
  readonly body: ApiErrorBody | null;

  constructor(message: string, opts: { status: number; kind: 'network' | 'http'; body?: ApiErrorBody | null }) {
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

export interface RequestOptions {
  query?: Record<string, string | number | undefined>;
  headers?: Record<string, string>;
  timeoutMs?: number;
}

function timeoutSignal(ms: number): AbortSignal | undefined {
  return typeof AbortSignal !== 'undefined' && typeof AbortSignal.timeout === 'function'
    ? AbortSignal.timeout(ms)
    : undefined;
}

function withQuery(path: string, params: RequestOptions['query']): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params ?? {})) {
    if (value !== undefined && value !== '') search.set(key, String(value));
  }
  const s = search.toString();
  return s ? `${path}?${s}` : path;
}

async function request<T>(method: 'GET' | 'POST', path: string, opts: RequestOptions & { body?: unknown }): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', ...opts.headers };
  if (opts.body !== undefined) headers['Content-Type'] = 'application/json';
  const token = readToken();
  if (token) headers.Authorization = `Bearer ${token}`;

  let response: Response;
  try {
    // Looked up at call time (not captured at import), so tests can stand in for the server.
    response = await globalThis.fetch(withQuery(path, opts.query), {
      method,
      headers,
      body: opts.body !== undefined ? JSON.stringify(opts.body) : undefined,
      signal: timeoutSignal(opts.timeoutMs ?? API_TIMEOUT_MS),
    });
  } catch (cause) {
    throw new ApiError(cause instanceof Error ? cause.message : 'Network error', { status: 0, kind: 'network' });
  }

  const text = await response.text().catch(() => '');
  let data: unknown = null;
  let isJson = false;
  if (text) {
    try {
      data = JSON.parse(text);
      isJson = true;
    } catch {
      /* handled below */
    }
  }

  if (!response.ok) {
    const body = isJson && data && typeof data === 'object' ? (data as ApiErrorBody) : null;
    // A dev proxy (or load balancer) answers 5xx without our JSON when Flask is down.
    const kind = !body && response.status >= 500 ? 'network' : 'http';
    const message = body?.error ?? body?.detail ?? `HTTP ${response.status}`;
    throw new ApiError(message, { status: response.status, kind, body });
  }
  if (!isJson) {
    throw new ApiError('Invalid response from the server', { status: response.status, kind: 'network' });
  }
  return data as T;
}

/** Relative URLs only: the page talks to the server that served it. */
export const api = {
  get: <T>(path: string, opts: RequestOptions = {}) => request<T>('GET', path, opts),
  /** State-changing calls always send a JSON body (`{}` when there is nothing to say). */
  post: <T>(path: string, body: unknown = {}, opts: RequestOptions = {}) => request<T>('POST', path, { ...opts, body }),
};
