"""Every response body the HTTP API sends, as pydantic models: the one definition of their shape.

Presenters (service/presenters.py) build them from sessions and jobs; routes and Socket.IO events
send them; `/api/openapi.json` describes them; the dashboard's types are generated from that.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, RootModel

from .vocabulary import (
    JobState,
    ObsLinkState,
    RecorderState,
    ResultKind,
    ResultsState,
    Role,
    SessionStatus,
    StartedBy,
    StoppedBy,
)

# A field with a default is always sent, so the schema lists it as required (the generated
# TypeScript types then need no `?`); a non-finite float leaves as null, never as invalid JSON.
WIRE = ConfigDict(
    ser_json_inf_nan="null", json_schema_mode_override="serialization", json_schema_serialization_defaults_required=True
)


class Wire(BaseModel):
    """Base of every payload the server sends."""

    model_config = WIRE


class ErrorBody(BaseModel):
    """Every error: a sentence for a person, and details for a program (`field` when one is at fault)."""

    model_config = ConfigDict(extra="allow")
    error: str
    field: str | None = None


class Problem(BaseModel):
    field: str
    message: str


class InvalidBody(ErrorBody):
    """400: what was wrong with the request, field by field."""

    problems: list[Problem] = []


class DiskFull(ErrorBody):
    """507: not enough free space to start."""

    free_bytes: int
    required_bytes: int


class AuthRequired(ErrorBody):
    """401: a token is needed (and this request had none, or a wrong one)."""

    auth_required: bool = True


class Refused(ErrorBody):
    """403: a viewer token on a route that changes something, or a foreign Origin."""

    required_role: Role | None = None
    role: Role | None = None
    origin: str | None = None


# -- health and identity ---------------------------------------------------------------------


class ObsConnection(Wire):
    connected: bool
    state: ObsLinkState
    error: str | None = None


class StorageHealth(Wire):
    ok: bool
    error: str | None = None


class Health(Wire):
    status: Literal["healthy", "degraded"]
    timestamp: str
    obs: ObsConnection
    storage: StorageHealth
    uploads_enabled: bool
    auth_required: bool
    version: str


class AuthInfo(Wire):
    role: Role
    auth_required: bool


# -- recordings ------------------------------------------------------------------------------


class RecordedFile(Wire):
    rig: str = Field(description="the rig (OBS) that recorded it")
    name: str
    path: str
    relative_path: str
    size_bytes: int | None = None
    duration_s: float | None = None


class UploadSummary(Wire):
    """A session's `vultr_upload` block, in the original StreamAI's field names (legacy ones may
    carry more keys)."""

    model_config = ConfigDict(**WIRE, extra="allow")
    job_id: int | None = None
    task_id: str | None = None
    status: str | None = None
    processing_status: str | None = None
    progress: float | None = None
    message: str | None = None
    upload_time: str | None = None
    file_name: str | None = None
    file_size: int | None = None
    attempts: int | None = None
    manual: bool | None = None


class PauseSpan(Wire):
    """A pause of the recording, in wall-clock time (`end` is null while it lasts)."""

    start: str
    end: str | None = None


class Marker(Wire):
    """A point of interest: `timecode_ms` in the recording's own time (pauses excluded)."""

    timecode_ms: int
    label: str | None = None
    at: str
    rig: str | None = Field(default=None, description="the rig whose timecode it is")


class ResultFile(Wire):
    """A result of processing, fetched into the session folder and served by the API."""

    kind: ResultKind
    name: str
    size_bytes: int
    content_type: str
    url: str


class UploadPhases(Wire):
    """One upload's story for the timeline: when each phase began and ended."""

    job_id: int
    rig: str
    file_name: str
    state: JobState
    queued_at: str
    finished_at: str | None = None
    upload_started_at: str | None = None
    uploaded_at: str | None = None
    processed_at: str | None = None
    task_id: str | None = None
    processing_status: str | None = None
    results_state: ResultsState | None = None


class RigPart(Wire):
    """One rig's part of a session: when its OBS really started and ended, and how it ended."""

    rig: str
    label: str
    status: str = Field(description="starting, recording, stopped, interrupted")
    start_time: str | None = Field(default=None, description="when this rig's OBS reported it records")
    end_time: str | None = None
    skew_ms: float | None = Field(default=None, description="how much later than the session's first rig it started")


class SessionFacts(Wire):
    """What every answer about a session says the same way."""

    session_name: str
    title: str
    session_path: str
    auto_upload: bool
    subtitle_model: str
    priority: int
    started_by: StartedBy
    start_time: str


class Session(SessionFacts):
    """A session as `/api/integrated/recordings` lists it (and `session_metadata.json` keeps it)."""

    status: SessionStatus
    end_time: str | None = None
    duration_s: float | None = None
    duration: str
    size_bytes: int
    size: str
    files: list[RecordedFile]
    obs_output_path: str | None = None
    note: str | None = None
    metadata: dict[str, Any]
    vultr_upload: UploadSummary | None = None
    pauses: list[PauseSpan] = []
    paused_s: float = 0.0
    markers: list[Marker] = []
    thumbnail_url: str | None = Field(default=None, description="a frame from about 10 % in, once a file is final")
    uploads: list[UploadPhases] = []
    results: list[ResultFile] = Field(default=[], description="the processed results of the latest completed upload")
    rigs: list[RigPart] = []


