"""Every error leaves the API as `{"error": sentence}` with its status: never HTML, never a trace."""

from __future__ import annotations

import logging

from flask import Flask, jsonify, request
from werkzeug.exceptions import HTTPException

from ..exceptions import StreamAIError

log = logging.getLogger(__name__)


def error_response(status: int, message: str, **details):
    response = jsonify({"error": message, **details})
    response.status_code = status
    return response


def init_app(app: Flask) -> None:
    @app.errorhandler(StreamAIError)
    def _streamai_error(exc: StreamAIError):
        return error_response(exc.status, exc.message, **exc.details)

    @app.errorhandler(HTTPException)
    def _http_error(exc: HTTPException):
        if exc.code == 405:
            return error_response(405, f"{request.method} is not allowed on {request.path}")
        if exc.code == 404:
            return error_response(404, f"nothing at {request.path}")
        return error_response(exc.code or 500, exc.description or exc.name)

    @app.errorhandler(Exception)
    def _unexpected(exc: Exception):
        log.exception("unhandled error on %s %s", request.method, request.path)
        return error_response(500, "internal error; the server log has the details")
