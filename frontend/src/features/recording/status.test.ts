import { describe, expect, it } from 'vitest';
import { activeStatus, idleStatus } from '../../test/fixtures';
import { currentPauseMs, totalPausedMs, withLowDisk, withMarker, withPaused } from './status';

const at = (s: number) => new Date(Date.UTC(2025, 6, 8, 8, 0, s)).toISOString();
const ms = (s: number) => Date.parse(at(s));

describe('recording status updates', () => {
  it('opens a pause span on pause and closes it on resume, once', () => {
    const paused = withPaused(activeStatus, { paused: true, paused_s: 0, at: at(10) });
    expect(paused).toMatchObject({
      state: 'paused',
      obs_status: { paused: true },
      pauses: [{ start: at(10), end: null }],
    });
    expect(withPaused(paused, { paused: true, paused_s: 0, at: at(11) })).toMatchObject({
      pauses: [{ start: at(10) }],
    });
    const resumed = withPaused(paused, { paused: false, paused_s: 5, at: at(15) });
    expect(resumed).toMatchObject({ state: 'recording', paused_s: 5, pauses: [{ start: at(10), end: at(15) }] });
    expect(withPaused(idleStatus, { paused: true, paused_s: 0, at: at(1) })).toBe(idleStatus);
  });

  it('adds a marker once, in timecode order', () => {
    const a = { timecode_ms: 5_000, label: 'B', at: at(5), rig: null };
    const b = { timecode_ms: 1_000, label: null, at: at(1), rig: null };
    const both = withMarker(withMarker(activeStatus, a), b);
    expect(both?.active && both.markers).toEqual([b, a]);
    expect(withMarker(both, a)).toBe(both);
  });

  it('raises the low-disk flag with the event’s figures', () => {
    expect(withLowDisk(activeStatus, { free_bytes: 10, estimated_remaining_s: 60 })).toMatchObject({
      disk: { free_bytes: 10, estimated_remaining_s: 60, low: true },
    });
  });

  it('counts the open pause up to now, and every pause in all', () => {
    const status = {
      ...activeStatus,
      pauses: [
        { start: at(0), end: at(10) },
        { start: at(20), end: null },
      ],
      paused_s: 12,
    };
    expect(currentPauseMs(status, ms(25))).toBe(5_000);
    expect(totalPausedMs(status, ms(25))).toBe(15_000);
    expect(totalPausedMs({ ...status, pauses: [] }, ms(25))).toBe(12_000); // the server knows more
    expect(currentPauseMs(activeStatus, ms(25))).toBe(0);
  });
});
