"""Background workers: send queued files with retries, then follow processing to its end.

Every job this worker works on (an upload, a status poll, a results fetch) is claimed from the
queue under a lease that the `LeaseKeeper` renews from its own thread; a worker that loses a lease
stops, and its late writes are refused by the queue. The worker says what happened through an
`UploadListener` (the service turns that into events); it never shapes a payload itself.
"""

from __future__ import annotations

import logging
import os
import random
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import BinaryIO, Protocol

import requests

from ..contract.vocabulary import RESULT_KINDS
from .client import Cancelled, ProcessingApiClient, ProcessingApiError, ResultMissing, TaskUnknown, UploadReceipt
from .leases import Hold, LeaseKeeper
from .queue import COMPLETED, FAILED, Job, UploadQueue, state_for_processing

log = logging.getLogger(__name__)

PROGRESS_EVERY_S = 0.25


class UploadListener(Protocol):
    def job_changed(self, job: Job) -> None: ...

    def progress(self, job: Job, sent: int, rate_bps: float, eta_s: float | None) -> None: ...

    def uploaded(self, job: Job, receipt: UploadReceipt) -> None: ...

    def attempt_failed(self, job: Job, error: str, next_attempt_at: float | None) -> None: ...

    def processing(self, job: Job, status: str, progress: float | None, message: str | None) -> None: ...

    def results_ready(self, job: Job) -> None: ...


