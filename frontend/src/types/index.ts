// The one module the dashboard imports wire types from. Every type here is an alias of the generated
// ./api.ts (openapi-typescript over ./openapi.json, the server's OpenAPI document: see README
// "Types"), so a change of the server's contract shows up here as a type error, not as a bug.
// Only client-side shapes that the server does not describe are written by hand, in terms of these.
import type { components, paths } from './api';

type Schemas = components['schemas'];

/** The generated description of every HTTP route (path → method → params, body, answers): lib/apiClient. */
export type { paths };

// ---- health and identity --------------------------------------------------------------------

export type Health = Schemas['Health'];
export type ObsConnection = Schemas['ObsConnection'];
export type ObsLinkState = Schemas['ObsLinkState'];
export type StorageHealth = Schemas['StorageHealth'];
export type AuthInfo = Schemas['AuthInfo'];
/** operator: everything (STREAMAI_API_TOKEN); viewer: every GET route and the room (STREAMAI_VIEWER_TOKEN). */
export type Role = AuthInfo['role'];

/**
 * Every error answer: `{error}` is a sentence for a person. The server adds details that its
 * ErrorBody schema leaves to `additionalProperties`: `auth_required` on a 401, and on a 403 the role
 * the action needs and the one the token has.
 */
export type ErrorBody = Schemas['ErrorBody'] & {
  auth_required?: boolean;
  required_role?: Role;
  role?: Role;
  /** The rig (OBS) an error is about: a record-all start or stop names the rig that failed. */
  rig?: string;
};

// ---- recording ------------------------------------------------------------------------------

export type RecordingStatus = Schemas['RecordingStatus'];
export type IdleRecordingStatus = Schemas['IdleRecordingStatus'];
export type ActiveRecordingStatus = Schemas['ActiveRecordingStatus'];
export type RecorderState = Schemas['RecorderState'];
export type ObsRecordStatus = Schemas['ObsRecordStatus'];
export type StartedBy = ActiveRecordingStatus['started_by'];
export type StartRecordingBody = Schemas['StartRecordingBody'];
export type StartResult = Schemas['StartResult'];
export type StopRecordingBody = Schemas['StopRecordingBody'];
export type StopResult = Schemas['StopResult'];
export type RecordedFile = Schemas['RecordedFile'];
export type SubtitleModel = NonNullable<StartRecordingBody['subtitleModel']>;
/** A pause in wall-clock time (`end` null while it lasts). */
export type PauseSpan = Schemas['PauseSpan'];
/** A point of interest; `timecode_ms` is recording time (pauses excluded). */
export type Marker = Schemas['Marker'];
export type MarkerBody = Schemas['MarkerBody'];
export type MarkerAnswer = Schemas['MarkerAnswer'];
/** The answer to a pause or a resume. */
export type RecorderAnswer = Schemas['RecorderAnswer'];
export type DiskStatus = Schemas['DiskStatus'];

// ---- rigs (several OBS, configured by a rigs file) ------------------------------------------

/** One rig right now: its OBS connection, its recorder's state, its session, timecode and disk. */
export type RigState = Schemas['RigState'];
/** GET /api/rigs (and the rigs_update event): every rig, and which one the guide's routes drive. */
export type RigsPage = Schemas['RigsPage'];
/** One rig's part of a session: when its OBS started, how much later than the first, how it ended. */
export type RigPart = Schemas['RigPart'];
/** A start on one rig (POST /api/rigs/<rig>/recording/start): a start body without `rigs`. */
export type RigStartRecordingBody = Schemas['RigStartRecordingBody'];

// ---- recordings -----------------------------------------------------------------------------

export type FormattedRecording = Schemas['FormattedRecording'];
export type FormattedPage = Schemas['FormattedPage'];
export type Session = Schemas['Session'];
export type RecordingsPage = Schemas['RecordingsPage'];
/** One upload of a session, phase by phase (the timeline's second track). */
export type UploadPhases = Schemas['UploadPhases'];
/** A processed result (subtitles, thumbnail, video), its URL ready for <img>/<video>. */
export type ResultFile = Schemas['ResultFile'];
export type ResultKind = ResultFile['kind'];
export type ManualUploadBody = Schemas['ManualUploadBody'];
export type ManualUploadAnswer = Schemas['ManualUploadAnswer'];

// ---- uploads --------------------------------------------------------------------------------

export type UploadJob = Schemas['UploadJob'];
export type JobState = Schemas['JobState'];
export type UploadsPage = Schemas['UploadsPage'];
export type JobAnswer = Schemas['JobAnswer'];

// ---- Socket.IO ------------------------------------------------------------------------------

/** The room's events, name → payload (the server's `ServerEvents` schema). */
export type ServerEvents = Schemas['ServerEvents'];
export type UploadProgress = ServerEvents['upload_progress'];
export type ProcessingStatus = ServerEvents['processing_status'];
export type UploadCompleted = ServerEvents['upload_completed'];
export type UploadFailed = ServerEvents['upload_failed'];
export type RecordingPaused = ServerEvents['recording_paused'];
export type RecordingResumed = ServerEvents['recording_resumed'];
export type MarkerAdded = ServerEvents['marker_added'];
export type DiskSpaceLow = ServerEvents['disk_space_low'];
export type ProcessingResultsReady = ServerEvents['processing_results_ready'];
export type SessionUpdated = ServerEvents['session_updated'];
export type RigsUpdate = ServerEvents['rigs_update'];

/** socket.io-client's typed listeners: one per event of ServerEvents, taking that event's payload. */
export type ServerToClientEvents = {
  [Event in keyof ServerEvents]: (payload: ServerEvents[Event]) => void;
};

/**
 * What the page sends: the document lists these names (`x-socketio.client_events`) without payloads,
 * so they are written here; types/contract.test.ts checks the two lists agree.
 */
export interface ClientToServerEvents {
  join_recording_updates: () => void;
  leave_recording_updates: () => void;
}
