"""The durable upload queue: one row per job in the service's database (SQLite or PostgreSQL).

Every state change is one statement guarded by the state it expects, so a job is completed at
most once, even across crashes. A worker claims a job atomically (on PostgreSQL with `FOR UPDATE
SKIP LOCKED`, so several workers on several hosts never take the same one) under a lease it
renews while it works; every write after the claim names the claim's token, so a worker whose
lease ran out (and whose job another worker took) cannot overwrite the other's attempt. The same
leases keep two workers from following one task's processing, or fetching its results, at once.
The rules of the job's life (what can be retried, cancelled, what a processing status means) are
written here once; the API sends them to clients as `can_retry` / `can_cancel`.
"""

from __future__ import annotations

import json
import secrets
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ..contract.events import now_iso
from ..contract.vocabulary import JobState
from ..db import Database, IntegrityError, Row
from .leases import make_worker_id, worker_is_gone

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
    rig: str = "default"
    claimed_by: str | None = None  # the worker ("host:pid:random") that claimed it last
    claim_token: str | None = None  # that claim's own token: writes after the claim name it
    lease_expires_at: float | None = None  # the claim holds until then (the database's clock)

    @classmethod
    def from_row(cls, row: Row) -> Job:
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
    """Jobs in the database. `worker_id` names this process's claims; `lease_s` (the database's
    STREAMAI_JOB_LEASE by default) is how long a claim lasts without a heartbeat."""

    def __init__(self, db: Database, *, worker_id: str | None = None, lease_s: float | None = None):
        self.db = db
        self.worker_id = worker_id or make_worker_id()
        self.lease_s = db.lease_s if lease_s is None else lease_s

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
        rig: str = "default",
    ) -> Job:
        """A new queued job, or DuplicateJob with the live one when the file already has one."""
        stamp = now_iso()
        try:
            with self.db.transaction() as conn:
                job_id = conn.scalar(
                    "INSERT INTO upload_jobs (session_name, file_folder, file_name, state, manual, subtitle_model,"
                    " priority, total_bytes, created_at, updated_at, rig) VALUES (:session_name, :file_folder,"
                    " :file_name, :state, :manual, :subtitle_model, :priority, :total_bytes, :stamp, :stamp, :rig)"
                    " RETURNING id",
                    {
                        "session_name": session_name,
                        "file_folder": file_folder,
                        "file_name": file_name,
                        "state": str(QUEUED),
                        "manual": int(manual),
                        "subtitle_model": subtitle_model,
                        "priority": priority,
                        "total_bytes": total_bytes,
                        "stamp": stamp,
                        "rig": rig,
                    },
                )
        except IntegrityError:
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
            row = conn.one(
                "SELECT * FROM upload_jobs WHERE session_name = :session_name AND file_folder = :file_folder"
                " AND file_name = :file_name AND state IN :live",
                {"session_name": session_name, "file_folder": file_folder, "file_name": file_name, "live": _all(LIVE)},
            )
        return Job.from_row(row) if row else None

    def _claim(self) -> dict[str, Any]:
        """The parameters every claim sets: this worker, a fresh token, the lease's length."""
        return {"worker": self.worker_id, "token": secrets.token_hex(8), "lease": self.lease_s}

    def _leased(self) -> str:
        return f"claimed_by = :worker, claim_token = :token, lease_expires_at = {self.db.now_sql} + :lease"

    def claim_next(self, now: float | None = None) -> Job | None:
        """Take the most urgent due job and mark it uploading under this worker's lease, atomically.

        Due: queued, retrying whose time has come, or uploading whose lease ran out (its worker
        died). `attempts` counts every claim, a taken-over one included.
        """
        now = time.time() if now is None else now
        stamp = now_iso()
        with self.db.transaction() as conn:
            row = conn.one(
                f"UPDATE upload_jobs SET state = :uploading, attempts = attempts + 1, bytes_sent = 0,"
                f" updated_at = :stamp, upload_started_at = :stamp, {self._leased()}"
                f" WHERE id = (SELECT id FROM upload_jobs"
                f" WHERE (state IN :waiting AND coalesce(next_attempt_at, 0) <= :now)"
                f" OR (state = :uploading AND coalesce(lease_expires_at, 0) <= {self.db.now_sql})"
                f" ORDER BY priority DESC, id ASC LIMIT 1{self.db.skip_locked})"
                f" RETURNING *",
                {"uploading": str(UPLOADING), "waiting": _all(WAITING), "now": now, "stamp": stamp, **self._claim()},
            )
        return Job.from_row(row) if row else None

    def heartbeat(self, job_id: int, claim: str, bytes_sent: int | None = None) -> str | None:
        """Renew this claim's lease (and store the upload's progress). The job's state while the
        claim holds (`cancelled` tells a worker on another host to stop), None when it is gone."""
        progress = ", bytes_sent = CASE WHEN state = :uploading THEN :sent ELSE bytes_sent END"
        with self.db.transaction() as conn:
            row = conn.one(
                f"UPDATE upload_jobs SET lease_expires_at = {self.db.now_sql} + :lease"
                f"{progress if bytes_sent is not None else ''}"
                " WHERE id = :id AND claim_token = :claim AND lease_expires_at IS NOT NULL RETURNING state",
                {
                    "id": job_id,
                    "claim": claim,
                    "lease": self.lease_s,
                    "uploading": str(UPLOADING),
                    "sent": bytes_sent,
                },
            )
        return str(row["state"]) if row else None

    def release(self, job_id: int, claim: str) -> None:
        """Let go of a claim without changing the job (an upload stopped by a cancel or a shutdown)."""
        with self.db.transaction() as conn:
            conn.execute(
                "UPDATE upload_jobs SET lease_expires_at = NULL WHERE id = :id AND claim_token = :claim",
                {"id": job_id, "claim": claim},
            )

    def _transition(
        self, job_id: int, allowed: Iterable[str], *, claim: str | None = None, release: bool = False, **changes: Any
    ) -> Job | None:
        """Apply `changes` only if the job is in one of `allowed` (and still under `claim`, when
        given); None when it was not. `release` ends the claim's lease in the same statement."""
        changes["updated_at"] = now_iso()
        if release:
            changes["lease_expires_at"] = None
        sets = ", ".join(f"{key} = :{key}" for key in changes)
        guard = " AND claim_token = :claim" if claim is not None else ""
        params = {**changes, "id": job_id, "allowed": _all(allowed), "claim": claim}
        with self.db.transaction() as conn:
            row = conn.one(
                f"UPDATE upload_jobs SET {sets} WHERE id = :id AND state IN :allowed{guard} RETURNING *", params
            )
        return Job.from_row(row) if row else None

    def record_progress(self, job_id: int, bytes_sent: int, *, claim: str) -> None:
        self.heartbeat(job_id, claim, bytes_sent)

    def mark_uploaded(
        self, job_id: int, *, claim: str, task_id: str, sha256: str, bytes_sent: int, poll_in_s: float
    ) -> Job | None:
        return self._transition(
            job_id,
            (UPLOADING, CANCELLED),
            claim=claim,
            release=True,
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

    def mark_retrying(self, job_id: int, *, claim: str, error: str, next_attempt_at: float) -> Job | None:
        return self._transition(
            job_id,
            (UPLOADING,),
            claim=claim,
            release=True,
            state=RETRYING,
            last_error=error,
            next_attempt_at=next_attempt_at,
        )

    def mark_failed(self, job_id: int, *, claim: str, error: str, allowed: Iterable[str] = (UPLOADING,)) -> Job | None:
        return self._transition(
            job_id, allowed, claim=claim, release=True, state=FAILED, last_error=error, finished_at=now_iso()
        )

    def cancel(self, job_id: int) -> Job | None:
        """A user's cancel: whoever holds the job stops at its next chunk (the lease stays theirs)."""
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
                release=True,
                state=QUEUED,
                next_attempt_at=None,
                finished_at=None,
                bytes_sent=0,
                task_id=None,
                processing_status=None,
                processing_progress=None,
                processing_message=None,
            )
        except IntegrityError:
            job = self.get(job_id)
            live = job and self.live_job(job.session_name, job.file_folder, job.file_name)
            if not live:
                raise
            raise DuplicateJob(live) from None

    # -- following processing ------------------------------------------------------------------

    def claim_polls(self, now: float | None = None, limit: int = 20) -> list[Job]:
        """Due status polls, leased to this worker (another worker skips them until it records)."""
        now = time.time() if now is None else now
        with self.db.transaction() as conn:
            rows = conn.all(
                f"UPDATE upload_jobs SET {self._leased()} WHERE id IN (SELECT id FROM upload_jobs"
                f" WHERE state IN :following AND task_id IS NOT NULL AND coalesce(next_poll_at, 0) <= :now"
                f" AND coalesce(lease_expires_at, 0) <= {self.db.now_sql}"
                f" ORDER BY next_poll_at LIMIT :limit{self.db.skip_locked}) RETURNING *",
                {"following": _all(FOLLOWING), "now": now, "limit": limit, **self._claim()},
            )
        return sorted((Job.from_row(r) for r in rows), key=lambda j: j.next_poll_at or 0)

    def record_processing(
        self,
        job_id: int,
        *,
        claim: str,
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
        return self._transition(job_id, FOLLOWING, claim=claim, release=True, **changes)

    def postpone_poll(self, job_id: int, *, claim: str, next_poll_at: float, poll_interval_s: float) -> None:
        self._transition(
            job_id, FOLLOWING, claim=claim, release=True, next_poll_at=next_poll_at, poll_interval_s=poll_interval_s
        )

    # -- results of processing -----------------------------------------------------------------

    def due_results(self, now: float | None = None) -> list[Job]:
        """Results to fetch: pending and due, or being fetched by a worker whose lease ran out."""
        now = time.time() if now is None else now
        with self.db.reading() as conn:
            rows = conn.all(
                f"SELECT * FROM upload_jobs WHERE (results_state = 'pending' AND coalesce(results_next_at, 0) <= :now)"
                f" OR (results_state = 'fetching' AND coalesce(lease_expires_at, 0) <= {self.db.now_sql})"
                " ORDER BY results_next_at",
                {"now": now},
            )
        return [Job.from_row(r) for r in rows]

    def _results(self, job_id: int, expected: str, claim: str, **changes: Any) -> Job | None:
        changes["updated_at"] = now_iso()
        changes["lease_expires_at"] = None
        if "results" in changes:
            changes["results"] = json.dumps(changes["results"], allow_nan=False)
        sets = ", ".join(f"{key} = :{key}" for key in changes)
        with self.db.transaction() as conn:
            row = conn.one(
                f"UPDATE upload_jobs SET {sets} WHERE id = :id AND results_state = :expected AND claim_token = :claim"
                " RETURNING *",
                {**changes, "id": job_id, "expected": expected, "claim": claim},
            )
        return Job.from_row(row) if row else None

    def claim_results(self, job_id: int, now: float | None = None) -> Job | None:
        """Fetching the job's results, under this worker's lease; None when another worker has them."""
        now = time.time() if now is None else now
        with self.db.transaction() as conn:
            row = conn.one(
                f"UPDATE upload_jobs SET results_state = 'fetching', updated_at = :stamp, {self._leased()}"
                f" WHERE id = :id AND ((results_state = 'pending' AND coalesce(results_next_at, 0) <= :now)"
                f" OR (results_state = 'fetching' AND coalesce(lease_expires_at, 0) <= {self.db.now_sql}))"
                " RETURNING *",
                {"id": job_id, "now": now, "stamp": now_iso(), **self._claim()},
            )
        return Job.from_row(row) if row else None

    def results_fetched(self, job_id: int, results: list[dict[str, Any]], *, claim: str) -> Job | None:
        return self._results(job_id, "fetching", claim, results_state="ready", results=results, results_error=None)

    def results_retry(self, job_id: int, *, claim: str, error: str, attempts: int, next_at: float | None) -> Job | None:
        """Try again at `next_at`, or give up (`failed`) when it is None."""
        state = "pending" if next_at is not None else "failed"
        return self._results(
            job_id,
            "fetching",
            claim,
            results_state=state,
            results_error=error,
            results_attempts=attempts,
            results_next_at=next_at,
        )

    def recover_interrupted(self) -> list[Job]:
        """At start: release at once what an earlier run of this server held (its process is gone),
        so a restarted server resumes its own uploads without waiting for their leases to run out.

        Uploads go back to the queue, fetches back to pending, polls are let go. Claims of other
        hosts, or of processes still running, are left to their leases. Returns the re-queued jobs.
        """
        requeued = []
        with self.db.transaction() as conn:
            held = conn.all(
                "SELECT id, state, results_state, claimed_by, claim_token FROM upload_jobs"
                " WHERE state = :uploading OR results_state = 'fetching' OR lease_expires_at IS NOT NULL",
                {"uploading": str(UPLOADING)},
            )
            for row in held:
                if not worker_is_gone(row["claimed_by"], self.worker_id):
                    continue
                guard = "claim_token = :claim" if row["claim_token"] is not None else "claim_token IS NULL"
                params = {"id": row["id"], "claim": row["claim_token"], "stamp": now_iso()}
                if row["state"] == UPLOADING:
                    found = conn.one(
                        "UPDATE upload_jobs SET state = :queued, bytes_sent = 0, next_attempt_at = NULL,"
                        f" lease_expires_at = NULL, updated_at = :stamp WHERE id = :id AND state = :uploading"
                        f" AND {guard} RETURNING *",
                        {**params, "queued": str(QUEUED), "uploading": str(UPLOADING)},
                    )
                    if found:
                        requeued.append(Job.from_row(found))
                elif row["results_state"] == "fetching":
                    conn.execute(
                        "UPDATE upload_jobs SET results_state = 'pending', lease_expires_at = NULL"
                        f" WHERE id = :id AND results_state = 'fetching' AND {guard}",
                        params,
                    )
                else:
                    conn.execute(f"UPDATE upload_jobs SET lease_expires_at = NULL WHERE id = :id AND {guard}", params)
        return requeued

    # -- reading -------------------------------------------------------------------------------

    def get(self, job_id: int) -> Job | None:
        with self.db.reading() as conn:
            row = conn.one("SELECT * FROM upload_jobs WHERE id = :id", {"id": job_id})
        return Job.from_row(row) if row else None

    def find(self, state: str | None = None, limit: int = 50, offset: int = 0) -> list[Job]:
        where = "WHERE state = :state" if state else ""
        with self.db.reading() as conn:
            rows = conn.all(
                f"SELECT * FROM upload_jobs {where} ORDER BY id DESC LIMIT :limit OFFSET :offset",
                {"state": state, "limit": limit, "offset": offset} if state else {"limit": limit, "offset": offset},
            )
        return [Job.from_row(r) for r in rows]

    def latest_for_sessions(self, names: Iterable[str]) -> dict[str, Job]:
        names = list(names)
        if not names:
            return {}
        with self.db.reading() as conn:
            rows = conn.all(
                "SELECT * FROM upload_jobs WHERE id IN (SELECT max(id) FROM upload_jobs"
                " WHERE session_name IN :names GROUP BY session_name)",
                {"names": names},
            )
        return {row["session_name"]: Job.from_row(row) for row in rows}

    def jobs_for_sessions(self, names: Iterable[str]) -> dict[str, list[Job]]:
        """Every job of these sessions, oldest first (a session's timeline shows them all)."""
        names = list(names)
        if not names:
            return {}
        with self.db.reading() as conn:
            rows = conn.all("SELECT * FROM upload_jobs WHERE session_name IN :names ORDER BY id", {"names": names})
        found: dict[str, list[Job]] = {}
        for row in rows:
            found.setdefault(row["session_name"], []).append(Job.from_row(row))
        return found

    def due_polls(self, now: float | None = None) -> list[Job]:
        """Jobs whose processing status is due for a poll and that no worker is polling."""
        now = time.time() if now is None else now
        with self.db.reading() as conn:
            rows = conn.all(
                f"SELECT * FROM upload_jobs WHERE state IN :following AND task_id IS NOT NULL"
                f" AND coalesce(next_poll_at, 0) <= :now AND coalesce(lease_expires_at, 0) <= {self.db.now_sql}"
                " ORDER BY next_poll_at",
                {"following": _all(FOLLOWING), "now": now},
            )
        return [Job.from_row(r) for r in rows]

    def next_wakeup(self) -> float | None:
        """When the earliest retrying job becomes due, or an upload's lease runs out (None: no timer)."""
        with self.db.reading() as conn:
            return conn.scalar(
                "SELECT min(t) FROM (SELECT min(next_attempt_at) AS t FROM upload_jobs WHERE state = :retrying"
                " UNION ALL SELECT min(lease_expires_at) AS t FROM upload_jobs WHERE state = :uploading) AS due",
                {"retrying": str(RETRYING), "uploading": str(UPLOADING)},
            )

    def counts(self) -> dict[JobState, int]:
        with self.db.reading() as conn:
            rows = conn.execute("SELECT state, count(*) FROM upload_jobs GROUP BY state").all()
        found = {row[0]: row[1] for row in rows}
        return {state: found.get(state, 0) for state in STATES}


def _all(states: Iterable[str]) -> list[str]:
    """States as plain strings, for an `IN :list` bind."""
    return [str(state) for state in states]