OpenFile = Callable[[Job], BinaryIO]
FormFields = Callable[[Job], dict[str, str]]
# Writes one result (kind, the streamed response) beside the job's session; says what it wrote.
StoreResult = Callable[[Job, str, "requests.Response"], dict]
MAX_RESULT_ATTEMPTS = 20


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
    """`concurrency` upload threads plus one processing-status poller, all driven by the queue.

    `open_file(job)` gives the job's file, opened safely (it must be a regular file inside its
    session folder); `form_fields(job)` the extra multipart fields the processing API gets.
    """

    def __init__(
        self,
        queue: UploadQueue,
        client: ProcessingApiClient,
        listener: UploadListener,
        open_file: OpenFile,
        *,
        form_fields: FormFields = lambda job: {},
        store_result: StoreResult | None = None,
        concurrency: int = 1,
        retry: RetryPolicy = RetryPolicy(),
        poll_interval_s: float = 2.0,
        poll_max_s: float = 30.0,
    ):
        self.queue = queue
        self.client = client
        self.listener = listener
        self.open_file = open_file
        self.form_fields = form_fields
        self.store_result = store_result
        self.concurrency = concurrency
        self.retry = retry
        self.poll_interval_s = poll_interval_s
        self.poll_max_s = poll_max_s
        self._wake = threading.Condition()
        self._stopping = threading.Event()
        self._aborted: set[int] = set()
        self._threads: list[threading.Thread] = []
        self.leases = LeaseKeeper(queue, queue.lease_s)

    def start(self) -> None:
        self.leases.start()
        for job in self.queue.recover_interrupted():
            log.info("upload job %s (%s) was interrupted; queued again", job.id, job.session_name)
        for n in range(self.concurrency):
            self._spawn(self._upload_loop, f"upload-{n}")
        self._spawn(self._poll_loop, "processing-poller")
        if self.store_result is not None:
            self._spawn(self._results_loop, "results-fetcher")

    def _spawn(self, target, name: str) -> None:
        thread = threading.Thread(target=target, name=name, daemon=True)
        thread.start()
        self._threads.append(thread)

    def stop(self) -> None:
        self._stopping.set()
        self.wake()
        for thread in self._threads:
            thread.join(timeout=5)
        self.leases.stop()

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
                self._fail(job, f"internal error: {exc}")

    def _sleep_until_due(self) -> None:
        due = self.queue.next_wakeup()
        timeout = 5.0 if due is None else max(0.05, min(5.0, due - time.time()))
        with self._wake:
            self._wake.wait(timeout)

    def _send(self, job: Job) -> None:
        held = self.leases.hold(job.id, job.claim_token)
        try:
            self._send_held(job, held)
        finally:
            self.leases.release(held)

    def _send_held(self, job: Job, held: Hold) -> None:
        self._aborted.discard(job.id)  # an abort aimed at an earlier attempt
        self._changed(job)
        try:
            fh = self.open_file(job)
        except FileNotFoundError:
            return self._fail(job, f"{job.file_name} no longer exists")
        except OSError as exc:
            return self._fail(job, f"{job.file_name} cannot be read: {exc.strerror or exc}")
        with fh:
            size = os.fstat(fh.fileno()).st_size
            if size != job.total_bytes:
                return self._fail(
                    job, f"{job.file_name} changed size since it was queued ({size} bytes, expected {job.total_bytes})"
                )
            log.info("uploading %s (job %s, attempt %d)", job.file_name, job.id, job.attempts)
            try:
                receipt = self.client.upload(
                    fh,
                    job.file_name,
                    size,
                    fields={
                        "subtitle_model": job.subtitle_model,
                        "priority": str(job.priority),
                        **self.form_fields(job),
                    },
                    idempotency_key=job.idempotency_key,
                    on_progress=_ProgressReporter(job, held, self.listener),
                    should_abort=lambda: (
                        held.lost or held.cancelled or job.id in self._aborted or self._stopping.is_set()
                    ),
                )
            except Cancelled:
                self._aborted.discard(job.id)
                if held.lost:
                    log.warning("upload job %s stopped: another worker has it now", job.id)
                    return
                log.info("upload job %s stopped (%s)", job.id, "shutdown" if self._stopping.is_set() else "cancelled")
                self.queue.release(job.id, _claim(job))  # a shutdown's job is claimable again at once
                return
            except ProcessingApiError as exc:
                return self._after_failure(job, exc)
        if job.sha256 and job.sha256 != receipt.sha256:
            log.warning("job %s: %s changed content between attempts", job.id, job.file_name)
        # A cancel that came after the last byte left is too late: the API has the file, so the
        # job records it rather than inviting a duplicate upload.
        updated = self.queue.mark_uploaded(
            job.id,
            claim=_claim(job),
            task_id=receipt.task_id,
            sha256=receipt.sha256,
            bytes_sent=receipt.size,
            poll_in_s=self.poll_interval_s,
        )
        self._aborted.discard(job.id)
        if updated is None:
            log.error(
                "job %s: %s was sent (task %s), but the job is no longer this worker's (taken over or gone)",
                job.id,
                job.file_name,
                receipt.task_id,
            )
            return
        log.info("uploaded %s as task %s", job.file_name, receipt.task_id)
        self._tell(self.listener.uploaded, updated, receipt)
        self._changed(updated)

    def _after_failure(self, job: Job, exc: ProcessingApiError) -> None:
        if not exc.retryable:
            return self._fail(job, str(exc))
        next_at = time.time() + self.retry.delay(job.attempts, exc.retry_after_s)
        updated = self.queue.mark_retrying(job.id, claim=_claim(job), error=str(exc), next_attempt_at=next_at)
        if updated is None and self._taken_over(job):
            return
        log.warning(
            "upload job %s attempt %d failed: %s; next try in %.1fs", job.id, job.attempts, exc, next_at - time.time()
        )
        self._tell(self.listener.attempt_failed, updated or job, str(exc), next_at)
        self._changed(updated)

    def _fail(self, job: Job, error: str) -> None:
        updated = self.queue.mark_failed(job.id, claim=_claim(job), error=error)
        if updated is None and self._taken_over(job):
            return
        log.error("upload job %s failed for good: %s", job.id, error)
        self._tell(self.listener.attempt_failed, updated or job, error, None)
        self._changed(updated)

    def _taken_over(self, job: Job) -> bool:
        """Whether another worker claimed `job` since we did: then its news is that worker's to tell."""
        now = self.queue.get(job.id)
        if now is None or now.claim_token == job.claim_token:
            return False
        log.warning("upload job %s: another worker has it now; this attempt's outcome is dropped", job.id)
        return True

    def _changed(self, job: Job | None) -> None:
        if job is not None:
            self._tell(self.listener.job_changed, job)

    @staticmethod
    def _tell(method, *args) -> None:
        try:
            method(*args)
        except Exception:
            log.exception("upload listener %s failed", getattr(method, "__name__", method))

    # -- following processing --------------------------------------------------------------

    def _poll_loop(self) -> None:
        while not self._stopping.wait(0.5):
            try:
                jobs = self.queue.claim_polls()
                holds = [self.leases.hold(job.id, job.claim_token) for job in jobs]
                try:
                    for job in jobs:
                        self._poll(job)
                finally:
                    for held in holds:
                        self.leases.release(held)
            except Exception:
                log.exception("processing-status poller failed; will try again")

    def _poll(self, job: Job) -> None:
        interval = min(self.poll_max_s, (job.poll_interval_s or self.poll_interval_s) * 1.5)
        try:
            report = self.client.status(job.task_id or "")
        except TaskUnknown as exc:
            return self._record(job, "error", None, str(exc), None)
        except ProcessingApiError as exc:
            log.info("status of task %s unavailable (%s); retrying in %.0fs", job.task_id, exc, interval)
            return self.queue.postpone_poll(
                job.id, claim=_claim(job), next_poll_at=time.time() + interval, poll_interval_s=interval
            )
        status = str(report.get("status") or "unknown")
        progress = report.get("progress")
        progress = float(progress) if isinstance(progress, (int, float)) and progress == progress else None
        message = report.get("message") or report.get("error") or report.get("detail")
        message = str(message) if message is not None else None
        changed = (status, progress, message) != (
            job.processing_status,
            job.processing_progress,
            job.processing_message,
        )
        if changed:
            interval = self.poll_interval_s  # keep up while things move
        self._record(job, status, progress, message, interval, announce=changed)

    def _record(
        self,
        job: Job,
        status: str,
        progress: float | None,
        message: str | None,
        interval: float | None,
        announce: bool = True,
    ) -> None:
        state = state_for_processing(status)
        finished = state in (COMPLETED, FAILED)
        next_poll = None if finished or interval is None else time.time() + interval
        updated = self.queue.record_processing(
            job.id,
            claim=_claim(job),
            status=status,
            progress=progress,
            message=message,
            state=state,
            next_poll_at=next_poll,
            poll_interval_s=interval,
        )
        if updated is None or not (announce or finished):
            return
        self._tell(self.listener.processing, updated, status, progress, message)
        self._changed(updated)

    # -- fetching the results ----------------------------------------------------------------

    def _results_loop(self) -> None:
        while not self._stopping.wait(0.5):
            try:
                for job in self.queue.due_results():
                    self._fetch_results(job)
            except Exception:
                log.exception("results fetcher failed; will try again")

    def _fetch_results(self, job: Job) -> None:
        """Every kind the task has, streamed to disk; a missing kind is fine, a failure is retried."""
        claimed = self.queue.claim_results(job.id)
        if claimed is None or self.store_result is None:
            return
        held = self.leases.hold(claimed.id, claimed.claim_token)
        try:
            self._fetch_claimed(claimed)
        finally:
            self.leases.release(held)

    def _fetch_claimed(self, claimed: Job) -> None:
        assert self.store_result is not None
        fetched = []
        try:
            for kind in RESULT_KINDS:
                try:
                    response = self.client.fetch_result(claimed.task_id or "", kind)
                except ResultMissing:
                    continue
                with response:
                    fetched.append(self.store_result(claimed, kind, response))
        except (ProcessingApiError, OSError, requests.RequestException) as exc:
            attempts = claimed.results_attempts + 1
            retry = not isinstance(exc, ProcessingApiError) or exc.retryable
            next_at = (
                time.time() + self.retry.delay(attempts, getattr(exc, "retry_after_s", None))
                if retry and attempts < MAX_RESULT_ATTEMPTS
                else None
            )
            log.warning(
                "results of task %s: %s (%s)",
                claimed.task_id,
                exc,
                f"retrying, attempt {attempts}" if next_at else "giving up",
            )
            self._changed(
                self.queue.results_retry(
                    claimed.id, claim=_claim(claimed), error=str(exc), attempts=attempts, next_at=next_at
                )
            )
            return
        updated = self.queue.results_fetched(claimed.id, fetched, claim=_claim(claimed))
        if updated is not None:
            log.info("results of task %s: %s", claimed.task_id, ", ".join(r["kind"] for r in fetched) or "none")
            self._tell(self.listener.results_ready, updated)
            self._changed(updated)


def _claim(job: Job) -> str:
    """The token of the claim under which this worker got `job` (every claimed job has one)."""
    return job.claim_token or ""


class _ProgressReporter:
    """Turns per-chunk byte counts into a few progress reports a second. The count reaches the
    database with the lease's next heartbeat, from the keeper's thread: the upload never waits."""

    def __init__(self, job: Job, held: Hold, listener: UploadListener):
        self.job, self.held, self.listener = job, held, listener
        self.started = time.monotonic()
        self.last_event = 0.0

    def __call__(self, sent: int) -> None:
        now = time.monotonic()
        done = sent >= self.job.total_bytes
        self.held.sent = sent
        if now - self.last_event < PROGRESS_EVERY_S and not done:
            return
        self.last_event = now
        rate = sent / max(now - self.started, 1e-6)
        eta = (self.job.total_bytes - sent) / rate if rate > 0 else None
        self.listener.progress(self.job, sent, rate, eta)
