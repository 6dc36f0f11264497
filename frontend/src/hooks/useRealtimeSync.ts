import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { pushEvent, type AppStore } from '../lib/appState';
import { formatTime } from '../lib/format';
import { queryKeys } from '../lib/queryKeys';
import { jobStateForProcessing, patchJob, upsertJob } from '../lib/uploadJobs';
import type { AppSocket } from '../services/integratedRecordingService';
import type { Health, RecordingStatus, UploadJob, UploadJobView } from '../types/api';
import { useAuthReady } from './useAuthReady';
import { useServices } from './useServices';

/** Socket.IO rejects a connection with this kind of message when the token is missing or wrong. */
const AUTH_ERROR = /token|unauthori[sz]ed|auth/i;
/** When the server refuses or drops us, socket.io does not retry by itself: we do, at this pace. */
const MANUAL_RETRY_MS = 3_000;

/**
 * Bind the room's events to the query cache (the same entries the REST calls fill) and to the
 * notification log. Mounted once, by the Dashboard.
 */
export function useRealtimeSync(): void {
  const { service, store } = useServices();
  const queryClient = useQueryClient();
  const authReady = useAuthReady();

  useEffect(() => {
    const socket = service.getSocket();
    const detach = bindSocket(socket, queryClient, store);
    return () => {
      detach();
      if (socket.connected) socket.emit('leave_recording_updates');
      socket.disconnect();
    };
  }, [service, queryClient, store]);

  // Connect once we know the token it needs (if any) is there, so the first attempt is not refused.
  useEffect(() => {
    if (authReady) service.getSocket().connect();
  }, [service, authReady]);
}

