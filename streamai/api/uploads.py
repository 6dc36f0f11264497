from ..contract.models import JobAnswer, UploadJob, UploadsPage
from ..contract.requests import JobPath, UploadsQuery
from . import blueprint, error_answers, reply, service

bp = blueprint("uploads", "/api/integrated/uploads")

# Job ids are SQLite integers: a larger number cannot be a job, so it is a 404, not an overflow.
JOB = "/<int(max=9223372036854775807):job_id>"


@bp.get("", responses={200: UploadsPage})
def list_jobs(query: UploadsQuery):
    """Upload jobs, newest first, optionally in one state."""
    return reply(service().upload_jobs(query))


@bp.get(JOB, responses={200: UploadJob, **error_answers(404)})
def get_job(path: JobPath):
    """One upload job."""
    return reply(service().upload_job(path.job_id))


@bp.post(f"{JOB}/retry", responses={200: JobAnswer, **error_answers(404, 409, 503)})
def retry(path: JobPath):
    """Queue a failed or cancelled job again (`can_retry`)."""
    return reply(service().retry_upload(path.job_id))


@bp.post(f"{JOB}/cancel", responses={200: JobAnswer, **error_answers(404, 409)})
def cancel(path: JobPath):
    """Cancel a queued, retrying or running job (`can_cancel`); a running one stops at the next MiB."""
    return reply(service().cancel_upload(path.job_id))
