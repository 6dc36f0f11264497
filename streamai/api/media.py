"""Thumbnails and processed results: files a browser loads in <img> and <video>.

Those elements cannot send a bearer token, so when tokens are on, the API hands out media URLs
signed with a key derived from the operator token (security.MediaSigner); the guard accepts such a
URL in place of a token. Videos are served with HTTP Range, so the browser can seek.
"""

from __future__ import annotations

import mimetypes
import os
from datetime import UTC, datetime
from typing import BinaryIO

from flask import Response, current_app, request
from pydantic import BaseModel
from werkzeug.wsgi import wrap_file

from ..contract.requests import JobPath
from ..contract.vocabulary import ResultKind
from . import blueprint, error_answers, service

bp = blueprint("media", "/api/integrated")

# Content types served as themselves; any other result is offered as a download, never rendered
# under our origin (an HTML or SVG "result" must not run script here).
INLINE = {
    "video/mp4",
    "video/webm",
    "video/x-matroska",
    "video/quicktime",
    "image/jpeg",
    "image/png",
    "image/webp",
    "text/vtt",
    "text/plain",
    "application/x-subrip",
    "text/srt",
    "application/json",
}
KINDS = "any(subtitles, thumbnail, video)"
BINARY = {"schema": {"type": "string", "format": "binary"}}
JPEG = {"description": "the thumbnail", "content": {"image/jpeg": BINARY}}
# A result keeps the type the processing API gave it (video/webm, text/vtt, image/png…), or is
# application/octet-stream when it is not one the browser may render here.
RESULT = {"description": "the result, possibly a Range of it", "content": {"*/*": BINARY}}


class SessionPath(BaseModel):
    session: str


class SessionResultPath(SessionPath):
    kind: ResultKind


class JobResultPath(JobPath):
    kind: ResultKind


def send(fh: BinaryIO, content_type: str, name: str) -> Response:
    """The open file, with Range support (206 for `Range: bytes=…`), closed when sent."""
    stat = os.fstat(fh.fileno())
    inline = content_type in INLINE
    response = current_app.response_class(
        wrap_file(request.environ, fh),
        direct_passthrough=True,
        mimetype=content_type if inline else "application/octet-stream",
    )
    response.content_length = stat.st_size
    response.last_modified = datetime.fromtimestamp(stat.st_mtime, UTC)
    response.headers["Content-Disposition"] = f'{"inline" if inline else "attachment"}; filename="{name}"'
    response.cache_control.private = True
    response.cache_control.max_age = 3600
    response.make_conditional(request.environ, accept_ranges=True, complete_length=stat.st_size)
    return response


@bp.get("/recordings/<session>/thumbnail", responses={200: JPEG, **error_answers(404)})
def thumbnail(path: SessionPath):
    """A frame from about 10 % into the session's first file (image/jpeg); 404 until there is one."""
    return send(service().thumbnail(path.session), "image/jpeg", "thumbnail.jpg")


@bp.get(f"/recordings/<session>/results/<{KINDS}:kind>", responses={200: RESULT, 206: RESULT, **error_answers(404)})
def session_result(path: SessionResultPath):
    """A processed result of the session's latest upload that has one (HTTP Range for the video)."""
    result, fh = service().session_result(path.session, path.kind)
    return send(fh, result["content_type"], result["name"])


@bp.get(
    f"/uploads/<int(max=9223372036854775807):job_id>/results/<{KINDS}:kind>",
    responses={200: RESULT, 206: RESULT, **error_answers(404)},
)
def job_result(path: JobResultPath):
    """A processed result of one upload job (HTTP Range for the video)."""
    result, fh = service().job_result(path.job_id, path.kind)
    return send(fh, result["content_type"], result["name"])


mimetypes.add_type("video/x-matroska", ".mkv")
