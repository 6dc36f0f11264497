"""Every error leaves the API as `{"error": sentence, …}` with its status: never HTML, never a trace."""

from __future__ import annotations

import logging
import sqlite3

from flask import Flask, Response, current_app, jsonify, request
from pydantic import ValidationError
from werkzeug.exceptions import HTTPException

from ..exceptions import StreamAIError

log = logging.getLogger(__name__)


def error_response(status: int, message: str, **details) -> Response:
    response = jsonify({"error": message, **details})
    response.status_code = status
    return response


def validation_error(error: ValidationError) -> Response:
    """flask-openapi3's hook: a pydantic refusal, said as one sentence naming the field."""
    problems = []
    for item in error.errors(include_url=False, include_input=False):
        field = ".".join(str(part) for part in item["loc"])
        problems.append({"field": field, "message": item["msg"]})
    first = problems[0] if problems else {"field": "", "message": "invalid input"}
    if not first["field"]:
        sentence = "the body must be a JSON object" if "dictionary" in first["message"] else first["message"]
    else:
        sentence = f"{first['field']}: {first['message']}"
    return error_response(400, sentence, field=first["field"] or None, problems=problems)


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
        if exc.code == 413:
            limit = current_app.config.get("MAX_CONTENT_LENGTH")
            return error_response(413, f"the body is larger than {limit} bytes (STREAMAI_MAX_BODY)")
        return error_response(exc.code or 500, exc.description or exc.name)

    @app.errorhandler(sqlite3.Error)
    def _database_error(exc: sqlite3.Error):
        log.error("database error on %s %s: %s", request.method, request.path, exc)
        return error_response(503, f"the database cannot be used right now: {exc}", storage=False)

    @app.errorhandler(OSError)
    def _storage_error(exc: OSError):
        log.error("storage error on %s %s: %s", request.method, request.path, exc)
        return error_response(
            503, f"the recordings folder cannot be used right now: {exc.strerror or exc}", storage=False
        )

    @app.errorhandler(Exception)
    def _unexpected(exc: Exception):
        log.exception("unhandled error on %s %s", request.method, request.path)
        return error_response(500, "internal error; the server log has the details")
