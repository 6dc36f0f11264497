import type {
  ActiveRecordingStatus,
  RecordingsPage,
  RigState,
  RigsPage,
  Session,
  Health,
  IdleRecordingStatus,
  ProcessingStatus,
  StartResult,
  StopResult,
  UploadCompleted,
  UploadFailed,
  UploadJob,
  UploadProgress,
} from '../types';

// Every fixture is a whole answer or event as the server sends it: the generated types say what that is.

export const healthConnected: Health = {
  status: 'healthy',
  timestamp: '2025-07-08T10:00:00',
  obs: { connected: true, state: 'connected', error: null },
  storage: { ok: true, error: null },
  uploads_enabled: true,
  auth_required: false,
  version: '1.0.0',
};

/** A server with tokens (STREAMAI_API_TOKEN, maybe STREAMAI_VIEWER_TOKEN). */
export const healthWithAuth: Health = { ...healthConnected, auth_required: true };

export const healthObsDown: Health = {
  ...healthConnected,
  obs: { connected: false, state: 'disconnected', error: 'Connection refused' },
};

/** The recordings folder (or the database) cannot be used. */
export const healthDegraded: Health = {
  ...healthConnected,
  status: 'degraded',
  storage: { ok: false, error: '/recordings is not writable' },
};

export const idleStatus: IdleRecordingStatus = {
  active: false,
  state: 'idle',
  message: 'No recording in progress',
  obs_connected: true,
};

export const activeStatus: ActiveRecordingStatus = {
  active: true,
  state: 'recording',
  stopping: false,
  stop_error: null,
  session_name: 'Ma_Session_2025',
  title: 'Ma Session 2025',
  session_path: '/recordings/Ma_Session_2025',
  start_time: '2025-07-08T10:00:00',
  auto_upload: true,
  started_by: 'obs',
  subtitle_model: 'base',
  priority: 1,
  obs_status: {
    active: true,
    paused: false,
    timecode: '00:01:05.250',
    bytes: 5 * 1024 * 1024,
    duration_ms: 65250,
    error: null,
  },
  obs_connected: true,
  pauses: [],
  paused_s: 0,
  markers: [],
  disk: null,
  rig: 'default',
  rigs: [],
};

export function makeStartResult(overrides: Partial<StartResult> = {}): StartResult {
  return {
    success: true,
    message: 'Recording Ma_Session_2025 started',
    session_name: 'Ma_Session_2025',
    title: 'Ma Session 2025',
    session_path: '/recordings/Ma_Session_2025',
    auto_upload: true,
    subtitle_model: 'base',
    priority: 1,
    started_by: 'dashboard',
    start_time: '2025-07-08T10:00:00',
    rigs: [],
    start_skew_ms: null,
    ...overrides,
  };
}

export function makeStopResult(overrides: Partial<StopResult> = {}): StopResult {
  return {
    success: true,
    message: 'Recording Ma_Session_2025 stopped',
    session_name: 'Ma_Session_2025',
    session_path: '/recordings/Ma_Session_2025',
    status: 'stopped',
    files: [],
    duration_s: 65.2,
    size_bytes: 5 * 1024 * 1024,
    note: null,
    stopped_by: 'dashboard',
    upload_result: null,
    upload_results: [],
    rigs: [],
    ...overrides,
  };
}

export function makeJob(overrides: Partial<UploadJob> = {}): UploadJob {
  const state = overrides.state ?? 'queued';
  return {
    id: 7,
    session_name: 'Ma_Session_2025',
    rig: 'default',
    file_name: '2025-07-08 10-00-00.mkv',
    file_path: '/recordings/Ma_Session_2025/2025-07-08 10-00-00.mkv',
    state,
    manual: false,
    subtitle_model: 'base',
    priority: 1,
    attempts: 0,
    bytes_sent: 0,
    total_bytes: 10 * 1024 * 1024,
    percent: 0,
    sha256: null,
    last_error: null,
    next_attempt_at: null,
    task_id: null,
    processing_status: null,
    processing_progress: null,
    processing_message: null,
    created_at: '2025-07-08T10:05:00',
    updated_at: '2025-07-08T10:05:00',
    finished_at: null,
    upload_started_at: null,
    uploaded_at: null,
    processed_at: null,
    results_state: null,
    worker: null,
    results: [],
    // What the server allows in each state (streamai/uploads/queue.py).
    can_retry: state === 'failed' || state === 'cancelled',
    can_cancel: state === 'queued' || state === 'uploading' || state === 'retrying',
    ...overrides,
  };
}

export function makeProgress(overrides: Partial<UploadProgress> = {}): UploadProgress {
  return {
    timestamp: '2025-07-08T10:05:00',
    rig: 'default',
    job_id: 7,
    session_name: 'Ma_Session_2025',
    bytes_sent: 4,
    total_bytes: 10,
    percent: 40,
    rate_bps: 2,
    eta_s: 3,
    ...overrides,
  };
}

