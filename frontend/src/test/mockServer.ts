// fetch replaced by a table of routes, so tests see exactly which requests the UI sent.
import { vi } from 'vitest';
import { healthConnected, idleStatus, singleRig } from './fixtures';

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: Record<string, string>;
  body: unknown;
}

/** `text` answers that text as it is (a subtitles file), `body` answers JSON. */
export interface RouteAnswer {
  status?: number;
  body?: unknown;
  text?: string;
  contentType?: string;
}
export type RouteResult = RouteAnswer | Promise<RouteAnswer>;
export type RouteHandler = (req: RecordedRequest) => RouteResult;
/** Keys are "METHOD /path" (no query string). */
export type Routes = Record<string, RouteHandler | RouteAnswer>;

export const defaultRoutes: Routes = {
  'GET /api/health': { body: healthConnected },
  'GET /api/integrated/recording/status': { body: idleStatus },
  'GET /api/integrated/recordings': { body: { recordings: [], count: 0, total: 0, timestamp: '2025-07-08T10:30:00' } },
  'GET /api/integrated/uploads': { body: { uploads: [], count: 0 } },
  'GET /api/rigs': { body: singleRig },
};

export function createMockServer(routes: Routes = {}) {
  const table: Routes = { ...defaultRoutes, ...routes };
  const requests: RecordedRequest[] = [];

  // lib/apiClient (openapi-fetch) calls fetch with a Request; plain (url, init) calls work too.
  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const request =
      input instanceof Request ? input : new Request(new URL(String(input), 'http://dashboard.test'), init);
    const url = new URL(request.url);
    const text = await request.clone().text();
    const req: RecordedRequest = {
      method: request.method,
      path: url.pathname,
      query: url.searchParams,
      headers: Object.fromEntries(request.headers.entries()),
      body: text ? (JSON.parse(text) as unknown) : undefined,
    };
    requests.push(req);
    const route = table[`${req.method} ${req.path}`];
    const result =
      route === undefined
        ? { status: 404, body: { error: 'Not found' } }
        : typeof route === 'function'
          ? await route(req)
          : route;
    if (result.text !== undefined) {
      return new Response(result.text, {
        status: result.status ?? 200,
        headers: { 'Content-Type': result.contentType ?? 'text/plain' },
      });
    }
    return new Response(JSON.stringify(result.body ?? {}), {
      status: result.status ?? 200,
      headers: { 'Content-Type': 'application/json' },
    });
  });

  return {
    fetch: fetch as unknown as typeof globalThis.fetch,
    fetchMock: fetch,
    requests,
    /** Change a route during a test (e.g. the server starts answering 401). */
    set(key: string, route: Routes[string]) {
      table[key] = route;
    },
    calls(method: string, path: string) {
      return requests.filter((r) => r.method === method && r.path === path);
    },
  };
}

/** A promise the test resolves when it wants: keeps a request "in flight". */
export function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}
