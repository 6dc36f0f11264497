"""The rigs (OBS instances) and each one's own recording controls.

The guide's /api/integrated/* routes drive the default rig (and a record-all session); these
drive one rig alone. A rig that is part of a record-all session stops only its own part here.
"""

from pydantic import BaseModel

from ..contract.models import DiskFull, MarkerAnswer, RecorderAnswer, RecordingStatus, RigsPage, StartResult, StopResult
from ..contract.requests import MarkerBody, RigStartRecordingBody, StopRecordingBody
from . import blueprint, control, error_answers, reply
from .recording import client

bp = blueprint("rigs", "/api/rigs")


class RigPath(BaseModel):
    rig: str


@bp.get("", responses={200: RigsPage})
def rigs():
    """Every rig: its OBS connection, its recorder's state, the session it records, timecode, disk."""
    return reply(control().rigs())


@bp.get("/<rig>/recording/status", responses={200: RecordingStatus, **error_answers(404)})
def rig_status(path: RigPath):
    """One rig's recording status."""
    return reply(control().recording_status(rig_id=path.rig))


@bp.post("/<rig>/recording/start", responses={200: StartResult, **error_answers(404, 409, 502, 503), 507: DiskFull})
def rig_start(path: RigPath, body: RigStartRecordingBody):
    """Start a session on this rig alone; its files land in `<session>/<rig>/`."""
    return reply(control().start_recording(body, client(), rig_id=path.rig))


@bp.post("/<rig>/recording/stop", responses={200: StopResult, **error_answers(404, 409, 502, 503)})
def rig_stop(path: RigPath, body: StopRecordingBody):
    """Stop this rig (its part of a record-all session; the other rigs go on)."""
    return reply(control().stop_recording(client(), body.leave_file_in_place, rig_id=path.rig))


@bp.post("/<rig>/recording/pause", responses={200: RecorderAnswer, **error_answers(404, 409, 502, 503)})
def rig_pause(path: RigPath):
    """Pause this rig's recording."""
    return reply(control().pause_recording(rig_id=path.rig))


@bp.post("/<rig>/recording/resume", responses={200: RecorderAnswer, **error_answers(404, 409, 502, 503)})
def rig_resume(path: RigPath):
    """Resume this rig's recording."""
    return reply(control().resume_recording(rig_id=path.rig))


@bp.post("/<rig>/recording/marker", responses={200: MarkerAnswer, **error_answers(404, 409, 502, 503)})
def rig_marker(path: RigPath, body: MarkerBody):
    """A marker at this rig's timecode."""
    return reply(control().add_marker(body, rig_id=path.rig))
