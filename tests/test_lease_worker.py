"""The upload worker under leases, on both backends, against the real local processing API: it keeps
its lease alive through a long upload, and stops when another worker has taken the job over."""

from __future__ import annotations

import logging

from streamai.sessions import Session, SessionStore
from streamai.uploads import ProcessingApiClient, UploadQueue, UploadWorker

from .support.postgres import database_fixture, postgres_fixture, postgres_url_fixture  # noqa: F401 (fixtures)
from .support.processing_api import larger_than_socket_buffers
from .support.recordings import make_session_folder
from .support.waiting import wait_for

MiB = 1 << 20


class Listener:
    """Everything the worker tells, by kind."""

    def __init__(self):
        self.heard: list[tuple[str, int]] = []

    def job_changed(self, job):
        self.heard.append(("job_changed", job.id))

    def progress(self, job, sent, rate_bps, eta_s):
        self.heard.append(("progress", job.id))

    def uploaded(self, job, receipt):
        self.heard.append(("uploaded", job.id))

    def attempt_failed(self, job, error, next_attempt_at):
        self.heard.append(("attempt_failed", job.id))

    def processing(self, job, status, progress, message):
        self.heard.append(("processing", job.id))

    def results_ready(self, job):
        self.heard.append(("results_ready", job.id))


def start_worker(database, tmp_path, processing_api, lease_s: float):
    path = make_session_folder(tmp_path / "rec", "show", larger_than_socket_buffers())
    SessionStore(database).insert(
        Session(name="show", title="show", folder="show", status="stopped", started_by="api", start_time="2025")
    )
    queue = UploadQueue(database, lease_s=lease_s)
    job = queue.enqueue(
        session_name="show",
        file_folder="",
        file_name=path.name,
        total_bytes=path.stat().st_size,
        subtitle_model="base",
        priority=1,
        manual=True,
    )
    listener = Listener()
    worker = UploadWorker(
        queue, ProcessingApiClient(processing_api.url), listener, lambda j: open(path, "rb"), poll_interval_s=0.2
    )
    return queue, job, listener, worker


def test_a_long_upload_keeps_its_lease(database, tmp_path, processing_api):
    """Held mid-body for three leases: the heartbeat keeps the job this worker's, and it completes once."""
    queue, job, listener, worker = start_worker(database, tmp_path, processing_api, lease_s=1)
    hold = processing_api.hold_next(after_bytes=MiB)
    worker.start()
    try:
        hold.wait_reached()
        first = queue.get(job.id)
        wait_for(lambda: queue.get(job.id).lease_expires_at > first.lease_expires_at + 3, 20, "three leases renewed")
        assert UploadQueue(database, lease_s=1).claim_next() is None
        hold.release()
        done = wait_for(lambda: (j := queue.get(job.id)).state in ("uploaded", "completed") and j, 30, "upload")
    finally:
        worker.stop()
    assert done.attempts == 1 and len(processing_api.uploads) == 1
    assert ("uploaded", job.id) in listener.heard


def test_an_upload_taken_over_stops_and_tells_nothing(database, tmp_path, processing_api, caplog):
    caplog.set_level(logging.INFO)
    queue, job, listener, worker = start_worker(database, tmp_path, processing_api, lease_s=1)
    hold = processing_api.hold_next(after_bytes=MiB)
    worker.start()
    try:
        hold.wait_reached()
        with database.transaction() as conn:  # another worker took it (as after an expired lease)
            conn.execute(
                "UPDATE upload_jobs SET claimed_by = 'elsewhere:1:x', claim_token = 'theirs',"
                " attempts = attempts + 1, lease_expires_at = lease_expires_at + 60 WHERE id = :id",
                {"id": job.id},
            )
        wait_for(lambda: "claim is gone" in caplog.text, 20, "the keeper to find the claim gone")
        hold.release()
        processing_api.wait_for_cut_bodies(1)  # stopped at its next window
        wait_for(lambda: "another worker has it now" in caplog.text, 20, "the upload to stop")
    finally:
        worker.stop()
    after = queue.get(job.id)
    assert (after.state, after.claim_token, after.attempts) == ("uploading", "theirs", 2)
    assert processing_api.uploads == []
    assert not [kind for kind, _ in listener.heard if kind in ("uploaded", "attempt_failed")]


def test_a_cancel_made_by_another_process_stops_the_upload(database, tmp_path, processing_api, caplog):
    """The cancel is written by another process's queue (a web process): this worker has no abort
    call to hear, and stops because its next heartbeat reads the job cancelled."""
    caplog.set_level(logging.INFO)
    queue, job, _, worker = start_worker(database, tmp_path, processing_api, lease_s=1)
    hold = processing_api.hold_next(after_bytes=MiB)
    worker.start()
    try:
        hold.wait_reached()
        assert UploadQueue(database, lease_s=1).cancel(job.id).state == "cancelled"
        wait_for(lambda: worker.leases._holds and all(h.cancelled for h in worker.leases._holds), 20, "the heartbeat")
        hold.release()
        processing_api.wait_for_cut_bodies(1)
        wait_for(lambda: "stopped (cancelled)" in caplog.text, 20, "the upload to stop")
    finally:
        worker.stop()
    after = queue.get(job.id)
    assert (after.state, after.lease_expires_at) == ("cancelled", None)  # released
    assert processing_api.uploads == []
