import { describe, expect, it } from 'vitest';
import { makeRig, recordingRig, twoRigs } from '../../test/fixtures';
import { recordAllTarget, rigButtons, tickedRigs } from './rigState';

const down = makeRig({ obs: { connected: false, state: 'disconnected', error: 'refused' } });

describe('rigButtons', () => {
  it('starts an idle connected rig only, with valid options', () => {
    expect(rigButtons(makeRig(), true, true)).toEqual({ start: true, stop: false, pauseResume: false, marker: false });
    expect(rigButtons(makeRig(), true, false).start).toBe(false);
    expect(rigButtons(down, true, true).start).toBe(false);
  });

  it('pauses, marks and stops a recording rig, never starts it again', () => {
    const rig = recordingRig({ id: 'cam1' });
    expect(rigButtons(rig, true, true)).toEqual({ start: false, stop: true, pauseResume: true, marker: true });
    expect(rigButtons({ ...rig, state: 'paused' }, true, true)).toEqual({
      start: false,
      stop: true,
      pauseResume: true,
      marker: true,
    });
  });

  it('lets a failed stop be tried again, and waits while a rig starts or stops', () => {
    const rig = recordingRig({ id: 'cam1' });
    expect(rigButtons({ ...rig, state: 'stop_failed' }, true, true).stop).toBe(true);
    for (const state of ['starting', 'stopping', 'interrupted'] as const) {
      expect(rigButtons({ ...rig, state }, true, true)).toEqual({
        start: false,
        stop: false,
        pauseResume: false,
        marker: false,
      });
    }
  });

  it('allows nothing to a page that may not act (viewer, server down, a request under way)', () => {
    expect(Object.values(rigButtons(makeRig(), false, true))).toEqual([false, false, false, false]);
    expect(Object.values(rigButtons(recordingRig({ id: 'cam1' }), false, true))).toEqual([false, false, false, false]);
  });
});

describe('recordAllTarget', () => {
  it('says "all" when every rig is ticked, the ticked ids otherwise', () => {
    expect(recordAllTarget(twoRigs.rigs, new Set())).toBe('all');
    expect(recordAllTarget(twoRigs.rigs, new Set(['cam1']))).toEqual(['cam2']);
    expect(recordAllTarget(twoRigs.rigs, new Set(['cam1', 'cam2']))).toEqual([]);
    expect(tickedRigs(twoRigs.rigs, new Set(['cam2'])).map((r) => r.id)).toEqual(['cam1']);
  });

  it('forgets a rig the server no longer lists', () => {
    expect(recordAllTarget(twoRigs.rigs, new Set(['gone']))).toBe('all');
  });
});
