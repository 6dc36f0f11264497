import { describe, expect, it, vi } from 'vitest';
import { TOKEN_STORAGE_KEY } from '../config/constants';
import { createMockServer, type Routes } from '../test/mockServer';
import { api, ApiError } from './apiClient';

function serve(routes: Routes = {}) {
  const server = createMockServer(routes);
  vi.stubGlobal('fetch', server.fetch);
  return server;
}

describe('api client', () => {
  it('GETs JSON without a token when none is stored', async () => {
    const server = serve();
    const health = await api.get<{ obs: { connected: boolean } }>('/api/health');
    expect(health.obs.connected).toBe(true);
    expect(server.requests[0]).toMatchObject({ method: 'GET', path: '/api/health' });
    expect(server.requests[0].headers.accept).toBe('application/json');
    expect(server.requests[0].headers.authorization).toBeUndefined();
  });

  it('POSTs a JSON body with the given headers', async () => {
    const server = serve({ 'POST /api/x': { body: { success: true } } });
    await api.post('/api/x', { sessionName: 'Demo', priority: 3 }, { headers: { 'X-Test': '1' } });
    const [req] = server.calls('POST', '/api/x');
    expect(req.body).toEqual({ sessionName: 'Demo', priority: 3 });
    expect(req.headers['content-type']).toBe('application/json');
    expect(req.headers['x-test']).toBe('1');
  });

  it('sends an empty JSON object when a POST has nothing to say', async () => {
    const server = serve({ 'POST /api/x': { body: { success: true } } });
    await api.post('/api/x');
    expect(server.calls('POST', '/api/x')[0].body).toEqual({});
  });

  it('builds the query string, leaving out empty values', async () => {
    const server = serve();
    await api.get('/api/integrated/uploads', { query: { limit: 20, state: undefined, offset: '' } });
    expect(server.requests[0].query.get('limit')).toBe('20');
    expect(server.requests[0].query.has('state')).toBe(false);
    expect(server.requests[0].query.has('offset')).toBe(false);
  });

  it('sends the stored token as a Bearer header', async () => {
    window.localStorage.setItem(TOKEN_STORAGE_KEY, 's3cret');
    const server = serve();
    await api.get('/api/integrated/uploads');
    expect(server.requests[0].headers.authorization).toBe('Bearer s3cret');
  });

  it('turns an {error} body into an ApiError carrying the sentence and status', async () => {
    serve({ 'POST /api/x': { status: 409, body: { error: 'Un enregistrement est déjà en cours' } } });
    const error = await api.post('/api/x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 409,
      kind: 'http',
      message: 'Un enregistrement est déjà en cours',
      authRequired: false,
    });
  });

  it('flags a 401 as needing a token', async () => {
    serve({ 'GET /api/x': { status: 401, body: { error: 'Authentication required', auth_required: true } } });
    await expect(api.get('/api/x')).rejects.toMatchObject({ status: 401, authRequired: true });
  });

  it('reports an unreachable server as a network error', async () => {
    vi.stubGlobal('fetch', vi.fn().mockRejectedValue(new TypeError('Failed to fetch')));
    await expect(api.get('/api/health')).rejects.toMatchObject({ kind: 'network', status: 0 });
  });

  it('treats a non-JSON 5xx (a proxy with Flask down) as unreachable', async () => {
    vi.stubGlobal('fetch', vi.fn().mockResolvedValue(new Response('<html>Bad gateway</html>', { status: 502 })));
    await expect(api.get('/api/health')).rejects.toMatchObject({ kind: 'network', status: 502 });
  });
});