/** Attach every listener; returns the function that removes exactly those listeners. */
export function bindSocket(socket: AppSocket, queryClient: QueryClient, store: AppStore): () => void {
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  const removers: Array<() => void> = [];
  // socket.on/off are heavily overloaded; this wrapper keeps their typed signature for callers.
  const untyped = socket as unknown as { on(e: string, l: unknown): void; off(e: string, l: unknown): void };
  const on = ((event: string, listener: unknown) => {
    untyped.on(event, listener);
    removers.push(() => untyped.off(event, listener));
    return socket;
  }) as AppSocket['on'];
  const loggedUploadStart = new Set<string>();
  const lastProcessingStatus = new Map<string, string>();

  const scheduleReconnect = () => {
    clearTimeout(retryTimer);
    retryTimer = setTimeout(() => {
      if (!socket.connected) socket.connect();
    }, MANUAL_RETRY_MS);
  };

  let connectedBefore = false;

  // An event is newer than any response still on its way: cancel that fetch so it cannot overwrite.
  const put = <T>(queryKey: readonly unknown[], data: T) => {
    void queryClient.cancelQueries({ queryKey, exact: true });
    queryClient.setQueryData<T>(queryKey, data);
  };

  const setJobs = (update: (list: UploadJobView[] | undefined) => UploadJobView[] | null) => {
    const current = queryClient.getQueryData<UploadJobView[]>(queryKeys.uploads);
    const next = update(current);
    if (next) put(queryKeys.uploads, next);
    // A job we have never seen (started from another client before our fetch): ask the server.
    else void queryClient.invalidateQueries({ queryKey: queryKeys.uploads });
  };
  const storeJob = (job: UploadJob) => setJobs((list) => upsertJob(list, job));
  const refreshRecordings = () => void queryClient.invalidateQueries({ queryKey: queryKeys.recordings });

  const handlers = {
    connect() {
      clearTimeout(retryTimer);
      const wasDown = store.get().socket === 'disconnected';
      store.set({ socket: 'connected' });
      // The room is per connection: join again after every reconnect, then catch up on what we missed.
      socket.emit('join_recording_updates');
      if (wasDown) pushEvent(store, 'success', (t) => t.events.socketUp);
      // After a reconnect, refetch everything; on the first connect the queries are loading already.
      if (connectedBefore) void queryClient.invalidateQueries();
      connectedBefore = true;
    },
    disconnect(reason: string) {
      if (reason === 'io client disconnect') return; // we closed it ourselves (unmount, new token)
      store.set({ socket: 'disconnected' });
      pushEvent(store, 'warning', (t) => t.events.socketDown);
      if (reason === 'io server disconnect') scheduleReconnect();
    },
    connect_error(error: Error) {
      if (AUTH_ERROR.test(error.message)) {
        store.set((s) => ({ socket: 'disconnected', authPrompt: s.hasToken ? 'rejected' : 'needed' }));
        return; // reconnected with the token once the user gives it
      }
      store.set({ socket: 'disconnected' });
      if (!socket.active) scheduleReconnect();
    },
  };

  on('connect', handlers.connect);
  on('disconnect', handlers.disconnect);
  on('connect_error', handlers.connect_error);

  on('recording_status_update', ({ status }) => {
    put<RecordingStatus>(queryKeys.recordingStatus, status);
  });

  on('recording_started', ({ result }) => {
    void queryClient.invalidateQueries({ queryKey: queryKeys.recordingStatus });
    refreshRecordings();
    const by = result.started_by ?? '';
    pushEvent(store, 'success', (t) =>
      t.events.recordingStarted(result.session_name, t.recording.startedByLabels[by] ?? by),
    );
  });

  on('recording_stopped', ({ result }) => {
    put<RecordingStatus>(queryKeys.recordingStatus, { active: false, message: result.message });
    if (result.upload_result?.queued) storeJob(result.upload_result.job);
    void queryClient.invalidateQueries({ queryKey: queryKeys.uploads });
    refreshRecordings();
    pushEvent(store, 'info', (t) => t.events.recordingStopped(result.session_name));
  });

  on('upload_queued', ({ job }) => {
    storeJob(job);
    pushEvent(store, 'info', (t) => t.events.uploadQueued(job.session_name));
  });

  on('upload_job_updated', ({ job }) => {
    storeJob(job);
    // Other transitions have their own event; a cancel has only this one.
    if (job.state === 'cancelled') pushEvent(store, 'warning', (t) => t.events.uploadCancelled(job.session_name));
  });

  on('upload_progress', (e) => {
    setJobs((list) =>
      patchJob(list, e.job_id, {
        state: 'uploading',
        bytes_sent: e.bytes_sent,
        total_bytes: e.total_bytes,
        rate_bps: e.rate_bps,
        eta_s: e.eta_s,
      }),
    );
    const id = String(e.job_id);
    if (!loggedUploadStart.has(id)) {
      loggedUploadStart.add(id);
      pushEvent(store, 'info', (t) => t.events.uploadStarted(e.session_name));
    }
  });

  on('upload_completed', (e) => {
    setJobs((list) => {
      const known = list?.find((j) => String(j.id) === String(e.job_id));
      return patchJob(list, e.job_id, {
        state: 'uploaded',
        task_id: e.task_id,
        attempts: e.attempts ?? known?.attempts,
        bytes_sent: known?.total_bytes ?? known?.bytes_sent,
        last_error: null,
        next_attempt_at: null,
        rate_bps: null,
        eta_s: null,
      });
    });
    refreshRecordings();
    pushEvent(store, 'success', (t) => t.events.uploadCompleted(e.session_name, e.task_id ?? '—'));
  });

  on('upload_failed', (e) => {
    setJobs((list) =>
      patchJob(list, e.job_id, {
        state: e.will_retry ? 'retrying' : 'failed',
        last_error: e.error,
        attempts: e.attempt,
        next_attempt_at: e.next_retry_at ?? null,
        rate_bps: null,
        eta_s: null,
      }),
    );
    pushEvent(store, 'error', (t, lang) => {
      const base = t.events.uploadFailed(e.session_name, e.attempt ?? 1, e.error);
      if (!e.will_retry) return `${base} — ${t.events.uploadGaveUp}`;
      return e.next_retry_at ? `${base} — ${t.events.uploadRetryAt(formatTime(e.next_retry_at, lang))}` : base;
    });
  });

  on('processing_status', (e) => {
    setJobs((list) => {
      const known = list?.find((j) => String(j.id) === String(e.job_id));
      return patchJob(list, e.job_id, {
        state: jobStateForProcessing(e.status, known?.state ?? 'processing'),
        task_id: e.task_id ?? known?.task_id,
        processing_status: e.status,
        processing_progress: e.progress ?? null,
        processing_message: e.message ?? null,
      });
    });
    refreshRecordings();
    // Progress ticks would flood the log: note each new status once per job.
    const id = String(e.job_id);
    if (lastProcessingStatus.get(id) !== e.status) {
      lastProcessingStatus.set(id, e.status);
      const failed = e.status === 'error' || e.status === 'failed';
      const done = e.status.startsWith('completed');
      pushEvent(store, failed ? 'error' : done ? 'success' : 'info', (t) =>
        t.events.processing(
          e.session_name,
          [t.processingStates[e.status] ?? e.status, e.message].filter(Boolean).join(' — '),
        ),
      );
    }
  });

  on('manual_upload_completed', (e) => {
    void queryClient.invalidateQueries({ queryKey: queryKeys.uploads });
    refreshRecordings();
    if (e.result.success) {
      pushEvent(store, 'success', (t) => t.events.manualDone(e.session_name, e.result.task_id ?? '—'));
    } else {
      pushEvent(store, 'error', (t) => t.events.manualFailed(e.session_name, e.result.error ?? t.common.unknownError));
    }
  });

  on('obs_connection', (e) => {
    const obs = {
      connected: e.connected,
      state: e.state ?? (e.connected ? 'connected' : 'disconnected'),
      error: e.error ?? null,
    };
    const health = queryClient.getQueryData<Health>(queryKeys.health);
    if (health) put<Health>(queryKeys.health, { ...health, obs });
    else void queryClient.invalidateQueries({ queryKey: queryKeys.health });
    if (obs.state === 'connected') pushEvent(store, 'success', (t) => t.events.obsConnected);
    else if (obs.state === 'reconnecting') pushEvent(store, 'warning', (t) => t.events.obsReconnecting);
    else pushEvent(store, 'error', (t) => t.events.obsDisconnected(obs.error ?? ''));
  });

  on('error', (e) => {
    pushEvent(store, 'error', (t) => t.events.serviceError(e?.message ?? t.common.unknownError));
  });

  return () => {
    clearTimeout(retryTimer);
    removers.forEach((remove) => remove());
  };
}
