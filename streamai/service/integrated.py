"""IntegratedRecordingService: what the routes and the Socket.IO layer call, and nothing more.

It composes the recording lifecycle (OBS -> sessions), the uploads façade (sessions -> the
processing API) and the presenter (everything -> contract models). Nothing here knows Flask or
Socket.IO: events leave through the `emit(event, model)` callable the app factory provides.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Sequence
from importlib.metadata import PackageNotFoundError, version
from typing import Any, BinaryIO

from ..config import Settings
from ..contract import events as e
from ..contract import models as m
from ..contract import requests as r
from ..contract.events import now_iso
from ..db import Database
from ..exceptions import Conflict, NotFound, ObsRequestFailed, ObsUnavailable, StorageUnavailable, StreamAIError
from ..obs import ConnectionState, ObsController
from ..rigs import RigConfig
from ..sessions import RECORDING, RecordingManager, Session, SessionFile, sanitize_session_name
from ..uploads import Job
from .disk import DiskMonitor, DiskReading
from .lifecycle import Defaults, OpenSessions, RecordingLifecycle, StartOptions
from .presenters import Presenter
from .studio import Rig, Studio, naming
from .uploads import Emit, Uploads

log = logging.getLogger(__name__)

RECENT = 5

try:
    VERSION = version("streamai")
except PackageNotFoundError:  # running from a source tree
    VERSION = "dev"


class IntegratedRecordingService:
    """`rigs` are the OBS instances (the first is the default rig); `multi_rig` when a rigs file
    configures them, so that each rig's files land in `<session>/<rig>/`."""

    def __init__(
        self,
        settings: Settings,
        db: Database,
        rigs: Sequence[tuple[RigConfig, ObsController]],
        manager: RecordingManager,
        uploads: Uploads,
        presenter: Presenter,
        emit: Emit,
        *,
        multi_rig: bool = False,
        drives_obs: bool = True,
    ):
        self.settings = settings
        self.db = db
        self.manager = manager
        self.uploads = uploads
        self.presenter = presenter
        self.multi_rig = multi_rig
        self.drives_obs = drives_obs  # False in `streamai web`: the controller process drives OBS
        self._emit = emit
        self.sessions = OpenSessions(manager)
        defaults = Defaults(settings.vultr_auto_upload, settings.default_subtitle_model, settings.default_priority)
        self.studio = Studio(
            (
                Rig(
                    config,
                    obs,
                    RecordingLifecycle(
                        obs,
                        manager,
                        self,
                        defaults,
                        sessions=self.sessions,
                        rig=config.id,
                        label=config.label,
                        folder=config.id if multi_rig else "",
                        locate=config.local_path,
                        stop_timeout_s=settings.obs_stop_timeout_s,
                    ),
                    DiskMonitor(
                        manager.root, obs, min_free_mb=settings.min_free_mb, low_minutes=settings.low_disk_minutes
                    ),
                )
                for config, obs in rigs
            ),
            manager,
            self.sessions,
        )
        self._warned_low_disk: set[tuple[str, str]] = set()
        self._last_upload: dict[tuple[str, str], list[m.UploadQueued | m.UploadNotQueued]] = {}
        manager.describe = self._metadata_document

    @property
    def obs(self) -> ObsController:
        """The default rig's OBS (the one the guide's routes drive)."""
        return self.studio.default.obs

    @property
    def recorder(self) -> RecordingLifecycle:
        return self.studio.default.recorder

    def emit(self, event: str, payload: m.Wire) -> None:
        try:
            self._emit(event, payload)
        except Exception:
            log.exception("could not emit %s", event)

    # -- lifecycle of the service itself ---------------------------------------------------

    def start(self) -> None:
        threading.Thread(target=self.manager.adopt_existing_folders, name="adopt-folders", daemon=True).start()
        self.uploads.start()
        for rig in self.studio.rigs.values():
            rig.obs.start()

    def close(self) -> None:
        self.uploads.stop()
        for rig in self.studio.rigs.values():
            rig.obs.close()

    # -- OBS's news ------------------------------------------------------------------------

    def handle_obs_event(self, rig_id: str, name: str, data: dict[str, Any]) -> None:
        recorder = self.studio.get(rig_id).recorder
        if name == "RecordStateChanged":
            recorder.on_record_state(data.get("output_state"), data.get("output_path"))
        elif name == "RecordFileChanged":
            recorder.on_file_changed(data.get("new_output_path"))

    def handle_obs_connection(self, rig_id: str, state: ConnectionState) -> None:
        link = self.presenter.obs_connection(state)
        self.emit("obs_connection", e.ObsConnectionChanged(**link.model_dump(), rig=rig_id))
        self.studio.get(rig_id).recorder.on_connection(state)

    # -- the recorders' news (RecorderListener) --------------------------------------------

    def recording_started(self, rig: str, session: Session, message: str) -> None:
        result = self.presenter.start_result(session, message)
        self.emit("recording_started", e.RecordingStarted(result=result, rig=rig))

    def recording_closed(self, rig: str, session: Session, stopped_by: str, last: bool) -> m.StopResult:
        uploads = self._last_upload.pop((session.name, rig), [])
        if not uploads and session.auto_upload and not any(f.folder == self._folder(rig) for f in session.files):
            uploads = [self.uploads.auto_upload(session)]  # no file came: the answer says why nothing is queued
        result = self.presenter.stop_result(session, stopped_by, uploads)
        self._warned_low_disk.discard((session.name, rig))
        self.emit("recording_stopped", e.RecordingStopped(result=result, rig=rig))
        return result

    def recorder_failed(self, rig: str, session: Session, error: str) -> None:
        message = f"session {session.name} could not be closed: {error}"
        self.emit("error", e.ServiceError(message=message, rig=rig))

    def file_finished(self, rig: str, session: Session, entry: SessionFile) -> None:
        """A file of the session is final: its thumbnail, then its upload when the session wants one."""
        if self.manager.make_thumbnail(session, entry):
            self.manager.store.save(session)
            self.emit("session_updated", e.SessionUpdated(session_name=session.name, rig=rig))
        if session.auto_upload:
            queued = self.uploads.auto_upload(session, entry)
            self._last_upload.setdefault((session.name, rig), []).append(queued)

    def recording_paused(self, rig: str, session: Session) -> None:
        paused = round(session.paused_seconds(), 1)
        message = f"Recording {session.name} paused"
        self.emit(
            "recording_paused", e.RecordingPaused(session_name=session.name, paused_s=paused, message=message, rig=rig)
        )

    def recording_resumed(self, rig: str, session: Session) -> None:
        paused = round(session.paused_seconds(), 1)
        message = f"Recording {session.name} resumed"
        self.emit(
            "recording_resumed",
            e.RecordingResumed(session_name=session.name, paused_s=paused, message=message, rig=rig),
        )

    def marker_added(self, rig: str, session: Session, marker: dict[str, Any]) -> None:
        self.emit("marker_added", e.MarkerAdded(session_name=session.name, marker=m.Marker(**marker), rig=rig))

    def _folder(self, rig: str) -> str:
        return rig if self.multi_rig else ""

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

    def start_recording(
        self, body: r.RigStartRecordingBody, started_by: str, rig_id: str | None = None
    ) -> m.StartResult:
        """A start on the default rig, on `rig_id`, or (body.rigs) one session over several rigs."""
        name = body.session_name.strip() if body.session_name and body.session_name.strip() else None
        if name:
            sanitize_session_name(name)  # refuse a bad name before touching OBS
        rigs = [self.studio.get(rig_id)] if rig_id else self.studio.resolve(getattr(body, "rigs", None))
        self.require_storage()
        for rig in rigs:
            try:
                rig.disk.require_room_to_start(rig.obs.record_directory() if rig.obs.is_local else None)
            except StreamAIError as exc:
                if not self.multi_rig:
                    raise
                raise naming(rig, exc, "Nothing started.") from None
        options = StartOptions(name, body.auto_upload, body.subtitle_model, body.priority, body.metadata)
        if len(rigs) == 1 and not getattr(body, "rigs", None):
            session = rigs[0].recorder.start(options, started_by)
        else:
            session = self.studio.start_all(rigs, options, started_by)
        return self.presenter.start_result(self._fresh(session), f"Recording {session.name} started")

    def stop_recording(
        self, stopped_by: str, leave_file_in_place: bool = False, rig_id: str | None = None
    ) -> m.StopResult:
        """Stop the current session on every rig recording it (or only `rig_id`'s part)."""
        rigs = [self.studio.get(rig_id)] if rig_id else self.studio.current()
        if not rigs:
            raise Conflict("nothing is recording")
        results: list[m.StopResult] = self.studio.stop_all(rigs, stopped_by, leave_file_in_place)
        if len(results) == 1:
            return results[0]
        session = self._fresh_by_name(results[-1].session_name)
        uploads = [u for result in results for u in result.upload_results]
        return self.presenter.stop_result(session, results[0].stopped_by, uploads)

    def _rigs_for(self, rig_id: str | None):
        rigs = [self.studio.get(rig_id)] if rig_id else self.studio.current()
        if not rigs:
            raise Conflict("nothing is recording")
        return rigs

    def pause_recording(self, rig_id: str | None = None) -> m.RecorderAnswer:
        rigs = self._rigs_for(rig_id)
        session = self.studio.each(rigs, lambda rig: rig.recorder.pause())[0]
        return m.RecorderAnswer(
            message=f"Recording {session.name} paused",
            session_name=session.name,
            state=rigs[0].recorder.state,
            paused_s=round(session.paused_seconds(), 1),
        )

    def resume_recording(self, rig_id: str | None = None) -> m.RecorderAnswer:
        rigs = self._rigs_for(rig_id)
        session = self.studio.each(rigs, lambda rig: rig.recorder.resume())[0]
        return m.RecorderAnswer(
            message=f"Recording {session.name} resumed",
            session_name=session.name,
            state=rigs[0].recorder.state,
            paused_s=round(session.paused_seconds(), 1),
        )

    def add_marker(self, body: r.MarkerBody, rig_id: str | None = None) -> m.MarkerAnswer:
        """A marker at the timecode of the session's first rig (or of `rig_id`)."""
        rig = self._rigs_for(rig_id)[0]
        session, marker, chapter = rig.recorder.add_marker(body.label.strip() if body.label else None)
        return m.MarkerAnswer(session_name=session.name, marker=m.Marker(**marker), chapter=chapter)

    def recording_status(self, rig_id: str | None = None) -> m.IdleRecordingStatus | m.ActiveRecordingStatus:
        """The current session as its first rig sees it (or `rig_id`'s), with every rig's part."""
        rigs = [self.studio.get(rig_id)] if rig_id else self.studio.current() or [self.studio.default]
        rig = rigs[0]
        snap = rig.recorder.snapshot()
        raw, error, disk = None, None, None
        if snap.session is not None:
            raw, error = self._record_status(rig)
            if raw is not None and raw.get("outputActive"):
                disk = self._disk_reading(rig, snap.session, raw)
        return self.presenter.recording_status(snap, raw, error, disk)

    @staticmethod
    def _record_status(rig: Rig) -> tuple[dict[str, Any] | None, str | None]:
        try:
            return rig.obs.record_status(), None
        except (ObsUnavailable, ObsRequestFailed) as exc:
            return None, exc.message

    def rigs(self) -> m.RigsPage:
        """Every rig: its connection, what it records, its timecode and disk."""
        states = []
        for rig in self.studio.rigs.values():
            snap = rig.recorder.snapshot()
            raw, _ = self._record_status(rig) if snap.session is not None else (None, None)
            disk = (
                self._disk_reading(rig, snap.session, raw) if snap.session and raw and raw.get("outputActive") else None
            )
            states.append(
                self.presenter.rig_state(rig.config, rig.obs.state, snap, raw, disk, rig is self.studio.default)
            )
        return m.RigsPage(rigs=states, default_rig=self.studio.default.id)

    def _disk_reading(self, rig: Rig, session: Session, raw: dict[str, Any]) -> DiskReading | None:
        """How much recording still fits; `disk_space_low` goes out once per session and rig."""
        folder = session.rigs.get(rig.id, {}).get("record_directory") or session.obs_record_directory
        try:
            reading = rig.disk.reading(raw, folder if rig.obs.is_local else None)
        except OSError as exc:
            log.warning("cannot read the free disk space: %s", exc)
            return None
        if reading.low and (session.name, rig.id) not in self._warned_low_disk:
            self._warned_low_disk.add((session.name, rig.id))
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
                    rig=rig.id,
                ),
            )
        return reading

    def _fresh(self, session: Session) -> Session:
        """The session as every rig has changed it (the shared object while it records)."""
        held = self.sessions.load(session.name)
        return held[0] if held else session

    def _fresh_by_name(self, name: str) -> Session:
        session = self.manager.store.get(name)
        if session is None:
            raise NotFound(f"no session named {name!r}")
        return session

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
        # Without OBS here (streamai web), the stored status says it: the controller keeps it.
        if self.studio.busy(session.name) or (not self.drives_obs and session.status == RECORDING):
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
