from ..contract.models import FormattedPage, ManualUploadAnswer, RecordingsPage
from ..contract.requests import FormattedPageQuery, ManualUploadBody, Page
from . import blueprint, error_answers, reply, service

bp = blueprint("recordings", "/api")


@bp.get("/integrated/recordings", responses={200: RecordingsPage})
def recordings(query: Page):
    """Sessions, newest first, with their files, metadata and upload (`vultr_upload`)."""
    return reply(service().recordings(query))


@bp.get("/frontend/recordings/formatted", responses={200: FormattedPage})
def formatted(query: FormattedPageQuery):
    """The same sessions in the dashboard's shape (the original StreamAI's)."""
    return reply(service().formatted_recordings(query))


@bp.post("/integrated/upload/manual", responses={202: ManualUploadAnswer, **error_answers(404, 409, 422, 503)})
def manual_upload(body: ManualUploadBody):
    """Queue an upload of an existing session's recording; the result comes as `manual_upload_completed`."""
    return reply(service().manual_upload(body), 202)
