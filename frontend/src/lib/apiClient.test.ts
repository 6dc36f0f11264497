import { describe, expect, it, vi } from 'vitest';
import { API_TIMEOUT_MS, TOKEN_STORAGE_KEY } from '../config/constants';
import { createMockServer, type Routes } from '../test/mockServer';
import { ApiError, client, send } from './apiClient';

function serve(routes: Routes = {}) {
  const server = createMockServer(routes);
  vi.stubGlobal('fetch', server.fetch);
  return server;
}

const health = () => send((init) => client.GET('/api/health', init));
const start = () =>
  send((init) =>
    client.POST('/api/integrated/recording/start', {
      ...init,
      body: { sessionName: 'Demo', priority: 3 },
      headers: { 'X-Test': '1' },
    }),
  );
const retry = (jobId: number) =>
  send((init) =>
    client.POST('/api/integrated/uploads/{job_id}/retry', { ...init, params: { path: { job_id: jobId } } }),
  );

describe('api client', () => {
  it('GETs JSON from the page’s own origin, without a token when none is stored', async () => {
    const server = serve();
    await expect(health()).resolves.toMatchObject({ obs: { connected: true } });
    expect(server.requests[0]).toMatchObject({ method: 'GET', path: '/api/health' });
    expect(server.fetchMock.mock.calls[0][0]).toMatchObject({ url: `${window.location.origin}/api/health` });
    expect(server.requests[0].headers.accept).toBe('application/json');
    expect(server.requests[0].headers.authorization).toBeUndefined();
  });

  it('POSTs the typed JSON body with the given headers', async () => {
    const server = serve({ 'POST /api/integrated/recording/start': { body: { success: true } } });
    await start();
    const [req] = server.calls('POST', '/api/integrated/recording/start');
    expect(req.body).toEqual({ sessionName: 'Demo', priority: 3 });
    expect(req.headers['content-type']).toBe('application/json');
    expect(req.headers['x-test']).toBe('1');
  });

  it('fills path parameters, and sends no body where the route takes none', async () => {
    const server = serve({ 'POST /api/integrated/uploads/12/retry': { body: { success: true, job: {} } } });
    await retry(12);
    const [req] = server.calls('POST', '/api/integrated/uploads/12/retry');
    expect(req.body).toBeUndefined();
    expect(req.headers['content-type']).toBeUndefined();
  });

  it('builds the query string, leaving out absent values', async () => {
    const server = serve();
    await send((init) => client.GET('/api/integrated/uploads', { ...init, params: { query: { limit: 20 } } }));
    expect(server.requests[0].query.get('limit')).toBe('20');
    expect(server.requests[0].query.has('state')).toBe(false);
    expect(server.requests[0].query.has('offset')).toBe(false);
  });

  it('sends the token stored at call time as a Bearer header', async () => {
    const server = serve();
    await health();
    window.localStorage.setItem(TOKEN_STORAGE_KEY, 's3cret');
    await health();
    expect(server.requests.map((r) => r.headers.authorization)).toEqual([undefined, 'Bearer s3cret']);
  });

  it('gives every call a timeout, longer when asked', async () => {
    serve();
    const timeout = vi.spyOn(AbortSignal, 'timeout');
    await health();
    await send((init) => client.GET('/api/health', init), { timeoutMs: 120_000 });
    expect(timeout.mock.calls).toEqual([[API_TIMEOUT_MS], [120_000]]);
    timeout.mockRestore();
  });

  it('turns an {error} body into an ApiError carrying the sentence and status', async () => {
    serve({
      'POST /api/integrated/recording/start': { status: 409, body: { error: 'a recording is already running' } },
    });
    const error = await start().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 409,
      kind: 'http',
      message: 'a recording is already running',
      authRequired: false,
    });
  });

  it('flags a 401 as needing a token', async () => {
    serve({ 'GET /api/health': { status: 401, body: { error: 'this server needs a token', auth_required: true } } });
    await expect(health()).rejects.toMatchObject({ status: 401, authRequired: true });
  });

  it('keeps a 403’s details (the role the token has)', async () => {
    serve({
      'POST /api/integrated/recording/start': {
        status: 403,
        body: { error: 'this needs the operator role', required_role: 'operator', role: 'viewer' },
      },
    });
    await expect(start()).rejects.toMatchObject({ status: 403, kind: 'http', body: { role: 'viewer' } });
  });

  it('reports an unreachable server as a network error', async () => {
    vi.stubGlobal('fetch', vi.fn().mockRejectedValue(new TypeError('Failed to fetch')));
    await expect(health()).rejects.toMatchObject({ kind: 'network', status: 0 });
  });

  it('treats a non-JSON 5xx (a proxy with Flask down) as unreachable', async () => {
    vi.stubGlobal('fetch', vi.fn().mockResolvedValue(new Response('<html>Bad gateway</html>', { status: 502 })));
    await expect(health()).rejects.toMatchObject({ kind: 'network', status: 502 });
  });

  it('treats a 2xx that is not JSON (not our server) as unreachable', async () => {
    vi.stubGlobal('fetch', vi.fn().mockResolvedValue(new Response('<html>captive portal</html>', { status: 200 })));
    await expect(health()).rejects.toMatchObject({ kind: 'network', message: 'Invalid response from the server' });
  });
});
