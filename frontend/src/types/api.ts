// GENERATED FILE — do not edit by hand. Made by `npm run gen:api` (openapi-typescript) from
// src/types/openapi.json, the server's OpenAPI document (`python -m streamai.openapi`); to change a
// type, change streamai/contract/ and run scripts/gen-contract.sh. The rest of the dashboard imports
// these types through ./index.ts, never from here.

export interface paths {
  '/api/auth': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The role the request's token gives: `operator` (everything) or `viewer` (read only). */
    get: operations['auth'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/frontend/recordings/formatted': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The same sessions in the dashboard's shape (the original StreamAI's). */
    get: operations['formatted'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/health': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Liveness and readiness, with no token needed.
     * @description <br/>Answers while the process is up; `status` is `degraded` when RECORDINGS_PATH or the database<br/>cannot be used (`storage.error` says why).
     */
    get: operations['health'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/integrated/recording/marker': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Mark the current moment of the recording.
     * @description <br/>The marker holds the recording's timecode (pauses excluded); where OBS can write chapters<br/>(obs-websocket 5.5+, Hybrid MP4) it is one too. Markers go to the processing API with the<br/>upload, as the `markers` form field.
     */
    post: operations['marker'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/integrated/recording/pause': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Pause the recording, and answer once OBS has paused.
     * @description <br/>409 when nothing records, or when it is already paused.
     */
    post: operations['pause'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/integrated/recording/resume': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Resume a paused recording; 409 when it is not paused. */
    post: operations['resume'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/integrated/recording/start': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Start recording a named session; answers once OBS really records.
     * @description <br/>Without `rigs`, on the default rig. With `rigs` (ids, or "all"), one session over several<br/>rigs, started in parallel: all record, or none does (the error names the rig).
     */
    post: operations['start'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/integrated/recording/status': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The current recording (`active: false` when none), with OBS's live timecode and bytes. */
    get: operations['recording_status'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/integrated/recording/stop': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Stop, wait until OBS has finished writing the file, register it, queue its upload.
     * @description <br/>A session over several rigs is stopped on all of them; each rig's file is its own upload.
     */
    post: operations['stop'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/integrated/recordings': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Sessions, newest first, with their files, metadata and upload (`vultr_upload`). */
    get: operations['recordings'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/integrated/recordings/{session}/results/{kind}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A processed result of the session's latest upload that has one (HTTP Range for the video). */
    get: operations['session_result'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/integrated/recordings/{session}/thumbnail': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A frame from about 10 % into the session's first file (image/jpeg); 404 until there is one. */
    get: operations['thumbnail'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/integrated/status': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Service overview: OBS, the recording, the five latest sessions, the upload queue. */
    get: operations['status'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/integrated/upload/manual': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Queue an upload of an existing session's recording; the result comes as `manual_upload_completed`. */
    post: operations['manual_upload'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/integrated/uploads': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Upload jobs, newest first, optionally in one state. */
    get: operations['list_jobs'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/integrated/uploads/{job_id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One upload job. */
    get: operations['get_job'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/integrated/uploads/{job_id}/cancel': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Cancel a queued, retrying or running job (`can_cancel`); a running one stops at the next MiB. */
    post: operations['cancel'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/integrated/uploads/{job_id}/results/{kind}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A processed result of one upload job (HTTP Range for the video). */
    get: operations['job_result'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/integrated/uploads/{job_id}/retry': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Queue a failed or cancelled job again (`can_retry`). */
    post: operations['retry'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/rigs': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Every rig: its OBS connection, its recorder's state, the session it records, timecode, disk. */
    get: operations['rigs'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/rigs/{rig}/recording/marker': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** A marker at this rig's timecode. */
    post: operations['rig_marker'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/rigs/{rig}/recording/pause': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Pause this rig's recording. */
    post: operations['rig_pause'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/rigs/{rig}/recording/resume': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Resume this rig's recording. */
    post: operations['rig_resume'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/rigs/{rig}/recording/start': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Start a session on this rig alone; its files land in `<session>/<rig>/`. */
    post: operations['rig_start'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/rigs/{rig}/recording/status': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One rig's recording status. */
    get: operations['rig_status'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/rigs/{rig}/recording/stop': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Stop this rig (its part of a record-all session; the other rigs go on). */
    post: operations['rig_stop'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    /** ActiveRecordingStatus */
    ActiveRecordingStatus: {
      /**
       * Active
       * @default true
       * @constant
       */
      active: true;
      /** Auto Upload */
      auto_upload: boolean;
      /** @default null */
      disk: components['schemas']['DiskStatus'] | null;
      /**
       * Markers
       * @default []
       */
      markers: components['schemas']['Marker'][];
      /** Obs Connected */
      obs_connected: boolean;
      obs_status: components['schemas']['ObsRecordStatus'];
      /**
       * Paused S
       * @default 0
       */
      paused_s: number;
      /**
       * Pauses
       * @default []
       */
      pauses: components['schemas']['PauseSpan'][];
      /** Priority */
      priority: number;
      /**
       * Rig
       * @description the rig this status is read from (the session's first)
       */
      rig: string;
      /**
       * Rigs
       * @default []
       */
      rigs: components['schemas']['RigPart'][];
      /** Session Name */
      session_name: string;
      /** Session Path */
      session_path: string;
      /** Start Time */
      start_time: string;
      /**
       * Started By
       * @enum {string}
       */
      started_by: 'dashboard' | 'api' | 'obs' | 'import';
      state: components['schemas']['RecorderState'];
      /**
       * Stop Error
       * @default null
       */
      stop_error: string | null;
      /** Stopping */
      stopping: boolean;
      /** Subtitle Model */
      subtitle_model: string;
      /** Title */
      title: string;
    };
    /** AuthInfo */
    AuthInfo: {
      /** Auth Required */
      auth_required: boolean;
      /**
       * Role
       * @enum {string}
       */
      role: 'operator' | 'viewer';
    };
    /**
     * AuthRequired
     * @description 401: a token is needed (and this request had none, or a wrong one).
     */
    AuthRequired: {
      /**
       * Auth Required
       * @default true
       */
      auth_required?: boolean;
      /** Error */
      error: string;
      /**
       * Field
       * @default null
       */
      field?: string | null;
    } & {
      [key: string]: unknown;
    };
    /**
     * DiskFull
     * @description 507: not enough free space to start.
     */
    DiskFull: {
      /** Error */
      error: string;
      /**
       * Field
       * @default null
       */
      field?: string | null;
      /** Free Bytes */
      free_bytes: number;
      /** Required Bytes */
      required_bytes: number;
    } & {
      [key: string]: unknown;
    };
    /** DiskSpaceLow */
    DiskSpaceLow: {
      /**
       * Estimated Remaining S
       * @default null
       */
      estimated_remaining_s: number | null;
      /** Free Bytes */
      free_bytes: number;
      /** Message */
      message: string;
      /**
       * Rig
       * @description the rig (OBS) it is about; null when it is about none
       * @default null
       */
      rig: string | null;
      /** Session Name */
      session_name: string;
      /** Timestamp */
      timestamp: string;
    };
    /** DiskStatus */
    DiskStatus: {
      /**
       * Estimated Remaining S
       * @description recording time left at the current rate
       * @default null
       */
      estimated_remaining_s: number | null;
      /**
       * Free Bytes
       * @description the smaller of RECORDINGS_PATH's free space and OBS's
       */
      free_bytes: number;
      /** Low */
      low: boolean;
    };
    /**
     * ErrorBody
     * @description Every error: a sentence for a person, and details for a program (`field` when one is at fault).
     */
    ErrorBody: {
      /** Error */
      error: string;
      /**
       * Field
       * @default null
       */
      field?: string | null;
    } & {
      [key: string]: unknown;
    };
    /** FormattedPage */
    FormattedPage: {
      /** Count */
      count: number;
      /** Recordings */
      recordings: components['schemas']['FormattedRecording'][];
      /** Total */
      total: number;
    };
    /**
     * FormattedRecording
     * @description The dashboard's shape of a session (the original StreamAI's `/recordings/formatted`).
     */
    FormattedRecording: {
      /** Categories */
      categories: unknown[];
      /** Date */
      date: string;
      /** Duration */
      duration: string;
      /**
       * Filepath
       * @default null
       */
      filePath: string | null;
      /** Hashighlights */
      hasHighlights: boolean;
      /** Hasshorts */
      hasShorts: boolean;
      /** Hastranscription */
      hasTranscription: boolean;
      /** Id */
      id: string;
      /** Ismanualupload */
      isManualUpload: boolean;
      /**
       * Note
       * @default null
       */
      note: string | null;
      /** Platforms */
      platforms: string[];
      /**
       * Processing Progress
       * @default null
       */
      processing_progress: number | null;
      /** Session Name */
      session_name: string;
      /** Size */
      size: string;
      /** Start Time */
      start_time: string;
      /** Status */
      status: string;
      /** Thumbnail */
      thumbnail: string;
      /** Title */
      title: string;
      /**
       * Upload Status
       * @default null
       */
      upload_status: string | null;
      /**
       * Upload Time
       * @default null
       */
      upload_time: string | null;
      /** Views */
      views: number;
      /**
       * Vultr Task Id
       * @default null
       */
      vultr_task_id: string | null;
    };
    /** Health */
    Health: {
      /** Auth Required */
      auth_required: boolean;
      obs: components['schemas']['ObsConnection'];
      /**
       * Status
       * @enum {string}
       */
      status: 'healthy' | 'degraded';
      storage: components['schemas']['StorageHealth'];
      /** Timestamp */
      timestamp: string;
      /** Uploads Enabled */
      uploads_enabled: boolean;
      /** Version */
      version: string;
    };
    /** IdleRecordingStatus */
    IdleRecordingStatus: {
      /**
       * Active
       * @default false
       * @constant
       */
      active: false;
      /** Message */
      message: string;
      /** Obs Connected */
      obs_connected: boolean;
      state: components['schemas']['RecorderState'];
    };
    /**
     * InvalidBody
     * @description 400: what was wrong with the request, field by field.
     */
    InvalidBody: {
      /** Error */
      error: string;
      /**
       * Field
       * @default null
       */
      field?: string | null;
      /**
       * Problems
       * @default []
       */
      problems?: components['schemas']['Problem'][];
    } & {
      [key: string]: unknown;
    };
    /** JobAnswer */
    JobAnswer: {
      job: components['schemas']['UploadJob'];
      /**
       * Success
       * @default true
       * @constant
       */
      success: true;
    };
    /**
     * JobEvent
     * @description `upload_queued` and `upload_job_updated`: the job exactly as the API would show it.
     */
    JobEvent: {
      job: components['schemas']['UploadJob'];
      /**
       * Rig
       * @description the rig (OBS) it is about; null when it is about none
       * @default null
       */
      rig: string | null;
      /** Timestamp */
      timestamp: string;
    };
    /**
     * JobState
     * @enum {string}
     */
    JobState: 'queued' | 'uploading' | 'retrying' | 'uploaded' | 'processing' | 'completed' | 'failed' | 'cancelled';
    /** ManualUploadAnswer */
    ManualUploadAnswer: {
      job: components['schemas']['UploadJob'];
      /** Message */
      message: string;
      /**
       * Success
       * @default true
       * @constant
       */
      success: true;
    };
    /** ManualUploadBody */
    ManualUploadBody: {
      /**
       * Force
       * @description upload even a file ffprobe cannot read as a video
       * @default false
       */
      force?: boolean;
      /**
       * Priority
       * @description a higher number is uploaded first
       * @default null
       */
      priority?: number | null;
      /** Sessionname */
      sessionName: string;
      /**
       * Subtitlemodel
       * @default null
       */
      subtitleModel?: ('base' | 'small' | 'medium' | 'large') | null;
    };
    /** ManualUploadCompleted */
    ManualUploadCompleted: {
      result: components['schemas']['ManualUploadOutcome'];
      /**
       * Rig
       * @description the rig (OBS) it is about; null when it is about none
       * @default null
       */
      rig: string | null;
      /** Session Name */
      session_name: string;
      /** Timestamp */
      timestamp: string;
    };
    /** ManualUploadOutcome */
    ManualUploadOutcome: {
      /**
       * Error
       * @default null
       */
      error: string | null;
      /** Job Id */
      job_id: number;
      /** Priority */
      priority: number;
      /** Subtitle Model */
      subtitle_model: string;
      /** Success */
      success: boolean;
      /**
       * Task Id
       * @default null
       */
      task_id: string | null;
    };
    /**
     * Marker
     * @description A point of interest: `timecode_ms` in the recording's own time (pauses excluded).
     */
    Marker: {
      /** At */
      at: string;
      /**
       * Label
       * @default null
       */
      label: string | null;
      /**
       * Rig
       * @description the rig whose timecode it is
       * @default null
       */
      rig: string | null;
      /** Timecode Ms */
      timecode_ms: number;
    };
    /** MarkerAdded */
    MarkerAdded: {
      marker: components['schemas']['Marker'];
      /**
       * Rig
       * @description the rig (OBS) it is about; null when it is about none
       * @default null
       */
      rig: string | null;
      /** Session Name */
      session_name: string;
      /** Timestamp */
      timestamp: string;
    };
    /** MarkerAnswer */
    MarkerAnswer: {
      /**
       * Chapter
       * @description OBS also wrote it as a chapter in the file (obs-websocket 5.5+, formats with chapters)
       */
      chapter: boolean;
      marker: components['schemas']['Marker'];
      /** Session Name */
      session_name: string;
      /**
       * Success
       * @default true
       * @constant
       */
      success: true;
    };
    /** MarkerBody */
    MarkerBody: {
      /**
       * Label
       * @description what happens there (optional)
       * @default null
       */
      label?: string | null;
    };
    /** ObsConnection */
    ObsConnection: {
      /** Connected */
      connected: boolean;
      /**
       * Error
       * @default null
       */
      error: string | null;
      state: components['schemas']['ObsLinkState'];
    };
    /** ObsConnectionChanged */
    ObsConnectionChanged: {
      /** Connected */
      connected: boolean;
      /**
       * Error
       * @default null
       */
      error: string | null;
      /**
       * Rig
       * @description the rig (OBS) it is about; null when it is about none
       * @default null
       */
      rig: string | null;
      state: components['schemas']['ObsLinkState'];
      /** Timestamp */
      timestamp: string;
    };
    /**
     * ObsLinkState
     * @enum {string}
     */
    ObsLinkState: 'connected' | 'reconnecting' | 'disconnected';
    /** ObsRecordStatus */
    ObsRecordStatus: {
      /** Active */
      active: boolean;
      /**
       * Bytes
       * @default null
       */
      bytes: number | null;
      /**
       * Duration Ms
       * @default null
       */
      duration_ms: number | null;
      /**
       * Error
       * @default null
       */
      error: string | null;
      /** Paused */
      paused: boolean;
      /**
       * Timecode
       * @default null
       */
      timecode: string | null;
    };
    /**
     * PauseSpan
     * @description A pause of the recording, in wall-clock time (`end` is null while it lasts).
     */
    PauseSpan: {
      /**
       * End
       * @default null
       */
      end: string | null;
      /** Start */
      start: string;
    };
    /** Problem */
    Problem: {
      /** Field */
      field: string;
      /** Message */
      message: string;
    };
    /** ProcessingResultsReady */
    ProcessingResultsReady: {
      /** Job Id */
      job_id: number;
      /** Results */
      results: components['schemas']['ResultFile'][];
      /**
       * Rig
       * @description the rig (OBS) it is about; null when it is about none
       * @default null
       */
      rig: string | null;
      /** Session Name */
      session_name: string;
      /** Task Id */
      task_id: string;
      /** Timestamp */
      timestamp: string;
    };
    /** ProcessingStatus */
    ProcessingStatus: {
      /** Job Id */
      job_id: number;
      /**
       * Message
       * @default null
       */
      message: string | null;
      /**
       * Progress
       * @default null
       */
      progress: number | null;
      /**
       * Rig
       * @description the rig (OBS) it is about; null when it is about none
       * @default null
       */
      rig: string | null;
      /** Session Name */
      session_name: string;
      state: components['schemas']['JobState'];
      /** Status */
      status: string;
      /** Task Id */
      task_id: string;
      /** Timestamp */
      timestamp: string;
    };
    /** QueueSummary */
    QueueSummary: {
      /** Concurrency */
      concurrency: number;
      /** Counts */
      counts: {
        [key: string]: number;
      };
      /** Enabled */
      enabled: boolean;
    };
    /** RecordedFile */
    RecordedFile: {
      /**
       * Duration S
       * @default null
       */
      duration_s: number | null;
      /** Name */
      name: string;
      /** Path */
      path: string;
      /** Relative Path */
      relative_path: string;
      /**
       * Rig
       * @description the rig (OBS) that recorded it
       */
      rig: string;
      /**
       * Size Bytes
       * @default null
       */
      size_bytes: number | null;
    };
    /**
     * RecorderAnswer
     * @description A pause or a resume, once OBS has done it.
     */
    RecorderAnswer: {
      /** Message */
      message: string;
      /** Paused S */
      paused_s: number;
      /** Session Name */
      session_name: string;
      state: components['schemas']['RecorderState'];
      /**
       * Success
       * @default true
       * @constant
       */
      success: true;
    };
    /**
     * RecorderState
     * @description One OBS connection's recording lifecycle (see service/lifecycle.py for the allowed moves).
     * @enum {string}
     */
    RecorderState: 'idle' | 'starting' | 'recording' | 'paused' | 'stopping' | 'interrupted' | 'stop_failed';
    /** RecordingPaused */
    RecordingPaused: {
      /** Message */
      message: string;
      /** Paused S */
      paused_s: number;
      /**
       * Rig
       * @description the rig (OBS) it is about; null when it is about none
       * @default null
       */
      rig: string | null;
      /** Session Name */
      session_name: string;
      /** Timestamp */
      timestamp: string;
    };
    /** RecordingResumed */
    RecordingResumed: {
      /** Message */
      message: string;
      /**
       * Paused S
       * @description paused time so far in this session, in seconds
       */
      paused_s: number;
      /**
       * Rig
       * @description the rig (OBS) it is about; null when it is about none
       * @default null
       */
      rig: string | null;
      /** Session Name */
      session_name: string;
      /** Timestamp */
      timestamp: string;
    };
    /** RecordingStarted */
    RecordingStarted: {
      result: components['schemas']['StartResult'];
      /**
       * Rig
       * @description the rig (OBS) it is about; null when it is about none
       * @default null
       */
      rig: string | null;
      /** Timestamp */
      timestamp: string;
    };
    /**
     * RecordingStatus
     * @description `active: false` when nothing records; the session and OBS's live figures otherwise.
     */
    RecordingStatus: components['schemas']['IdleRecordingStatus'] | components['schemas']['ActiveRecordingStatus'];
    /** RecordingStatusUpdate */
    RecordingStatusUpdate: {
      /**
       * Rig
       * @description the rig (OBS) it is about; null when it is about none
       * @default null
       */
      rig: string | null;
      /** Status */
      status: components['schemas']['IdleRecordingStatus'] | components['schemas']['ActiveRecordingStatus'];
      /** Timestamp */
      timestamp: string;
    };
    /** RecordingStopped */
    RecordingStopped: {
      result: components['schemas']['StopResult'];
      /**
       * Rig
       * @description the rig (OBS) it is about; null when it is about none
       * @default null
       */
      rig: string | null;
      /** Timestamp */
      timestamp: string;
    };
    /** RecordingsPage */
    RecordingsPage: {
      /** Count */
      count: number;
      /** Recordings */
      recordings: components['schemas']['Session'][];
      /** Timestamp */
      timestamp: string;
      /** Total */
      total: number;
    };
    /**
     * Refused
     * @description 403: a viewer token on a route that changes something, or a foreign Origin.
     */
    Refused: {
      /** Error */
      error: string;
      /**
       * Field
       * @default null
       */
      field?: string | null;
      /**
       * Origin
       * @default null
       */
      origin?: string | null;
      /**
       * Required Role
       * @default null
       */
      required_role?: ('operator' | 'viewer') | null;
      /**
       * Role
       * @default null
       */
      role?: ('operator' | 'viewer') | null;
    } & {
      [key: string]: unknown;
    };
    /**
     * ResultFile
     * @description A result of processing, fetched into the session folder and served by the API.
     */
    ResultFile: {
      /** Content Type */
      content_type: string;
      /**
       * Kind
       * @enum {string}
       */
      kind: 'subtitles' | 'thumbnail' | 'video';
      /** Name */
      name: string;
      /** Size Bytes */
      size_bytes: number;
      /** Url */
      url: string;
    };
    /**
     * RigPart
     * @description One rig's part of a session: when its OBS really started and ended, and how it ended.
     */
    RigPart: {
      /**
       * End Time
       * @default null
       */
      end_time: string | null;
      /** Label */
      label: string;
      /** Rig */
      rig: string;
      /**
       * Skew Ms
       * @description how much later than the session's first rig it started
       * @default null
       */
      skew_ms: number | null;
      /**
       * Start Time
       * @description when this rig's OBS reported it records
       * @default null
       */
      start_time: string | null;
      /**
       * Status
       * @description starting, recording, stopped, interrupted
       */
      status: string;
    };
    /**
     * RigStartRecordingBody
     * @description A start on one rig (POST /api/rigs/<rig>/recording/start).
     */
    RigStartRecordingBody: {
      /**
       * Autoupload
       * @description default: VULTR_AUTO_UPLOAD
       * @default null
       */
      autoUpload?: boolean | null;
      /**
       * Metadata
       * @description any JSON object up to 16384 bytes
       * @default null
       */
      metadata?: {
        [key: string]: unknown;
      } | null;
      /**
       * Priority
       * @description a higher number is uploaded first
       * @default null
       */
      priority?: number | null;
      /**
       * Sessionname
       * @description made folder-safe and unique; a default name when absent
       * @default null
       */
      sessionName?: string | null;
      /**
       * Subtitlemodel
       * @default null
       */
      subtitleModel?: ('base' | 'small' | 'medium' | 'large') | null;
    };
    /**
     * RigState
     * @description One rig (OBS instance) right now.
     */
    RigState: {
      /** Default */
      default: boolean;
      /** @default null */
      disk: components['schemas']['DiskStatus'] | null;
      /** Id */
      id: string;
      /** Label */
      label: string;
      obs: components['schemas']['ObsConnection'];
      /** @default null */
      obs_status: components['schemas']['ObsRecordStatus'] | null;
      /**
       * Session Name
       * @default null
       */
      session_name: string | null;
      state: components['schemas']['RecorderState'];
    };
    /** RigsPage */
    RigsPage: {
      /** Default Rig */
      default_rig: string;
      /** Rigs */
      rigs: components['schemas']['RigState'][];
    };
    /**
     * RigsUpdate
     * @description Every rig right now, about once a second while someone listens (only with a rigs file).
     */
    RigsUpdate: {
      /** Default Rig */
      default_rig: string;
      /**
       * Rig
       * @description the rig (OBS) it is about; null when it is about none
       * @default null
       */
      rig: string | null;
      /** Rigs */
      rigs: components['schemas']['RigState'][];
      /** Timestamp */
      timestamp: string;
    };
    /** RoomAnswer */
    RoomAnswer: {
      /** Room */
      room: string;
    };
    /**
     * ServerEvents
     * @description Socket.IO events sent by the server: event name -> payload.
     */
    ServerEvents: {
      disk_space_low: components['schemas']['DiskSpaceLow'];
      error: components['schemas']['ServiceError'];
      joined: components['schemas']['RoomAnswer'];
      left: components['schemas']['RoomAnswer'];
      manual_upload_completed: components['schemas']['ManualUploadCompleted'];
      marker_added: components['schemas']['MarkerAdded'];
      obs_connection: components['schemas']['ObsConnectionChanged'];
      processing_results_ready: components['schemas']['ProcessingResultsReady'];
      processing_status: components['schemas']['ProcessingStatus'];
      recording_paused: components['schemas']['RecordingPaused'];
      recording_resumed: components['schemas']['RecordingResumed'];
      recording_started: components['schemas']['RecordingStarted'];
      recording_status_update: components['schemas']['RecordingStatusUpdate'];
      recording_stopped: components['schemas']['RecordingStopped'];
      rigs_update: components['schemas']['RigsUpdate'];
      session_updated: components['schemas']['SessionUpdated'];
      upload_completed: components['schemas']['UploadCompleted'];
      upload_failed: components['schemas']['UploadFailed'];
      upload_job_updated: components['schemas']['JobEvent'];
      upload_progress: components['schemas']['UploadProgress'];
      upload_queued: components['schemas']['JobEvent'];
    };
    /** ServiceError */
    ServiceError: {
      /** Message */
      message: string;
      /**
       * Rig
       * @description the rig (OBS) it is about; null when it is about none
       * @default null
       */
      rig: string | null;
      /** Timestamp */
      timestamp: string;
    };
    /** ServiceStatus */
    ServiceStatus: {
      obs: components['schemas']['ObsConnection'];
      /** Obs Connected */
      obs_connected: boolean;
      /** Recent Recordings */
      recent_recordings: components['schemas']['Session'][];
      /** Recording Status */
      recording_status: components['schemas']['IdleRecordingStatus'] | components['schemas']['ActiveRecordingStatus'];
      /** Service Initialized */
      service_initialized: boolean;
      /** Timestamp */
      timestamp: string;
      upload_queue: components['schemas']['QueueSummary'];
    };
    /**
     * Session
     * @description A session as `/api/integrated/recordings` lists it (and `session_metadata.json` keeps it).
     */
    Session: {
      /** Auto Upload */
      auto_upload: boolean;
      /** Duration */
      duration: string;
      /**
       * Duration S
       * @default null
       */
      duration_s: number | null;
      /**
       * End Time
       * @default null
       */
      end_time: string | null;
      /** Files */
      files: components['schemas']['RecordedFile'][];
      /**
       * Markers
       * @default []
       */
      markers: components['schemas']['Marker'][];
      /** Metadata */
      metadata: {
        [key: string]: unknown;
      };
      /**
       * Note
       * @default null
       */
      note: string | null;
      /**
       * Obs Output Path
       * @default null
       */
      obs_output_path: string | null;
      /**
       * Paused S
       * @default 0
       */
      paused_s: number;
      /**
       * Pauses
       * @default []
       */
      pauses: components['schemas']['PauseSpan'][];
      /** Priority */
      priority: number;
      /**
       * Results
       * @description the processed results of the latest completed upload
       * @default []
       */
      results: components['schemas']['ResultFile'][];
      /**
       * Rigs
       * @default []
       */
      rigs: components['schemas']['RigPart'][];
      /** Session Name */
      session_name: string;
      /** Session Path */
      session_path: string;
      /** Size */
      size: string;
      /** Size Bytes */
      size_bytes: number;
      /** Start Time */
      start_time: string;
      /**
       * Started By
       * @enum {string}
       */
      started_by: 'dashboard' | 'api' | 'obs' | 'import';
      status: components['schemas']['SessionStatus'];
      /** Subtitle Model */
      subtitle_model: string;
      /**
       * Thumbnail Url
       * @description a frame from about 10 % in, once a file is final
       * @default null
       */
      thumbnail_url: string | null;
      /** Title */
      title: string;
      /**
       * Uploads
       * @default []
       */
      uploads: components['schemas']['UploadPhases'][];
      /** @default null */
      vultr_upload: components['schemas']['UploadSummary'] | null;
    };
    /**
     * SessionStatus
     * @enum {string}
     */
    SessionStatus: 'recording' | 'stopped' | 'interrupted' | 'failed';
    /**
     * SessionUpdated
     * @description A finished session changed (a thumbnail, results): refetch it.
     */
    SessionUpdated: {
      /**
       * Rig
       * @description the rig (OBS) it is about; null when it is about none
       * @default null
       */
      rig: string | null;
      /** Session Name */
      session_name: string;
      /** Timestamp */
      timestamp: string;
    };
    /** StartRecordingBody */
    StartRecordingBody: {
      /**
       * Autoupload
       * @description default: VULTR_AUTO_UPLOAD
       * @default null
       */
      autoUpload?: boolean | null;
      /**
       * Metadata
       * @description any JSON object up to 16384 bytes
       * @default null
       */
      metadata?: {
        [key: string]: unknown;
      } | null;
      /**
       * Priority
       * @description a higher number is uploaded first
       * @default null
       */
      priority?: number | null;
      /**
       * Rigs
       * @description record one session over several rigs: their ids (at least one), or "all"; absent: the default rig
       * @default null
       */
      rigs?: string[] | 'all' | null;
      /**
       * Sessionname
       * @description made folder-safe and unique; a default name when absent
       * @default null
       */
      sessionName?: string | null;
      /**
       * Subtitlemodel
       * @default null
       */
      subtitleModel?: ('base' | 'small' | 'medium' | 'large') | null;
    };
    /** StartResult */
    StartResult: {
      /** Auto Upload */
      auto_upload: boolean;
      /** Message */
      message: string;
      /** Priority */
      priority: number;
      /**
       * Rigs
       * @default []
       */
      rigs: components['schemas']['RigPart'][];
      /** Session Name */
      session_name: string;
      /** Session Path */
      session_path: string;
      /**
       * Start Skew Ms
       * @description between the first and the last rig to start
       * @default null
       */
      start_skew_ms: number | null;
      /** Start Time */
      start_time: string;
      /**
       * Started By
       * @enum {string}
       */
      started_by: 'dashboard' | 'api' | 'obs' | 'import';
      /** Subtitle Model */
      subtitle_model: string;
      /**
       * Success
       * @default true
       * @constant
       */
      success: true;
      /** Title */
      title: string;
    };
    /** StopRecordingBody */
    StopRecordingBody: {
      /**
       * Leavefileinplace
       * @description after a failed stop: close the session even if the file cannot be moved into its folder
       * @default false
       */
      leaveFileInPlace?: boolean;
    };
    /** StopResult */
    StopResult: {
      /**
       * Duration S
       * @default null
       */
      duration_s: number | null;
      /** Files */
      files: components['schemas']['RecordedFile'][];
      /** Message */
      message: string;
      /**
       * Note
       * @default null
       */
      note: string | null;
      /**
       * Rigs
       * @default []
       */
      rigs: components['schemas']['RigPart'][];
      /** Session Name */
      session_name: string;
      /** Session Path */
      session_path: string;
      /** Size Bytes */
      size_bytes: number;
      status: components['schemas']['SessionStatus'];
      /**
       * Stopped By
       * @enum {string}
       */
      stopped_by: 'dashboard' | 'api' | 'obs';
      /**
       * Success
       * @default true
       * @constant
       */
      success: true;
      /**
       * Upload Result
       * @default null
       */
      upload_result: components['schemas']['UploadQueued'] | components['schemas']['UploadNotQueued'] | null;
      /**
       * Upload Results
       * @description one per file queued by this stop (several rigs, or split files)
       * @default []
       */
      upload_results: (components['schemas']['UploadQueued'] | components['schemas']['UploadNotQueued'])[];
    };
    /** StorageHealth */
    StorageHealth: {
      /**
       * Error
       * @default null
       */
      error: string | null;
      /** Ok */
      ok: boolean;
    };
    /** UploadCompleted */
    UploadCompleted: {
      /** Attempts */
      attempts: number;
      /** Job Id */
      job_id: number;
      /** Manual */
      manual: boolean;
      /**
       * Rig
       * @description the rig (OBS) it is about; null when it is about none
       * @default null
       */
      rig: string | null;
      /** Session Name */
      session_name: string;
      /** Sha256 */
      sha256: string;
      /** Task Id */
      task_id: string;
      /** Timestamp */
      timestamp: string;
    };
    /** UploadFailed */
    UploadFailed: {
      /** Attempt */
      attempt: number;
      /** Error */
      error: string;
      /** Job Id */
      job_id: number;
      /** Manual */
      manual: boolean;
      /**
       * Next Retry At
       * @default null
       */
      next_retry_at: string | null;
      /**
       * Rig
       * @description the rig (OBS) it is about; null when it is about none
       * @default null
       */
      rig: string | null;
      /** Session Name */
      session_name: string;
      /** Timestamp */
      timestamp: string;
      /** Will Retry */
      will_retry: boolean;
    };
    /** UploadJob */
    UploadJob: {
      /** Attempts */
      attempts: number;
      /** Bytes Sent */
      bytes_sent: number;
      /**
       * Can Cancel
       * @description POST …/cancel would be accepted now
       */
      can_cancel: boolean;
      /**
       * Can Retry
       * @description POST …/retry would be accepted now
       */
      can_retry: boolean;
      /** Created At */
      created_at: string;
      /** File Name */
      file_name: string;
      /** File Path */
      file_path: string;
      /**
       * Finished At
       * @default null
       */
      finished_at: string | null;
      /** Id */
      id: number;
      /**
       * Last Error
       * @default null
       */
      last_error: string | null;
      /** Manual */
      manual: boolean;
      /**
       * Next Attempt At
       * @default null
       */
      next_attempt_at: string | null;
      /** Percent */
      percent: number;
      /** Priority */
      priority: number;
      /**
       * Processed At
       * @default null
       */
      processed_at: string | null;
      /**
       * Processing Message
       * @default null
       */
      processing_message: string | null;
      /**
       * Processing Progress
       * @default null
       */
      processing_progress: number | null;
      /**
       * Processing Status
       * @default null
       */
      processing_status: string | null;
      /**
       * Results
       * @default []
       */
      results: components['schemas']['ResultFile'][];
      /**
       * Results State
       * @default null
       */
      results_state: ('pending' | 'fetching' | 'ready' | 'failed') | null;
      /** Rig */
      rig: string;
      /** Session Name */
      session_name: string;
      /**
       * Sha256
       * @default null
       */
      sha256: string | null;
      state: components['schemas']['JobState'];
      /** Subtitle Model */
      subtitle_model: string;
      /**
       * Task Id
       * @default null
       */
      task_id: string | null;
      /** Total Bytes */
      total_bytes: number;
      /** Updated At */
      updated_at: string;
      /**
       * Upload Started At
       * @default null
       */
      upload_started_at: string | null;
      /**
       * Uploaded At
       * @default null
       */
      uploaded_at: string | null;
      /**
       * Worker
       * @description the upload worker (host:pid:id) that holds the job, or held it last
       * @default null
       */
      worker: string | null;
    };
    /** UploadNotQueued */
    UploadNotQueued: {
      /**
       * Queued
       * @default false
       * @constant
       */
      queued: false;
      /** Reason */
      reason: string;
    };
    /**
     * UploadPhases
     * @description One upload's story for the timeline: when each phase began and ended.
     */
    UploadPhases: {
      /** File Name */
      file_name: string;
      /**
       * Finished At
       * @default null
       */
      finished_at: string | null;
      /** Job Id */
      job_id: number;
      /**
       * Processed At
       * @default null
       */
      processed_at: string | null;
      /**
       * Processing Status
       * @default null
       */
      processing_status: string | null;
      /** Queued At */
      queued_at: string;
      /**
       * Results State
       * @default null
       */
      results_state: ('pending' | 'fetching' | 'ready' | 'failed') | null;
      /** Rig */
      rig: string;
      state: components['schemas']['JobState'];
      /**
       * Task Id
       * @default null
       */
      task_id: string | null;
      /**
       * Upload Started At
       * @default null
       */
      upload_started_at: string | null;
      /**
       * Uploaded At
       * @default null
       */
      uploaded_at: string | null;
    };
    /** UploadProgress */
    UploadProgress: {
      /** Bytes Sent */
      bytes_sent: number;
      /**
       * Eta S
       * @default null
       */
      eta_s: number | null;
      /** Job Id */
      job_id: number;
      /** Percent */
      percent: number;
      /** Rate Bps */
      rate_bps: number;
      /**
       * Rig
       * @description the rig (OBS) it is about; null when it is about none
       * @default null
       */
      rig: string | null;
      /** Session Name */
      session_name: string;
      /** Timestamp */
      timestamp: string;
      /** Total Bytes */
      total_bytes: number;
    };
    /** UploadQueued */
    UploadQueued: {
      job: components['schemas']['UploadJob'];
      /**
       * Queued
       * @default true
       * @constant
       */
      queued: true;
    };
    /**
     * UploadSummary
     * @description A session's `vultr_upload` block, in the original StreamAI's field names (legacy ones may
     *     carry more keys).
     */
    UploadSummary: {
      /**
       * Attempts
       * @default null
       */
      attempts: number | null;
      /**
       * File Name
       * @default null
       */
      file_name: string | null;
      /**
       * File Size
       * @default null
       */
      file_size: number | null;
      /**
       * Job Id
       * @default null
       */
      job_id: number | null;
      /**
       * Manual
       * @default null
       */
      manual: boolean | null;
      /**
       * Message
       * @default null
       */
      message: string | null;
      /**
       * Processing Status
       * @default null
       */
      processing_status: string | null;
      /**
       * Progress
       * @default null
       */
      progress: number | null;
      /**
       * Status
       * @default null
       */
      status: string | null;
      /**
       * Task Id
       * @default null
       */
      task_id: string | null;
      /**
       * Upload Time
       * @default null
       */
      upload_time: string | null;
    } & {
      [key: string]: unknown;
    };
    /** UploadsPage */
    UploadsPage: {
      /** Count */
      count: number;
      /** Uploads */
      uploads: components['schemas']['UploadJob'][];
    };
  };
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
  auth: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AuthInfo'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['InvalidBody'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AuthRequired'];
        };
      };
    };
  };
  formatted: {
    parameters: {
      query?: {
        limit?: number;
        offset?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['FormattedPage'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['InvalidBody'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AuthRequired'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Refused'];
        };
      };
      /** @description Request Entity Too Large */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Unsupported Media Type */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  health: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Health'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['InvalidBody'];
        };
      };
    };
  };
  marker: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['MarkerBody'];
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MarkerAnswer'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['InvalidBody'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AuthRequired'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Refused'];
        };
      };
      /** @description Conflict */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Request Entity Too Large */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Unsupported Media Type */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Bad Gateway */
      502: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Service Unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  pause: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RecorderAnswer'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['InvalidBody'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AuthRequired'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Refused'];
        };
      };
      /** @description Conflict */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Request Entity Too Large */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Unsupported Media Type */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Bad Gateway */
      502: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Service Unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  resume: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RecorderAnswer'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['InvalidBody'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AuthRequired'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Refused'];
        };
      };
      /** @description Conflict */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Request Entity Too Large */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Unsupported Media Type */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Bad Gateway */
      502: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Service Unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  start: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['StartRecordingBody'];
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['StartResult'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['InvalidBody'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AuthRequired'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Refused'];
        };
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Conflict */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Request Entity Too Large */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Unsupported Media Type */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Bad Gateway */
      502: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Service Unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Insufficient Storage */
      507: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DiskFull'];
        };
      };
    };
  };
  recording_status: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RecordingStatus'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['InvalidBody'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AuthRequired'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Refused'];
        };
      };
      /** @description Request Entity Too Large */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Unsupported Media Type */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  stop: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['StopRecordingBody'];
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['StopResult'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['InvalidBody'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AuthRequired'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Refused'];
        };
      };
      /** @description Conflict */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Request Entity Too Large */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Unsupported Media Type */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Bad Gateway */
      502: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Service Unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  recordings: {
    parameters: {
      query?: {
        limit?: number;
        offset?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RecordingsPage'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['InvalidBody'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AuthRequired'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Refused'];
        };
      };
      /** @description Request Entity Too Large */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Unsupported Media Type */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  session_result: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        session: string;
        kind: 'subtitles' | 'thumbnail' | 'video';
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the result, possibly a Range of it */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          '*/*': string;
        };
      };
      /** @description the result, possibly a Range of it */
      206: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          '*/*': string;
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['InvalidBody'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AuthRequired'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Refused'];
        };
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Request Entity Too Large */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Unsupported Media Type */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  thumbnail: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        session: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the thumbnail */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'image/jpeg': string;
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['InvalidBody'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AuthRequired'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Refused'];
        };
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Request Entity Too Large */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Unsupported Media Type */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  status: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ServiceStatus'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['InvalidBody'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AuthRequired'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Refused'];
        };
      };
      /** @description Request Entity Too Large */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Unsupported Media Type */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  manual_upload: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ManualUploadBody'];
      };
    };
    responses: {
      /** @description Accepted */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ManualUploadAnswer'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['InvalidBody'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AuthRequired'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Refused'];
        };
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Conflict */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Request Entity Too Large */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Unsupported Media Type */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Unprocessable Entity */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Service Unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  list_jobs: {
    parameters: {
      query?: {
        limit?: number;
        offset?: number;
        state?: components['schemas']['JobState'] | null;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['UploadsPage'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['InvalidBody'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AuthRequired'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Refused'];
        };
      };
      /** @description Request Entity Too Large */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Unsupported Media Type */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  get_job: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        job_id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['UploadJob'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['InvalidBody'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AuthRequired'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Refused'];
        };
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Request Entity Too Large */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Unsupported Media Type */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  cancel: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        job_id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['JobAnswer'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['InvalidBody'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AuthRequired'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Refused'];
        };
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Conflict */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Request Entity Too Large */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Unsupported Media Type */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  job_result: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        job_id: number;
        kind: 'subtitles' | 'thumbnail' | 'video';
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the result, possibly a Range of it */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          '*/*': string;
        };
      };
      /** @description the result, possibly a Range of it */
      206: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          '*/*': string;
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['InvalidBody'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AuthRequired'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Refused'];
        };
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Request Entity Too Large */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Unsupported Media Type */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  retry: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        job_id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['JobAnswer'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['InvalidBody'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AuthRequired'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Refused'];
        };
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Conflict */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Request Entity Too Large */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Unsupported Media Type */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Service Unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  rigs: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RigsPage'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['InvalidBody'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AuthRequired'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Refused'];
        };
      };
      /** @description Request Entity Too Large */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Unsupported Media Type */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  rig_marker: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        rig: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['MarkerBody'];
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MarkerAnswer'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['InvalidBody'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AuthRequired'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Refused'];
        };
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Conflict */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Request Entity Too Large */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Unsupported Media Type */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Bad Gateway */
      502: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Service Unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  rig_pause: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        rig: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RecorderAnswer'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['InvalidBody'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AuthRequired'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Refused'];
        };
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Conflict */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Request Entity Too Large */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Unsupported Media Type */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Bad Gateway */
      502: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Service Unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  rig_resume: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        rig: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RecorderAnswer'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['InvalidBody'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AuthRequired'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Refused'];
        };
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Conflict */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Request Entity Too Large */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Unsupported Media Type */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Bad Gateway */
      502: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Service Unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  rig_start: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        rig: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RigStartRecordingBody'];
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['StartResult'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['InvalidBody'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AuthRequired'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Refused'];
        };
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Conflict */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Request Entity Too Large */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Unsupported Media Type */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Bad Gateway */
      502: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Service Unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Insufficient Storage */
      507: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DiskFull'];
        };
      };
    };
  };
  rig_status: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        rig: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RecordingStatus'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['InvalidBody'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AuthRequired'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Refused'];
        };
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Request Entity Too Large */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Unsupported Media Type */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  rig_stop: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        rig: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['StopRecordingBody'];
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['StopResult'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['InvalidBody'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AuthRequired'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Refused'];
        };
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Conflict */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Request Entity Too Large */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Unsupported Media Type */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Bad Gateway */
      502: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Service Unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
}
