// The recording status the card shows before the server's next one arrives (socket or refetch).
import type { ActiveRecordingStatus, IdleRecordingStatus, Marker, RecordingStatus, StartResult } from '../../types';

/** Right after a start: the session as the server answered it, OBS's figures at zero. */
export function startedStatus(result: StartResult, previous: RecordingStatus | undefined): ActiveRecordingStatus {
  return {
    active: true,
    state: 'recording',
    stopping: false,
    session_name: result.session_name,
    title: result.title,
    session_path: result.session_path,
    auto_upload: result.auto_upload,
    subtitle_model: result.subtitle_model,
    priority: result.priority,
    started_by: result.started_by,
    start_time: result.start_time,
    obs_status: { active: true, paused: false, timecode: '00:00:00.000', bytes: 0, duration_ms: 0, error: null },
    stop_error: null,
    pauses: [],
    paused_s: 0,
    markers: [],
    disk: null,
    obs_connected: previous?.obs_connected ?? true,
    rig: result.rigs[0]?.rig ?? 'default',
    rigs: result.rigs,
  };
}

/**
 * With several rigs the status is the session as one rig sees it (`rig`, its first): news from
 * another rig (its part stopped, paused) is not about what the card shows.
 */
export function aboutAnotherRig(status: RecordingStatus | undefined, rig: string | null | undefined): boolean {
  return status?.active === true && !!rig && status.rig !== rig;
}

/** Right after a stop (ours or anyone's): nothing records. */
export function stoppedStatus(message: string, previous: RecordingStatus | undefined): IdleRecordingStatus {
  return { active: false, state: 'idle', message, obs_connected: previous?.obs_connected ?? true };
}

/**
 * Paused or resumed (our answer, or recording_paused / recording_resumed from anyone, the OBS window
 * included): the state, OBS's flag and the paused total at once; a pause opens a span at `at` and a
 * resume closes the open one. The next status from the server brings its own spans.
 */
export function withPaused(
  status: RecordingStatus | undefined,
  change: { paused: boolean; paused_s: number; at: string },
): RecordingStatus | undefined {
  if (!status?.active) return status;
  const open = status.pauses.some((p) => p.end == null);
  const pauses =
    change.paused && !open
      ? [...status.pauses, { start: change.at, end: null }]
      : !change.paused && open
        ? status.pauses.map((p) => (p.end == null ? { ...p, end: change.at } : p))
        : status.pauses;
  return {
    ...status,
    state: change.paused ? 'paused' : 'recording',
    obs_status: { ...status.obs_status, paused: change.paused },
    paused_s: change.paused_s,
    pauses,
  };
}

/** A marker (ours, or marker_added), once, in timecode order. */
export function withMarker(status: RecordingStatus | undefined, marker: Marker): RecordingStatus | undefined {
  if (!status?.active) return status;
  const known = status.markers.some((m) => m.timecode_ms === marker.timecode_ms && m.at === marker.at);
  if (known) return status;
  const markers = [...status.markers, marker].sort((a, b) => a.timecode_ms - b.timecode_ms);
  return { ...status, markers };
}

/** disk_space_low: the warning shows at once, before the next status. */
export function withLowDisk(
  status: RecordingStatus | undefined,
  disk: { free_bytes: number; estimated_remaining_s: number | null },
): RecordingStatus | undefined {
  if (!status?.active) return status;
  return {
    ...status,
    disk: { free_bytes: disk.free_bytes, estimated_remaining_s: disk.estimated_remaining_s, low: true },
  };
}

/** The open pause's length so far, in ms; 0 when not paused. */
export function currentPauseMs(status: ActiveRecordingStatus, now: number): number {
  const open = status.pauses.find((p) => p.end == null);
  if (!open) return 0;
  return Math.max(0, now - Date.parse(open.start));
}

/** Every pause's length, the open one up to `now`, in ms (the server's paused_s when it knows more). */
export function totalPausedMs(status: ActiveRecordingStatus, now: number): number {
  const spans = status.pauses.reduce(
    (sum, p) => sum + Math.max(0, (p.end == null ? now : Date.parse(p.end)) - Date.parse(p.start)),
    0,
  );
  return Math.max(spans, status.paused_s * 1000);
}
