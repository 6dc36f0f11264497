"""HTTP routes: thin adapters from requests to the IntegratedRecordingService."""

from __future__ import annotations

from flask import Flask, current_app

from ..service import IntegratedRecordingService


def service() -> IntegratedRecordingService:
    return current_app.extensions["streamai"]


def init_app(app: Flask) -> None:
    from . import auth, dashboard, errors, health, recording, recordings, uploads

    errors.init_app(app)
    auth.init_app(app, app.config["STREAMAI_SETTINGS"].api_token)
    for module in (health, recording, recordings, uploads, dashboard):
        app.register_blueprint(module.bp)
