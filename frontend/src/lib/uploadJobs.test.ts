import { describe, expect, it } from 'vitest';
import { makeJob } from '../test/fixtures';
import { jobStateForProcessing, latestJobFor, patchJob, upsertJob } from './uploadJobs';

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

  it('keeps live rate/ETA only while the job is uploading', () => {
    const live = { ...makeJob({ state: 'uploading' }), rate_bps: 100, eta_s: 5 };
    expect(upsertJob([live], makeJob({ state: 'uploading', bytes_sent: 10 }))[0]).toMatchObject({ rate_bps: 100 });
    expect(upsertJob([live], makeJob({ state: 'uploaded' }))[0].rate_bps).toBeUndefined();
  });

  it('patches by id whatever its type, and says when the job is unknown', () => {
    const list = [makeJob({ id: 7 })];
    expect(patchJob(list, '7', { bytes_sent: 5 })?.[0].bytes_sent).toBe(5);
    expect(patchJob(list, 8, { bytes_sent: 5 })).toBeNull();
    expect(patchJob(undefined, 7, {})).toBeNull();
  });

  it('maps processing statuses onto job states', () => {
    expect(jobStateForProcessing('processing', 'uploaded')).toBe('processing');
    expect(jobStateForProcessing('completed_simple', 'processing')).toBe('completed');
    expect(jobStateForProcessing('error', 'processing')).toBe('failed');
    expect(jobStateForProcessing('uploaded', 'uploaded')).toBe('uploaded');
  });

  it('finds the latest job of a session', () => {
    const list = [makeJob({ id: 3, session_name: 'A' }), makeJob({ id: 2, session_name: 'A' })];
    expect(latestJobFor(list, 'A')?.id).toBe(3);
    expect(latestJobFor(list, 'B')).toBeUndefined();
  });
});
