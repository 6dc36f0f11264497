"""The durable upload queue: one row per job in the service's database.

Every state change is one transaction guarded by the state it expects, so a job is claimed by
one worker only and completed at most once, even across crashes. The rules of the job's life
(what can be retried, cancelled, what a processing status means) are written here once; the API
sends them to clients as `can_retry` / `can_cancel`. The interface is small on purpose (enqueue,
claim, mark, list) so another backend can stand behind it.
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ..contract.events import now_iso
from ..contract.vocabulary import JobState
from ..db import Database

QUEUED, UPLOADING, RETRYING = JobState.QUEUED, JobState.UPLOADING, JobState.RETRYING
UPLOADED, PROCESSING, COMPLETED = JobState.UPLOADED, JobState.PROCESSING, JobState.COMPLETED
FAILED, CANCELLED = JobState.FAILED, JobState.CANCELLED
STATES = tuple(JobState)
WAITING = (QUEUED, RETRYING)
LIVE = (QUEUED, UPLOADING, RETRYING)  # at most one live job per file (a unique index says so)
FOLLOWING = (UPLOADED, PROCESSING)
CANCELLABLE = LIVE
RETRYABLE = (FAILED, CANCELLED)

DONE_STATUSES = {"completed", "completed_simple"}
FAILED_STATUSES = {"error", "failed"}


def state_for_processing(status: str) -> JobState:
    """What a processing API task status means for the job."""
    if status in DONE_STATUSES:
        return COMPLETED
    if status in FAILED_STATUSES:
        return FAILED
    return PROCESSING if status == "processing" else UPLOADED


@dataclass
class Job:
    id: int
    session_name: str
    file_folder: str
    file_name: str
    state: JobState
    manual: bool
    subtitle_model: str
    priority: int
    attempts: int
    bytes_sent: int
    total_bytes: int
    sha256: str | None
    last_error: str | None
    next_attempt_at: float | None
    task_id: str | None
    processing_status: str | None
    processing_progress: float | None
    processing_message: str | None
    next_poll_at: float | None
    poll_interval_s: float | None
    created_at: str
    updated_at: str
    finished_at: str | None
    upload_started_at: str | None = None
    uploaded_at: str | None = None
    processed_at: str | None = None
    results_state: str | None = None  # pending -> fetching -> ready | failed, once processing completed
    results: list[dict[str, Any]] = field(default_factory=list)  # {kind, name, size_bytes, content_type}
    results_attempts: int = 0
    results_next_at: float | None = None
    results_error: str | None = None

    @classmethod
    def from_row(cls, row) -> Job:
        data = dict(row)
        data["manual"] = bool(data["manual"])
        data["state"] = JobState(data["state"])
        data["results"] = json.loads(data.get("results") or "[]")
        return cls(**data)

    @property
    def file_parts(self) -> tuple[str, ...]:
        """Where the file is inside its session folder."""
        return (self.file_folder, self.file_name) if self.file_folder else (self.file_name,)

    @property
    def idempotency_key(self) -> str:
        return f"streamai-job-{self.id}-{self.created_at}"

    @property
    def can_retry(self) -> bool:
        return self.state in RETRYABLE

    @property
    def can_cancel(self) -> bool:
        return self.state in CANCELLABLE


class DuplicateJob(Exception):
    """The file already has a live job (queued, uploading or retrying)."""

    def __init__(self, job: Job):
        super().__init__(f"job {job.id} is already {job.state} for {job.file_name}")
        self.job = job


class UploadQueue:
    def __init__(self, db: Database):
        self.db = db

    # -- writing -------------------------------------------------------------------------------

    def enqueue(
        self,
        *,
        session_name: str,
        file_folder: str,
        file_name: str,
        total_bytes: int,
        subtitle_model: str,
        priority: int,
        manual: bool,
    ) -> Job:
        """A new queued job, or DuplicateJob with the live one when the file already has one."""
        stamp = now_iso()
        try:
            with self.db.transaction() as conn:
                cursor = conn.execute(
                    "INSERT INTO upload_jobs (session_name, file_folder, file_name, state, manual, subtitle_model,"
                    " priority, total_bytes, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        session_name,
                        file_folder,
                        file_name,
                        str(QUEUED),
                        int(manual),
                        subtitle_model,
                        priority,
                        total_bytes,
                        stamp,
                        stamp,
                    ),
                )
                job_id = cursor.lastrowid
        except sqlite3.IntegrityError:
            live = self.live_job(session_name, file_folder, file_name)
            if live is None:
                raise
            raise DuplicateJob(live) from None
        return self._get(job_id)

    def _get(self, job_id: int | None) -> Job:
        """A job that must exist (we just wrote it)."""
        job = self.get(job_id or 0)
        if job is None:
            raise LookupError(f"upload job {job_id} vanished")
        return job

    def live_job(self, session_name: str, file_folder: str, file_name: str) -> Job | None:
        with self.db.reading() as conn:
            row = conn.execute(
                "SELECT * FROM upload_jobs WHERE session_name = ? AND file_folder = ? AND file_name = ?"
                " AND state IN (?, ?, ?)",
                (session_name, file_folder, file_name, *LIVE),
            ).fetchone()
        return Job.from_row(row) if row else None

    def claim_next(self, now: float | None = None) -> Job | None:
        """Take the most urgent due job and mark it uploading, atomically."""
        now = time.time() if now is None else now
        with self.db.transaction() as conn:
            row = conn.execute(
                "SELECT id FROM upload_jobs WHERE state IN (?, ?) AND coalesce(next_attempt_at, 0) <= ?"
                " ORDER BY priority DESC, id ASC LIMIT 1",
                (*WAITING, now),
            ).fetchone()
            if row is None:
                return None
            stamp = now_iso()
            conn.execute(
                "UPDATE upload_jobs SET state = ?, attempts = attempts + 1, bytes_sent = 0, updated_at = ?,"
                " upload_started_at = ? WHERE id = ?",
                (UPLOADING, stamp, stamp, row["id"]),
            )
            return Job.from_row(conn.execute("SELECT * FROM upload_jobs WHERE id = ?", (row["id"],)).fetchone())

    def _transition(self, job_id: int, allowed: Iterable[str], **changes: Any) -> Job | None:
        """Apply `changes` only if the job is still in one of `allowed`; None when it was not."""
        allowed = tuple(allowed)
        changes["updated_at"] = now_iso()
        sets = ", ".join(f"{key} = :{key}" for key in changes)
        marks = ", ".join(f":s{i}" for i in range(len(allowed)))
        params = {**changes, "id": job_id, **{f"s{i}": s for i, s in enumerate(allowed)}}
        with self.db.transaction() as conn:
            updated = conn.execute(
                f"UPDATE upload_jobs SET {sets} WHERE id = :id AND state IN ({marks})", params
            ).rowcount
            row = conn.execute("SELECT * FROM upload_jobs WHERE id = ?", (job_id,)).fetchone()
        return Job.from_row(row) if updated and row else None

    def record_progress(self, job_id: int, bytes_sent: int) -> None:
        with self.db.transaction() as conn:
            conn.execute(
                "UPDATE upload_jobs SET bytes_sent = ? WHERE id = ? AND state = ?", (bytes_sent, job_id, UPLOADING)
            )

    def mark_uploaded(self, job_id: int, *, task_id: str, sha256: str, bytes_sent: int, poll_in_s: float) -> Job | None:
        return self._transition(
            job_id,
            (UPLOADING, CANCELLED),
            state=UPLOADED,
            task_id=task_id,
            sha256=sha256,
            last_error=None,
            finished_at=now_iso(),
            uploaded_at=now_iso(),
            next_poll_at=time.time() + poll_in_s,
            poll_interval_s=poll_in_s,
            processing_status="uploaded",
            bytes_sent=bytes_sent,
        )

    def mark_retrying(self, job_id: int, *, error: str, next_attempt_at: float) -> Job | None:
        return self._transition(job_id, (UPLOADING,), state=RETRYING, last_error=error, next_attempt_at=next_attempt_at)

    def mark_failed(self, job_id: int, *, error: str, allowed: Iterable[str] = (UPLOADING,)) -> Job | None:
        return self._transition(job_id, allowed, state=FAILED, last_error=error, finished_at=now_iso())

    def cancel(self, job_id: int) -> Job | None:
        return self._transition(
            job_id,
            CANCELLABLE,
            state=CANCELLED,
            last_error="cancelled by a user",
            next_attempt_at=None,
            finished_at=now_iso(),
        )

    def retry(self, job_id: int) -> Job | None:
        """Queued again; DuplicateJob when its file got another live job meanwhile."""
        try:
            return self._transition(
                job_id,
                RETRYABLE,
                state=QUEUED,
                next_attempt_at=None,
                finished_at=None,
                bytes_sent=0,
                task_id=None,
                processing_status=None,
                processing_progress=None,
                processing_message=None,
            )
        except sqlite3.IntegrityError:
            job = self.get(job_id)
            live = job and self.live_job(job.session_name, job.file_folder, job.file_name)
            if not live:
                raise
            raise DuplicateJob(live) from None

    def record_processing(
        self,
        job_id: int,
        *,
        status: str,
        progress: float | None,
        message: str | None,
        state: str,
        next_poll_at: float | None,
        poll_interval_s: float | None,
    ) -> Job | None:
        finished = now_iso() if state in (COMPLETED, FAILED) else None
        changes: dict[str, Any] = dict(
            state=state,
            processing_status=status,
            processing_progress=progress,
            processing_message=message,
            next_poll_at=next_poll_at,
            poll_interval_s=poll_interval_s,
        )
        if finished:
            changes["finished_at"] = changes["processed_at"] = finished
        if state == COMPLETED:  # its results are fetched next
            changes.update(results_state="pending", results_next_at=time.time(), results_attempts=0)
        if state == FAILED:
            changes["last_error"] = message or "processing failed"
        return self._transition(job_id, FOLLOWING, **changes)

    def postpone_poll(self, job_id: int, *, next_poll_at: float, poll_interval_s: float) -> None:
        self._transition(job_id, FOLLOWING, next_poll_at=next_poll_at, poll_interval_s=poll_interval_s)

    # -- results of processing -----------------------------------------------------------------

    def due_results(self, now: float | None = None) -> list[Job]:
        now = time.time() if now is None else now
        with self.db.reading() as conn:
            rows = conn.execute(
                "SELECT * FROM upload_jobs WHERE results_state = 'pending' AND"
                " coalesce(results_next_at, 0) <= ? ORDER BY results_next_at",
                (now,),
            ).fetchall()
        return [Job.from_row(r) for r in rows]

    def _results(self, job_id: int, expected: str, **changes: Any) -> Job | None:
        changes["updated_at"] = now_iso()
        if "results" in changes:
            changes["results"] = json.dumps(changes["results"], allow_nan=False)
        sets = ", ".join(f"{key} = :{key}" for key in changes)
        with self.db.transaction() as conn:
            updated = conn.execute(
                f"UPDATE upload_jobs SET {sets} WHERE id = :id AND results_state = :expected",
                {**changes, "id": job_id, "expected": expected},
            ).rowcount
            row = conn.execute("SELECT * FROM upload_jobs WHERE id = ?", (job_id,)).fetchone()
        return Job.from_row(row) if updated and row else None

    def claim_results(self, job_id: int) -> Job | None:
        return self._results(job_id, "pending", results_state="fetching")

    def results_fetched(self, job_id: int, results: list[dict[str, Any]]) -> Job | None:
        return self._results(job_id, "fetching", results_state="ready", results=results, results_error=None)

    def results_retry(self, job_id: int, *, error: str, attempts: int, next_at: float | None) -> Job | None:
        """Try again at `next_at`, or give up (`failed`) when it is None."""
        state = "pending" if next_at is not None else "failed"
        return self._results(
            job_id,
            "fetching",
            results_state=state,
            results_error=error,
            results_attempts=attempts,
            results_next_at=next_at,
        )

    def recover_interrupted(self) -> list[Job]:
        """Jobs that were uploading when the process died go back to the queue (and fetches too)."""
        with self.db.transaction() as conn:
            rows = conn.execute("SELECT id FROM upload_jobs WHERE state = ?", (UPLOADING,)).fetchall()
            conn.execute(
                "UPDATE upload_jobs SET state = ?, bytes_sent = 0, next_attempt_at = NULL, updated_at = ?"
                " WHERE state = ?",
                (QUEUED, now_iso(), UPLOADING),
            )
            conn.execute("UPDATE upload_jobs SET results_state = 'pending' WHERE results_state = 'fetching'")
        return [self._get(r["id"]) for r in rows]

    # -- reading -------------------------------------------------------------------------------

    def get(self, job_id: int) -> Job | None:
        with self.db.reading() as conn:
            row = conn.execute("SELECT * FROM upload_jobs WHERE id = ?", (job_id,)).fetchone()
        return Job.from_row(row) if row else None

    def find(self, state: str | None = None, limit: int = 50, offset: int = 0) -> list[Job]:
        where, params = ("WHERE state = ?", [state]) if state else ("", [])
        with self.db.reading() as conn:
            rows = conn.execute(
                f"SELECT * FROM upload_jobs {where} ORDER BY id DESC LIMIT ? OFFSET ?", (*params, limit, offset)
            ).fetchall()
        return [Job.from_row(r) for r in rows]

    def latest_for_sessions(self, names: Iterable[str]) -> dict[str, Job]:
        names = list(names)
        if not names:
            return {}
        marks = ", ".join("?" for _ in names)
        with self.db.reading() as conn:
            rows = conn.execute(
                f"SELECT * FROM upload_jobs WHERE id IN (SELECT max(id) FROM upload_jobs"
                f" WHERE session_name IN ({marks}) GROUP BY session_name)",
                names,
            ).fetchall()
        return {row["session_name"]: Job.from_row(row) for row in rows}

    def jobs_for_sessions(self, names: Iterable[str]) -> dict[str, list[Job]]:
        """Every job of these sessions, oldest first (a session's timeline shows them all)."""
        names = list(names)
        if not names:
            return {}
        marks = ", ".join("?" for _ in names)
        with self.db.reading() as conn:
            rows = conn.execute(f"SELECT * FROM upload_jobs WHERE session_name IN ({marks}) ORDER BY id", names)
            found: dict[str, list[Job]] = {}
            for row in rows:
                found.setdefault(row["session_name"], []).append(Job.from_row(row))
        return found

    def due_polls(self, now: float | None = None) -> list[Job]:
        now = time.time() if now is None else now
        with self.db.reading() as conn:
            rows = conn.execute(
                "SELECT * FROM upload_jobs WHERE state IN (?, ?) AND task_id IS NOT NULL"
                " AND coalesce(next_poll_at, 0) <= ? ORDER BY next_poll_at",
                (*FOLLOWING, now),
            ).fetchall()
        return [Job.from_row(r) for r in rows]

    def next_wakeup(self) -> float | None:
        """When the earliest retrying job becomes due (None when nothing waits on a timer)."""
        with self.db.reading() as conn:
            row = conn.execute("SELECT min(next_attempt_at) FROM upload_jobs WHERE state = ?", (RETRYING,)).fetchone()
        return row[0]

    def counts(self) -> dict[JobState, int]:
        with self.db.reading() as conn:
            rows = conn.execute("SELECT state, count(*) FROM upload_jobs GROUP BY state").fetchall()
        found = {row[0]: row[1] for row in rows}
        return {state: found.get(state, 0) for state in STATES}
