from flask import Blueprint

from ..service import timestamp
from . import service
from . import validation as v

bp = Blueprint("recordings", __name__)

MAX_LIMIT = 500


@bp.get("/api/integrated/recordings")
def recordings():
    limit = v.query_int("limit", 10, 1, MAX_LIMIT)
    offset = v.query_int("offset", 0, 0, 10**9)
    items = service().recordings(limit, offset)
    return {"recordings": items, "count": len(items), "total": service().count_sessions(), "timestamp": timestamp()}


@bp.get("/api/frontend/recordings/formatted")
def formatted():
    limit = v.query_int("limit", 50, 1, MAX_LIMIT)
    offset = v.query_int("offset", 0, 0, 10**9)
    items = service().formatted_recordings(limit, offset)
    return {"recordings": items, "count": len(items), "total": service().count_sessions()}


@bp.post("/api/integrated/upload/manual")
def manual_upload():
    body = v.json_body()
    job = service().manual_upload(v.required_string(body, "sessionName"), v.subtitle_model(body), v.priority(body))
    return {"success": True, "message": f"upload of {job.session_name} queued as job {job.id}",
            "job": job.to_dict()}, 202
