from flask import request

from ..contract.models import (
    DiskFull,
    MarkerAnswer,
    RecorderAnswer,
    RecordingStatus,
    ServiceStatus,
    StartResult,
    StopResult,
)
from ..contract.requests import MarkerBody, StartRecordingBody, StopRecordingBody
from . import blueprint, control, error_answers, reply

bp = blueprint("recording", "/api/integrated")

CLIENT_HEADER = "X-StreamAI-Client"


def client() -> str:
    return "dashboard" if request.headers.get(CLIENT_HEADER, "").lower() == "dashboard" else "api"


@bp.get("/status", responses={200: ServiceStatus})
def status():
    """Service overview: OBS, the recording, the five latest sessions, the upload queue."""
    return reply(control().status())


@bp.get("/recording/status", responses={200: RecordingStatus})
def recording_status():
    """The current recording (`active: false` when none), with OBS's live timecode and bytes."""
    return reply(control().recording_status())


@bp.post("/recording/start", responses={200: StartResult, **error_answers(404, 409, 502, 503), 507: DiskFull})
def start(body: StartRecordingBody):
    """Start recording a named session; answers once OBS really records.

    Without `rigs`, on the default rig. With `rigs` (ids, or "all"), one session over several
    rigs, started in parallel: all record, or none does (the error names the rig)."""
    return reply(control().start_recording(body, client()))


@bp.post("/recording/stop", responses={200: StopResult, **error_answers(409, 502, 503)})
def stop(body: StopRecordingBody):
    """Stop, wait until OBS has finished writing the file, register it, queue its upload.

    A session over several rigs is stopped on all of them; each rig's file is its own upload."""
    return reply(control().stop_recording(client(), body.leave_file_in_place))


@bp.post("/recording/pause", responses={200: RecorderAnswer, **error_answers(409, 502, 503)})
def pause():
    """Pause the recording, and answer once OBS has paused.

    409 when nothing records, or when it is already paused."""
    return reply(control().pause_recording())


@bp.post("/recording/resume", responses={200: RecorderAnswer, **error_answers(409, 502, 503)})
def resume():
    """Resume a paused recording; 409 when it is not paused."""
    return reply(control().resume_recording())


@bp.post("/recording/marker", responses={200: MarkerAnswer, **error_answers(409, 502, 503)})
def marker(body: MarkerBody):
    """Mark the current moment of the recording.

    The marker holds the recording's timecode (pauses excluded); where OBS can write chapters
    (obs-websocket 5.5+, Hybrid MP4) it is one too. Markers go to the processing API with the
    upload, as the `markers` form field."""
    return reply(control().add_marker(body))
