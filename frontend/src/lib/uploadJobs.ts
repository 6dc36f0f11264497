// Pure updates of the cached upload-job list, applied by REST results and socket events alike.
import { UPLOADS_LIMIT } from '../config/constants';
import type { UploadJob } from '../types';
import { percentOf } from './format';

/** A job as the dashboard keeps it: the server's job plus live transfer figures from `upload_progress`. */
export interface UploadJobView extends UploadJob {
  rate_bps?: number | null;
  eta_s?: number | null;
}

export const sameId = (a: number | string, b: number | string): boolean => String(a) === String(b);

/** States in which bytes may still move; live rate/ETA are meaningless outside them. */
const TRANSFER_STATES = new Set(['uploading']);

const newestFirst = (a: UploadJobView, b: UploadJobView): number => {
  const ta = a.created_at ? Date.parse(a.created_at) : NaN;
  const tb = b.created_at ? Date.parse(b.created_at) : NaN;
  if (Number.isNaN(ta) || Number.isNaN(tb)) return 0;
  return tb - ta;
};

/** Insert or replace a job coming from the server (REST answer, upload_queued, upload_job_updated). */
export function upsertJob(list: UploadJobView[] | undefined, job: UploadJob): UploadJobView[] {
  const jobs = list ?? [];
  const index = jobs.findIndex((j) => sameId(j.id, job.id));
  if (index === -1) return [job, ...jobs].sort(newestFirst).slice(0, UPLOADS_LIMIT);
  const previous = jobs[index];
  const merged: UploadJobView = TRANSFER_STATES.has(job.state)
    ? { ...job, rate_bps: previous.rate_bps, eta_s: previous.eta_s }
    : { ...job };
  const next = jobs.slice();
  next[index] = merged;
  return next;
}

/** Patch a known job; returns null when the job is not in the list (the caller refetches). */
export function patchJob(
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

/** Map the processing API's task status onto the job state the server keeps. */
export function jobStateForProcessing(status: string, current: string): string {
  switch (status) {
    case 'processing':
      return 'processing';
    case 'completed':
    case 'completed_simple':
      return 'completed';
    case 'error':
    case 'failed':
      return 'failed';
    default:
      return current;
  }
}

/** The most recent job of a session (the list is newest first). */
export function latestJobFor(list: UploadJobView[] | undefined, sessionName: string | null | undefined) {
  if (!list || !sessionName) return undefined;
  return list.find((j) => j.session_name === sessionName);
}

const SENT_STATES = new Set(['uploaded', 'processing', 'completed']);

/** The whole file reached the processing API. */
export const isSent = (job: UploadJob): boolean => SENT_STATES.has(job.state);

/** Percent of the file transferred; a finished transfer is 100 % even if no progress event was seen. */
export function uploadPercent(job: UploadJob): number {
  if (isSent(job)) return 100;
  return percentOf(job.bytes_sent, job.total_bytes) ?? 0;
}
