"""IntegratedRecordingService: OBS recordings become sessions, and finished sessions become uploads.

It follows OBS's own events, so a recording started or stopped in the OBS window is handled
exactly like one driven through the API. Nothing here knows about Flask or Socket.IO: events
leave through the `notify(event, payload)` callable the app factory provides.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Callable

from .config import Settings
from .exceptions import Conflict, InvalidInput, NotFound, ObsRequestFailed, ObsUnavailable, Unavailable
from .obs import ConnectionState, ObsController
from .sessions import INTERRUPTED, RECORDING, STOPPED, RecordingManager, Session, sanitize_session_name
from .sessions.media import human_size, hms
from .uploads import Job, UploadQueue, UploadWorker
from .uploads.queue import CANCELLABLE, RETRYABLE, STATES

log = logging.getLogger(__name__)

Notify = Callable[[str, dict[str, Any]], None]

OUTPUT_STARTED = "OBS_WEBSOCKET_OUTPUT_STARTED"
OUTPUT_STOPPED = "OBS_WEBSOCKET_OUTPUT_STOPPED"
OBS_NOT_RECORDING = 501  # obs-websocket's OutputNotRunning
OBS_ALREADY_RECORDING = 500  # obs-websocket's OutputRunning
START_TIMEOUT_S = 10.0


def timestamp() -> str:
    return datetime.now().astimezone().isoformat(timespec="milliseconds")


@dataclass
class ActiveRecording:
    session: Session
    output_path: str | None = None
    stopping: bool = False
    stopped_by: str = "obs"
    started: threading.Event = field(default_factory=threading.Event)
    finished: threading.Event = field(default_factory=threading.Event)


class IntegratedRecordingService:
    def __init__(self, settings: Settings, obs: ObsController, manager: RecordingManager,
                 queue: UploadQueue, worker: UploadWorker | None, notify: Notify):
        self.settings = settings
        self.obs = obs
        self.manager = manager
        self.queue = queue
        self.worker = worker
        self._notify = notify
        self._lock = threading.RLock()
        self._active: ActiveRecording | None = None

    def notify(self, event: str, payload: dict[str, Any]) -> None:
        try:
            self._notify(event, {**payload, "timestamp": timestamp()})
        except Exception:
            log.exception("could not emit %s", event)

    # -- lifecycle -------------------------------------------------------------------------

    def start(self) -> None:
        threading.Thread(target=self.manager.adopt_existing_folders, name="adopt-folders", daemon=True).start()
        if self.worker:
            self.worker.start()
        self.obs.start()

    def close(self) -> None:
        if self.worker:
            self.worker.stop()
        self.obs.close()

    # -- OBS events ------------------------------------------------------------------------

    def handle_obs_event(self, name: str, data: dict[str, Any]) -> None:
        if name != "RecordStateChanged":
            return
        state, path = data.get("output_state"), data.get("output_path")
        if state == OUTPUT_STARTED:
            self._on_obs_started(path)
        elif state == OUTPUT_STOPPED:
            self._on_obs_stopped(path)

    def _on_obs_started(self, path: str | None) -> None:
        with self._lock:
            if self._active:  # our own start: OBS now really records, and says where
                self._active.output_path = path or self._active.output_path
                self._active.session.obs_output_path = self._active.output_path
                self.manager.store.save(self._active.session)
                self._active.started.set()
                return
            session = self._create_session(None, source="obs", auto_upload=self.settings.vultr_auto_upload,
                                           subtitle_model=self.settings.default_subtitle_model,
                                           priority=self.settings.default_priority, metadata={}, output_path=path)
            self._active.started.set()
        log.info("recording started from OBS itself: session %s", session.name)
        self.notify("recording_started", {"result": self._start_result(session, "Recording started from OBS")})

    def _on_obs_stopped(self, path: str | None) -> None:
        with self._lock:
            active = self._active
            if active is None:
                return
            active.output_path = path or active.output_path
            if active.stopping:  # stop_recording() is waiting for exactly this
                active.finished.set()
                return
            active.stopping = True
        # Stopped from the OBS window: finish off the listener thread (moving a file takes time).
        threading.Thread(target=self._finish, args=(active, STOPPED), name="finish-session", daemon=True).start()

    def handle_obs_connection(self, state: ConnectionState) -> None:
        self.notify("obs_connection", state.as_dict())
        if state.connected:
            threading.Thread(target=self._reconcile_with_obs, name="obs-reconcile", daemon=True).start()
            return
        with self._lock:
            active = self._active
            if active is None or active.finished.is_set():
                return
            waiting = active.stopping
            active.stopping = True
        log.warning("OBS went away during session %s", active.session.name)
        if waiting:
            active.finished.set()  # wake stop_recording(); it finishes the session as interrupted
        else:
            threading.Thread(target=self._finish, args=(active, INTERRUPTED), daemon=True).start()

    def _reconcile_with_obs(self) -> None:
        """After (re)connecting, make our sessions agree with OBS.

        A session a previous run left 'recording' resumes if OBS is still recording (the server
        died, OBS did not), and is closed as interrupted otherwise; a recording OBS makes with no
        session at all becomes one.
        """
        try:
            recording = bool(self.obs.record_status().get("outputActive"))
        except (ObsUnavailable, ObsRequestFailed):
            return
        resumed = None
        with self._lock:
            orphans = [s for s in self.manager.store.with_status(RECORDING)
                       if not (self._active and self._active.session.name == s.name)]
            orphans.sort(key=lambda s: s.start_time, reverse=True)
            if recording and self._active is None and orphans:
                resumed = orphans.pop(0)
                self._active = ActiveRecording(resumed, output_path=resumed.obs_output_path)
                self._active.started.set()
        for session in orphans:
            log.warning("session %s was recording when the service stopped; closing it as interrupted", session.name)
            path = session.obs_output_path
            self.manager.finish(session, path if path and Path(path).is_file() else None, status=INTERRUPTED)
        if resumed:
            log.info("OBS is still recording session %s: resumed", resumed.name)
            self.notify("recording_started", {"result": self._start_result(resumed, f"Recording {resumed.name} resumed")})
        elif recording and self._active is None:
            self._on_obs_started(None)

    # -- recording -------------------------------------------------------------------------

    def start_recording(self, *, session_name: str | None, auto_upload: bool | None, subtitle_model: str | None,
                        priority: int | None, metadata: dict[str, Any] | None, source: str) -> dict[str, Any]:
        if session_name:
            sanitize_session_name(session_name)  # refuse a bad name before touching OBS
        with self._lock:
            if self._active:
                raise Conflict(f"already recording session {self._active.session.name}",
                               session_name=self._active.session.name)
            if self.obs.record_status().get("outputActive"):
                raise Conflict("OBS is already recording")
            try:
                directory = self.obs.record_directory()
            except ObsRequestFailed:
                directory = None
            session = self._create_session(
                session_name, source=source,
                auto_upload=self.settings.vultr_auto_upload if auto_upload is None else auto_upload,
                subtitle_model=subtitle_model or self.settings.default_subtitle_model,
                priority=self.settings.default_priority if priority is None else priority,
                metadata=metadata or {}, output_path=None, record_directory=directory,
            )
            active = self._active
            try:
                self.obs.start_record()
            except Exception as exc:
                self._abandon(active)
                if isinstance(exc, ObsRequestFailed) and exc.code == OBS_ALREADY_RECORDING:
                    raise Conflict("OBS is already recording") from exc
                raise
        # StartRecord answers before the output runs; a stop sent in between would be refused
        # by OBS and the recording would start anyway. Answer once OBS says STARTED.
        if not active.started.wait(START_TIMEOUT_S) or active.finished.is_set():
            if not active.finished.is_set():
                self._abandon(active)
            raise ObsRequestFailed("OBS accepted the start but did not begin recording; check its output settings")
        result = self._start_result(session, f"Recording {session.name} started")
        log.info("recording started: %s (by %s)", session.name, source)
        self.notify("recording_started", {"result": result})
        return result

    def _abandon(self, active: ActiveRecording) -> None:
        with self._lock:
            if self._active is active:
                self._active = None
        self.manager.discard(active.session)

    def _create_session(self, name, *, source, auto_upload, subtitle_model, priority, metadata,
                        output_path, record_directory=None) -> Session:
        session = self.manager.create(name, source=source, auto_upload=auto_upload, subtitle_model=subtitle_model,
                                      priority=priority, metadata=metadata, obs_output_path=output_path,
                                      obs_record_directory=record_directory)
        self._active = ActiveRecording(session, output_path=output_path)
        return session

    def _start_result(self, session: Session, message: str) -> dict[str, Any]:
        return {
            "success": True, "session_name": session.name, "title": session.title,
            "session_path": str(self.manager.folder(session)), "auto_upload": session.auto_upload,
            "subtitle_model": session.subtitle_model, "priority": session.priority,
            "started_by": session.source, "start_time": session.start_time, "message": message,
        }

    def stop_recording(self) -> dict[str, Any]:
        with self._lock:
            active = self._active
            if active is None:
                raise Conflict("nothing is recording")
            if active.stopping:
                raise Conflict(f"session {active.session.name} is already stopping")
            active.stopping, active.stopped_by = True, "api"
        try:
            active.output_path = self.obs.stop_record() or active.output_path
        except ObsRequestFailed as exc:
            if exc.code != OBS_NOT_RECORDING:
                active.stopping = False
                raise
            log.warning("OBS was not recording any more; closing session %s", active.session.name)
            active.finished.set()
        except ObsUnavailable:
            active.finished.set()
        # StopRecord answers before the file is written; RecordStateChanged(STOPPED) means it is.
        confirmed = active.finished.wait(self.settings.obs_stop_timeout_s)
        if not confirmed:
            log.error("OBS did not confirm the end of %s in %.0fs", active.session.name, self.settings.obs_stop_timeout_s)
        # Unconfirmed, the file may still be growing: INTERRUPTED moves it by link, never by copy.
        return self._finish(active, STOPPED if confirmed and self.obs.state.connected else INTERRUPTED)

    def _finish(self, active: ActiveRecording, status: str) -> dict[str, Any]:
        session = self.manager.finish(active.session, active.output_path, status=status)
        with self._lock:
            if self._active is active:
                self._active = None
        upload_result = self._auto_upload(session) if session.auto_upload else None
        message = f"Recording {session.name} {'stopped' if status == STOPPED else 'interrupted'}"
        result = {
            "success": True, "session_name": session.name, "session_path": str(self.manager.folder(session)),
            "status": session.status, "files": session.files, "duration_s": session.duration_s,
            "size_bytes": session.size_bytes, "note": session.note, "message": message,
            "upload_result": upload_result, "stopped_by": active.stopped_by,
        }
        active.finished.set()
        log.info("%s (%d file(s), %s)", message, len(session.files), human_size(session.size_bytes))
        self.notify("recording_stopped", {"result": result})
        return result

    def _auto_upload(self, session: Session) -> dict[str, Any]:
        try:
            job = self._queue_upload(session, session.subtitle_model, session.priority, manual=False)
        except (Unavailable, Conflict) as exc:
            log.warning("no automatic upload for %s: %s", session.name, exc.message)
            return {"queued": False, "reason": exc.message}
        return {"queued": True, "job": job.to_dict()}

    def recording_status(self) -> dict[str, Any]:
        active = self._active
        connected = self.obs.state.connected
        if active is None:
            return {"active": False, "message": "No recording in progress", "obs_connected": connected}
        session = active.session
        try:
            raw = self.obs.record_status()
            obs_status = {"active": raw.get("outputActive", False), "paused": raw.get("outputPaused", False),
                          "timecode": raw.get("outputTimecode", "00:00:00.000"), "bytes": raw.get("outputBytes", 0),
                          "duration_ms": raw.get("outputDuration", 0)}
        except (ObsUnavailable, ObsRequestFailed) as exc:
            obs_status = {"active": False, "paused": False, "timecode": None, "bytes": None, "duration_ms": None,
                          "error": exc.message}
        return {
            "active": True, "session_name": session.name, "title": session.title, "start_time": session.start_time,
            "auto_upload": session.auto_upload, "subtitle_model": session.subtitle_model,
            "priority": session.priority, "started_by": session.source, "stopping": active.stopping,
            "obs_status": obs_status, "session_path": str(self.manager.folder(session)), "obs_connected": connected,
        }

    # -- recordings ------------------------------------------------------------------------

    def _sessions_with_uploads(self, limit: int, offset: int) -> list[tuple[Session, Job | None]]:
        sessions = self.manager.store.recent(limit, offset)
        jobs = self.queue.latest_for_sessions(s.name for s in sessions)
        return [(s, jobs.get(s.name)) for s in sessions]

    def recordings(self, limit: int, offset: int = 0) -> list[dict[str, Any]]:
        return [self.manager.describe(s, job.upload_summary() if job else None)
                for s, job in self._sessions_with_uploads(limit, offset)]

    def formatted_recordings(self, limit: int, offset: int = 0) -> list[dict[str, Any]]:
        return [self._formatted(s, job) for s, job in self._sessions_with_uploads(limit, offset)]

    def _formatted(self, session: Session, job: Job | None) -> dict[str, Any]:
        legacy = session.legacy_upload or {}
        main = session.main_file
        processing = job.processing_status if job else legacy.get("status")
        return {
            "id": session.name,
            "session_name": session.name,
            "title": session.title,
            "date": session.start_time[:10],
            "start_time": session.start_time,
            "duration": hms(session.duration_s),
            "size": human_size(session.size_bytes),
            "views": 0,
            "thumbnail": "",
            "platforms": ["OBS Recording"],
            "status": {STOPPED: "ready"}.get(session.status, session.status),
            "hasTranscription": processing == "completed",
            "hasHighlights": False,
            "hasShorts": False,
            "categories": session.metadata.get("categories") or ["General"],
            "isManualUpload": bool(job and job.manual),
            "filePath": main["path"] if main else None,
            "vultr_task_id": job.task_id if job else legacy.get("task_id"),
            "upload_status": job.state if job else legacy.get("status"),
            "upload_time": (job.finished_at if job and job.task_id else None) or legacy.get("upload_time"),
            "processing_progress": job.processing_progress if job else None,
            "note": session.note,
        }

    def count_sessions(self) -> int:
        return self.manager.store.count()

    # -- uploads ---------------------------------------------------------------------------

    def manual_upload(self, session_name: str, subtitle_model: str | None, priority: int | None) -> Job:
        session = self.manager.store.get(session_name)
        if session is None:
            raise NotFound(f"no session named {session_name!r}")
        if self._active and self._active.session.name == session_name:
            raise Conflict(f"session {session_name} is still recording")
        return self._queue_upload(session, subtitle_model or self.settings.default_subtitle_model,
                                  self.settings.default_priority if priority is None else priority, manual=True)

    def _queue_upload(self, session: Session, subtitle_model: str, priority: int, *, manual: bool) -> Job:
        if not self.settings.uploads_enabled or self.worker is None:
            raise Unavailable("uploads are off: set VULTR_API_URL to the processing API's address")
        main = session.main_file
        if main is None:
            raise Conflict(f"session {session.name} has no recording file to upload" +
                           (f": {session.note}" if session.note else ""))
        path = Path(main["path"])
        if not path.is_file():
            raise Conflict(f"the recording file {path} of session {session.name} is missing")
        job = self.queue.enqueue(session_name=session.name, file_path=str(path), file_name=path.name,
                                 total_bytes=path.stat().st_size, subtitle_model=subtitle_model,
                                 priority=priority, manual=manual)
        self.worker.wake()
        log.info("queued upload job %s for %s (%s)", job.id, session.name, "manual" if manual else "auto")
        self.notify("upload_queued", {"job": job.to_dict()})
        self.on_job_change(job)
        return job

    def on_job_change(self, job: Job) -> None:
        """Every job state change reaches clients and the session's metadata file."""
        self.notify("upload_job_updated", {"job": job.to_dict()})
        session = self.manager.store.get(job.session_name)
        if session is not None:
            self.manager.write_metadata(session, job.upload_summary())

    def upload_jobs(self, state: str | None, limit: int, offset: int = 0) -> list[Job]:
        if state is not None and state not in STATES:
            raise InvalidInput(f"state must be one of {', '.join(STATES)}", field="state")
        return self.queue.list(state, limit, offset)

    def upload_job(self, job_id: int) -> Job:
        job = self.queue.get(job_id)
        if job is None:
            raise NotFound(f"no upload job {job_id}")
        return job

    def retry_upload(self, job_id: int) -> Job:
        job = self.upload_job(job_id)
        if not self.settings.uploads_enabled:
            raise Unavailable("uploads are off: set VULTR_API_URL to the processing API's address")
        updated = self.queue.retry(job_id)
        if updated is None:
            raise Conflict(f"job {job_id} is {job.state}; only {' or '.join(RETRYABLE)} jobs can be retried",
                           state=job.state)
        if self.worker:
            self.worker.wake()
        self.on_job_change(updated)
        return updated

    def cancel_upload(self, job_id: int) -> Job:
        job = self.upload_job(job_id)
        updated = self.queue.cancel(job_id)
        if updated is None:
            raise Conflict(f"job {job_id} is {job.state}; only {', '.join(CANCELLABLE)} jobs can be cancelled",
                           state=job.state)
        if self.worker:
            self.worker.abort(job_id)
        self.on_job_change(updated)
        return updated

    def upload_queue_summary(self) -> dict[str, Any]:
        return {"enabled": self.settings.uploads_enabled, "concurrency": self.settings.upload_concurrency,
                "counts": self.queue.counts()}
