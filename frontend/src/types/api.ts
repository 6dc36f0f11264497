// Types of the StreamAI HTTP + Socket.IO contract (shared/SPEC.md). Field names follow the wire
// format exactly (snake_case responses, camelCase request bodies) so no mapping layer is needed.
// Types only, no values: this file is to be generated from the server's OpenAPI document; the rest
// of the dashboard imports these types through ./index.ts, never from here.

export type ObsConnectionState = 'connected' | 'disconnected' | 'reconnecting';

export interface ObsHealth {
  connected: boolean;
  state?: ObsConnectionState;
  error?: string | null;
}

export interface Health {
  status: string;
  timestamp?: string;
  obs: ObsHealth;
  uploads_enabled?: boolean;
  auth_required?: boolean;
  version?: string;
}

/** operator: everything (STREAMAI_API_TOKEN); viewer: every GET route and the room (STREAMAI_VIEWER_TOKEN). */
export type Role = 'operator' | 'viewer';

/** GET /api/auth: what the token sent with the request may do. */
export interface AuthInfo {
  role: Role;
  auth_required: boolean;
}

export type StartedBy = 'dashboard' | 'api' | 'obs';

export type SubtitleModel = 'base' | 'small' | 'medium' | 'large';

export interface ObsRecordStatus {
  active: boolean;
  paused?: boolean;
  timecode?: string | null;
  bytes?: number | null;
  duration_ms?: number | null;
}

export interface IdleRecordingStatus {
  active: false;
  message?: string;
  obs_connected?: boolean;
}

export interface ActiveRecordingStatus {
  active: true;
  session_name: string;
  start_time?: string | null;
  auto_upload?: boolean;
  started_by?: StartedBy | string | null;
  subtitle_model?: string | null;
  priority?: number | null;
  obs_status?: ObsRecordStatus | null;
  session_path?: string | null;
  obs_connected?: boolean;
}

export type RecordingStatus = IdleRecordingStatus | ActiveRecordingStatus;

export interface StartRecordingRequest {
  sessionName?: string;
  autoUpload?: boolean;
  subtitleModel?: SubtitleModel;
  priority?: number;
}

export interface StartRecordingResponse {
  success: true;
  session_name: string;
  session_path?: string;
  auto_upload?: boolean;
  started_by?: StartedBy | string;
  message?: string;
}

export interface RecordedFile {
  name: string;
  path?: string;
  size_bytes?: number | null;
  duration_s?: number | null;
}

export type UploadResult = { queued: true; job: UploadJob } | { queued: false; reason?: string };

export interface StopRecordingResponse {
  success: true;
  session_name: string;
  session_path?: string;
  files?: RecordedFile[];
  message?: string;
  upload_result?: UploadResult | null;
}

export type UploadState =
  'queued' | 'uploading' | 'retrying' | 'uploaded' | 'processing' | 'completed' | 'failed' | 'cancelled';

export interface UploadJob {
  id: number | string;
  session_name: string;
  file_name?: string | null;
  file_path?: string | null;
  state: UploadState | string;
  manual?: boolean;
  subtitle_model?: string | null;
  priority?: number | null;
  attempts?: number;
  bytes_sent?: number | null;
  total_bytes?: number | null;
  percent?: number | null;
  last_error?: string | null;
  next_attempt_at?: string | null;
  task_id?: string | null;
  processing_status?: string | null;
  processing_progress?: number | null;
  processing_message?: string | null;
  created_at?: string | null;
  updated_at?: string | null;
  /** What the server allows now; servers from before these fields leave them out. */
  can_retry?: boolean;
  can_cancel?: boolean;
}

export interface UploadsResponse {
  uploads: UploadJob[];
  count: number;
}

export interface UploadJobResponse {
  success: true;
  job: UploadJob;
}

export interface ManualUploadRequest {
  sessionName: string;
  subtitleModel?: SubtitleModel;
  priority?: number;
}

