"""Background workers: send queued files with retries, then follow processing to its end."""

from __future__ import annotations

import logging
import random
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from .client import Cancelled, ProcessingApiClient, ProcessingApiError, TaskUnknown
from .queue import COMPLETED, FAILED, PROCESSING, UPLOADED, Job, UploadQueue, _iso

log = logging.getLogger(__name__)

Notify = Callable[[str, dict[str, Any]], None]
DONE_STATUSES = {"completed", "completed_simple"}
PROGRESS_EVERY_S = 0.25
PERSIST_PROGRESS_EVERY_S = 1.0


@dataclass(frozen=True)
class RetryPolicy:
    base_s: float = 1.0
    max_s: float = 30.0

    def delay(self, attempt: int, retry_after_s: float | None = None) -> float:
        """Exponential backoff with "equal jitter", never above the cap; Retry-After wins if longer."""
        ceiling = min(self.max_s, self.base_s * 2 ** max(0, attempt - 1))
        delay = ceiling / 2 + random.uniform(0, ceiling / 2)
        if retry_after_s is not None:
            delay = max(delay, min(retry_after_s, self.max_s))
        return delay


class UploadWorker:
    """`concurrency` upload threads plus one processing-status poller, all driven by the queue."""

    def __init__(
        self,
        queue: UploadQueue,
        client: ProcessingApiClient,
        notify: Notify,
        *,
        on_job_change: Callable[[Job], None] = lambda job: None,
        concurrency: int = 1,
        retry: RetryPolicy = RetryPolicy(),
        poll_interval_s: float = 2.0,
        poll_max_s: float = 30.0,
    ):
        self.queue = queue
        self.client = client
        self.notify = notify
        self.on_job_change = on_job_change
        self.concurrency = concurrency
        self.retry = retry
        self.poll_interval_s = poll_interval_s
        self.poll_max_s = poll_max_s
        self._wake = threading.Condition()
        self._stopping = threading.Event()
        self._aborted: set[int] = set()
        self._threads: list[threading.Thread] = []

    def start(self) -> None:
        for job in self.queue.recover_interrupted():
            log.info("upload job %s (%s) was interrupted; queued again", job.id, job.session_name)
        for n in range(self.concurrency):
            self._spawn(self._upload_loop, f"upload-{n}")
        self._spawn(self._poll_loop, "processing-poller")

    def _spawn(self, target, name: str) -> None:
        thread = threading.Thread(target=target, name=name, daemon=True)
        thread.start()
        self._threads.append(thread)

    def stop(self) -> None:
        self._stopping.set()
        self.wake()
        for thread in self._threads:
            thread.join(timeout=5)

    def wake(self) -> None:
        with self._wake:
            self._wake.notify_all()

    def abort(self, job_id: int) -> None:
        """Stop sending `job_id` at the next chunk (the queue already marked it cancelled)."""
        self._aborted.add(job_id)

    # -- uploading -------------------------------------------------------------------------

    def _upload_loop(self) -> None:
        while not self._stopping.is_set():
            try:
                job = self.queue.claim_next()
            except Exception:
                log.exception("could not read the upload queue")
                job = None
            if job is None:
                self._sleep_until_due()
                continue
            try:
                self._send(job)
            except Exception as exc:  # never let one job kill the worker
                log.exception("upload job %s crashed", job.id)
                self._changed(self.queue.mark_failed(job.id, error=f"internal error: {exc}"))

    def _sleep_until_due(self) -> None:
        due = self.queue.next_wakeup()
        timeout = 5.0 if due is None else min(5.0, max(0.05, due - time.time()))
        with self._wake:
            self._wake.wait(timeout)

    def _send(self, job: Job) -> None:
        self._aborted.discard(job.id)  # an abort aimed at an earlier attempt
        path = Path(job.file_path)
        self._changed(job)
        if not path.is_file():
            return self._fail(job, f"{path} no longer exists")
        if path.stat().st_size != job.total_bytes:
            return self._fail(job, f"{path.name} changed size since it was queued "
                                   f"({path.stat().st_size} bytes, expected {job.total_bytes})")
        progress = _ProgressReporter(job, self.queue, self.notify)
        log.info("uploading %s (job %s, attempt %d)", path.name, job.id, job.attempts)
        try:
            receipt = self.client.upload(
                path,
                subtitle_model=job.subtitle_model,
                priority=job.priority,
                idempotency_key=job.idempotency_key,
                on_progress=progress,
                should_abort=lambda: job.id in self._aborted or self._stopping.is_set(),
            )
        except Cancelled:
            self._aborted.discard(job.id)
            log.info("upload job %s stopped (%s)", job.id, "shutdown" if self._stopping.is_set() else "cancelled")
            return
        except ProcessingApiError as exc:
            return self._after_failure(job, exc)
        if job.sha256 and job.sha256 != receipt.sha256:
            log.warning("job %s: %s changed content between attempts", job.id, path.name)
        # A cancel that came after the last byte left is too late: the API has the file, so the
        # job records it rather than inviting a duplicate upload.
        updated = self.queue.mark_uploaded(job.id, task_id=receipt.task_id, sha256=receipt.sha256,
                                           bytes_sent=receipt.size, poll_in_s=self.poll_interval_s)
        self._aborted.discard(job.id)
        if updated is None:
            log.error("job %s vanished while %s was being sent (task %s)", job.id, path.name, receipt.task_id)
            return
        log.info("uploaded %s as task %s", path.name, receipt.task_id)
        self.notify("upload_completed", {
            "job_id": job.id, "session_name": job.session_name, "task_id": receipt.task_id,
            "attempts": job.attempts, "manual": job.manual, "sha256": receipt.sha256,
        })
        if job.manual:
            self._manual_result(updated, success=True)
        self._changed(updated)

    def _after_failure(self, job: Job, exc: ProcessingApiError) -> None:
        if not exc.retryable:
            return self._fail(job, str(exc))
        next_at = time.time() + self.retry.delay(job.attempts, exc.retry_after_s)
        updated = self.queue.mark_retrying(job.id, error=str(exc), next_attempt_at=next_at)
        log.warning("upload job %s attempt %d failed: %s; next try at %s", job.id, job.attempts, exc, _iso(next_at))
        self._failure_event(job, str(exc), will_retry=True, next_at=next_at)
        self._changed(updated)

    def _fail(self, job: Job, error: str) -> None:
        updated = self.queue.mark_failed(job.id, error=error)
        log.error("upload job %s failed for good: %s", job.id, error)
        self._failure_event(job, error, will_retry=False, next_at=None)
        if job.manual and updated:
            self._manual_result(updated, success=False)
        self._changed(updated)

    def _failure_event(self, job: Job, error: str, *, will_retry: bool, next_at: float | None) -> None:
        self.notify("upload_failed", {
            "job_id": job.id, "session_name": job.session_name, "error": error, "attempt": job.attempts,
            "will_retry": will_retry, "next_retry_at": _iso(next_at), "manual": job.manual,
        })

    def _manual_result(self, job: Job, *, success: bool) -> None:
        result = {"success": success, "job_id": job.id, "task_id": job.task_id,
                  "subtitle_model": job.subtitle_model, "priority": job.priority}
        if not success:
            result["error"] = job.last_error
        self.notify("manual_upload_completed", {"session_name": job.session_name, "result": result})

    def _changed(self, job: Job | None) -> None:
        if job is not None:
            try:
                self.on_job_change(job)
            except Exception:
                log.exception("job change handler failed for job %s", job.id)

    # -- following processing --------------------------------------------------------------

    def _poll_loop(self) -> None:
        while not self._stopping.wait(0.5):
            try:
                for job in self.queue.due_polls():
                    self._poll(job)
            except Exception:
                log.exception("processing-status poller failed; will try again")

    def _poll(self, job: Job) -> None:
        interval = min(self.poll_max_s, (job.poll_interval_s or self.poll_interval_s) * 1.5)
        try:
            report = self.client.status(job.task_id)
        except TaskUnknown as exc:
            return self._record(job, "error", None, str(exc), FAILED, None)
        except ProcessingApiError as exc:
            log.info("status of task %s unavailable (%s); retrying in %.0fs", job.task_id, exc, interval)
            return self.queue.postpone_poll(job.id, next_poll_at=time.time() + interval, poll_interval_s=interval)
        status = str(report.get("status") or "unknown")
        progress = report.get("progress")
        progress = float(progress) if isinstance(progress, (int, float)) else None
        message = report.get("message") or report.get("error") or report.get("detail")
        state = COMPLETED if status in DONE_STATUSES else FAILED if status == "error" else (
            PROCESSING if status == "processing" else UPLOADED)
        changed = (status, progress, message) != (job.processing_status, job.processing_progress, job.processing_message)
        if changed:
            interval = self.poll_interval_s  # keep up while things move
        next_poll = None if state in (COMPLETED, FAILED) else time.time() + interval
        self._record(job, status, progress, message, state, next_poll, interval, announce=changed or next_poll is None)

    def _record(self, job: Job, status: str, progress, message, state: str, next_poll: float | None,
                interval: float | None = None, announce: bool = True) -> None:
        updated = self.queue.record_processing(job.id, status=status, progress=progress, message=message,
                                               state=state, next_poll_at=next_poll, poll_interval_s=interval)
        if updated is None or not announce:
            return
        self.notify("processing_status", {
            "job_id": job.id, "session_name": job.session_name, "task_id": job.task_id,
            "status": status, "progress": progress, "message": message, "state": state,
        })
        self._changed(updated)


class _ProgressReporter:
    """Turns per-chunk byte counts into a few `upload_progress` events a second."""

    def __init__(self, job: Job, queue: UploadQueue, notify: Notify):
        self.job, self.queue, self.notify = job, queue, notify
        self.started = time.monotonic()
        self.last_event = self.last_persist = 0.0

    def __call__(self, sent: int) -> None:
        now = time.monotonic()
        done = sent >= self.job.total_bytes
        if now - self.last_persist >= PERSIST_PROGRESS_EVERY_S or done:
            self.last_persist = now
            self.queue.record_progress(self.job.id, sent)
        if now - self.last_event < PROGRESS_EVERY_S and not done:
            return
        self.last_event = now
        elapsed = max(now - self.started, 1e-6)
        rate = sent / elapsed
        total = self.job.total_bytes
        self.notify("upload_progress", {
            "job_id": self.job.id, "session_name": self.job.session_name, "bytes_sent": sent,
            "total_bytes": total, "percent": round(100 * sent / total, 1) if total else 100.0,
            "rate_bps": round(rate), "eta_s": round((total - sent) / rate, 1) if rate > 0 else None,
        })
