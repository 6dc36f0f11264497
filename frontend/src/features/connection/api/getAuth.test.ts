import { describe, expect, it, vi } from 'vitest';
import { createMockServer } from '../../../test/mockServer';
import { getAuth } from './getAuth';

describe('getAuth', () => {
  it('reads the role of the token', async () => {
    vi.stubGlobal(
      'fetch',
      createMockServer({ 'GET /api/auth': { body: { role: 'viewer', auth_required: true } } }).fetch,
    );
    await expect(getAuth()).resolves.toEqual({ role: 'viewer', auth_required: true });
  });

  it('lets a 401 through, for the token prompt', async () => {
    vi.stubGlobal(
      'fetch',
      createMockServer({ 'GET /api/auth': { status: 401, body: { error: 'no', auth_required: true } } }).fetch,
    );
    await expect(getAuth()).rejects.toMatchObject({ status: 401, authRequired: true });
  });

  it('does not take a 404 for a role', async () => {
    vi.stubGlobal('fetch', createMockServer().fetch);
    await expect(getAuth()).rejects.toMatchObject({ status: 404, kind: 'http' });
  });
});