export interface ManualUploadResponse {
  success: true;
  message?: string;
  job: UploadJob;
}

export interface FormattedRecording {
  id: string | number;
  title: string;
  date?: string | null;
  duration?: string | null;
  size?: string | null;
  views?: number;
  thumbnail?: string | null;
  platforms?: string[];
  status?: string | null;
  hasTranscription?: boolean;
  hasHighlights?: boolean;
  hasShorts?: boolean;
  categories?: string[];
  isManualUpload?: boolean;
  filePath?: string | null;
  vultr_task_id?: string | null;
  upload_status?: UploadState | string | null;
  upload_time?: string | null;
  session_name?: string | null;
  start_time?: string | null;
  processing_progress?: number | null;
}

export interface FormattedRecordingsResponse {
  recordings: FormattedRecording[];
  count: number;
  /** Total number of sessions; older servers omit it (then a full page means "maybe more"). */
  total?: number;
}

export interface ApiErrorBody {
  error?: string;
  detail?: string;
  auth_required?: boolean;
  /** On a 403: the role the action needs, and the one the token has. */
  required_role?: Role;
  role?: Role;
}

// ---- Socket.IO -----------------------------------------------------------------------------

export interface RecordingStartedEvent {
  result: StartRecordingResponse;
  timestamp?: string;
}

export interface RecordingStoppedEvent {
  result: StopRecordingResponse;
  timestamp?: string;
}

export interface RecordingStatusUpdateEvent {
  status: RecordingStatus;
  timestamp?: string;
}

export interface ManualUploadCompletedEvent {
  session_name: string;
  result: { success: boolean; task_id?: string | null; error?: string | null; job_id?: number | string };
  timestamp?: string;
}

export interface UploadJobEvent {
  job: UploadJob;
  timestamp?: string;
}

export interface UploadProgressEvent {
  job_id: number | string;
  session_name: string;
  bytes_sent: number;
  total_bytes: number;
  percent?: number | null;
  rate_bps?: number | null;
  eta_s?: number | null;
}

export interface UploadCompletedEvent {
  job_id: number | string;
  session_name: string;
  task_id: string | null;
  attempts?: number;
  manual?: boolean;
  timestamp?: string;
}

export interface UploadFailedEvent {
  job_id: number | string;
  session_name: string;
  error: string;
  attempt?: number;
  will_retry?: boolean;
  next_retry_at?: string | null;
  timestamp?: string;
}

export interface ProcessingStatusEvent {
  job_id: number | string;
  session_name: string;
  task_id?: string | null;
  status: string;
  progress?: number | null;
  message?: string | null;
  /** The job's state after this status; `upload_job_updated` brings the whole job anyway. */
  state?: UploadState | string;
  timestamp?: string;
}

export interface ObsConnectionEvent {
  connected: boolean;
  state?: ObsConnectionState;
  error?: string | null;
  timestamp?: string;
}

export interface ServiceErrorEvent {
  message: string;
  timestamp?: string;
}

export interface ServerToClientEvents {
  joined: (data: { room: string }) => void;
  recording_started: (data: RecordingStartedEvent) => void;
  recording_stopped: (data: RecordingStoppedEvent) => void;
  recording_status_update: (data: RecordingStatusUpdateEvent) => void;
  manual_upload_completed: (data: ManualUploadCompletedEvent) => void;
  upload_queued: (data: UploadJobEvent) => void;
  upload_progress: (data: UploadProgressEvent) => void;
  upload_completed: (data: UploadCompletedEvent) => void;
  upload_failed: (data: UploadFailedEvent) => void;
  processing_status: (data: ProcessingStatusEvent) => void;
  upload_job_updated: (data: UploadJobEvent) => void;
  obs_connection: (data: ObsConnectionEvent) => void;
  error: (data: ServiceErrorEvent) => void;
}

export interface ClientToServerEvents {
  join_recording_updates: () => void;
  leave_recording_updates: () => void;
}
