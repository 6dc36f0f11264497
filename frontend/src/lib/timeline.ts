// The timeline picture's geometry: a session's times → positions (fractions 0..1 of a track) and
// durations. Pure: no React, no clock (the caller passes `now`), so it is tested on its own and a
// live picture is just this function called again a second later.
//
// Two tracks, each with its own scale (a one-hour recording and a one-minute upload, or an upload
// made a week later, would not be readable on one axis):
//   recording  start → stop (wall clock), pause spans as gaps, markers as ticks, split-file breaks;
//   pipeline   one row per upload of the session: queued → uploading → processing, then the outcome,
//              every row on one scale from the first queued_at to the last known moment.
import type { JobState, Marker, PauseSpan, UploadJob } from '../types';

/** A part of a track: where it is (fractions of the track) and how long it lasted. */
export interface Span {
  x: number;
  width: number;
  startMs: number;
  endMs: number;
  durationMs: number;
  /** Still going on (`end` unknown yet): its end is `now`, and it grows. */
  open: boolean;
}

export interface MarkerTick {
  x: number;
  /** 1-based, in timecode order. */
  index: number;
  timecodeMs: number;
  label: string | null;
  /** The wall-clock moment of the tick: when it was added, or start + timecode + the pauses before it. */
  atMs: number;
}

export interface RecordingTrack {
  startMs: number;
  endMs: number;
  /** Wall-clock length, pauses included. */
  wallMs: number;
  /** Recorded length: wall-clock length minus pauses. */
  recordedMs: number;
  pausedMs: number;
  live: boolean;
  pauses: Span[];
  markers: MarkerTick[];
  /** Where one split file ends and the next begins (fractions of the track). */
  fileBreaks: number[];
}

export type PhaseKind = 'queued' | 'uploading' | 'processing';
export type Outcome = 'completed' | 'failed' | 'cancelled';

export interface Phase extends Span {
  kind: PhaseKind;
  /** The phase in which the upload failed or was cancelled. */
  failed: boolean;
}

export interface UploadRow {
  jobId: number;
  fileName: string;
  state: JobState;
  /** null while the upload is still on its way. */
  outcome: Outcome | null;
  phases: Phase[];
  startMs: number;
  endMs: number;
  durationMs: number;
}

export interface PipelineTrack {
  startMs: number;
  endMs: number;
  durationMs: number;
  rows: UploadRow[];
}

export interface TimelineLayout {
  recording: RecordingTrack;
  /** null when the session was never uploaded. */
  pipeline: PipelineTrack | null;
}

/** One upload as the session (`uploads`) or the live job tells it. */
export interface UploadStory {
  job_id: number;
  file_name: string;
  state: JobState;
  queued_at: string;
  upload_started_at: string | null;
  uploaded_at: string | null;
  processed_at: string | null;
  /** When a failed or cancelled upload stopped: only the job (not the session's phases) has it. */
  finished_at?: string | null;
}

export interface TimelineSource {
  start: string;
  /** null while recording: the track ends at `now`. */
  end: string | null;
  pauses: readonly PauseSpan[];
  markers: readonly Marker[];
  /** Each file's duration in seconds, in order (several when OBS split the recording). */
  fileDurationsS?: readonly (number | null)[];
  uploads?: readonly UploadStory[];
  /** The recording's own length in seconds when known (a finished file's, by ffprobe): it names the
   * recorded time rather than the wall clock minus the pauses, which includes OBS's start and stop. */
  recordedS?: number | null;
}

export interface LayoutOptions {
  /** Smallest width a phase gets on its row, so a one-second phase is still seen (default 0.06). */
  minPhaseWidth?: number;
}

/** ISO time → epoch ms; NaN when absent or unreadable. */
export function toMs(iso: string | null | undefined): number {
  return iso ? Date.parse(iso) : Number.NaN;
}

const clamp = (value: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, value));
const fraction = (value: number, start: number, length: number) =>
  length > 0 ? clamp((value - start) / length, 0, 1) : 0;

/** The pause spans inside [start, end], sorted, an open one ending at `openEnd`. */
function pauseSpans(pauses: readonly PauseSpan[], startMs: number, endMs: number, openEnd: number) {
  return pauses
    .map((p) => {
      const s = clamp(toMs(p.start), startMs, endMs);
      const open = p.end == null;
      const e = clamp(open ? openEnd : toMs(p.end), s, endMs);
      return { s, e, open };
    })
    .filter((p) => Number.isFinite(p.s) && Number.isFinite(p.e))
    .sort((a, b) => a.s - b.s);
}

