from flask import Blueprint, request

from ..service import timestamp
from . import service
from . import validation as v

bp = Blueprint("recording", __name__, url_prefix="/api/integrated")

RECENT = 5
CLIENT_HEADER = "X-StreamAI-Client"


@bp.get("/status")
def status():
    svc = service()
    return {
        "service_initialized": True,
        "obs_connected": svc.obs.state.connected,
        "obs": svc.obs.state.as_dict(),
        "recording_status": svc.recording_status(),
        "recent_recordings": svc.recordings(RECENT),
        "upload_queue": svc.upload_queue_summary(),
        "timestamp": timestamp(),
    }


@bp.get("/recording/status")
def recording_status():
    return service().recording_status()


@bp.post("/recording/start")
def start():
    body = v.json_body()
    source = "dashboard" if request.headers.get(CLIENT_HEADER, "").lower() == "dashboard" else "api"
    return service().start_recording(
        session_name=v.optional_string(body, "sessionName"),
        auto_upload=v.optional_bool(body, "autoUpload"),
        subtitle_model=v.subtitle_model(body),
        priority=v.priority(body),
        metadata=v.metadata(body),
        source=source,
    )


@bp.post("/recording/stop")
def stop():
    v.json_body()  # a malformed body is still refused, though stop takes no options
    return service().stop_recording()
