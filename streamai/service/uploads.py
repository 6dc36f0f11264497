"""The uploads façade: what may be queued, the job actions users can take, and the events the
upload worker's news becomes."""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Callable
from typing import BinaryIO

from ..config import Settings
from ..contract import events as e
from ..contract import models as m
from ..exceptions import Conflict, InvalidInput, NotFound, StreamAIError, Unavailable, Unprocessable
from ..rigs import DEFAULT_RIG
from ..sessions import RecordingManager, Session, SessionFile, UnsafePath
from ..sessions.media import probe_available, probe_duration
from ..uploads import Job, UploadQueue
from ..uploads.client import UploadReceipt
from ..uploads.queue import CANCELLABLE, RETRYABLE, STATES, DuplicateJob
from ..uploads.worker import UploadWorker
from .presenters import Presenter, iso

log = logging.getLogger(__name__)

Emit = Callable[[str, m.Wire], None]
UPLOADS_OFF = "uploads are off: set VULTR_API_URL to the processing API's address"
RESULTS_FOLDER = "results"
# What a result's Content-Type becomes on disk; anything else is kept as opaque bytes.
RESULT_SUFFIXES = {
    "text/vtt": ".vtt",
    "application/x-subrip": ".srt",
    "text/srt": ".srt",
    "text/plain": ".txt",
    "application/json": ".json",
    "image/jpeg": ".jpg",
    "image/png": ".png",
    "image/webp": ".webp",
    "video/mp4": ".mp4",
    "video/webm": ".webm",
    "video/x-matroska": ".mkv",
    "video/quicktime": ".mov",
}


