import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach, vi } from 'vitest';
import { fakeSocket } from './fakeSocket';

// No test talks to a server: lib/socket's io() gets the fake socket (fetch is stubbed by renderWithApp).
vi.mock('socket.io-client', async () => {
  const { fakeSocket } = await import('./fakeSocket');
  return { io: vi.fn(() => fakeSocket.asSocket()) };
});

afterEach(() => {
  cleanup();
  fakeSocket.reset();
  vi.unstubAllGlobals();
  window.localStorage.clear();
});