/**
 * Recording time (pauses excluded, as OBS counts a marker's timecode) → wall-clock time: walk the
 * recorded stretches between pauses until the timecode is used up. A moment inside a pause is the
 * pause's start (the timecode stands still while paused).
 */
export function recordingToWall(
  timecodeMs: number,
  startMs: number,
  endMs: number,
  pauses: readonly { s: number; e: number }[],
): number {
  let left = Math.max(0, timecodeMs);
  let cursor = startMs;
  for (const p of pauses) {
    const stretch = Math.max(0, p.s - cursor);
    if (left <= stretch) return cursor + left;
    left -= stretch;
    cursor = Math.max(cursor, p.e);
  }
  return Math.min(endMs, cursor + left);
}

/**
 * Widths for consecutive parts of a row that spans `total` (a fraction of the track): each part
 * proportional to its duration, but none narrower than `min`; the others shrink to make room.
 */
export function distributeWidths(durations: readonly number[], total: number, min: number): number[] {
  const n = durations.length;
  if (n === 0) return [];
  const room = Math.max(total, n * min);
  const widths = new Array<number>(n).fill(0);
  const pinned = new Set<number>();
  for (;;) {
    const free = durations.reduce((sum, d, i) => (pinned.has(i) ? sum : sum + Math.max(0, d)), 0);
    const left = room - pinned.size * min;
    let changed = false;
    durations.forEach((d, i) => {
      if (pinned.has(i)) {
        widths[i] = min;
        return;
      }
      const free_count = n - pinned.size;
      widths[i] = free > 0 ? (left * Math.max(0, d)) / free : left / free_count;
      if (widths[i] < min) {
        pinned.add(i);
        changed = true;
      }
    });
    if (!changed) return widths;
  }
}

const PHASE_ORDER: PhaseKind[] = ['queued', 'uploading', 'processing'];

/** Which phase an upload in this state is in (the one running, or the one it ended in). */
function currentPhase(state: JobState): PhaseKind | null {
  switch (state) {
    case 'queued':
      return 'queued';
    case 'uploading':
    case 'retrying':
      return 'uploading';
    case 'uploaded':
    case 'processing':
      return 'processing';
    default:
      return null;
  }
}

function uploadRow(u: UploadStory, now: number) {
  const queued = toMs(u.queued_at);
  const started = toMs(u.upload_started_at);
  const uploaded = toMs(u.uploaded_at);
  const processed = toMs(u.processed_at);
  const finished = toMs(u.finished_at);
  const outcome: Outcome | null =
    u.state === 'completed' || u.state === 'failed' || u.state === 'cancelled' ? u.state : null;
  const running = currentPhase(u.state);

  // Each phase's bounds: the next phase's start, or now while it runs, or when the upload stopped.
  const begins: Record<PhaseKind, number> = { queued, uploading: started, processing: uploaded };
  const ends: Record<PhaseKind, number> = { queued: started, uploading: uploaded, processing: processed };
  const reached = PHASE_ORDER.filter((k) => Number.isFinite(begins[k]));
  const last = reached[reached.length - 1];
  const stoppedAt = [processed, finished].find(Number.isFinite) ?? begins[last];

  let cursor = queued;
  const phases: Omit<Phase, 'x' | 'width'>[] = reached.map((kind) => {
    const startMs = Math.max(cursor, begins[kind]);
    const isLast = kind === last;
    const open = isLast && running === kind;
    const endRaw = open ? now : Number.isFinite(ends[kind]) ? ends[kind] : isLast ? stoppedAt : startMs;
    const endMs = Math.max(startMs, endRaw);
    cursor = endMs;
    const failed = isLast && (outcome === 'failed' || outcome === 'cancelled');
    return { kind, startMs, endMs, durationMs: endMs - startMs, open, failed };
  });
  const endMs = phases.length ? phases[phases.length - 1].endMs : queued;
  return { jobId: u.job_id, fileName: u.file_name, state: u.state, outcome, phases, startMs: queued, endMs };
}

