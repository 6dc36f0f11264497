import { describe, expect, it } from 'vitest';
import { makeSession } from '../../test/fixtures';
import type { RecordedFile } from '../../types';
import { filesByRig, firstRigFiles } from './rigFiles';

const file = (rig: string, name: string): RecordedFile => ({
  rig,
  name,
  path: `/r/${rig}/${name}`,
  relative_path: `s/${rig}/${name}`,
  size_bytes: 1,
  duration_s: 1,
});
const part = (rig: string) => ({
  rig,
  label: rig.toUpperCase(),
  status: 'stopped',
  start_time: null,
  end_time: null,
  skew_ms: null,
});

describe('filesByRig', () => {
  it('keeps the session’s rig order, and a file of a rig without a part in its own group', () => {
    const session = makeSession(1, {
      files: [file('cam2', 'b'), file('cam1', 'a'), file('cam3', 'c')],
      rigs: [part('cam1'), part('cam2')],
    });
    expect(filesByRig(session)?.map((g) => [g.rig, g.label, g.files.map((f) => f.name), g.part !== null])).toEqual([
      ['cam1', 'CAM1', ['a'], true],
      ['cam2', 'CAM2', ['b'], true],
      ['cam3', 'cam3', ['c'], false],
    ]);
  });

  it('is null for a session of a server with one OBS (old ones have no rigs at all)', () => {
    expect(filesByRig(makeSession(1, { rigs: [part('default')] }))).toBeNull();
    expect(filesByRig(makeSession(1, { rigs: [] }))).toBeNull();
  });
});

describe('firstRigFiles', () => {
  it('takes the first rig’s files only: the other rigs recorded the same moments', () => {
    const session = makeSession(1, {
      files: [file('cam1', 'a'), file('cam2', 'b'), file('cam1', 'a2')],
      rigs: [part('cam1'), part('cam2')],
    });
    expect(firstRigFiles(session).map((f) => f.name)).toEqual(['a', 'a2']);
    expect(firstRigFiles(makeSession(1, { rigs: [] })).map((f) => f.name)).toEqual(['video.mkv']);
  });
});
