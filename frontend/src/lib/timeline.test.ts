import { describe, expect, it } from 'vitest';
import { makeJob } from '../test/fixtures';
import {
  distributeWidths,
  layoutTimeline,
  mergeUploads,
  recordingToWall,
  storyOfJob,
  toMs,
  type UploadStory,
} from './timeline';

const T0 = '2025-07-08T10:00:00.000+02:00';
/** T0 plus `s` seconds, as the server writes times. */
const at = (s: number) => new Date(toMs(T0) + s * 1000).toISOString();
const ms = (s: number) => toMs(T0) + s * 1000;

function story(overrides: Partial<UploadStory>): UploadStory {
  return {
    job_id: 1,
    file_name: 'a.mkv',
    state: 'queued',
    queued_at: at(100),
    upload_started_at: null,
    uploaded_at: null,
    processed_at: null,
    ...overrides,
  };
}

describe('recordingToWall', () => {
  const pauses = [
    { s: ms(10), e: ms(20) },
    { s: ms(30), e: ms(35) },
  ];
  it('adds the pauses that came before the timecode', () => {
    expect(recordingToWall(5_000, ms(0), ms(60), pauses)).toBe(ms(5));
    expect(recordingToWall(10_000, ms(0), ms(60), pauses)).toBe(ms(10)); // the pause's start
    expect(recordingToWall(12_000, ms(0), ms(60), pauses)).toBe(ms(22));
    expect(recordingToWall(25_000, ms(0), ms(60), pauses)).toBe(ms(40));
  });
  it('never goes past the end, nor before the start', () => {
    expect(recordingToWall(999_000, ms(0), ms(60), pauses)).toBe(ms(60));
    expect(recordingToWall(-5, ms(0), ms(60), [])).toBe(ms(0));
  });
});

describe('distributeWidths', () => {
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  it('is proportional to the durations when every part is wide enough', () => {
    const w = distributeWidths([1, 3], 1, 0.05);
    expect(w[0]).toBeCloseTo(0.25);
    expect(w[1]).toBeCloseTo(0.75);
  });
  it('gives a tiny part the minimum and takes it from the others', () => {
    const w = distributeWidths([1, 1000, 99_000], 1, 0.1);
    expect(w[0]).toBeCloseTo(0.1);
    expect(w[1]).toBeCloseTo(0.1);
    expect(w[2]).toBeCloseTo(0.8);
    expect(sum(w)).toBeCloseTo(1);
  });
  it('widens a row too short for its parts, and shares zero durations evenly', () => {
    expect(sum(distributeWidths([1, 1, 1], 0.03, 0.05))).toBeCloseTo(0.15);
    expect(distributeWidths([0, 0], 0.5, 0.01)).toEqual([0.25, 0.25]);
    expect(distributeWidths([], 1, 0.1)).toEqual([]);
  });
});

