import { describe, expect, it } from 'vitest';
import { makeSession } from '../../../test/fixtures';
import { nextOffset } from './getRecordings';

describe('nextOffset', () => {
  const page = (n: number, total: number) => ({
    recordings: Array.from({ length: n }, (_, i) => makeSession(i)),
    count: n,
    total,
  });

  it('goes on while the server has more than is loaded', () => {
    expect(nextOffset(page(10, 25), 0)).toBe(10);
    expect(nextOffset(page(5, 25), 20)).toBeUndefined();
    expect(nextOffset(page(10, 20), 10)).toBeUndefined();
  });

  it('stops on an empty page, whatever total says (sessions deleted meanwhile)', () => {
    expect(nextOffset(page(0, 25), 20)).toBeUndefined();
  });
});
