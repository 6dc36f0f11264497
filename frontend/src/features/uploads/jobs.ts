// How the uploads cards read a job. Which actions a job allows is the server's call.
import { percentOf, toPercent } from '../../lib/format';
import type { JobState, UploadJob } from '../../types';

/** « Relancer » / « Annuler »: what the server says the job allows now. */
export function jobActions(job: UploadJob): { canRetry: boolean; canCancel: boolean } {
  return { canRetry: job.can_retry, canCancel: job.can_cancel };
}

const SENT_STATES = new Set<JobState>(['uploaded', 'processing', 'completed']);

/** The whole file reached the processing API. */
export const isSent = (job: UploadJob): boolean => SENT_STATES.has(job.state);

/** Percent of the file transferred; a finished transfer is 100 % even if no progress event was seen. */
export function uploadPercent(job: UploadJob): number {
  if (isSent(job)) return 100;
  return toPercent(job.percent) ?? percentOf(job.bytes_sent, job.total_bytes) ?? 0;
}