export function makeProcessing(overrides: Partial<ProcessingStatus> = {}): ProcessingStatus {
  return {
    timestamp: '2025-07-08T10:05:00',
    rig: 'default',
    job_id: 7,
    session_name: 'Ma_Session_2025',
    task_id: 'task-1',
    status: 'completed',
    progress: 100,
    message: 'Terminé',
    state: 'completed',
    ...overrides,
  };
}

export function makeCompleted(overrides: Partial<UploadCompleted> = {}): UploadCompleted {
  return {
    timestamp: '2025-07-08T10:05:00',
    rig: 'default',
    job_id: 7,
    session_name: 'Ma_Session_2025',
    task_id: 'task-1',
    attempts: 1,
    manual: false,
    sha256: 'ab'.repeat(32),
    ...overrides,
  };
}

export function makeFailed(overrides: Partial<UploadFailed> = {}): UploadFailed {
  return {
    timestamp: '2025-07-08T10:05:00',
    rig: 'default',
    job_id: 7,
    session_name: 'Ma_Session_2025',
    error: 'HTTP 502',
    attempt: 1,
    will_retry: true,
    next_retry_at: null,
    manual: false,
    ...overrides,
  };
}

export function makeSession(i: number, overrides: Partial<Session> = {}): Session {
  const name = `session_${String(i).padStart(3, '0')}`;
  return {
    session_name: name,
    title: name,
    session_path: `/recordings/${name}`,
    auto_upload: true,
    subtitle_model: 'base',
    priority: 1,
    started_by: 'dashboard',
    start_time: '2025-07-08T10:00:00',
    status: 'stopped',
    end_time: '2025-07-08T10:12:34',
    duration_s: 754,
    duration: '00:12:34',
    size_bytes: 12_897_484,
    size: '12.3 MB',
    files: [
      {
        rig: 'default',
        name: 'video.mkv',
        path: `/recordings/${name}/video.mkv`,
        relative_path: `${name}/video.mkv`,
        size_bytes: 12_897_484,
        duration_s: 754,
      },
    ],
    obs_output_path: null,
    note: null,
    metadata: {},
    vultr_upload: null,
    pauses: [],
    paused_s: 0,
    markers: [],
    thumbnail_url: null,
    uploads: [],
    results: [],
    rigs: [],
    ...overrides,
  };
}

/** GET /api/integrated/recordings's answer holding `sessions` (all of them: total = their count). */
export function recordingsPage(sessions: Session[], total = sessions.length): RecordingsPage {
  return { recordings: sessions, count: sessions.length, total, timestamp: '2025-07-08T10:30:00+02:00' };
}

/** A session's `vultr_upload` block after an upload (the original StreamAI's names). */
export function makeUploadSummary(overrides: Partial<NonNullable<Session['vultr_upload']>> = {}) {
  return {
    job_id: 1,
    task_id: null,
    status: 'queued',
    processing_status: null,
    progress: null,
    message: null,
    upload_time: null,
    file_name: 'video.mkv',
    file_size: 12_897_484,
    attempts: 0,
    manual: false,
    ...overrides,
  };
}

/** One rig (OBS instance) as GET /api/rigs and rigs_update describe it: idle and connected. */
export function makeRig(overrides: Partial<RigState> = {}): RigState {
  return {
    id: 'default',
    label: 'OBS',
    default: true,
    obs: { connected: true, state: 'connected', error: null },
    state: 'idle',
    session_name: null,
    obs_status: null,
    disk: null,
    ...overrides,
  };
}

/** A rig that records `session` (OBS's figures as GetRecordStatus gives them). */
export function recordingRig(overrides: Partial<RigState> & { id: string }, session = 'duo', ms = 65_250): RigState {
  return makeRig({
    default: false,
    state: 'recording',
    session_name: session,
    obs_status: {
      active: true,
      paused: false,
      timecode: `00:01:05.${String(ms % 1000).padStart(3, '0')}`,
      bytes: 5 * 1024 * 1024,
      duration_ms: ms,
      error: null,
    },
    disk: { free_bytes: 50 * 1024 ** 3, estimated_remaining_s: 7200, low: false },
    ...overrides,
  });
}

/** A server without a rigs file: one rig, `default`. */
export const singleRig: RigsPage = { rigs: [makeRig()], default_rig: 'default' };

/** A rigs file with two cameras, both connected and idle; cam1 is the default rig. */
export const twoRigs: RigsPage = {
  rigs: [makeRig({ id: 'cam1', label: 'Caméra 1' }), makeRig({ id: 'cam2', label: 'Caméra 2', default: false })],
  default_rig: 'cam1',
};
