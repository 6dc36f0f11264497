from flask import Blueprint, request

from . import service
from . import validation as v

bp = Blueprint("uploads", __name__, url_prefix="/api/integrated/uploads")


@bp.get("")
def list_jobs():
    jobs = service().upload_jobs(request.args.get("state") or None, v.query_int("limit", 50, 1, 500),
                                 v.query_int("offset", 0, 0, 10**9))
    return {"uploads": [job.to_dict() for job in jobs], "count": len(jobs)}


@bp.get("/<int:job_id>")
def get_job(job_id: int):
    return service().upload_job(job_id).to_dict()


@bp.post("/<int:job_id>/retry")
def retry(job_id: int):
    return {"success": True, "job": service().retry_upload(job_id).to_dict()}


@bp.post("/<int:job_id>/cancel")
def cancel(job_id: int):
    return {"success": True, "job": service().cancel_upload(job_id).to_dict()}
