"""Units of the upload pipeline: the streamed body, the retry policy, the durable queue (on SQLite
and on PostgreSQL: the `database` fixture runs each queue test on both)."""

from __future__ import annotations

import hashlib
import os

import pytest
from multipart import PushMultipartParser

from streamai.sessions import Session, SessionStore
from streamai.uploads import DuplicateJob, RetryPolicy, UploadQueue, windows
from streamai.uploads.multipart import MultipartFileBody as _Body
from streamai.uploads.multipart import UploadAborted
from streamai.uploads.queue import state_for_processing
from streamai.uploads.windows import FileChanged

from .support.postgres import database_fixture, postgres_fixture, postgres_url_fixture  # noqa: F401 (fixtures)


def MultipartFileBody(path, fields, **kwargs) -> _Body:
    """A body over the file opened here, as the upload worker opens it."""
    fh = open(path, "rb", buffering=0)
    return _Body(fh, path.name, os.fstat(fh.fileno()).st_size, fields, **kwargs)


def parse(body: _Body) -> tuple[dict[str, str], bytes, str]:
    fields, data, filename, current = {}, b"", None, None
    raw = b""
    while chunk := body.read(64 * 1024):
        assert len(chunk) <= 64 * 1024
        raw += chunk
    assert len(raw) == len(body)
    with PushMultipartParser(body.boundary) as parser:
        for event in parser.parse(raw):
            if event is None:
                current = None
            elif isinstance(event, bytes):
                if current.filename is not None:
                    data += event
                else:
                    fields[current.name] = fields.get(current.name, "") + event.decode()
            else:
                current = event
                if event.filename is not None:
                    filename = event.filename
    return fields, data, filename


@pytest.mark.parametrize("leases", [True, False], ids=["mapped", "buffered"])
def test_body_is_valid_multipart_with_its_checksum_last(tmp_path, monkeypatch, leases):
    if not leases:
        monkeypatch.setattr(windows, "_take_read_lease", lambda fd: False)
    path = tmp_path / "2025-07-08 02-34-19.mkv"
    content = os.urandom(3 * 1024 * 1024 + 5)
    path.write_bytes(content)
    seen = []
    body = MultipartFileBody(path, {"subtitle_model": "small", "priority": "2"}, on_progress=seen.append)
    fields, data, filename = parse(body)
    assert data == content and filename == path.name
    assert fields == {"subtitle_model": "small", "priority": "2", "sha256": hashlib.sha256(content).hexdigest()}
    assert body.content_type.startswith("multipart/form-data; boundary=")
    assert seen[-1] == len(content) and seen == sorted(seen)


def test_body_stops_when_asked(tmp_path):
    path = tmp_path / "a.mkv"
    path.write_bytes(b"x" * (3 << 20))
    body = MultipartFileBody(path, {}, should_abort=lambda: True)
    with pytest.raises(UploadAborted):
        while body.read(1 << 20):
            pass


def test_body_notices_a_file_that_changes(tmp_path):
    path = tmp_path / "a.mkv"
    path.write_bytes(b"x" * (2 << 20))
    body = MultipartFileBody(path, {})
    with open(path, "ab") as fh:
        fh.write(b"more")
    with pytest.raises(FileChanged):
        while body.read(1 << 20):
            pass


def test_read_all_is_still_bounded(tmp_path):
    path = tmp_path / "a.mkv"
    path.write_bytes(b"x" * (5 << 20))
    assert len(MultipartFileBody(path, {}).read()) <= 1 << 20


def test_retry_delays_grow_with_jitter_and_a_cap():
    policy = RetryPolicy(base_s=1, max_s=30)
    for attempt in range(1, 12):
        ceiling = min(30, 2 ** (attempt - 1))
        assert all(ceiling / 2 <= policy.delay(attempt) <= ceiling for _ in range(50))
    assert policy.delay(20) <= 30
    assert 20 <= policy.delay(1, retry_after_s=20) <= 30
    assert policy.delay(1, retry_after_s=500) == 30


@pytest.fixture
def queue(database):
    store = SessionStore(database)
    for name in ("a", "b", "c"):
        store.insert(
            Session(
                name=name,
                title=name,
                folder=name,
                status="stopped",
                started_by="api",
                start_time="2025-01-01T00:00:00+00:00",
            )
        )
    return UploadQueue(database)