/** The whole picture of a session at `now` (epoch ms). */
export function layoutTimeline(src: TimelineSource, now: number, options: LayoutOptions = {}): TimelineLayout {
  const min = options.minPhaseWidth ?? 0.06;
  const startMs = toMs(src.start);
  const live = src.end == null;
  const endMs = Math.max(startMs, live ? now : toMs(src.end));
  const wallMs = endMs - startMs;

  const spans = pauseSpans(src.pauses, startMs, endMs, live ? now : endMs);
  const pauses: Span[] = spans.map((p) => ({
    x: fraction(p.s, startMs, wallMs),
    width: wallMs > 0 ? (p.e - p.s) / wallMs : 0,
    startMs: p.s,
    endMs: p.e,
    durationMs: p.e - p.s,
    open: p.open,
  }));
  const pausedMs = pauses.reduce((sum, p) => sum + p.durationMs, 0);

  const markers: MarkerTick[] = [...src.markers]
    .sort((a, b) => a.timecode_ms - b.timecode_ms)
    .map((m, i) => {
      // Where: the wall-clock moment it was added (`at`, the same clock as the pauses), exact even
      // though OBS starts recording a moment after the session; else its timecode mapped past the pauses.
      const added = toMs(m.at);
      const atMs = Number.isFinite(added)
        ? clamp(added, startMs, endMs)
        : recordingToWall(m.timecode_ms, startMs, endMs, spans);
      return {
        x: fraction(atMs, startMs, wallMs),
        index: i + 1,
        timecodeMs: m.timecode_ms,
        label: m.label ?? null,
        atMs,
      };
    });

  const durations = src.fileDurationsS ?? [];
  const fileBreaks: number[] = [];
  if (durations.length > 1 && durations.every((d) => typeof d === 'number')) {
    let recorded = 0;
    for (const d of durations.slice(0, -1)) {
      recorded += (d ?? 0) * 1000;
      fileBreaks.push(fraction(recordingToWall(recorded, startMs, endMs, spans), startMs, wallMs));
    }
  }

  const recording: RecordingTrack = {
    startMs,
    endMs,
    wallMs,
    recordedMs:
      typeof src.recordedS === 'number' && Number.isFinite(src.recordedS) && src.recordedS >= 0
        ? src.recordedS * 1000
        : Math.max(0, wallMs - pausedMs),
    pausedMs,
    live,
    pauses,
    markers,
    fileBreaks,
  };

  const stories = (src.uploads ?? []).filter((u) => Number.isFinite(toMs(u.queued_at)));
  if (stories.length === 0) return { recording, pipeline: null };

  const raw = stories.map((u) => uploadRow(u, now));
  const pStart = Math.min(...raw.map((r) => r.startMs));
  const pEnd = Math.max(...raw.map((r) => r.endMs));
  const pDur = pEnd - pStart;
  const rows: UploadRow[] = raw.map((r) => {
    const rowDur = r.endMs - r.startMs;
    const n = r.phases.length;
    const span = pDur > 0 ? rowDur / pDur : 1;
    const widths = distributeWidths(
      r.phases.map((p) => p.durationMs),
      span,
      min,
    );
    const used = widths.reduce((a, b) => a + b, 0);
    let x = Math.min(fraction(r.startMs, pStart, pDur), Math.max(0, 1 - used));
    const phases: Phase[] = r.phases.map((p, i) => {
      const placed = { ...p, x, width: widths[i] };
      x += widths[i];
      return placed;
    });
    return { ...r, phases: n ? phases : [], durationMs: rowDur };
  });
  return { recording, pipeline: { startMs: pStart, endMs: pEnd, durationMs: pDur, rows } };
}

/** A live upload job told as a story (the job's `created_at` is when it was queued). */
export function storyOfJob(job: UploadJob): UploadStory {
  return {
    job_id: job.id,
    file_name: job.file_name,
    state: job.state,
    queued_at: job.created_at,
    upload_started_at: job.upload_started_at,
    uploaded_at: job.uploaded_at,
    processed_at: job.processed_at,
    finished_at: job.finished_at,
  };
}

/** A session's uploads, the live jobs (fresher, and knowing when a failed one stopped) over the session's list. */
export function mergeUploads(fromSession: readonly UploadStory[], jobs: readonly UploadStory[]): UploadStory[] {
  const byId = new Map<number, UploadStory>();
  for (const u of fromSession) byId.set(u.job_id, u);
  for (const j of jobs) byId.set(j.job_id, { ...byId.get(j.job_id), ...j });
  return [...byId.values()].sort((a, b) => toMs(a.queued_at) - toMs(b.queued_at) || a.job_id - b.job_id);
}