class FormattedRecording(Wire):
    """The dashboard's shape of a session (the original StreamAI's `/recordings/formatted`)."""

    id: str
    session_name: str
    title: str
    date: str
    start_time: str
    duration: str
    size: str
    views: int
    thumbnail: str
    platforms: list[str]
    status: str
    hasTranscription: bool
    hasHighlights: bool
    hasShorts: bool
    categories: list[Any]
    isManualUpload: bool
    filePath: str | None = None
    vultr_task_id: str | None = None
    upload_status: str | None = None
    upload_time: str | None = None
    processing_progress: float | None = None
    note: str | None = None


class ObsRecordStatus(Wire):
    active: bool
    paused: bool
    timecode: str | None = None
    bytes: int | None = None
    duration_ms: int | None = None
    error: str | None = None


class DiskStatus(Wire):
    free_bytes: int = Field(description="the smaller of RECORDINGS_PATH's free space and OBS's")
    estimated_remaining_s: float | None = Field(default=None, description="recording time left at the current rate")
    low: bool


class IdleRecordingStatus(Wire):
    active: Literal[False] = False
    state: RecorderState
    message: str
    obs_connected: bool


class ActiveRecordingStatus(SessionFacts):
    active: Literal[True] = True
    state: RecorderState
    stopping: bool
    stop_error: str | None = None
    obs_status: ObsRecordStatus
    obs_connected: bool
    pauses: list[PauseSpan] = []
    paused_s: float = 0.0
    markers: list[Marker] = []
    disk: DiskStatus | None = None
    rig: str = Field(description="the rig this status is read from (the session's first)")
    rigs: list[RigPart] = []


class RecordingStatus(RootModel[IdleRecordingStatus | ActiveRecordingStatus]):
    """`active: false` when nothing records; the session and OBS's live figures otherwise."""


class StartResult(SessionFacts):
    success: Literal[True] = True
    message: str
    rigs: list[RigPart] = []
    start_skew_ms: float | None = Field(default=None, description="between the first and the last rig to start")


class UploadJob(Wire):
    id: int
    session_name: str
    rig: str
    file_name: str
    file_path: str
    state: JobState
    manual: bool
    subtitle_model: str
    priority: int
    attempts: int
    bytes_sent: int
    total_bytes: int
    percent: float
    sha256: str | None = None
    last_error: str | None = None
    next_attempt_at: str | None = None
    task_id: str | None = None
    processing_status: str | None = None
    processing_progress: float | None = None
    processing_message: str | None = None
    created_at: str
    updated_at: str
    finished_at: str | None = None
    can_retry: bool = Field(description="POST …/retry would be accepted now")
    can_cancel: bool = Field(description="POST …/cancel would be accepted now")
    upload_started_at: str | None = None
    uploaded_at: str | None = None
    processed_at: str | None = None
    results_state: ResultsState | None = None
    results: list[ResultFile] = []
    worker: str | None = Field(
        default=None, description="the upload worker (host:pid:id) that holds the job, or held it last"
    )


class RecorderAnswer(Wire):
    """A pause or a resume, once OBS has done it."""

    success: Literal[True] = True
    message: str
    session_name: str
    state: RecorderState
    paused_s: float


class MarkerAnswer(Wire):
    success: Literal[True] = True
    session_name: str
    marker: Marker
    chapter: bool = Field(
        description="OBS also wrote it as a chapter in the file (obs-websocket 5.5+, formats with chapters)"
    )


class UploadQueued(Wire):
    queued: Literal[True] = True
    job: UploadJob


class UploadNotQueued(Wire):
    queued: Literal[False] = False
    reason: str


class StopResult(Wire):
    success: Literal[True] = True
    message: str
    session_name: str
    session_path: str
    status: SessionStatus
    files: list[RecordedFile]
    duration_s: float | None = None
    size_bytes: int
    note: str | None = None
    stopped_by: StoppedBy
    upload_result: UploadQueued | UploadNotQueued | None = None
    upload_results: list[UploadQueued | UploadNotQueued] = Field(
        default=[], description="one per file queued by this stop (several rigs, or split files)"
    )
    rigs: list[RigPart] = []


# -- pages -----------------------------------------------------------------------------------


class RecordingsPage(Wire):
    recordings: list[Session]
    count: int
    total: int
    timestamp: str


class FormattedPage(Wire):
    recordings: list[FormattedRecording]
    count: int
    total: int


class UploadsPage(Wire):
    uploads: list[UploadJob]
    count: int


class JobAnswer(Wire):
    success: Literal[True] = True
    job: UploadJob


class ManualUploadAnswer(JobAnswer):
    message: str


class QueueSummary(Wire):
    enabled: bool
    concurrency: int
    counts: dict[JobState, int]


class ServiceStatus(Wire):
    service_initialized: bool
    obs_connected: bool
    obs: ObsConnection
    recording_status: IdleRecordingStatus | ActiveRecordingStatus
    recent_recordings: list[Session]
    upload_queue: QueueSummary
    timestamp: str


class RigState(Wire):
    """One rig (OBS instance) right now."""

    id: str
    label: str
    default: bool
    obs: ObsConnection
    state: RecorderState
    session_name: str | None = None
    obs_status: ObsRecordStatus | None = None
    disk: DiskStatus | None = None


class RigsPage(Wire):
    rigs: list[RigState]
    default_rig: str
