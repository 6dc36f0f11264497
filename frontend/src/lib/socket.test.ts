import { io } from 'socket.io-client';
import { describe, expect, it, vi } from 'vitest';
import { TOKEN_STORAGE_KEY } from '../config/constants';
import { fakeSocket } from '../test/fakeSocket';
import { getSocket, reconnectSocket, socketAuth } from './socket';

describe('socket', () => {
  it('is one socket for the page, on /socket.io, not connected until asked', () => {
    expect(getSocket()).toBe(getSocket());
    expect(io).toHaveBeenCalledTimes(1);
    expect(vi.mocked(io).mock.calls[0]).toEqual([{ path: '/socket.io', autoConnect: false, auth: socketAuth }]);
    expect(fakeSocket.connectCalls).toBe(0);
  });

  it('sends the token of the moment on each connection attempt', () => {
    const seen: object[] = [];
    socketAuth((d) => seen.push(d));
    window.localStorage.setItem(TOKEN_STORAGE_KEY, 'abc');
    socketAuth((d) => seen.push(d));
    expect(seen).toEqual([{}, { token: 'abc' }]);
  });

  it('reconnects (to send a new token)', () => {
    getSocket().connect();
    reconnectSocket();
    expect(fakeSocket.disconnectCalls).toBe(1);
    expect(fakeSocket.connectCalls).toBe(2);
    expect(fakeSocket.connected).toBe(true);
  });
});
