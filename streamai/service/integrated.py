"""IntegratedRecordingService: what the routes and the Socket.IO layer call, and nothing more.

It composes the recording lifecycle (OBS -> sessions), the uploads façade (sessions -> the
processing API) and the presenter (everything -> contract models). Nothing here knows Flask or
Socket.IO: events leave through the `emit(event, model)` callable the app factory provides.
"""

from __future__ import annotations

import logging
import os
import threading
from importlib.metadata import PackageNotFoundError, version
from typing import Any

from ..config import Settings
from ..contract import events as e
from ..contract import models as m
from ..contract import requests as r
from ..contract.events import now_iso
from ..db import Database
from ..exceptions import Conflict, NotFound, ObsRequestFailed, ObsUnavailable, StorageUnavailable
from ..obs import ConnectionState, ObsController
from ..sessions import RecordingManager, Session, sanitize_session_name
from .lifecycle import Defaults, RecordingLifecycle, StartOptions
from .presenters import Presenter
from .uploads import Emit, Uploads

log = logging.getLogger(__name__)

RECENT = 5

try:
    VERSION = version("streamai")
except PackageNotFoundError:  # running from a source tree
    VERSION = "dev"


class IntegratedRecordingService:
    def __init__(self, settings: Settings, db: Database, obs: ObsController, manager: RecordingManager,
                 uploads: Uploads, presenter: Presenter, emit: Emit):
        self.settings = settings
        self.db = db
        self.obs = obs
        self.manager = manager
        self.uploads = uploads
        self.presenter = presenter
        self._emit = emit
        self.recorder = RecordingLifecycle(
            obs, manager, self,
            Defaults(settings.vultr_auto_upload, settings.default_subtitle_model, settings.default_priority),
            stop_timeout_s=settings.obs_stop_timeout_s)
        manager.describe = self._metadata_document

    def emit(self, event: str, payload: m.Wire) -> None:
        try:
            self._emit(event, payload)
        except Exception:
            log.exception("could not emit %s", event)

    # -- lifecycle of the service itself ---------------------------------------------------

    def start(self) -> None:
        threading.Thread(target=self.manager.adopt_existing_folders, name="adopt-folders", daemon=True).start()
        self.uploads.start()
        self.obs.start()

    def close(self) -> None:
        self.uploads.stop()
        self.obs.close()

    # -- OBS's news ------------------------------------------------------------------------

    def handle_obs_event(self, name: str, data: dict[str, Any]) -> None:
        if name == "RecordStateChanged":
            self.recorder.on_record_state(data.get("output_state"), data.get("output_path"))

    def handle_obs_connection(self, state: ConnectionState) -> None:
        self.emit("obs_connection", e.ObsConnectionChanged(**self.presenter.obs_connection(state).model_dump()))
        self.recorder.on_connection(state)

    # -- the recorder's news (RecorderListener) --------------------------------------------

    def recording_started(self, session: Session, message: str) -> None:
        self.emit("recording_started", e.RecordingStarted(result=self.presenter.start_result(session, message)))

    def recording_closed(self, session: Session, stopped_by: str) -> m.StopResult:
        upload = self.uploads.auto_upload(session) if session.auto_upload else None
        result = self.presenter.stop_result(session, stopped_by, upload)
        self.emit("recording_stopped", e.RecordingStopped(result=result))
        return result

    def recorder_failed(self, session: Session, error: str) -> None:
        self.emit("error", e.ServiceError(message=f"session {session.name} could not be closed: {error}"))

    # -- health ----------------------------------------------------------------------------

    def storage_problem(self) -> str | None:
        """Why RECORDINGS_PATH or the database cannot be used right now, or None."""
        root = self.manager.root
        if not root.is_dir():
            return f"RECORDINGS_PATH {root} is missing or not a folder"
        if not os.access(root, os.W_OK | os.X_OK):
            return f"RECORDINGS_PATH {root} is not writable by this server"
        try:
            self.db.check()
        except Exception as exc:
            return f"the database {self.db.path} cannot be used: {exc}"
        return None

    def require_storage(self) -> None:
        problem = self.storage_problem()
        if problem:
            raise StorageUnavailable(problem)

    def health(self, auth_required: bool) -> m.Health:
        problem = self.storage_problem()
        return m.Health(status="degraded" if problem else "healthy", timestamp=now_iso(),
                        obs=self.presenter.obs_connection(self.obs.state),
                        storage=m.StorageHealth(ok=problem is None, error=problem),
                        uploads_enabled=self.settings.uploads_enabled, auth_required=auth_required, version=VERSION)

    # -- recording -------------------------------------------------------------------------

    def start_recording(self, body: r.StartRecordingBody, started_by: str) -> m.StartResult:
        name = body.session_name.strip() if body.session_name and body.session_name.strip() else None
        if name:
            sanitize_session_name(name)  # refuse a bad name before touching OBS
        self.require_storage()
        options = StartOptions(name, body.auto_upload, body.subtitle_model, body.priority, body.metadata)
        session = self.recorder.start(options, started_by)
        return self.presenter.start_result(session, f"Recording {session.name} started")

    def stop_recording(self, stopped_by: str, leave_file_in_place: bool = False) -> m.StopResult:
        return self.recorder.stop(stopped_by, leave_file_in_place=leave_file_in_place)

    def recording_status(self) -> m.IdleRecordingStatus | m.ActiveRecordingStatus:
        snap = self.recorder.snapshot()
        raw, error = None, None
        if snap.session is not None:
            try:
                raw = self.obs.record_status()
            except (ObsUnavailable, ObsRequestFailed) as exc:
                error = exc.message
        return self.presenter.recording_status(snap, raw, error)

    def status(self) -> m.ServiceStatus:
        return m.ServiceStatus(
            service_initialized=True, obs_connected=self.obs.state.connected,
            obs=self.presenter.obs_connection(self.obs.state), recording_status=self.recording_status(),
            recent_recordings=self._sessions(RECENT, 0), upload_queue=self.uploads.summary(), timestamp=now_iso())

    # -- recordings ------------------------------------------------------------------------

    def _with_latest_jobs(self, limit: int, offset: int):
        sessions = self.manager.store.recent(limit, offset)
        jobs = self.uploads.queue.latest_for_sessions(s.name for s in sessions)
        return [(s, jobs.get(s.name)) for s in sessions]

    def _sessions(self, limit: int, offset: int) -> list[m.Session]:
        return [self.presenter.session(s, job) for s, job in self._with_latest_jobs(limit, offset)]

    def _metadata_document(self, session: Session) -> dict[str, Any]:
        job = self.uploads.queue.latest_for_sessions([session.name]).get(session.name)
        return self.presenter.metadata_document(session, job)

    def recordings(self, page: r.Page) -> m.RecordingsPage:
        items = self._sessions(page.limit, page.offset)
        return m.RecordingsPage(recordings=items, count=len(items), total=self.manager.store.count(),
                                timestamp=now_iso())

    def formatted_recordings(self, page: r.Page) -> m.FormattedPage:
        items = [self.presenter.formatted(s, job) for s, job in self._with_latest_jobs(page.limit, page.offset)]
        return m.FormattedPage(recordings=items, count=len(items), total=self.manager.store.count())

    # -- uploads ---------------------------------------------------------------------------

    def manual_upload(self, body: r.ManualUploadBody) -> m.ManualUploadAnswer:
        session = self.manager.store.get(body.session_name)
        if session is None:
            raise NotFound(f"no session named {body.session_name!r}")
        if self.recorder.is_recording(session.name):
            raise Conflict(f"session {session.name} is still recording")
        job = self.uploads.queue_session(
            session, body.subtitle_model or self.settings.default_subtitle_model,
            self.settings.default_priority if body.priority is None else body.priority, manual=True, force=body.force)
        return m.ManualUploadAnswer(message=f"upload of {job.session_name} queued as job {job.id}",
                                    job=self.presenter.job(job))

    def upload_jobs(self, query: r.UploadsQuery) -> m.UploadsPage:
        jobs = self.uploads.jobs(query.state, query.limit, query.offset)
        return m.UploadsPage(uploads=[self.presenter.job(j) for j in jobs], count=len(jobs))

    def upload_job(self, job_id: int) -> m.UploadJob:
        return self.presenter.job(self.uploads.job(job_id))

    def retry_upload(self, job_id: int) -> m.JobAnswer:
        return m.JobAnswer(job=self.presenter.job(self.uploads.retry(job_id)))

    def cancel_upload(self, job_id: int) -> m.JobAnswer:
        return m.JobAnswer(job=self.presenter.job(self.uploads.cancel(job_id)))
