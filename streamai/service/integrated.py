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
from typing import Any, BinaryIO

from ..config import Settings
from ..contract import events as e
from ..contract import models as m
from ..contract import requests as r
from ..contract.events import now_iso
from ..db import Database
from ..exceptions import Conflict, NotFound, ObsRequestFailed, ObsUnavailable, StorageUnavailable
from ..obs import ConnectionState, ObsController
from ..sessions import RecordingManager, Session, SessionFile, sanitize_session_name
from ..uploads import Job
from .disk import DiskMonitor, DiskReading
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
    def __init__(
        self,
        settings: Settings,
        db: Database,
        obs: ObsController,
        manager: RecordingManager,
        uploads: Uploads,
        presenter: Presenter,
        emit: Emit,
    ):
        self.settings = settings
        self.db = db
        self.obs = obs
        self.manager = manager
        self.uploads = uploads
        self.presenter = presenter
        self._emit = emit
        self.recorder = RecordingLifecycle(
            obs,
            manager,
            self,
            Defaults(settings.vultr_auto_upload, settings.default_subtitle_model, settings.default_priority),
            stop_timeout_s=settings.obs_stop_timeout_s,
        )
        self.disk = DiskMonitor(
            manager.root, obs, min_free_mb=settings.min_free_mb, low_minutes=settings.low_disk_minutes
        )
        self._warned_low_disk: set[str] = set()
        self._last_upload: dict[str, m.UploadQueued | m.UploadNotQueued] = {}
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
        elif name == "RecordFileChanged":
            self.recorder.on_file_changed(data.get("new_output_path"))

    def handle_obs_connection(self, state: ConnectionState) -> None:
        self.emit("obs_connection", e.ObsConnectionChanged(**self.presenter.obs_connection(state).model_dump()))
        self.recorder.on_connection(state)

    # -- the recorder's news (RecorderListener) --------------------------------------------

    def recording_started(self, session: Session, message: str) -> None:
        self.emit("recording_started", e.RecordingStarted(result=self.presenter.start_result(session, message)))

    def recording_closed(self, session: Session, stopped_by: str) -> m.StopResult:
        upload = self._last_upload.pop(session.name, None)
        if upload is None and session.auto_upload:
            upload = self.uploads.auto_upload(session)  # no file came: the answer says why nothing is queued
        result = self.presenter.stop_result(session, stopped_by, upload)
        self._warned_low_disk.discard(session.name)
        self.emit("recording_stopped", e.RecordingStopped(result=result))
        return result

    def recorder_failed(self, session: Session, error: str) -> None:
        self.emit("error", e.ServiceError(message=f"session {session.name} could not be closed: {error}"))

    def file_finished(self, session: Session, entry: SessionFile) -> None:
        """A file of the session is final: its thumbnail, then its upload when the session wants one."""
        if self.manager.make_thumbnail(session, entry):
            self.manager.store.save(session)
            self.emit("session_updated", e.SessionUpdated(session_name=session.name))
        if session.auto_upload:
            self._last_upload[session.name] = self.uploads.auto_upload(session, entry)

    def recording_paused(self, session: Session) -> None:
        self.emit(
            "recording_paused",
            e.RecordingPaused(
                session_name=session.name,
                paused_s=round(session.paused_seconds(), 1),
                message=f"Recording {session.name} paused",
            ),
        )

    def recording_resumed(self, session: Session) -> None:
        self.emit(
            "recording_resumed",
            e.RecordingResumed(
                session_name=session.name,
                paused_s=round(session.paused_seconds(), 1),
                message=f"Recording {session.name} resumed",
            ),
        )

    def marker_added(self, session: Session, marker: dict[str, Any]) -> None:
        self.emit("marker_added", e.MarkerAdded(session_name=session.name, marker=m.Marker(**marker)))

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
        return m.Health(
            status="degraded" if problem else "healthy",
            timestamp=now_iso(),
            obs=self.presenter.obs_connection(self.obs.state),
            storage=m.StorageHealth(ok=problem is None, error=problem),
            uploads_enabled=self.settings.uploads_enabled,
            auth_required=auth_required,
            version=VERSION,
        )

    # -- recording -------------------------------------------------------------------------

    def start_recording(self, body: r.StartRecordingBody, started_by: str) -> m.StartResult:
        name = body.session_name.strip() if body.session_name and body.session_name.strip() else None
        if name:
            sanitize_session_name(name)  # refuse a bad name before touching OBS
        self.require_storage()
        self.disk.require_room_to_start(self.obs.record_directory() if self.obs.is_local else None)
        options = StartOptions(name, body.auto_upload, body.subtitle_model, body.priority, body.metadata)
        session = self.recorder.start(options, started_by)
        return self.presenter.start_result(session, f"Recording {session.name} started")

    def stop_recording(self, stopped_by: str, leave_file_in_place: bool = False) -> m.StopResult:
        return self.recorder.stop(stopped_by, leave_file_in_place=leave_file_in_place)

    def pause_recording(self) -> m.RecorderAnswer:
        session = self.recorder.pause()
        return m.RecorderAnswer(
            message=f"Recording {session.name} paused",
            session_name=session.name,
            state=self.recorder.state,
            paused_s=round(session.paused_seconds(), 1),
        )

    def resume_recording(self) -> m.RecorderAnswer:
        session = self.recorder.resume()
        return m.RecorderAnswer(
            message=f"Recording {session.name} resumed",
            session_name=session.name,
            state=self.recorder.state,
            paused_s=round(session.paused_seconds(), 1),
        )

    def add_marker(self, body: r.MarkerBody) -> m.MarkerAnswer:
        session, marker, chapter = self.recorder.add_marker(body.label.strip() if body.label else None)
        return m.MarkerAnswer(session_name=session.name, marker=m.Marker(**marker), chapter=chapter)

    def recording_status(self) -> m.IdleRecordingStatus | m.ActiveRecordingStatus:
        snap = self.recorder.snapshot()
        raw, error, disk = None, None, None
        if snap.session is not None:
            try:
                raw = self.obs.record_status()
            except (ObsUnavailable, ObsRequestFailed) as exc:
                error = exc.message
            if raw is not None and raw.get("outputActive"):
                disk = self._disk_reading(snap.session, raw)
        return self.presenter.recording_status(snap, raw, error, disk)

    def _disk_reading(self, session: Session, raw: dict[str, Any]) -> DiskReading | None:
        """How much recording still fits; `disk_space_low` goes out once per session when little does."""
        try:
            reading = self.disk.reading(raw, session.obs_record_directory if self.obs.is_local else None)
        except OSError as exc:
            log.warning("cannot read the free disk space: %s", exc)
            return None
        if reading.low and session.name not in self._warned_low_disk:
            self._warned_low_disk.add(session.name)
            left = (
                f"about {reading.estimated_remaining_s / 60:.0f} minutes of recording"
                if reading.estimated_remaining_s is not None
                else "little room"
            )
            message = (
                f"Disk space is low on {reading.where}: {reading.free_bytes // (1024 * 1024)} MB free, {left} left"
            )
            log.warning(message)
            self.emit(
                "disk_space_low",
                e.DiskSpaceLow(
                    session_name=session.name,
                    free_bytes=reading.free_bytes,
                    estimated_remaining_s=reading.estimated_remaining_s,
                    message=message,
                ),
            )
        return reading

    def status(self) -> m.ServiceStatus:
        return m.ServiceStatus(
            service_initialized=True,
            obs_connected=self.obs.state.connected,
            obs=self.presenter.obs_connection(self.obs.state),
            recording_status=self.recording_status(),
            recent_recordings=self._sessions(RECENT, 0),
            upload_queue=self.uploads.summary(),
            timestamp=now_iso(),
        )

    # -- recordings ------------------------------------------------------------------------

    def _with_jobs(self, limit: int, offset: int) -> list[tuple[Session, list[Job]]]:
        sessions = self.manager.store.recent(limit, offset)
        jobs = self.uploads.queue.jobs_for_sessions(s.name for s in sessions)
        return [(s, jobs.get(s.name, [])) for s in sessions]

    def _sessions(self, limit: int, offset: int) -> list[m.Session]:
        return [
            self.presenter.session(s, jobs[-1] if jobs else None, jobs) for s, jobs in self._with_jobs(limit, offset)
        ]

    def _metadata_document(self, session: Session) -> dict[str, Any]:
        jobs = self.uploads.queue.jobs_for_sessions([session.name]).get(session.name, [])
        return self.presenter.session(session, jobs[-1] if jobs else None, jobs).model_dump(mode="json")

    def session(self, name: str) -> Session:
        session = self.manager.store.get(name)
        if session is None:
            raise NotFound(f"no session named {name!r}")
        return session

    def thumbnail(self, name: str) -> BinaryIO:
        try:
            return self.manager.open_thumbnail(self.session(name))
        except FileNotFoundError:
            raise NotFound(f"session {name} has no thumbnail yet") from None

    def session_result(self, name: str, kind: str) -> tuple[dict[str, Any], BinaryIO]:
        _, result, fh = self.uploads.open_result(self.session(name), kind, None)
        return result, fh

    def job_result(self, job_id: int, kind: str) -> tuple[dict[str, Any], BinaryIO]:
        job = self.uploads.job(job_id)
        _, result, fh = self.uploads.open_result(self.session(job.session_name), kind, job_id)
        return result, fh

    def recordings(self, page: r.Page) -> m.RecordingsPage:
        items = self._sessions(page.limit, page.offset)
        return m.RecordingsPage(
            recordings=items, count=len(items), total=self.manager.store.count(), timestamp=now_iso()
        )

    def formatted_recordings(self, page: r.Page) -> m.FormattedPage:
        items = [
            self.presenter.formatted(s, jobs[-1] if jobs else None)
            for s, jobs in self._with_jobs(page.limit, page.offset)
        ]
        return m.FormattedPage(recordings=items, count=len(items), total=self.manager.store.count())

    # -- uploads ---------------------------------------------------------------------------

    def manual_upload(self, body: r.ManualUploadBody) -> m.ManualUploadAnswer:
        session = self.manager.store.get(body.session_name)
        if session is None:
            raise NotFound(f"no session named {body.session_name!r}")
        if self.recorder.is_recording(session.name):
            raise Conflict(f"session {session.name} is still recording")
        job = self.uploads.queue_file(
            session,
            None,
            body.subtitle_model or self.settings.default_subtitle_model,
            self.settings.default_priority if body.priority is None else body.priority,
            manual=True,
            force=body.force,
        )
        return m.ManualUploadAnswer(
            message=f"upload of {job.session_name} queued as job {job.id}", job=self.presenter.job(job)
        )

    def upload_jobs(self, query: r.UploadsQuery) -> m.UploadsPage:
        jobs = self.uploads.jobs(query.state, query.limit, query.offset)
        return m.UploadsPage(uploads=[self.presenter.job(j) for j in jobs], count=len(jobs))

    def upload_job(self, job_id: int) -> m.UploadJob:
        return self.presenter.job(self.uploads.job(job_id))

    def retry_upload(self, job_id: int) -> m.JobAnswer:
        return m.JobAnswer(job=self.presenter.job(self.uploads.retry(job_id)))

    def cancel_upload(self, job_id: int) -> m.JobAnswer:
        return m.JobAnswer(job=self.presenter.job(self.uploads.cancel(job_id)))
