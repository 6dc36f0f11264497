// Pure updates of the cached upload-job list, shared by REST answers and socket events. The job's
// state, retries and Task ID are the server's: a job it sends replaces ours whole; the progress and
// processing events only refresh their own figures, never the state.
import { UPLOADS_LIMIT } from '../config/constants';
import type { ProcessingStatus, UploadJob, UploadProgress } from '../types';

/** A job as the dashboard keeps it: the server's job plus live transfer figures from `upload_progress`. */
export type UploadJobView = UploadJob & Partial<Pick<UploadProgress, 'rate_bps' | 'eta_s'>>;

const newestFirst = (a: UploadJobView, b: UploadJobView): number => {
  const ta = Date.parse(a.created_at);
  const tb = Date.parse(b.created_at);
  if (Number.isNaN(ta) || Number.isNaN(tb)) return 0;
  return tb - ta;
};

/**
 * Insert or replace a job exactly as the server sent it (REST answer, upload_queued,
 * upload_job_updated). Only the live rate/ETA, which the job does not carry, are kept while it uploads.
 */
export function upsertJob(list: UploadJobView[] | undefined, job: UploadJob): UploadJobView[] {
  const jobs = list ?? [];
  const index = jobs.findIndex((j) => j.id === job.id);
  if (index === -1) return [job, ...jobs].sort(newestFirst).slice(0, UPLOADS_LIMIT);
  const previous = jobs[index];
  const merged: UploadJobView =
    job.state === 'uploading' ? { ...job, rate_bps: previous.rate_bps, eta_s: previous.eta_s } : { ...job };
  const next = jobs.slice();
  next[index] = merged;
  return next;
}

/** Patch a known job; returns null when the job is not in the list (the caller refetches). */
function patchJob(
  list: UploadJobView[] | undefined,
  id: UploadJob['id'],
  patch: Partial<UploadJobView>,
): UploadJobView[] | null {
  if (!list) return null;
  const index = list.findIndex((j) => j.id === id);
  if (index === -1) return null;
  const next = list.slice();
  next[index] = { ...list[index], ...patch };
  return next;
}

/** `upload_progress`: the transfer figures only (bytes, percent, rate, ETA). */
export function withProgress(list: UploadJobView[] | undefined, e: UploadProgress): UploadJobView[] | null {
  return patchJob(list, e.job_id, {
    bytes_sent: e.bytes_sent,
    total_bytes: e.total_bytes,
    percent: e.percent,
    rate_bps: e.rate_bps,
    eta_s: e.eta_s,
  });
}

/** `processing_status`: the processing API's figures only (status, progress, message). */
export function withProcessing(list: UploadJobView[] | undefined, e: ProcessingStatus): UploadJobView[] | null {
  return patchJob(list, e.job_id, {
    processing_status: e.status,
    processing_progress: e.progress ?? null,
    processing_message: e.message ?? null,
  });
}

/** The most recent job of a session (the list is newest first). */
export function latestJobFor(list: UploadJobView[] | undefined, sessionName: string | null | undefined) {
  if (!list || !sessionName) return undefined;
  return list.find((j) => j.session_name === sessionName);
}
