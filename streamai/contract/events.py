"""Every Socket.IO event the server sends to the room `recording_updates`, as pydantic models.

`SERVER_EVENTS` maps each event name to its payload; the OpenAPI document carries them as the
`ServerEvents` schema, from which the dashboard's typed socket is generated.
"""

from __future__ import annotations

from datetime import datetime

from pydantic import Field, create_model

from .models import (
    ActiveRecordingStatus,
    IdleRecordingStatus,
    Marker,
    ObsConnection,
    ResultFile,
    RigState,
    StartResult,
    StopResult,
    UploadJob,
    Wire,
)
from .vocabulary import JobState


def now_iso() -> str:
    return datetime.now().astimezone().isoformat(timespec="milliseconds")


class Event(Wire):
    timestamp: str = Field(default_factory=now_iso)
    rig: str | None = Field(default=None, description="the rig (OBS) it is about; null when it is about none")


class RecordingStarted(Event):
    result: StartResult


class RecordingStopped(Event):
    result: StopResult


class RecordingStatusUpdate(Event):
    status: IdleRecordingStatus | ActiveRecordingStatus


class RecordingPaused(Event):
    session_name: str
    paused_s: float
    message: str


class RecordingResumed(Event):
    session_name: str
    paused_s: float = Field(description="paused time so far in this session, in seconds")
    message: str


class MarkerAdded(Event):
    session_name: str
    marker: Marker


class DiskSpaceLow(Event):
    session_name: str
    free_bytes: int
    estimated_remaining_s: float | None = None
    message: str


class ProcessingResultsReady(Event):
    job_id: int
    session_name: str
    task_id: str
    results: list[ResultFile]


class SessionUpdated(Event):
    """A finished session changed (a thumbnail, results): refetch it."""

    session_name: str


class ManualUploadOutcome(Wire):
    success: bool
    job_id: int
    task_id: str | None = None
    subtitle_model: str
    priority: int
    error: str | None = None


class ManualUploadCompleted(Event):
    session_name: str
    result: ManualUploadOutcome


class JobEvent(Event):
    """`upload_queued` and `upload_job_updated`: the job exactly as the API would show it."""

    job: UploadJob


class UploadProgress(Event):
    job_id: int
    session_name: str
    bytes_sent: int
    total_bytes: int
    percent: float
    rate_bps: int
    eta_s: float | None = None


class UploadCompleted(Event):
    job_id: int
    session_name: str
    task_id: str
    attempts: int
    manual: bool
    sha256: str


class UploadFailed(Event):
    job_id: int
    session_name: str
    error: str
    attempt: int
    will_retry: bool
    next_retry_at: str | None = None
    manual: bool


class ProcessingStatus(Event):
    job_id: int
    session_name: str
    task_id: str
    status: str
    progress: float | None = None
    message: str | None = None
    state: JobState


class RigsUpdate(Event):
    """Every rig right now, about once a second while someone listens (only with a rigs file)."""

    rigs: list[RigState]
    default_rig: str


class ObsConnectionChanged(Event, ObsConnection):
    pass


class ServiceError(Event):
    message: str


class RoomAnswer(Wire):
    room: str


SERVER_EVENTS: dict[str, type[Wire]] = {
    "recording_started": RecordingStarted,
    "recording_stopped": RecordingStopped,
    "recording_status_update": RecordingStatusUpdate,
    "rigs_update": RigsUpdate,
    "recording_paused": RecordingPaused,
    "recording_resumed": RecordingResumed,
    "marker_added": MarkerAdded,
    "disk_space_low": DiskSpaceLow,
    "processing_results_ready": ProcessingResultsReady,
    "session_updated": SessionUpdated,
    "manual_upload_completed": ManualUploadCompleted,
    "upload_queued": JobEvent,
    "upload_job_updated": JobEvent,
    "upload_progress": UploadProgress,
    "upload_completed": UploadCompleted,
    "upload_failed": UploadFailed,
    "processing_status": ProcessingStatus,
    "obs_connection": ObsConnectionChanged,
    "error": ServiceError,
    "joined": RoomAnswer,
    "left": RoomAnswer,
}

# One object type whose properties are the events: the TypeScript side maps it to listeners.
ServerEvents = create_model(  # type: ignore[call-overload]
    "ServerEvents",
    __base__=Wire,
    __doc__="Socket.IO events sent by the server: event name -> payload.",
    **{name: (model, ...) for name, model in SERVER_EVENTS.items()},
)
