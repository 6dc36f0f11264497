"""The durable upload queue: one row per job in the service's SQLite database.

Every state change is one transaction guarded by the state it expects, so a job is claimed by
one worker only and completed at most once, even across crashes. The interface is small on
purpose (enqueue, claim, mark, list) so another backend can stand behind it.
"""

from __future__ import annotations

import time
from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any, Iterable

from ..db import Database
from ..sessions.store import now_iso

QUEUED, UPLOADING, RETRYING = "queued", "uploading", "retrying"
UPLOADED, PROCESSING, COMPLETED = "uploaded", "processing", "completed"
FAILED, CANCELLED = "failed", "cancelled"
STATES = (QUEUED, UPLOADING, RETRYING, UPLOADED, PROCESSING, COMPLETED, FAILED, CANCELLED)
WAITING = (QUEUED, RETRYING)
FOLLOWING = (UPLOADED, PROCESSING)
CANCELLABLE = (QUEUED, RETRYING, UPLOADING)
RETRYABLE = (FAILED, CANCELLED)


def _iso(epoch: float | None) -> str | None:
    return datetime.fromtimestamp(epoch).astimezone().isoformat(timespec="seconds") if epoch else None


@dataclass
class Job:
    id: int
    session_name: str
    file_path: str
    file_name: str
    state: str
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

    @classmethod
    def from_row(cls, row) -> "Job":
        data = dict(row)
        data["manual"] = bool(data["manual"])
        return cls(**data)

    @property
    def idempotency_key(self) -> str:
        return f"streamai-job-{self.id}-{self.created_at}"

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["next_attempt_at"] = _iso(self.next_attempt_at) if self.state == RETRYING else None
        data.pop("next_poll_at")
        data.pop("poll_interval_s")
        data["percent"] = round(100 * self.bytes_sent / self.total_bytes, 1) if self.total_bytes else 0.0
        return data

    def upload_summary(self) -> dict[str, Any]:
        """The session's `vultr_upload` block, in the original StreamAI's field names."""
        return {
            "job_id": self.id,
            "task_id": self.task_id,
            "status": self.state,
            "processing_status": self.processing_status,
            "progress": self.processing_progress,
            "message": self.processing_message or self.last_error,
            "upload_time": self.finished_at if self.task_id else None,
            "file_name": self.file_name,
            "file_size": self.total_bytes,
            "attempts": self.attempts,
            "manual": self.manual,
        }