describe('layoutTimeline: the recording track', () => {
  const finished = {
    start: T0,
    end: at(100),
    pauses: [{ start: at(20), end: at(40) }],
    markers: [
      { timecode_ms: 50_000, label: 'Deuxième', at: at(70), rig: null },
      { timecode_ms: 10_000, label: 'But !', at: at(10), rig: null },
    ],
  };

  it('places pauses and markers on the wall clock, markers in timecode order', () => {
    const { recording } = layoutTimeline(finished, ms(500));
    expect(recording.live).toBe(false);
    expect(recording.wallMs).toBe(100_000);
    expect(recording.pausedMs).toBe(20_000);
    expect(recording.recordedMs).toBe(80_000);
    expect(recording.pauses).toEqual([
      { x: 0.2, width: 0.2, startMs: ms(20), endMs: ms(40), durationMs: 20_000, open: false },
    ]);
    expect(recording.markers.map((m) => [m.index, m.label, m.x])).toEqual([
      [1, 'But !', 0.1],
      [2, 'Deuxième', 0.7], // 50 s of recording = 70 s of wall clock (20 s paused before it)
    ]);
  });

  it('places a marker where it was added (OBS starts a moment after the session), else by its timecode', () => {
    const late = {
      ...finished,
      markers: [
        { timecode_ms: 10_000, label: 'OBS a démarré 2 s après', at: at(12), rig: null },
        { timecode_ms: 50_000, label: null, at: 'not a time', rig: null },
      ],
    };
    const [a, b] = layoutTimeline(late, ms(500)).recording.markers;
    expect(a).toMatchObject({ x: 0.12, timecodeMs: 10_000, atMs: ms(12) });
    expect(b).toMatchObject({ x: 0.7, timecodeMs: 50_000 });
  });

  it('names the recorded time from the file when it is known', () => {
    expect(layoutTimeline({ ...finished, recordedS: 77.5 }, ms(500)).recording.recordedMs).toBe(77_500);
    expect(layoutTimeline({ ...finished, recordedS: null }, ms(500)).recording.recordedMs).toBe(80_000);
  });

  it('grows with now while recording, an open pause too', () => {
    const live = { start: T0, end: null, pauses: [{ start: at(30), end: null }], markers: [] };
    const a = layoutTimeline(live, ms(40)).recording;
    expect(a.live).toBe(true);
    expect(a.wallMs).toBe(40_000);
    expect(a.pauses[0]).toMatchObject({ x: 0.75, width: 0.25, durationMs: 10_000, open: true });
    const b = layoutTimeline(live, ms(60)).recording;
    expect(b.wallMs).toBe(60_000);
    expect(b.pausedMs).toBe(30_000);
    expect(b.recordedMs).toBe(30_000);
  });

  it('marks where a split recording goes from one file to the next', () => {
    const split = { ...finished, markers: [], fileDurationsS: [30, 50] };
    // 30 s of recording is 50 s of wall clock (the 20 s pause came at 20 s).
    expect(layoutTimeline(split, ms(500)).recording.fileBreaks).toEqual([0.5]);
    expect(layoutTimeline({ ...split, fileDurationsS: [80] }, ms(500)).recording.fileBreaks).toEqual([]);
    expect(layoutTimeline({ ...split, fileDurationsS: [30, null] }, ms(500)).recording.fileBreaks).toEqual([]);
  });

  it('has no pipeline for a session never uploaded', () => {
    expect(layoutTimeline(finished, ms(500)).pipeline).toBeNull();
  });
});

