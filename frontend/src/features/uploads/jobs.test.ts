import { describe, expect, it } from 'vitest';
import { makeJob } from '../../test/fixtures';
import { jobActions, uploadPercent } from './jobs';

describe('jobActions', () => {
  it('follows can_retry / can_cancel when the server sends them', () => {
    expect(jobActions(makeJob({ state: 'failed', can_retry: false, can_cancel: false }))).toEqual({
      canRetry: false,
      canCancel: false,
    });
    expect(jobActions(makeJob({ state: 'uploaded', can_retry: true, can_cancel: true }))).toEqual({
      canRetry: true,
      canCancel: true,
    });
  });
});

describe('uploadPercent', () => {
  it('uses the server’s percent, else the bytes, and 100 once the file is sent', () => {
    expect(uploadPercent(makeJob({ state: 'uploading', percent: 41.6, bytes_sent: 1, total_bytes: 10 }))).toBe(42);
    // A non-finite percent leaves the server as null (pydantic's ser_json_inf_nan='null').
    expect(uploadPercent(makeJob({ state: 'uploading', percent: NaN, bytes_sent: 1, total_bytes: 4 }))).toBe(25);
    expect(uploadPercent(makeJob({ state: 'uploaded', bytes_sent: 0 }))).toBe(100);
    expect(uploadPercent(makeJob({ state: 'queued', bytes_sent: 0, total_bytes: 0 }))).toBe(0);
  });
});
