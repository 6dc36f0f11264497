import type { QueryClient } from '@tanstack/react-query';
import { pushEvent, type AppStore } from '../../lib/appState';
import { updateUploads } from '../../lib/cache';
import { formatTime } from '../../lib/format';
import { queryKeys } from '../../lib/queryKeys';
import { listenTo, type AppSocket } from '../../lib/socket';
import { upsertJob, withProcessing, withProgress } from '../../lib/uploadJobs';

/**
 * Upload jobs and their notifications. A job's state comes only from the server's job
 * (upload_queued, upload_job_updated, which follows every transition); upload_progress and
 * processing_status refresh their own figures, and the other events are news for the log.
 */
export function bindUploadEvents(socket: AppSocket, queryClient: QueryClient, store: AppStore): () => void {
  const { on, off } = listenTo(socket);
  const loggedUploadStart = new Set<number>();
  const lastProcessingStatus = new Map<number, string>();
  const refreshRecordings = () => void queryClient.invalidateQueries({ queryKey: queryKeys.recordings });

  on('upload_queued', ({ job }) => {
    updateUploads(queryClient, (list) => upsertJob(list, job));
    pushEvent(store, 'info', (t) => t.events.uploadQueued(job.session_name));
  });

  on('upload_job_updated', ({ job }) => {
    updateUploads(queryClient, (list) => upsertJob(list, job));
    // Other transitions have their own event; a cancel has only this one.
    if (job.state === 'cancelled') pushEvent(store, 'warning', (t) => t.events.uploadCancelled(job.session_name));
  });

  on('upload_progress', (e) => {
    updateUploads(queryClient, (list) => withProgress(list, e));
    if (!loggedUploadStart.has(e.job_id)) {
      loggedUploadStart.add(e.job_id);
      pushEvent(store, 'info', (t) => t.events.uploadStarted(e.session_name));
    }
  });

  on('upload_completed', (e) => {
    refreshRecordings();
    pushEvent(store, 'success', (t) => t.events.uploadCompleted(e.session_name, e.task_id));
  });

  on('upload_failed', (e) => {
    pushEvent(store, 'error', (t, lang) => {
      const base = t.events.uploadFailed(e.session_name, e.attempt, e.error);
      if (!e.will_retry) return `${base} — ${t.events.uploadGaveUp}`;
      return e.next_retry_at ? `${base} — ${t.events.uploadRetryAt(formatTime(e.next_retry_at, lang))}` : base;
    });
  });

  on('processing_status', (e) => {
    updateUploads(queryClient, (list) => withProcessing(list, e));
    refreshRecordings();
    // Progress ticks would flood the log: note each new status once per job.
    if (lastProcessingStatus.get(e.job_id) !== e.status) {
      lastProcessingStatus.set(e.job_id, e.status);
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
