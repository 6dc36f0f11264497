// How the uploads cards read a job. Which actions a job allows is the server's call.
import { percentOf, toPercent } from '../../lib/format';
import type { UploadJob } from '../../types';

// The rules of servers that do not send can_retry/can_cancel yet (streamai/uploads/queue.py).
const RETRYABLE = new Set(['failed', 'cancelled']);
const CANCELLABLE = new Set(['queued', 'uploading', 'retrying']);

/** « Relancer » / « Annuler »: what the server says the job allows, or the old rule when it does not say. */
export function jobActions(job: UploadJob): { canRetry: boolean; canCancel: boolean } {
  return {
    canRetry: job.can_retry ?? RETRYABLE.has(job.state),
    canCancel: job.can_cancel ?? CANCELLABLE.has(job.state),
  };
}

const SENT_STATES = new Set(['uploaded', 'processing', 'completed']);

/** The whole file reached the processing API. */
export const isSent = (job: UploadJob): boolean => SENT_STATES.has(job.state);

/** Percent of the file transferred; a finished transfer is 100 % even if no progress event was seen. */
export function uploadPercent(job: UploadJob): number {
  if (isSent(job)) return 100;
  return toPercent(job.percent) ?? percentOf(job.bytes_sent, job.total_bytes) ?? 0;
}
