import type { ActiveRecordingStatus, FormattedRecording, Health, IdleRecordingStatus, UploadJob } from '../types';

export const healthConnected: Health = {
  status: 'healthy',
  timestamp: '2025-07-08T10:00:00',
  obs: { connected: true, state: 'connected', error: null },
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

export const idleStatus: IdleRecordingStatus = {
  active: false,
  message: 'Aucun enregistrement actif',
  obs_connected: true,
};

export const activeStatus: ActiveRecordingStatus = {
  active: true,
  session_name: 'Ma_Session_2025',
  start_time: '2025-07-08T10:00:00',
  auto_upload: true,
  started_by: 'obs',
  subtitle_model: 'base',
  priority: 1,
  obs_status: { active: true, paused: false, timecode: '00:01:05.250', bytes: 5 * 1024 * 1024, duration_ms: 65250 },
  session_path: '/recordings/Ma_Session_2025',
  obs_connected: true,
};

export function makeJob(overrides: Partial<UploadJob> = {}): UploadJob {
  return {
    id: 7,
    session_name: 'Ma_Session_2025',
    file_name: '2025-07-08 10-00-00.mkv',
    file_path: '/recordings/Ma_Session_2025/2025-07-08 10-00-00.mkv',
    state: 'queued',
    manual: false,
    subtitle_model: 'base',
    priority: 1,
    attempts: 0,
    bytes_sent: 0,
    total_bytes: 10 * 1024 * 1024,
    last_error: null,
    next_attempt_at: null,
    task_id: null,
    processing_status: null,
    processing_progress: null,
    processing_message: null,
    created_at: '2025-07-08T10:05:00',
    updated_at: '2025-07-08T10:05:00',
    ...overrides,
  };
}

export function makeRecording(i: number, overrides: Partial<FormattedRecording> = {}): FormattedRecording {
  const name = `session_${String(i).padStart(3, '0')}`;
  return {
    id: name,
    title: name,
    date: '2025-07-08',
    duration: '00:12:34',
    size: '12.3 MB',
    views: 0,
    thumbnail: null,
    platforms: [],
    status: 'recorded',
    hasTranscription: false,
    hasHighlights: false,
    hasShorts: false,
    categories: [],
    isManualUpload: false,
    filePath: `/recordings/${name}/video.mkv`,
    vultr_task_id: null,
    upload_status: null,
    upload_time: null,
    session_name: name,
    start_time: null,
    processing_progress: null,
    ...overrides,
  };
}
