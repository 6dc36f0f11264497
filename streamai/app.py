"""create_app(settings): builds and wires everything; nothing connects to anything at import time."""

from __future__ import annotations

import errno
import json
import logging
import os
import sqlite3
from collections.abc import Callable
from typing import Literal

from flask_cors import CORS
from flask_openapi3 import Info, OpenAPI
from flask_openapi3.models import Schema
from flask_socketio import SocketIO
from pydantic.json_schema import models_json_schema

from . import api
from .api.errors import validation_error
from .api.security import MediaSigner, TrustedHostsMiddleware, origin_allowed, trusted_hosts
from .api.strict_json import StrictJSONProvider
from .cluster.bus import ControlBus
from .cluster.remote import RemoteControl
from .config import ConfigError, Settings
from .contract.events import SERVER_EVENTS, ServerEvents
from .contract.models import ErrorBody, Wire
from .db import Database, DatabaseUnavailable, default_location, redact
from .obs import ObsController
from .realtime import ROOM, socketio
from .realtime.broadcaster import StatusBroadcaster
from .rigs import RigConfig, load_rigs
from .service import IntegratedRecordingService
from .service.presenters import Presenter
from .service.uploads import Uploads
from .sessions import RecordingManager, RecordingsFolder, SessionStore
from .uploads import ProcessingApiClient, RetryPolicy, UploadQueue, UploadWorker

log = logging.getLogger(__name__)

CLIENT_EVENTS = ("join_recording_updates", "leave_recording_updates")


Role = Literal["serve", "web"]


def create_app(settings: Settings, *, start_background: bool = True, role: Role = "serve") -> OpenAPI:
    """A ready app; `start_background=False` leaves OBS and the upload worker idle (unit tests).

    `serve`: everything in this process. `web`: HTTP and Socket.IO only; OBS is driven by the
    `streamai control` process (each call forwarded to it over Redis), uploads by `streamai worker`
    processes, and events reach this process's clients through the message queue.
    """
    from . import __version__

    app = OpenAPI(
        __name__,
        static_folder=None,
        info=Info(title="StreamAI", version=__version__),
        security_schemes={"bearer": {"type": "http", "scheme": "bearer"}},
        responses=api.COMMON_ERRORS,
        validation_error_status=400,
        validation_error_model=ErrorBody,
        validation_error_callback=validation_error,
        doc_ui=False,
    )
    app.json = StrictJSONProvider(app)
    app.config["STREAMAI_SETTINGS"] = settings

    CORS(
        app,
        resources={r"/api/*": {"origins": list(settings.cors_origins)}},
        allow_headers=["Content-Type", "Authorization", "X-StreamAI-Client"],
    )

    def socket_origin_allowed(origin, environ) -> bool:
        """Socket.IO: the page's own origin, plus the configured ones (the Vite dev server)."""
        return origin_allowed(origin, environ.get("HTTP_HOST", ""), settings.cors_origins)

    if role == "web" and not settings.message_queue:
        raise ConfigError(
            "streamai web needs STREAMAI_MESSAGE_QUEUE (redis://…) to reach the controller and the workers"
        )
    socketio.init_app(
        app,
        async_mode=settings.async_mode,
        cors_allowed_origins=socket_origin_allowed,
        message_queue=settings.message_queue or None,
    )
    # Outermost, so that Socket.IO's own routes are guarded too.
    app.wsgi_app = TrustedHostsMiddleware(app.wsgi_app, trusted_hosts(settings))  # type: ignore[method-assign]

    emit = room_emitter(socketio)
    signer = MediaSigner(settings)
    app.extensions["streamai_media_signer"] = signer
    service = build_service(
        settings, emit, media_url=signer.url, with_worker=role == "serve", drives_obs=role == "serve"
    )
    app.extensions["streamai"] = service
    bus = ControlBus.from_url(settings.message_queue) if settings.message_queue else None
    if bus is not None:  # `streamai worker` processes may take the jobs queued here
        service.uploads.wake_elsewhere = bus.wake_workers
    if role == "serve":
        app.extensions["streamai_control"] = service
        app.extensions["streamai_broadcaster"] = StatusBroadcaster(socketio, service, emit, settings.status_interval_s)
    else:  # the controller broadcasts the live status; this process only forwards
        assert bus is not None  # refused above without STREAMAI_MESSAGE_QUEUE
        app.extensions["streamai_control"] = RemoteControl(bus, service)

    api.init_app(app)
    describe_events(app)

    if not settings.uploads_enabled:
        log.warning("VULTR_API_URL is not set: recordings will not be uploaded")
    if start_background and role == "serve":
        service.start()
    return app


def room_emitter(sio: SocketIO) -> Callable[[str, Wire], None]:
    """Events to the room, through `sio` (this process's clients, or the message queue)."""

    def emit(event: str, payload: Wire) -> None:
        # Through pydantic's JSON, which writes a non-finite number as null: never invalid JSON.
        sio.emit(event, json.loads(payload.model_dump_json()), to=ROOM)

    return emit


