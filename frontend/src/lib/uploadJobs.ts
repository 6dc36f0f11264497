// Pure updates of the cached upload-job list, shared by REST answers and socket events. The job's
// state, retries and Task ID are the server's: a job it sends replaces ours whole; the progress and
// processing events only refresh their own figures, never the state.
import { UPLOADS_LIMIT } from '../config/constants';
import type { ProcessingStatusEvent, UploadJob, UploadProgressEvent } from '../types';

/** A job as the dashboard keeps it: the server's job plus live transfer figures from `upload_progress`. */
export interface UploadJobView extends UploadJob {
  rate_bps?: number | null;
  eta_s?: number | null;
}

export const sameId = (a: number | string, b: number | string): boolean => String(a) === String(b);

const newestFirst = (a: UploadJobView, b: UploadJobView): number => {
  const ta = a.created_at ? Date.parse(a.created_at) : NaN;
  const tb = b.created_at ? Date.parse(b.created_at) : NaN;
  if (Number.isNaN(ta) || Number.isNaN(tb)) return 0;
  return tb - ta;
};

/**
 * Insert or replace a job exactly as the server sent it (REST answer, upload_queued,
 * upload_job_updated). Only the live rate/ETA, which the job does not carry, are kept while it uploads.
 */
export function upsertJob(list: UploadJobView[] | undefined, job: UploadJob): UploadJobView[] {
  const jobs = list ?? [];
  const index = jobs.findIndex((j) => sameId(j.id, job.id));
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
  id: number | string,
  patch: Partial<UploadJobView>,
): UploadJobView[] | null {
  if (!list) return null;
  const index = list.findIndex((j) => sameId(j.id, id));
  if (index === -1) return null;
  const next = list.slice();
  next[index] = { ...list[index], ...patch };
  return next;
}

/** `upload_progress`: the transfer figures only (bytes, percent, rate, ETA). */
export function withProgress(list: UploadJobView[] | undefined, e: UploadProgressEvent): UploadJobView[] | null {
  return patchJob(list, e.job_id, {
    bytes_sent: e.bytes_sent,
    total_bytes: e.total_bytes,
    percent: e.percent ?? null, // null: worked out from the bytes
    rate_bps: e.rate_bps,
    eta_s: e.eta_s,
  });
}

/** `processing_status`: the processing API's figures only (status, progress, message). */
export function withProcessing(list: UploadJobView[] | undefined, e: ProcessingStatusEvent): UploadJobView[] | null {
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
