// The recording status the card shows before the server's next one arrives (socket or refetch).
import type { ActiveRecordingStatus, IdleRecordingStatus, RecordingStatus, StartResult } from '../../types';

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
  };
}

/** Right after a stop (ours or anyone's): nothing records. */
export function stoppedStatus(message: string, previous: RecordingStatus | undefined): IdleRecordingStatus {
  return { active: false, state: 'idle', message, obs_connected: previous?.obs_connected ?? true };
}
