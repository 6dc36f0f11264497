import type { QueryClient } from '@tanstack/react-query';
import { pushEvent, type AppStore } from '../../lib/appState';
import { updateUploads } from '../../lib/cache';
import { formatTime } from '../../lib/format';
import { queryKeys } from '../../lib/queryKeys';
import { listenTo, type AppSocket } from '../../lib/socket';
import { jobStateForProcessing, patchJob, upsertJob } from '../../lib/uploadJobs';
import type { UploadJob } from '../../types';

/** Upload jobs: queued, live transfer, retries, the processing API's status, and the notifications. */
export function bindUploadEvents(socket: AppSocket, queryClient: QueryClient, store: AppStore): () => void {
  const { on, off } = listenTo(socket);
  const loggedUploadStart = new Set<string>();
  const lastProcessingStatus = new Map<string, string>();
  const setJobs = (update: Parameters<typeof updateUploads>[1]) => updateUploads(queryClient, update);
  const storeJob = (job: UploadJob) => setJobs((list) => upsertJob(list, job));
  const refreshRecordings = () => void queryClient.invalidateQueries({ queryKey: queryKeys.recordings });

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

  return off;
}
