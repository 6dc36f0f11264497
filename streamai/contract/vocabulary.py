"""The words of the contract: states, models and limits that the server and the dashboard share.

They live here, once; the dashboard gets them through the generated `frontend/src/types/api.ts`.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Literal

SubtitleModel = Literal["base", "small", "medium", "large"]
SUBTITLE_MODELS: tuple[str, ...] = ("base", "small", "medium", "large")
MIN_PRIORITY, MAX_PRIORITY = 1, 10

StartedBy = Literal["dashboard", "api", "obs", "import"]
StoppedBy = Literal["dashboard", "api", "obs"]
Role = Literal["operator", "viewer"]
ResultKind = Literal["subtitles", "thumbnail", "video"]
RESULT_KINDS: tuple[str, ...] = ("subtitles", "thumbnail", "video")
ResultsState = Literal["pending", "fetching", "ready", "failed"]


class SessionStatus(StrEnum):
    RECORDING = "recording"
    STOPPED = "stopped"
    INTERRUPTED = "interrupted"
    FAILED = "failed"


class RecorderState(StrEnum):
    """One OBS connection's recording lifecycle (see service/lifecycle.py for the allowed moves)."""

    IDLE = "idle"
    STARTING = "starting"
    RECORDING = "recording"
    PAUSED = "paused"
    STOPPING = "stopping"
    INTERRUPTED = "interrupted"
    STOP_FAILED = "stop_failed"


class JobState(StrEnum):
    QUEUED = "queued"
    UPLOADING = "uploading"
    RETRYING = "retrying"
    UPLOADED = "uploaded"
    PROCESSING = "processing"
    COMPLETED = "completed"
    FAILED = "failed"
    CANCELLED = "cancelled"


class ObsLinkState(StrEnum):
    CONNECTED = "connected"
    RECONNECTING = "reconnecting"
    DISCONNECTED = "disconnected"
