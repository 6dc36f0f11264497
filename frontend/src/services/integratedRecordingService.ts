// Typed client of the StreamAI contract: one function per REST route, plus the Socket.IO
// connection. It holds no UI state; hooks/ put what it returns into the query cache.
import { io, type Socket } from 'socket.io-client';
import { readToken } from '../lib/authToken';
import type {
  ApiErrorBody,
  ClientToServerEvents,
  FormattedRecordingsResponse,
  Health,
  ManualUploadRequest,
  ManualUploadResponse,
  RecordingStatus,
  ServerToClientEvents,
  StartRecordingRequest,
  StartRecordingResponse,
  StopRecordingResponse,
  UploadJobResponse,
  UploadState,
  UploadsResponse,
} from '../types/api';

export type AppSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export type SocketAuthCallback = (cb: (data: object) => void) => void;
export type SocketFactory = (options: { baseUrl: string; auth: SocketAuthCallback }) => AppSocket;

/** Header that lets the server record `started_by: "dashboard"`. */
export const CLIENT_HEADER = { 'X-StreamAI-Client': 'dashboard' } as const;

const DEFAULT_TIMEOUT_MS = 15_000;
// Stop waits until OBS has finished writing the file, which takes longer for big recordings.
const STOP_TIMEOUT_MS = 120_000;

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

export interface ServiceOptions {
  /** Origin of the server; '' (default) = the page's own origin, as when Flask serves dist/. */
  baseUrl?: string;
  fetch?: typeof fetch;
  getToken?: () => string | null;
  createSocket?: SocketFactory;
}

export interface IntegratedRecordingService {
  getHealth(): Promise<Health>;
  getRecordingStatus(): Promise<RecordingStatus>;
  startRecording(body: StartRecordingRequest): Promise<StartRecordingResponse>;
  stopRecording(): Promise<StopRecordingResponse>;
  getFormattedRecordings(params: { limit: number; offset: number }): Promise<FormattedRecordingsResponse>;
  manualUpload(body: ManualUploadRequest): Promise<ManualUploadResponse>;
  listUploads(params?: { state?: UploadState; limit?: number }): Promise<UploadsResponse>;
  retryUpload(id: number | string): Promise<UploadJobResponse>;
  cancelUpload(id: number | string): Promise<UploadJobResponse>;
  /** The one Socket.IO connection of this service, created on first use (not yet connected). */
  getSocket(): AppSocket;
  /** Reconnect with the current token (after the user typed one). */
  reconnectSocket(): void;
}

const defaultSocketFactory: SocketFactory = ({ baseUrl, auth }) => {
  const options = { path: '/socket.io', autoConnect: false, auth };
  return baseUrl ? io(baseUrl, options) : io(options);
};

function timeoutSignal(ms: number): AbortSignal | undefined {
  return typeof AbortSignal !== 'undefined' && typeof AbortSignal.timeout === 'function'
    ? AbortSignal.timeout(ms)
    : undefined;
}

export function createIntegratedRecordingService(options: ServiceOptions = {}): IntegratedRecordingService {
  const baseUrl = (options.baseUrl ?? '').replace(/\/$/, '');
  // Wrapped so window.fetch is never called with the options object as `this` (Illegal invocation).
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init));
  const getToken = options.getToken ?? readToken;
  const createSocket = options.createSocket ?? defaultSocketFactory;
  let socket: AppSocket | null = null;

  async function request<T>(
    method: 'GET' | 'POST',
    path: string,
    opts: { body?: unknown; headers?: Record<string, string>; timeoutMs?: number } = {},
  ): Promise<T> {
    const headers: Record<string, string> = { Accept: 'application/json', ...opts.headers };
    if (opts.body !== undefined) headers['Content-Type'] = 'application/json';
    const token = getToken();
    if (token) headers.Authorization = `Bearer ${token}`;

    let response: Response;
    try {
      response = await doFetch(`${baseUrl}${path}`, {
        method,
        headers,
        body: opts.body !== undefined ? JSON.stringify(opts.body) : undefined,
        signal: timeoutSignal(opts.timeoutMs ?? DEFAULT_TIMEOUT_MS),
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

  const query = (params: Record<string, string | number | undefined>): string => {
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(params)) {
      if (value !== undefined && value !== '') search.set(key, String(value));
    }
    const s = search.toString();
    return s ? `?${s}` : '';
  };

  const jobPath = (id: number | string, action: 'retry' | 'cancel') =>
    `/api/integrated/uploads/${encodeURIComponent(String(id))}/${action}`;

  return {
    getHealth: () => request<Health>('GET', '/api/health'),
    getRecordingStatus: () => request<RecordingStatus>('GET', '/api/integrated/recording/status'),
    startRecording: (body) =>
      request<StartRecordingResponse>('POST', '/api/integrated/recording/start', {
        body,
        headers: { ...CLIENT_HEADER },
      }),
    stopRecording: () =>
      request<StopRecordingResponse>('POST', '/api/integrated/recording/stop', {
        body: {},
        headers: { ...CLIENT_HEADER },
        timeoutMs: STOP_TIMEOUT_MS,
      }),
    getFormattedRecordings: ({ limit, offset }) =>
      request<FormattedRecordingsResponse>('GET', `/api/frontend/recordings/formatted${query({ limit, offset })}`),
    manualUpload: (body) => request<ManualUploadResponse>('POST', '/api/integrated/upload/manual', { body }),
    listUploads: (params = {}) =>
      request<UploadsResponse>('GET', `/api/integrated/uploads${query({ state: params.state, limit: params.limit })}`),
    retryUpload: (id) => request<UploadJobResponse>('POST', jobPath(id, 'retry'), { body: {} }),
    cancelUpload: (id) => request<UploadJobResponse>('POST', jobPath(id, 'cancel'), { body: {} }),

    getSocket() {
      if (!socket) {
        // auth is a callback so every (re)connection attempt sends the token of that moment.
        socket = createSocket({
          baseUrl,
          auth: (cb) => {
            const token = getToken();
            cb(token ? { token } : {});
          },
        });
      }
      return socket;
    },
    reconnectSocket() {
      const s = this.getSocket();
      // Only a live or retrying connection needs closing; a refused one just connects again.
      if (s.connected || s.active) s.disconnect();
      s.connect();
    },
  };
}
