// A stand-in for socket.io-client's Socket: records what the app emits and lets a test play the server.
// test/setup.ts makes socket.io-client's io() return `fakeSocket`, and resets it after each test.
import type { AppSocket } from '../lib/socket';
import type { ServerToClientEvents } from '../types';

type Listener = (...args: unknown[]) => void;

export type Payload<E extends keyof ServerToClientEvents> = Parameters<ServerToClientEvents[E]>[0];
export type Stamped<E extends keyof ServerToClientEvents> =
  Payload<E> extends { timestamp: string; rig: string | null }
    ? Omit<Payload<E>, 'timestamp' | 'rig'> & { timestamp?: string; rig?: string | null }
    : Payload<E>;

export class FakeSocket {
  connected = false;
  active = false;
  emitted: Array<{ event: string; args: unknown[] }> = [];
  connectCalls = 0;
  disconnectCalls = 0;
  private listeners = new Map<string, Set<Listener>>();

  reset() {
    this.connected = false;
    this.active = false;
    this.emitted = [];
    this.connectCalls = 0;
    this.disconnectCalls = 0;
    this.listeners.clear();
  }

  on(event: string, listener: Listener) {
    if (!this.listeners.has(event)) this.listeners.set(event, new Set());
    this.listeners.get(event)!.add(listener);
    return this;
  }

  off(event: string, listener?: Listener) {
    if (listener) this.listeners.get(event)?.delete(listener);
    else this.listeners.delete(event);
    return this;
  }

  emit(event: string, ...args: unknown[]) {
    this.emitted.push({ event, args });
    return this;
  }

  /** Succeeds at once, like a reachable server. */
  connect() {
    this.connectCalls += 1;
    this.active = true;
    if (!this.connected) {
      this.connected = true;
      this.fire('connect');
    }
    return this;
  }

  disconnect() {
    this.disconnectCalls += 1;
    this.active = false;
    if (this.connected) {
      this.connected = false;
      this.fire('disconnect', 'io client disconnect');
    }
    return this;
  }

  /** The server or network went away (socket.io keeps trying by itself). */
  drop() {
    this.connected = false;
    this.fire('disconnect', 'transport close');
  }

  /** socket.io reconnected after a drop. */
  reconnect() {
    this.connected = true;
    this.fire('connect');
  }

  failConnect(message: string) {
    this.connected = false;
    this.active = false;
    this.fire('connect_error', new Error(message));
  }

  /** An event as the server sends it; the server stamps every payload, so the test need not. */
  serverEmit<E extends keyof ServerToClientEvents>(event: E, payload: Stamped<E>) {
    this.fire(event, { timestamp: '2025-07-08T10:05:00.000+00:00', rig: 'default', ...payload });
  }

  listenerCount(event: string) {
    return this.listeners.get(event)?.size ?? 0;
  }

  emittedNames() {
    return this.emitted.map((e) => e.event);
  }

  private fire(event: string, ...args: unknown[]) {
    for (const listener of [...(this.listeners.get(event) ?? [])]) listener(...args);
  }

  asSocket(): AppSocket {
    return this as unknown as AppSocket;
  }
}

/** The page's one socket, as the tests see it. */
export const fakeSocket = new FakeSocket();