def build_service(
    settings: Settings,
    emit: Callable[[str, Wire], None],
    obs: ObsController | None = None,
    media_url: Callable[[str], str] = lambda path: path,
    *,
    with_worker: bool = True,
    drives_obs: bool = True,
) -> IntegratedRecordingService:
    """The domain, wired: database, sessions, uploads, one OBS connection per rig (tests may bring
    their own OBS for the default rig). Without `with_worker`, queued jobs wait for a `streamai
    worker` process; without `drives_obs`, OBS is another process's (`streamai web`).

    Raises ConfigError, with one sentence, when RECORDINGS_PATH, the database or the rigs file
    cannot be used.
    """
    rigs = load_rigs(settings, dict(os.environ))
    db = open_storage(settings)
    manager = RecordingManager(RecordingsFolder(settings.recordings_path), SessionStore(db))
    presenter = Presenter(manager, media_url)
    uploads = Uploads(settings, UploadQueue(db), manager, presenter, emit)
    if settings.uploads_enabled and with_worker:
        client = ProcessingApiClient(
            settings.vultr_api_url,
            upload_endpoint=settings.vultr_upload_endpoint,
            api_key=settings.vultr_api_key,
            connect_timeout_s=settings.upload_connect_timeout_s,
            read_timeout_s=settings.upload_read_timeout_s,
        )
        uploads.worker = UploadWorker(
            uploads.queue,
            client,
            uploads,
            uploads.open_file,
            form_fields=uploads.form_fields,
            store_result=uploads.store_result,
            concurrency=settings.upload_concurrency,
            retry=RetryPolicy(settings.upload_retry_base_s, settings.upload_retry_max_s),
            poll_interval_s=settings.status_poll_interval_s,
            poll_max_s=settings.status_poll_max_s,
        )
    service: IntegratedRecordingService | None = None  # built below; OBS's callbacks reach it late

    def connect(rig: RigConfig) -> ObsController:
        return ObsController(
            rig.host,
            rig.port,
            rig.password,
            request_timeout_s=settings.obs_request_timeout_s,
            reconnect_max_s=settings.obs_reconnect_max_s,
            on_event=lambda name, data: service.handle_obs_event(rig.id, name, data),  # type: ignore[union-attr]
            on_connection=lambda state: service.handle_obs_connection(rig.id, state),  # type: ignore[union-attr]
            password_source=f"rig {rig.id}'s password in {settings.rigs_file}"
            if settings.rigs_file
            else "OBS_PASSWORD",
        )

    controllers = [(rig, obs if obs is not None and n == 0 else connect(rig)) for n, rig in enumerate(rigs)]
    service = IntegratedRecordingService(
        settings,
        db,
        controllers,
        manager,
        uploads,
        presenter,
        emit,
        multi_rig=settings.rigs_file is not None,
        drives_obs=drives_obs,
    )
    return service


def open_storage(settings: Settings) -> Database:
    """RECORDINGS_PATH, checked, and the database: PostgreSQL when STREAMAI_DATABASE_URL is set,
    SQLite in RECORDINGS_PATH otherwise. A ConfigError says which one cannot be used (and never
    shows the URL's password)."""
    root = settings.recordings_path
    try:
        if root.exists() and not root.is_dir():
            raise NotADirectoryError(errno.ENOTDIR, "it is not a folder")
        root.mkdir(parents=True, exist_ok=True)
        if not os.access(root, os.W_OK | os.X_OK):
            raise PermissionError(errno.EACCES, "not writable by this user")
        if not settings.database_url:
            return Database(settings.database_path or default_location(root), lease_s=settings.job_lease_s)
    except (OSError, DatabaseUnavailable, sqlite3.Error) as exc:
        reason = getattr(exc, "reason", None) or getattr(exc, "strerror", None) or str(exc)
        raise ConfigError(f"RECORDINGS_PATH={root} cannot be used: {reason}") from exc
    try:
        db = Database(settings.database_url, lease_s=settings.job_lease_s)
    except DatabaseUnavailable as exc:
        raise ConfigError(
            f"STREAMAI_DATABASE_URL={redact(settings.database_url)} cannot be used: {exc.reason}"
        ) from exc
    log.info("sessions and upload jobs in PostgreSQL at %s", db.path)
    return db


def describe_events(app: OpenAPI) -> None:
    """Put the Socket.IO events in the OpenAPI document, beside the HTTP payloads."""
    _, schema = models_json_schema([(ServerEvents, "serialization")], ref_template="#/components/schemas/{model}")
    for name, definition in schema.get("$defs", {}).items():
        app.components_schemas[name] = Schema(**definition)
    app.openapi_extensions["x-socketio"] = {
        "room": ROOM,
        "client_events": list(CLIENT_EVENTS),
        "server_events": {
            name: {"$ref": f"#/components/schemas/{model.__name__}"} for name, model in SERVER_EVENTS.items()
        },
        "all_server_events": {"$ref": "#/components/schemas/ServerEvents"},
    }