describe('layoutTimeline: the upload and processing track', () => {
  const base = { start: T0, end: at(100), pauses: [], markers: [] };

  it('tells a completed upload phase by phase, with durations', () => {
    const done = story({
      state: 'completed',
      upload_started_at: at(102),
      uploaded_at: at(110),
      processed_at: at(140),
    });
    const pipeline = layoutTimeline({ ...base, uploads: [done] }, ms(500), { minPhaseWidth: 0 }).pipeline!;
    expect(pipeline.durationMs).toBe(40_000);
    const [row] = pipeline.rows;
    expect(row.outcome).toBe('completed');
    expect(row.phases.map((p) => [p.kind, p.durationMs, p.open, p.failed])).toEqual([
      ['queued', 2_000, false, false],
      ['uploading', 8_000, false, false],
      ['processing', 30_000, false, false],
    ]);
    expect(row.phases.map((p) => [p.x, p.width])).toEqual([
      [0, 0.05],
      [0.05, 0.2],
      [0.25, 0.75],
    ]);
  });

  it('lets the running phase grow with now', () => {
    const uploading = story({ state: 'uploading', upload_started_at: at(104) });
    const a = layoutTimeline({ ...base, uploads: [uploading] }, ms(110)).pipeline!.rows[0];
    expect(a.outcome).toBeNull();
    expect(a.phases.map((p) => [p.kind, p.durationMs, p.open])).toEqual([
      ['queued', 4_000, false],
      ['uploading', 6_000, true],
    ]);
    const b = layoutTimeline({ ...base, uploads: [uploading] }, ms(130)).pipeline!.rows[0];
    expect(b.phases[1].durationMs).toBe(26_000);
    const processing = story({ state: 'processing', upload_started_at: at(101), uploaded_at: at(105) });
    const c = layoutTimeline({ ...base, uploads: [processing] }, ms(125)).pipeline!.rows[0];
    expect(c.phases.map((p) => [p.kind, p.durationMs, p.open])).toEqual([
      ['queued', 1_000, false],
      ['uploading', 4_000, false],
      ['processing', 20_000, true],
    ]);
    expect(layoutTimeline({ ...base, uploads: [story({})] }, ms(103)).pipeline!.rows[0].phases).toMatchObject([
      { kind: 'queued', durationMs: 3_000, open: true },
    ]);
  });

  it('ends a failed upload where it stopped, and says which phase failed', () => {
    const failedUpload = story({ state: 'failed', upload_started_at: at(101), finished_at: at(107) });
    const row = layoutTimeline({ ...base, uploads: [failedUpload] }, ms(900)).pipeline!.rows[0];
    expect(row.outcome).toBe('failed');
    expect(row.phases.map((p) => [p.kind, p.durationMs, p.failed, p.open])).toEqual([
      ['queued', 1_000, false, false],
      ['uploading', 6_000, true, false],
    ]);
    // Without the job's finished_at (the session's phases lack it) the failed phase has no length.
    const bare = layoutTimeline({ ...base, uploads: [{ ...failedUpload, finished_at: undefined }] }, ms(900));
    expect(bare.pipeline!.rows[0].phases[1]).toMatchObject({ durationMs: 0, failed: true });
    const failedProcessing = story({
      state: 'failed',
      upload_started_at: at(101),
      uploaded_at: at(103),
      processed_at: at(113),
    });
    const p = layoutTimeline({ ...base, uploads: [failedProcessing] }, ms(900)).pipeline!.rows[0];
    expect(p.phases[2]).toMatchObject({ kind: 'processing', durationMs: 10_000, failed: true });
  });

  it('puts several uploads on one scale, each visible', () => {
    const first = story({
      job_id: 1,
      state: 'completed',
      upload_started_at: at(100),
      uploaded_at: at(101),
      processed_at: at(102),
    });
    const second = story({ job_id: 2, file_name: 'b.mkv', queued_at: at(150), state: 'queued' });
    const pipeline = layoutTimeline({ ...base, uploads: [first, second] }, ms(200)).pipeline!;
    expect(pipeline.durationMs).toBe(100_000);
    const [a, b] = pipeline.rows;
    for (const phase of a.phases) expect(phase.width).toBeGreaterThanOrEqual(0.06 - 1e-9);
    expect(b.phases[0].x).toBeCloseTo(0.5);
    expect(b.phases[0].width).toBeCloseTo(0.5);
    for (const row of pipeline.rows) {
      const last = row.phases[row.phases.length - 1];
      expect(last.x + last.width).toBeLessThanOrEqual(1 + 1e-9);
    }
  });
});

describe('mergeUploads', () => {
  it('takes the live job over the session’s copy, and keeps them oldest first', () => {
    const fromSession = [
      story({ job_id: 2, queued_at: at(200), state: 'queued' }),
      story({ job_id: 1, queued_at: at(100), state: 'completed' }),
    ];
    const live = storyOfJob(
      makeJob({ id: 2, state: 'uploading', created_at: at(200), upload_started_at: at(201), file_name: 'b.mkv' }),
    );
    const merged = mergeUploads(fromSession, [live]);
    expect(merged.map((u) => [u.job_id, u.state])).toEqual([
      [1, 'completed'],
      [2, 'uploading'],
    ]);
    expect(merged[1].upload_started_at).toBe(at(201));
  });
});
