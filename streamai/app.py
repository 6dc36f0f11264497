"""The application factory: builds every part from Settings and wires them together."""

from __future__ import annotations

import logging

from flask import Flask
from flask_cors import CORS

from . import api
from .config import Settings
from .db import Database
from .obs import ObsController
from .realtime import ROOM, socketio
from .realtime.broadcaster import StatusBroadcaster
from .service import IntegratedRecordingService
from .sessions import RecordingManager, SessionStore
from .uploads import ProcessingApiClient, RetryPolicy, UploadQueue, UploadWorker

log = logging.getLogger(__name__)


def create_app(settings: Settings, *, start_background: bool = True) -> Flask:
    """A ready app; `start_background=False` leaves OBS and the upload worker idle (unit tests)."""
    app = Flask(__name__, static_folder=None)
    app.config["STREAMAI_SETTINGS"] = settings
    app.json.ensure_ascii = False

    allowed = set(settings.cors_origins)
    CORS(app, resources={r"/api/*": {"origins": list(allowed)}}, allow_headers=["Content-Type", "Authorization",
                                                                                    "X-StreamAI-Client"])

    def origin_allowed(origin, environ):
        """Socket.IO: the page's own origin, plus the configured ones (the Vite dev server)."""
        own = f"{environ.get('wsgi.url_scheme', 'http')}://{environ.get('HTTP_HOST', '')}"
        return origin is None or origin == own or origin in allowed

    socketio.init_app(app, async_mode=settings.async_mode, cors_allowed_origins=origin_allowed)

    def emit(event: str, payload: dict) -> None:
        socketio.emit(event, payload, to=ROOM)

    db = Database(settings.database_file)
    manager = RecordingManager(settings.recordings_path, SessionStore(db))
    queue = UploadQueue(db)
    service: IntegratedRecordingService | None = None  # built below; the callbacks reach it late

    worker = None
    if settings.uploads_enabled:
        client = ProcessingApiClient(
            settings.vultr_api_url, upload_endpoint=settings.vultr_upload_endpoint, api_key=settings.vultr_api_key,
            connect_timeout_s=settings.upload_connect_timeout_s, read_timeout_s=settings.upload_read_timeout_s,
        )
        worker = UploadWorker(
            queue, client, lambda event, payload: service.notify(event, payload),
            on_job_change=lambda job: service.on_job_change(job),
            concurrency=settings.upload_concurrency,
            retry=RetryPolicy(settings.upload_retry_base_s, settings.upload_retry_max_s),
            poll_interval_s=settings.status_poll_interval_s, poll_max_s=settings.status_poll_max_s,
        )
    obs = ObsController(
        settings.obs_host, settings.obs_port, settings.obs_password,
        request_timeout_s=settings.obs_request_timeout_s, reconnect_max_s=settings.obs_reconnect_max_s,
        on_event=lambda name, data: service.handle_obs_event(name, data),
        on_connection=lambda state: service.handle_obs_connection(state),
    )
    service = IntegratedRecordingService(settings, obs, manager, queue, worker, emit)
    app.extensions["streamai"] = service
    app.extensions["streamai_broadcaster"] = StatusBroadcaster(socketio, service, settings.status_interval_s)

    api.init_app(app)

    if not settings.uploads_enabled:
        log.warning("VULTR_API_URL is not set: recordings will not be uploaded")
    if start_background:
        service.start()
    return app