class UploadQueue:
    def __init__(self, db: Database):
        self.db = db

    # -- writing -------------------------------------------------------------------------------

    def enqueue(self, *, session_name: str, file_path: str, file_name: str, total_bytes: int,
                subtitle_model: str, priority: int, manual: bool) -> Job:
        stamp = now_iso()
        with self.db.transaction() as conn:
            cursor = conn.execute(
                "INSERT INTO upload_jobs (session_name, file_path, file_name, state, manual, subtitle_model,"
                " priority, total_bytes, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (session_name, file_path, file_name, QUEUED, int(manual), subtitle_model, priority,
                 total_bytes, stamp, stamp),
            )
            job_id = cursor.lastrowid
        return self.get(job_id)

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
            conn.execute(
                "UPDATE upload_jobs SET state = ?, attempts = attempts + 1, bytes_sent = 0, updated_at = ?"
                " WHERE id = ?",
                (UPLOADING, now_iso(), row["id"]),
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
            conn.execute("UPDATE upload_jobs SET bytes_sent = ? WHERE id = ? AND state = ?",
                         (bytes_sent, job_id, UPLOADING))

    def mark_uploaded(self, job_id: int, *, task_id: str, sha256: str, bytes_sent: int,
                      poll_in_s: float) -> Job | None:
        return self._transition(
            job_id, (UPLOADING, CANCELLED), state=UPLOADED, task_id=task_id, sha256=sha256, last_error=None,
            finished_at=now_iso(), next_poll_at=time.time() + poll_in_s, poll_interval_s=poll_in_s,
            processing_status="uploaded", bytes_sent=bytes_sent,
        )

    def mark_retrying(self, job_id: int, *, error: str, next_attempt_at: float) -> Job | None:
        return self._transition(job_id, (UPLOADING,), state=RETRYING, last_error=error,
                                next_attempt_at=next_attempt_at)

    def mark_failed(self, job_id: int, *, error: str, allowed: Iterable[str] = (UPLOADING,)) -> Job | None:
        return self._transition(job_id, allowed, state=FAILED, last_error=error, finished_at=now_iso())

    def cancel(self, job_id: int) -> Job | None:
        return self._transition(job_id, CANCELLABLE, state=CANCELLED, last_error="cancelled by a user",
                                next_attempt_at=None, finished_at=now_iso())

    def retry(self, job_id: int) -> Job | None:
        return self._transition(job_id, RETRYABLE, state=QUEUED, next_attempt_at=None, finished_at=None,
                                bytes_sent=0, task_id=None, processing_status=None,
                                processing_progress=None, processing_message=None)

    def record_processing(self, job_id: int, *, status: str, progress: float | None, message: str | None,
                          state: str, next_poll_at: float | None, poll_interval_s: float | None) -> Job | None:
        finished = now_iso() if state in (COMPLETED, FAILED) else None
        changes = dict(state=state, processing_status=status, processing_progress=progress,
                       processing_message=message, next_poll_at=next_poll_at, poll_interval_s=poll_interval_s)
        if finished:
            changes["finished_at"] = finished
        if state == FAILED:
            changes["last_error"] = message or "processing failed"
        return self._transition(job_id, FOLLOWING, **changes)

    def postpone_poll(self, job_id: int, *, next_poll_at: float, poll_interval_s: float) -> None:
        self._transition(job_id, FOLLOWING, next_poll_at=next_poll_at, poll_interval_s=poll_interval_s)

    def recover_interrupted(self) -> list[Job]:
        """Jobs that were uploading when the process died go back to the queue."""
        with self.db.transaction() as conn:
            rows = conn.execute("SELECT id FROM upload_jobs WHERE state = ?", (UPLOADING,)).fetchall()
            conn.execute("UPDATE upload_jobs SET state = ?, bytes_sent = 0, next_attempt_at = NULL, updated_at = ?"
                         " WHERE state = ?", (QUEUED, now_iso(), UPLOADING))
        return [self.get(r["id"]) for r in rows]

    # -- reading -------------------------------------------------------------------------------

    def get(self, job_id: int) -> Job | None:
        with self.db.reading() as conn:
            row = conn.execute("SELECT * FROM upload_jobs WHERE id = ?", (job_id,)).fetchone()
        return Job.from_row(row) if row else None

    def list(self, state: str | None = None, limit: int = 50, offset: int = 0) -> list[Job]:
        where, params = ("WHERE state = ?", [state]) if state else ("", [])
        with self.db.reading() as conn:
            rows = conn.execute(f"SELECT * FROM upload_jobs {where} ORDER BY id DESC LIMIT ? OFFSET ?",
                                (*params, limit, offset)).fetchall()
        return [Job.from_row(r) for r in rows]

    def latest_for_sessions(self, names: Iterable[str]) -> dict[str, Job]:
        names = list(names)
        if not names:
            return {}
        marks = ", ".join("?" for _ in names)
        with self.db.reading() as conn:
            rows = conn.execute(
                f"SELECT * FROM upload_jobs WHERE id IN (SELECT max(id) FROM upload_jobs"
                f" WHERE session_name IN ({marks}) GROUP BY session_name)", names
            ).fetchall()
        return {row["session_name"]: Job.from_row(row) for row in rows}

    def due_polls(self, now: float | None = None) -> list[Job]:
        now = time.time() if now is None else now
        with self.db.reading() as conn:
            rows = conn.execute(
                "SELECT * FROM upload_jobs WHERE state IN (?, ?) AND task_id IS NOT NULL"
                " AND coalesce(next_poll_at, 0) <= ? ORDER BY next_poll_at", (*FOLLOWING, now)
            ).fetchall()
        return [Job.from_row(r) for r in rows]

    def next_wakeup(self) -> float | None:
        """When the earliest retrying job becomes due (None when nothing waits on a timer)."""
        with self.db.reading() as conn:
            row = conn.execute("SELECT min(next_attempt_at) FROM upload_jobs WHERE state = ?", (RETRYING,)).fetchone()
        return row[0]

    def counts(self) -> dict[str, int]:
        with self.db.reading() as conn:
            rows = conn.execute("SELECT state, count(*) FROM upload_jobs GROUP BY state").fetchall()
        found = {row[0]: row[1] for row in rows}
        return {state: found.get(state, 0) for state in STATES}
