import { describe, expect, it } from 'vitest';
import { makeRecording } from '../../../test/fixtures';
import { nextOffset } from './getRecordings';

describe('nextOffset', () => {
  const page = (n: number, total?: number) => ({
    recordings: Array.from({ length: n }, (_, i) => makeRecording(i)),
    count: n,
    total,
  });

  it('uses total when the server gives it', () => {
    expect(nextOffset(page(10, 25), 0)).toBe(10);
    expect(nextOffset(page(5, 25), 20)).toBeUndefined();
  });

  it('falls back to "a full page may have more" without total', () => {
    expect(nextOffset(page(10), 10, 10)).toBe(20);
    expect(nextOffset(page(3), 10, 10)).toBeUndefined();
  });
});
