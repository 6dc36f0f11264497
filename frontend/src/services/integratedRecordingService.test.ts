import { describe, expect, it, vi } from 'vitest';
import { FakeSocket } from '../test/fakeSocket';
import { createMockServer } from '../test/mockServer';
import { ApiError, createIntegratedRecordingService, type SocketFactory } from './integratedRecordingService';

function setup(routes = {}, token: string | null = null) {
  const server = createMockServer(routes);
  const socket = new FakeSocket();
  const createSocket = vi.fn(() => socket.asSocket());
  const service = createIntegratedRecordingService({ fetch: server.fetch, getToken: () => token, createSocket });
  return { server, socket, service, createSocket };
}

describe('integratedRecordingService REST', () => {
  it('reads /api/health as JSON', async () => {
    const { service, server } = setup();
    const health = await service.getHealth();
    expect(health.obs.connected).toBe(true);
    expect(server.requests[0]).toMatchObject({ method: 'GET', path: '/api/health' });
    expect(server.requests[0].headers.accept).toBe('application/json');
    expect(server.requests[0].headers.authorization).toBeUndefined();
  });

  it('starts a recording with the camelCase body and the dashboard header', async () => {
    const { service, server } = setup({
      'POST /api/integrated/recording/start': {
        body: {
          success: true,
          session_name: 'Demo',
          session_path: '/r/Demo',
          auto_upload: false,
          started_by: 'dashboard',
        },
      },
    });
    const result = await service.startRecording({
      sessionName: 'Demo',
      autoUpload: false,
      subtitleModel: 'small',
      priority: 3,
    });
    expect(result.session_name).toBe('Demo');
    const [req] = server.calls('POST', '/api/integrated/recording/start');
    expect(req.body).toEqual({ sessionName: 'Demo', autoUpload: false, subtitleModel: 'small', priority: 3 });
    expect(req.headers['x-streamai-client']).toBe('dashboard');
    expect(req.headers['content-type']).toBe('application/json');
  });

  it('stops with the dashboard header and returns files and upload_result', async () => {
    const { service, server } = setup({
      'POST /api/integrated/recording/stop': {
        body: {
          success: true,
          session_name: 'Demo',
          files: [{ name: 'a.mkv', path: '/r/a.mkv', size_bytes: 10, duration_s: 1 }],
          upload_result: { queued: false, reason: 'uploads disabled' },
        },
      },
    });
    const result = await service.stopRecording();
    expect(result.files?.[0].name).toBe('a.mkv');
    expect(result.upload_result).toEqual({ queued: false, reason: 'uploads disabled' });
    expect(server.calls('POST', '/api/integrated/recording/stop')[0].headers['x-streamai-client']).toBe('dashboard');
  });

  it('turns an {error} body into an ApiError carrying the sentence and status', async () => {
    const { service } = setup({
      'POST /api/integrated/recording/start': { status: 409, body: { error: 'Un enregistrement est déjà en cours' } },
    });
    const error = await service.startRecording({}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 409,
      kind: 'http',
      message: 'Un enregistrement est déjà en cours',
      authRequired: false,
    });
  });

  it('flags a 401 as needing a token', async () => {
    const { service } = setup({
      'GET /api/integrated/recording/status': {
        status: 401,
        body: { error: 'Authentication required', auth_required: true },
      },
    });
    await expect(service.getRecordingStatus()).rejects.toMatchObject({ status: 401, authRequired: true });
  });

  it('reports an unreachable server as a network error', async () => {
    const fetch = vi.fn().mockRejectedValue(new TypeError('Failed to fetch'));
    const service = createIntegratedRecordingService({ fetch, getToken: () => null });
    await expect(service.getHealth()).rejects.toMatchObject({ kind: 'network', status: 0 });
  });

  it('treats a non-JSON 5xx (a proxy with Flask down) as unreachable', async () => {
    const fetch = vi.fn().mockResolvedValue(new Response('<html>Bad gateway</html>', { status: 502 }));
    const service = createIntegratedRecordingService({ fetch, getToken: () => null });
    await expect(service.getHealth()).rejects.toMatchObject({ kind: 'network', status: 502 });
  });

  it('sends the stored token as a Bearer header', async () => {
    const { service, server } = setup({}, 's3cret');
    await service.listUploads({ limit: 20 });
    expect(server.requests[0].headers.authorization).toBe('Bearer s3cret');
    expect(server.requests[0].query.get('limit')).toBe('20');
    expect(server.requests[0].query.has('state')).toBe(false);
  });

  it('pages the formatted recordings with limit and offset', async () => {
    const { service, server } = setup();
    await service.getFormattedRecordings({ limit: 10, offset: 20 });
    const [req] = server.calls('GET', '/api/frontend/recordings/formatted');
    expect(req.query.get('limit')).toBe('10');
    expect(req.query.get('offset')).toBe('20');
  });

  it('queues a manual upload and acts on jobs', async () => {
    const job = { id: 3, session_name: 'S', state: 'queued' };
    const { service, server } = setup({
      'POST /api/integrated/upload/manual': { status: 202, body: { success: true, message: 'queued', job } },
      'POST /api/integrated/uploads/3/retry': { body: { success: true, job } },
      'POST /api/integrated/uploads/3/cancel': { body: { success: true, job: { ...job, state: 'cancelled' } } },
    });
    const queued = await service.manualUpload({ sessionName: 'S', subtitleModel: 'large', priority: 5 });
    expect(queued.job.id).toBe(3);
    expect(server.calls('POST', '/api/integrated/upload/manual')[0].body).toEqual({
      sessionName: 'S',
      subtitleModel: 'large',
      priority: 5,
    });
    await service.retryUpload(3);
    const cancelled = await service.cancelUpload(3);
    expect(cancelled.job.state).toBe('cancelled');
  });
});

describe('integratedRecordingService socket', () => {
  it('creates one socket whose auth callback sends the current token', () => {
    let token: string | null = null;
    const socket = new FakeSocket();
    const createSocket = vi.fn((_options: Parameters<SocketFactory>[0]) => socket.asSocket());
    const service = createIntegratedRecordingService({ fetch: vi.fn(), getToken: () => token, createSocket });

    expect(service.getSocket()).toBe(service.getSocket());
    expect(createSocket).toHaveBeenCalledTimes(1);
    const { auth, baseUrl } = createSocket.mock.calls[0][0];
    expect(baseUrl).toBe('');

    const seen: object[] = [];
    auth((d) => seen.push(d));
    token = 'abc';
    auth((d) => seen.push(d));
    expect(seen).toEqual([{}, { token: 'abc' }]);
  });

  it('reconnects the socket (to send a new token)', () => {
    const { service, socket } = setup();
    service.getSocket().connect();
    service.reconnectSocket();
    expect(socket.disconnectCalls).toBe(1);
    expect(socket.connectCalls).toBe(2);
    expect(socket.connected).toBe(true);
  });
});
