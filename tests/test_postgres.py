"""Several workers on one PostgreSQL, as real processes: every job claimed exactly once, a killed
worker's job taken over once its lease runs out (and its late writes refused), and the real
server on PostgreSQL from adoption to a completed upload, and through a kill -9."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from streamai.db import Database
from streamai.sessions import Session, SessionStore
from streamai.uploads import UploadQueue

from .support.media import VTT
from .support.postgres import postgres_fixture, postgres_url_fixture  # noqa: F401 (fixtures)
from .support.recordings import make_session_folder, sha256_of
from .support.waiting import wait_for

REPO = Path(__file__).resolve().parents[1]
MiB = 1 << 20


def fill(url: str, count: int) -> tuple[Database, UploadQueue, list[int]]:
    db = Database(url)
    SessionStore(db).insert(
        Session(name="show", title="show", folder="show", status="stopped", started_by="api", start_time="2025")
    )
    queue = UploadQueue(db)
    ids = [
        queue.enqueue(
            session_name="show",
            file_folder="",
            file_name=f"{n}.mkv",
            total_bytes=1,
            subtitle_model="base",
            priority=n % 3,
            manual=False,
        ).id
        for n in range(count)
    ]
    return db, queue, ids


def claimer(*args: str) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.Popen(
        [sys.executable, "-m", "tests.support.claimer", *args],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=REPO,
        env=env,
    )


def stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        proc.kill()
    proc.wait(10)


@pytest.mark.parametrize("backend", ["postgresql", "sqlite"])
def test_two_processes_claim_each_of_50_jobs_exactly_once(backend, request, tmp_path):
    """PostgreSQL: FOR UPDATE SKIP LOCKED; SQLite (one host): the claim's BEGIN IMMEDIATE transaction."""
    target = request.getfixturevalue("postgres_url") if backend == "postgresql" else str(tmp_path / "q.sqlite3")
    db, _, ids = fill(target, 50)
    workers = [claimer("drain", target) for _ in range(2)]
    try:
        assert [worker.stdout.readline() for worker in workers] == ["ready\n"] * 2
        for worker in workers:
            worker.stdin.write("go\n")
            worker.stdin.flush()
        outputs = [worker.communicate(timeout=60)[0] for worker in workers]
    finally:
        for worker in workers:
            stop(worker)
        db.close()
    assert [w.returncode for w in workers] == [0, 0]
    claimed = [[json.loads(line)["id"] for line in out.splitlines()] for out in outputs]
    every = claimed[0] + claimed[1]
    assert sorted(every) == sorted(ids), "a job claimed twice, or lost"
    print(f"claims per process: {len(claimed[0])} and {len(claimed[1])}")


def test_a_killed_workers_job_is_taken_over_after_its_lease(postgres_url):
    db, queue, [job_id] = fill(postgres_url, 1)
    worker = claimer("hold", postgres_url, "1")
    try:
        assert worker.stdout.readline() == "ready\n"
        worker.stdin.write("go\n")
        worker.stdin.flush()
        held = json.loads(worker.stdout.readline())
        assert held["id"] == job_id
        first = queue.get(job_id)
        # Alive, it renews its lease (each third of a second): the job stays its own past the lease.
        wait_for(lambda: queue.get(job_id).lease_expires_at > first.lease_expires_at + 1.5, 20, "two renewals")
        assert queue.claim_next() is None
        os.kill(worker.pid, signal.SIGKILL)
        worker.wait(10)
        taken = wait_for(queue.claim_next, 20, "the dead worker's lease to run out")
    finally:
        stop(worker)
    assert (taken.id, taken.attempts, taken.claimed_by) == (job_id, 2, queue.worker_id)
    late = held["claim"]
    assert queue.mark_uploaded(job_id, claim=late, task_id="late", sha256="s", bytes_sent=1, poll_in_s=1) is None
    assert queue.mark_failed(job_id, claim=late, error="late") is None
    assert not queue.heartbeat(job_id, late, 1)
    assert queue.get(job_id).claim_token == taken.claim_token
    done = queue.mark_uploaded(job_id, claim=taken.claim_token, task_id="t", sha256="s", bytes_sent=1, poll_in_s=1)
    assert done.state == "uploaded" and done.task_id == "t"
    db.close()


def test_the_server_on_postgres_adopts_lists_uploads_and_fetches(tmp_path, postgres, postgres_url, processing_api):
    processing_api.serve_results({"subtitles": ("text/vtt", VTT)})
    path = make_session_folder(tmp_path / "srv" / "recordings", "show", 4 * MiB)
    from .support.server import StreamAIServer

    server = StreamAIServer(
        tmp_path / "srv", {"VULTR_API_URL": processing_api.url, "STREAMAI_DATABASE_URL": postgres_url}
    ).start()
    try:
        listed = server.wait_until(
            lambda: (r := server.get("/api/integrated/recordings").json())["count"] == 1 and r, 10, "adoption"
        )
        assert listed["recordings"][0]["session_name"] == "show"
        formatted = server.get("/api/frontend/recordings/formatted").json()
        assert formatted["total"] == 1
        response = server.post("/api/integrated/upload/manual", json={"sessionName": "show", "force": True})
        assert response.status_code == 202 and response.json()["job"]["state"] == "queued"
        job = response.json()["job"]
        done = server.wait_job(job["id"], ("completed",), timeout=60)
        assert done["attempts"] == 1 and done["sha256"] == sha256_of(path)
        server.wait_until(lambda: server.job(job["id"])["results_state"] == "ready", 30, "results fetched")
        assert server.get("/api/integrated/recordings/show/results/subtitles").content == VTT
        assert server.get("/api/health").json()["status"] == "healthy"
    finally:
        server.stop()
    assert not (server.recordings / ".streamai").exists()  # nothing went to SQLite
    assert postgres.password not in server.log() and "postgresql://streamai_test:***@" in server.log()
    with_db = Database(postgres_url)
    try:
        [row] = UploadQueue(with_db).find()
        assert row.state == "completed" and row.lease_expires_at is None and row.claimed_by.count(":") == 2
    finally:
        with_db.close()


def test_a_restarted_server_resumes_its_upload_without_waiting_for_the_lease(tmp_path, postgres_url, processing_api):
    """kill -9 mid-upload with a ten-minute lease: the restarted server (same host, a new pid)
    takes its job back at once, since the process that held it is gone."""
    from .support.server import StreamAIServer

    path = make_session_folder(tmp_path / "srv" / "recordings", "show", 24 * MiB)
    env = {"VULTR_API_URL": processing_api.url, "STREAMAI_DATABASE_URL": postgres_url, "STREAMAI_JOB_LEASE": "600"}
    server = StreamAIServer(tmp_path / "srv", env).start()
    try:
        server.wait_until(lambda: server.get("/api/integrated/recordings").json()["count"] == 1, 10, "adoption")
        processing_api.read_slowly(0.25)  # ~4 MiB/s: the upload takes seconds
        job = server.post("/api/integrated/upload/manual", json={"sessionName": "show", "force": True}).json()["job"]
        server.wait_until(lambda: server.job(job["id"])["bytes_sent"] >= 4 * MiB, 20, "upload under way")
        server.kill()
        processing_api.read_slowly(0)
        server.start()
        done = server.wait_job(job["id"], ("uploaded", "processing", "completed"), timeout=60)
    finally:
        server.stop()
    assert done["attempts"] == 2
    [received] = processing_api.uploads
    assert received.sha256 == sha256_of(path)
