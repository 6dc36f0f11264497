import { describe, expect, it } from 'vitest';
import { makeJob, makeProcessing, makeProgress } from '../test/fixtures';
import { latestJobFor, upsertJob, withProcessing, withProgress } from './uploadJobs';

const progress = makeProgress;
const processing = makeProcessing;

describe('upload job cache updates', () => {
  it('inserts new jobs newest first and replaces known ones by id', () => {
    const older = makeJob({ id: 1, created_at: '2025-07-08T09:00:00' });
    const newer = makeJob({ id: 2, created_at: '2025-07-08T10:00:00' });
    const list = upsertJob(upsertJob(undefined, older), newer);
    expect(list.map((j) => j.id)).toEqual([2, 1]);

    const updated = upsertJob(list, { ...older, state: 'failed' });
    expect(updated.map((j) => [j.id, j.state])).toEqual([
      [2, 'queued'],
      [1, 'failed'],
    ]);
  });

  it('takes the server’s job whole, whatever it held before', () => {
    const cached = { ...makeJob({ state: 'processing', task_id: 'old', processing_status: 'processing' }) };
    const sent = makeJob({ state: 'queued', task_id: null, processing_status: null, can_retry: false });
    expect(upsertJob([cached], sent)).toEqual([sent]);
  });

  it('keeps live rate/ETA only while the job is uploading', () => {
    const live = { ...makeJob({ state: 'uploading' }), rate_bps: 100, eta_s: 5 };
    expect(upsertJob([live], makeJob({ state: 'uploading', bytes_sent: 10 }))[0]).toMatchObject({ rate_bps: 100 });
    expect(upsertJob([live], makeJob({ state: 'uploaded' }))[0].rate_bps).toBeUndefined();
  });

  it('upload_progress moves the transfer figures and nothing else', () => {
    const queued = makeJob({ id: 7, state: 'queued' });
    const [next] = withProgress([queued], progress()) ?? [];
    expect(next).toEqual({ ...queued, bytes_sent: 4, total_bytes: 10, percent: 40, rate_bps: 2, eta_s: 3 });
    expect(next.state).toBe('queued');
  });

  it('processing_status refreshes the processing figures and leaves the job’s state to the server', () => {
    const uploaded = makeJob({ id: 7, state: 'uploaded', task_id: 'task-1', processing_status: 'uploaded' });
    const [next] = withProcessing([uploaded], processing()) ?? [];
    expect(next).toEqual({
      ...uploaded,
      processing_status: 'completed',
      processing_progress: 100,
      processing_message: 'Terminé',
    });
    expect(next.state).toBe('uploaded');
    expect(withProcessing([uploaded], processing({ progress: undefined, message: undefined }))?.[0]).toMatchObject({
      processing_progress: null,
      processing_message: null,
    });
  });

  it('says when the job is unknown (the caller refetches)', () => {
    const list = [makeJob({ id: 7 })];
    expect(withProgress(list, progress({ job_id: 7 }))?.[0].bytes_sent).toBe(4);
    expect(withProgress(list, progress({ job_id: 8 }))).toBeNull();
    expect(withProcessing(undefined, processing())).toBeNull();
  });

  it('finds the latest job of a session', () => {
    const list = [makeJob({ id: 3, session_name: 'A' }), makeJob({ id: 2, session_name: 'A' })];
    expect(latestJobFor(list, 'A')?.id).toBe(3);
    expect(latestJobFor(list, 'B')).toBeUndefined();
  });
});