def enqueue(queue, name, priority, file_name=None):
    return queue.enqueue(
        session_name=name,
        file_folder="",
        file_name=file_name or f"{name}.mkv",
        total_bytes=1,
        subtitle_model="base",
        priority=priority,
        manual=False,
    )


def test_jobs_run_by_priority_then_age(queue):
    low, high, high_later = enqueue(queue, "a", 1), enqueue(queue, "b", 5), enqueue(queue, "c", 5)
    order = [queue.claim_next().id for _ in range(3)]
    assert order == [high.id, high_later.id, low.id]
    assert queue.claim_next() is None


def test_a_job_is_claimed_once(queue):
    enqueue(queue, "a", 1)
    assert queue.claim_next() is not None and queue.claim_next() is None


def test_retrying_jobs_wait_for_their_time(queue):
    job = enqueue(queue, "a", 1)
    claimed = queue.claim_next()
    queue.mark_retrying(job.id, claim=claimed.claim_token, error="503", next_attempt_at=10_000_000_000)
    assert queue.claim_next() is None and queue.next_wakeup() == 10_000_000_000
    assert queue.claim_next(now=10_000_000_001).attempts == 2


def test_interrupted_uploads_go_back_to_the_queue(queue):
    """A restarted server (a new worker of this host; the old one is gone) takes its jobs back at
    once, without waiting for their leases."""
    job = enqueue(queue, "a", 1)
    queue.claim_next()
    assert queue.recover_interrupted() == []  # its own claims, while it runs, are its own
    restarted = UploadQueue(queue.db)
    assert [j.id for j in restarted.recover_interrupted()] == [job.id]
    assert queue.get(job.id).state == "queued" and queue.get(job.id).lease_expires_at is None


def test_state_changes_respect_the_current_state(queue):
    job = enqueue(queue, "a", 1)
    assert queue.retry(job.id) is None  # queued jobs are not retried
    assert queue.mark_uploaded(job.id, claim="x", task_id="t", sha256="s", bytes_sent=1, poll_in_s=1) is None
    assert queue.cancel(job.id).state == "cancelled"
    assert queue.cancel(job.id) is None
    assert queue.retry(job.id).state == "queued"
    assert queue.counts()["queued"] == 1


def test_latest_job_per_session(queue):
    enqueue(queue, "a", 1)
    second = enqueue(queue, "a", 2, file_name="a (2).mkv")
    other = enqueue(queue, "b", 1)
    latest = queue.latest_for_sessions(["a", "b", "c"])
    assert {k: v.id for k, v in latest.items()} == {"a": second.id, "b": other.id}


def test_a_file_has_at_most_one_live_job(queue):
    first = enqueue(queue, "a", 1)
    with pytest.raises(DuplicateJob) as duplicate:
        enqueue(queue, "a", 1)
    assert duplicate.value.job.id == first.id
    claimed = queue.claim_next()
    with pytest.raises(DuplicateJob):
        enqueue(queue, "a", 1)  # uploading is live too
    queue.mark_failed(first.id, claim=claimed.claim_token, error="413")
    second = enqueue(queue, "a", 1)  # a failed job no longer blocks a new one
    with pytest.raises(DuplicateJob) as blocked:
        queue.retry(first.id)  # ...and the failed one cannot come back beside it
    assert blocked.value.job.id == second.id and queue.get(first.id).state == "failed"


@pytest.mark.parametrize(
    "status, state",
    [
        ("uploaded", "uploaded"),
        ("processing", "processing"),
        ("completed", "completed"),
        ("completed_simple", "completed"),
        ("error", "failed"),
        ("failed", "failed"),
        ("surprise", "uploaded"),
    ],
)
def test_processing_status_means_one_job_state(status, state):
    assert state_for_processing(status) == state


def test_jobs_say_what_users_can_do(queue):
    job = enqueue(queue, "a", 1)
    assert (job.can_cancel, job.can_retry) == (True, False)
    failed = queue.cancel(job.id)
    assert (failed.can_cancel, failed.can_retry) == (False, True)