class Uploads:
    """Queue, worker and the rules around them; also the worker's `UploadListener`."""

    def __init__(
        self, settings: Settings, queue: UploadQueue, manager: RecordingManager, presenter: Presenter, emit: Emit
    ):
        self.settings = settings
        self.queue = queue
        self.manager = manager
        self.presenter = presenter
        self.emit = emit
        self.worker: UploadWorker | None = None  # set by the app when uploads are on
        # Wakes the workers of other processes (streamai worker) when a job is queued; they also
        # look at the queue every few seconds on their own.
        self.wake_elsewhere: Callable[[], None] = lambda: None

    @property
    def enabled(self) -> bool:
        return self.settings.uploads_enabled  # the worker may be another process's (streamai worker)

    def start(self) -> None:
        if self.worker:
            self.worker.start()

    def stop(self) -> None:
        if self.worker:
            self.worker.stop()

    def _session_and_file(self, job: Job) -> tuple[Session, SessionFile]:
        session = self.manager.store.get(job.session_name)
        if session is None:
            raise FileNotFoundError(f"session {job.session_name} is gone")
        entry = next((f for f in session.files if f.parts == job.file_parts), None)
        return session, entry or SessionFile(job.file_name, job.total_bytes, folder=job.file_folder)

    def open_file(self, job: Job):
        """The worker's way to a job's file: a regular file inside the job's own session folder."""
        session, entry = self._session_and_file(job)
        return self.manager.open_recording(session, entry)

    def form_fields(self, job: Job) -> dict[str, str]:
        """What the processing API gets beside the file: the markers inside it, ordered by timecode,
        and, when several rigs are configured, which rig recorded it."""
        session, entry = self._session_and_file(job)
        markers = [
            {"timecode_ms": mk["timecode_ms"], "label": mk.get("label"), "at": mk["at"]}
            for mk in session.markers_in(entry)
        ]
        fields = {"markers": json.dumps(markers, ensure_ascii=False)}
        if self.settings.rigs_file is not None:
            fields["rig"] = job.rig
        return fields

    def store_result(self, job: Job, kind: str, response) -> dict:
        """One processed result, streamed into `results/job-<id>/` of the job's session folder."""
        content_type = (response.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        name = kind + RESULT_SUFFIXES.get(content_type, ".bin")
        parts = (job.session_name, RESULTS_FOLDER, f"job-{job.id}")
        self.manager.folder.ensure_folder(*parts)
        size = self.manager.folder.write_stream(*parts, name, chunks=response.iter_content(1024 * 1024))
        return {
            "kind": kind,
            "name": name,
            "size_bytes": size,
            "content_type": content_type or "application/octet-stream",
        }

    def open_result(self, session: Session, kind: str, job_id: int | None) -> tuple[Job, dict, BinaryIO]:
        """A fetched result of the session (of `job_id`, or of its latest job that has one)."""
        jobs = self.queue.jobs_for_sessions([session.name]).get(session.name, [])
        for job in reversed(jobs):
            if job_id is not None and job.id != job_id:
                continue
            for result in job.results:
                if result["kind"] == kind:
                    fh = self.manager.folder.open_file(session.folder, RESULTS_FOLDER, f"job-{job.id}", result["name"])
                    return job, result, fh
        raise NotFound(f"session {session.name} has no {kind} result" + (f" for job {job_id}" if job_id else ""))

    # -- queueing --------------------------------------------------------------------------

    def auto_upload(self, session: Session, entry: SessionFile | None = None) -> m.UploadQueued | m.UploadNotQueued:
        """A file is final (at stop, or when OBS split it): queue it, or say plainly why not."""
        try:
            job = self.queue_file(session, entry, session.subtitle_model, session.priority, manual=False)
        except StreamAIError as exc:
            log.warning("no automatic upload for %s: %s", session.name, exc.message)
            return m.UploadNotQueued(reason=exc.message)
        return m.UploadQueued(job=self.presenter.job(job))

    def queue_file(
        self,
        session: Session,
        entry: SessionFile | None,
        subtitle_model: str,
        priority: int,
        *,
        manual: bool,
        force: bool = False,
    ) -> Job:
        """Queue `entry` (the session's largest file when None) for upload."""
        if not self.enabled:
            raise Unavailable(UPLOADS_OFF)
        entry = entry or session.main_file
        if entry is None:
            raise Conflict(
                f"session {session.name} has no recording file to upload"
                + (f": {session.note}" if session.note else "")
            )
        size = self._checked_size(session, entry, force)
        try:
            job = self.queue.enqueue(
                session_name=session.name,
                file_folder=entry.folder,
                file_name=entry.name,
                total_bytes=size,
                subtitle_model=subtitle_model,
                priority=priority,
                manual=manual,
                rig=entry.folder or next(iter(session.rigs), DEFAULT_RIG),
            )
        except DuplicateJob as dup:
            raise Conflict(
                f"{entry.name} of session {session.name} is already being uploaded (job {dup.job.id}, {dup.job.state})",
                job=self.presenter.job(dup.job).model_dump(mode="json"),
            ) from None
        self._wake_workers()
        log.info("queued upload job %s for %s (%s)", job.id, session.name, "manual" if manual else "auto")
        self.emit("upload_queued", e.JobEvent(job=self.presenter.job(job)))
        self.job_changed(job)
        return job

    def _wake_workers(self) -> None:
        if self.worker:
            self.worker.wake()
        try:
            self.wake_elsewhere()
        except Exception as exc:  # they will find the job on their next look
            log.warning("could not wake the upload workers: %s", exc)

    def _checked_size(self, session: Session, entry: SessionFile, force: bool) -> int:
        """Only a readable, non-empty video is sent; one ffprobe cannot read needs `force`."""
        try:
            with self.manager.open_recording(session, entry) as fh:
                size = os.fstat(fh.fileno()).st_size
                duration = entry.duration_s if entry.duration_s is not None else (probe_duration(fh) if size else None)
        except FileNotFoundError:
            raise Conflict(f"the recording file {entry.name} of session {session.name} is missing") from None
        except UnsafePath as exc:
            raise Unprocessable(f"{entry.name} of session {session.name} is not uploaded: {exc.strerror}") from None
        except OSError as exc:
            raise Unprocessable(
                f"{entry.name} of session {session.name} cannot be read: {exc.strerror or exc}"
            ) from None
        if size == 0:
            raise Unprocessable(f"{entry.name} of session {session.name} is empty (0 bytes): nothing to upload")
        if duration is None and not force and probe_available():
            raise Unprocessable(
                f"ffprobe cannot read {entry.name} of session {session.name} as a video (it may "
                'be corrupt or incomplete); send "force": true to upload it anyway',
                field="force",
            )
        return size

    # -- what users can do with jobs -------------------------------------------------------

    def jobs(self, state: str | None, limit: int, offset: int = 0) -> list[Job]:
        if state is not None and state not in STATES:
            raise InvalidInput(f"state must be one of {', '.join(STATES)}", field="state")
        return self.queue.find(state, limit, offset)

    def job(self, job_id: int) -> Job:
        job = self.queue.get(job_id)
        if job is None:
            raise NotFound(f"no upload job {job_id}")
        return job

    def retry(self, job_id: int) -> Job:
        job = self.job(job_id)
        if not self.enabled:
            raise Unavailable(UPLOADS_OFF)
        try:
            updated = self.queue.retry(job_id)
        except DuplicateJob as dup:
            raise Conflict(
                f"{job.file_name} already has a live upload (job {dup.job.id}, {dup.job.state})",
                job=self.presenter.job(dup.job).model_dump(mode="json"),
            ) from None
        if updated is None:
            raise Conflict(
                f"job {job_id} is {job.state}; only {' or '.join(RETRYABLE)} jobs can be retried", state=job.state
            )
        self._wake_workers()
        self.job_changed(updated)
        return updated

    def cancel(self, job_id: int) -> Job:
        job = self.job(job_id)
        updated = self.queue.cancel(job_id)
        if updated is None:
            raise Conflict(
                f"job {job_id} is {job.state}; only {', '.join(CANCELLABLE)} jobs can be cancelled", state=job.state
            )
        if self.worker:
            self.worker.abort(job_id)
        self.job_changed(updated)
        return updated

    def summary(self) -> m.QueueSummary:
        return m.QueueSummary(
            enabled=self.settings.uploads_enabled,
            concurrency=self.settings.upload_concurrency,
            counts=self.queue.counts(),
        )

    # -- the worker's news (UploadListener) ------------------------------------------------

    def job_changed(self, job: Job) -> None:
        """Every job state change reaches clients and the session's metadata file."""
        self.emit("upload_job_updated", e.JobEvent(job=self.presenter.job(job)))
        session = self.manager.store.get(job.session_name)
        if session is not None:
            self.manager.write_metadata(session)

    def progress(self, job: Job, sent: int, rate_bps: float, eta_s: float | None) -> None:
        total = job.total_bytes
        self.emit(
            "upload_progress",
            e.UploadProgress(
                job_id=job.id,
                session_name=job.session_name,
                rig=job.rig,
                bytes_sent=sent,
                total_bytes=total,
                percent=round(100 * sent / total, 1) if total else 100.0,
                rate_bps=round(rate_bps),
                eta_s=round(eta_s, 1) if eta_s is not None else None,
            ),
        )

    def uploaded(self, job: Job, receipt: UploadReceipt) -> None:
        self.emit(
            "upload_completed",
            e.UploadCompleted(
                job_id=job.id,
                session_name=job.session_name,
                rig=job.rig,
                task_id=receipt.task_id,
                attempts=job.attempts,
                manual=job.manual,
                sha256=receipt.sha256,
            ),
        )
        if job.manual:
            self._manual_outcome(job, success=True)

    def attempt_failed(self, job: Job, error: str, next_attempt_at: float | None) -> None:
        self.emit(
            "upload_failed",
            e.UploadFailed(
                job_id=job.id,
                session_name=job.session_name,
                rig=job.rig,
                error=error,
                attempt=job.attempts,
                will_retry=next_attempt_at is not None,
                next_retry_at=iso(next_attempt_at),
                manual=job.manual,
            ),
        )
        if job.manual and next_attempt_at is None:
            self._manual_outcome(job, success=False, error=error)

    def results_ready(self, job: Job) -> None:
        self.emit(
            "processing_results_ready",
            e.ProcessingResultsReady(
                job_id=job.id,
                session_name=job.session_name,
                rig=job.rig,
                task_id=job.task_id or "",
                results=self.presenter.results(job),
            ),
        )
        self.emit("session_updated", e.SessionUpdated(session_name=job.session_name))

    def processing(self, job: Job, status: str, progress: float | None, message: str | None) -> None:
        self.emit(
            "processing_status",
            e.ProcessingStatus(
                job_id=job.id,
                session_name=job.session_name,
                rig=job.rig,
                task_id=job.task_id or "",
                status=status,
                progress=progress,
                message=message,
                state=job.state,
            ),
        )

    def _manual_outcome(self, job: Job, *, success: bool, error: str | None = None) -> None:
        self.emit(
            "manual_upload_completed",
            e.ManualUploadCompleted(
                session_name=job.session_name,
                rig=job.rig,
                result=e.ManualUploadOutcome(
                    success=success,
                    job_id=job.id,
                    task_id=job.task_id,
                    subtitle_model=job.subtitle_model,
                    priority=job.priority,
                    error=None if success else error,
                ),
            ),
        )
