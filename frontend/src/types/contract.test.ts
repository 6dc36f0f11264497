// The parts of the contract that openapi-typescript does not turn into types: the Socket.IO event
// lists of `x-socketio`. The compiler checks the records below against our event types; this test
// checks them against the document.
import { describe, expect, it } from 'vitest';
import type { ClientToServerEvents, ServerToClientEvents } from '.';
import document from './openapi.json';

const clientEvents: Record<keyof ClientToServerEvents, true> = {
  join_recording_updates: true,
  leave_recording_updates: true,
};

const serverEvents: Record<keyof ServerToClientEvents, true> = {
  recording_started: true,
  recording_stopped: true,
  recording_status_update: true,
  rigs_update: true,
  manual_upload_completed: true,
  upload_queued: true,
  upload_job_updated: true,
  upload_progress: true,
  upload_completed: true,
  upload_failed: true,
  processing_status: true,
  obs_connection: true,
  error: true,
  joined: true,
  left: true,
  recording_paused: true,
  recording_resumed: true,
  marker_added: true,
  disk_space_low: true,
  session_updated: true,
  processing_results_ready: true,
};

describe('the Socket.IO contract', () => {
  const socketio = document['x-socketio'];

  it('sends exactly the events the server listens to', () => {
    expect(Object.keys(clientEvents).sort()).toEqual([...socketio.client_events].sort());
  });

  it('types every event the server says it sends, and no other', () => {
    expect(Object.keys(serverEvents).sort()).toEqual(Object.keys(socketio.server_events).sort());
  });

  it('joins the room the server broadcasts to', () => {
    expect(socketio.room).toBe('recording_updates');
  });
});
