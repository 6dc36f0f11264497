"""HTTP routes: thin adapters from validated requests to the IntegratedRecordingService."""

from __future__ import annotations

from typing import Any

from flask import Response, current_app
from flask_openapi3 import APIBlueprint, Tag
from flask_openapi3.types import ResponseDict

from ..config import Settings
from ..contract.models import AuthRequired, ErrorBody, InvalidBody, Refused, Wire
from ..service import IntegratedRecordingService
from ..service.control import RecordingControl

# Error answers every operation may give (each route adds its own): the OpenAPI document lists them.
COMMON_ERRORS: ResponseDict = {400: InvalidBody, 401: AuthRequired, 403: Refused, 413: ErrorBody, 415: ErrorBody}
BEARER: list[dict[str, list[str]]] = [{"bearer": []}]


def blueprint(name: str, url_prefix: str, *, needs_token: bool = True) -> APIBlueprint:
    """One area of the API: its tag, its security, the errors every operation may give, and
    operation ids that are the view functions' names (`start`, `get_job`…)."""
    return APIBlueprint(
        name,
        f"streamai.api.{name}",
        url_prefix=url_prefix,
        abp_tags=[Tag(name=name)],
        abp_security=BEARER if needs_token else [],
        abp_responses=COMMON_ERRORS if needs_token else {400: InvalidBody},
        operation_id_callback=lambda name, path, method: name,
    )


def service() -> IntegratedRecordingService:
    return current_app.extensions["streamai"]


def control() -> RecordingControl:
    """What drives OBS: the service itself, or (streamai web) the controller process through Redis."""
    return current_app.extensions["streamai_control"]


def settings() -> Settings:
    return current_app.config["STREAMAI_SETTINGS"]


def reply(model: Wire, status: int = 200) -> Response:
    """The model as JSON (pydantic's: a non-finite number becomes null, never invalid JSON)."""
    return Response(model.model_dump_json(), status=status, mimetype="application/json")


def error_answers(*statuses: int) -> ResponseDict:
    return {status: COMMON_ERRORS.get(status, ErrorBody) for status in statuses}


def init_app(app) -> None:
    from . import dashboard, docs, health, media, recording, recordings, rigs, security, uploads
    from . import errors as error_handlers

    error_handlers.init_app(app)
    security.init_app(app, settings_of(app))
    for module in (health, recording, recordings, uploads, media, rigs):
        app.register_api(module.bp)
    app.register_blueprint(docs.bp)
    app.register_blueprint(dashboard.bp)


def settings_of(app) -> Settings:
    return app.config["STREAMAI_SETTINGS"]
