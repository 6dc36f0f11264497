"""The durable upload pipeline against a real local processing API that misbehaves on demand."""

from __future__ import annotations

import subprocess
import time

import pytest

from .support.leases import lease_lines
from .support.processing_api import larger_than_socket_buffers
from .support.recordings import make_session_folder, sha256_of

MiB = 1 << 20


@pytest.fixture
def served(tmp_path, processing_api, make_server):
    """A server with uploads on, and a session folder 'show' holding a 4 MiB file (adopted at start)."""

    def make(size: int = 4 * MiB, env: dict | None = None):
        path = make_session_folder(tmp_path / "server" / "recordings", "show", size)
        server = make_server({"VULTR_API_URL": processing_api.url, **(env or {})}, workdir=tmp_path / "server")
        server.wait_until(lambda: server.get("/api/integrated/recordings").json()["count"] == 1, 10, "adoption")
        return server, path

    return make


def manual(server, session: str = "show", **body):
    """A manual upload; `force`, as the files here are random bytes, not videos ffprobe can read."""
    response = server.post("/api/integrated/upload/manual", json={"sessionName": session, "force": True, **body})
    assert response.status_code == 202, response.text
    return response.json()["job"]


def test_503_twice_then_success(served, processing_api, listen):
    server, path = served()
    room = listen(server.url)
    processing_api.fail_next(503, times=2)
    job = manual(server)
    done = server.wait_job(job["id"], ("uploaded", "processing", "completed"))
    assert done["attempts"] == 3
    failures = room.of("upload_failed")
    assert [f["attempt"] for f in failures] == [1, 2]
    assert all(f["will_retry"] and f["next_retry_at"] and "503" in f["error"] for f in failures)
    [received] = processing_api.uploads
    assert received.sha256 == sha256_of(path) and received.fields["sha256"] == received.sha256
    result = room.wait_for("manual_upload_completed")["result"]
    assert result["success"] and result["task_id"] == received.task_id


def test_connection_dropped_mid_body_is_retried(served, processing_api):
    server, path = served(8 * MiB)
    processing_api.drop_next(after_bytes=3 * MiB)
    job = manual(server)
    done = server.wait_job(job["id"], ("uploaded", "processing", "completed"))
    assert done["attempts"] == 2
    [received] = processing_api.uploads
    assert received.size == path.stat().st_size and received.sha256 == sha256_of(path)


def test_api_down_for_several_tries_then_back(served, processing_api, listen):
    server, path = served()
    room = listen(server.url)
    processing_api.go_down()
    job = manual(server)
    room.wait_for("upload_failed", lambda f: f["attempt"] >= 3)  # down through three tries
    processing_api.come_back()
    completed = room.wait_for("upload_completed", lambda c: c["job_id"] == job["id"], timeout=20)
    failures = room.of("upload_failed")  # all in: events arrive in order, the completion last
    assert all("refused" in f["error"] and f["will_retry"] and f["next_retry_at"] for f in failures)
    assert completed["attempts"] == len(failures) + 1 >= 4
    [received] = processing_api.uploads
    assert received.sha256 == sha256_of(path)


def test_slow_reader_reports_progress(served, processing_api, listen):
    server, path = served(24 * MiB)  # well over what the loopback socket buffers hold
    room = listen(server.url)
    processing_api.read_slowly(0.1)  # about 10 MiB/s
    job = manual(server)
    server.wait_job(job["id"], ("uploaded", "processing", "completed"))
    progress = [p for p in room.of("upload_progress") if p["job_id"] == job["id"]]
    assert len(progress) >= 3
    assert progress[-1]["bytes_sent"] == progress[-1]["total_bytes"] == path.stat().st_size
    assert all(p["rate_bps"] > 0 for p in progress) and progress[0]["eta_s"] is not None
    assert [p["percent"] for p in progress] == sorted(p["percent"] for p in progress)


def test_permanent_refusal_stops_and_a_user_retry_succeeds(served, processing_api, listen):
    server, _ = served()
    room = listen(server.url)
    processing_api.fail_next(413)
    job = manual(server)
    failed = server.wait_job(job["id"], ("failed",))
    assert failed["attempts"] == 1 and "413" in failed["last_error"]
    failure = room.wait_for("upload_failed")
    assert failure["will_retry"] is False and failure["next_retry_at"] is None
    result = room.wait_for("manual_upload_completed")["result"]
    assert result["success"] is False and "413" in result["error"]
    retried = server.post(f"/api/integrated/uploads/{job['id']}/retry")
    assert retried.status_code == 200 and retried.json()["job"]["state"] == "queued"
    server.wait_job(job["id"], ("uploaded", "processing", "completed"))
    assert len(processing_api.uploads) == 1
    assert server.post(f"/api/integrated/uploads/{job['id']}/retry").status_code == 409


def test_cancel_a_running_upload_then_retry(served, processing_api):
    server, _ = served(larger_than_socket_buffers())  # so the held upload cannot have sent its last byte
    hold = processing_api.hold_next(after_bytes=MiB)
    job = manual(server)
    hold.wait_reached()
    cancelled = server.post(f"/api/integrated/uploads/{job['id']}/cancel")
    assert cancelled.status_code == 200 and cancelled.json()["job"]["state"] == "cancelled"
    hold.release()
    processing_api.wait_for_cut_bodies(1)  # the server stopped sending at its next window
    assert processing_api.uploads == [] and server.job(job["id"])["state"] == "cancelled"
    assert server.post(f"/api/integrated/uploads/{job['id']}/cancel").status_code == 409
    assert server.post(f"/api/integrated/uploads/{job['id']}/retry").status_code == 200
    server.wait_job(job["id"], ("uploaded", "processing", "completed"))
    assert len(processing_api.uploads) == 1


def test_recording_overwritten_mid_upload_fails_the_job_and_the_server_lives(served, processing_api, listen):
    """The file is sent from a memory map under a read lease: the overwrite waits for the server to
    let go, and the job stops saying why (a mapped file truncated under a reader that touches it
    kills the reader with SIGBUS; tests/test_file_windows.py checks the lease itself).

    The API stops reading after 1 MiB, so the overwrite always comes while windows remain to be
    read: with a reader that was only slow, a late `cp` could land after the last window and the
    original file was then (rightly) uploaded whole."""
    server, path = served(larger_than_socket_buffers())
    room = listen(server.url)
    hold = processing_api.hold_next(after_bytes=MiB)
    job = manual(server)
    hold.wait_reached()
    replacement = path.with_name("replacement.mkv")
    replacement.write_bytes(b"a shorter file")
    started = time.monotonic()
    overwrite = subprocess.Popen(["cp", str(replacement), str(path)])  # open(O_TRUNC), then write
    try:
        # cp waits on the lease, until the server's next window: at once if it is still filling
        # the socket buffers, else once the API reads again. Either way, before its last window.
        server.wait_until(
            lambda: any("BREAKING" in line for line in lease_lines(path)) or overwrite.poll() is not None,
            10,
            "the overwrite to reach the server's lease",
        )
        hold.release()
        assert overwrite.wait(timeout=30) == 0
        assert time.monotonic() - started < 10, "the server let go at its next window, not after fs.lease-break-time"
    finally:
        if overwrite.poll() is None:
            overwrite.kill()
            overwrite.wait()
    failed = server.wait_job(job["id"], ("failed",))
    assert "opened for writing" in failed["last_error"] and failed["attempts"] == 1
    failure = room.wait_for("upload_failed")
    assert failure["will_retry"] is False and path.name in failure["error"]
    assert server.proc.poll() is None and server.get("/api/health").status_code == 200
    processing_api.wait_for_cut_bodies(1)
    assert processing_api.uploads == []  # the cut body is not a completed upload
    assert path.read_bytes() == b"a shorter file"


def test_processing_is_followed_to_the_end(served, processing_api, listen):
    server, _ = served()
    room = listen(server.url)
    processing_api.script_statuses("uploaded", "processing", "processing", "completed")
    job = manual(server)
    done = server.wait_job(job["id"], ("completed",), timeout=30)
    assert done["processing_status"] == "completed" and done["processing_progress"] == 100
    statuses = [p["status"] for p in room.of("processing_status") if p["job_id"] == job["id"]]
    assert statuses[-1] == "completed" and "processing" in statuses
    recording = server.get("/api/integrated/recordings").json()["recordings"][0]
    assert recording["vultr_upload"]["processing_status"] == "completed"


def test_processing_error_marks_the_job_failed(served, processing_api):
    server, _ = served()
    processing_api.script_statuses("processing", "error")
    job = manual(server)
    failed = server.wait_job(job["id"], ("failed",), timeout=30)
    assert failed["task_id"] and failed["processing_status"] == "error"


def test_sigkill_mid_upload_resumes_on_restart_and_completes_once(served, processing_api):
    server, path = served(24 * MiB)
    processing_api.read_slowly(0.25)  # ~4 MiB/s: the upload takes seconds
    job = manual(server)
    server.wait_until(lambda: server.job(job["id"])["bytes_sent"] >= 4 * MiB, 20, "upload under way")
    server.kill()
    assert processing_api.uploads == []
    processing_api.read_slowly(0)
    server.start()
    done = server.wait_job(job["id"], ("uploaded", "processing", "completed"), timeout=60)
    assert done["attempts"] == 2
    [received] = processing_api.uploads
    assert received.sha256 == sha256_of(path)
    completed = [j for j in server.get("/api/integrated/uploads").json()["uploads"] if j["task_id"]]
    assert len(completed) == 1


def test_queued_upload_survives_a_restart(served, processing_api):
    server, path = served()
    processing_api.go_down()
    job = manual(server)
    server.wait_job(job["id"], ("retrying",))
    server.stop()
    processing_api.come_back()
    server.start()
    server.wait_job(job["id"], ("uploaded", "processing", "completed"), timeout=30)
    assert [u.sha256 for u in processing_api.uploads] == [sha256_of(path)]


def test_queue_is_visible_and_filterable(served, processing_api):
    server, _ = served()
    job = manual(server)
    server.wait_job(job["id"], ("completed",), timeout=30)
    listed = server.get("/api/integrated/uploads?state=completed").json()
    assert listed["count"] == 1 and listed["uploads"][0]["id"] == job["id"]
    assert server.get("/api/integrated/uploads?state=queued").json()["count"] == 0
    assert server.get("/api/integrated/uploads?state=bogus").status_code == 400
    assert server.get("/api/integrated/uploads/999999").status_code == 404
    assert server.post("/api/integrated/uploads/999999/cancel").status_code == 404
    counts = server.get("/api/integrated/status").json()["upload_queue"]["counts"]
    assert counts["completed"] == 1 and counts["queued"] == 0


def start_with_sessions(tmp_path, processing_api, make_server, names, env):
    for name in names:
        make_session_folder(tmp_path / "server" / "recordings", name, 24 * MiB, filename=f"{name}.mkv")
    server = make_server({"VULTR_API_URL": processing_api.url, **env}, workdir=tmp_path / "server")
    server.wait_until(lambda: server.get("/api/integrated/recordings").json()["count"] == len(names), 10, "adoption")
    return server


def test_two_uploads_run_at_once(tmp_path, processing_api, make_server):
    holds = [processing_api.hold_next(), processing_api.hold_next()]
    server = start_with_sessions(
        tmp_path, processing_api, make_server, ["first", "second"], {"UPLOAD_CONCURRENCY": "2"}
    )
    jobs = [manual(server, name) for name in ("first", "second")]
    for hold in holds:  # both bodies reach the API before either is read: two uploads at once
        hold.wait_reached()
    assert server.get("/api/integrated/uploads?state=uploading").json()["count"] == 2
    for hold in holds:
        hold.release()
    for job in jobs:
        server.wait_job(job["id"], ("uploaded", "processing", "completed"), timeout=60)
    assert sorted(u.filename for u in processing_api.uploads) == ["first.mkv", "second.mkv"]


def test_higher_priority_goes_first(tmp_path, processing_api, make_server):
    server = start_with_sessions(tmp_path, processing_api, make_server, ["busy", "low", "high"], {})
    hold = processing_api.hold_next()
    first = manual(server, "busy")
    hold.wait_reached()  # the one worker is busy with job 1 until the other two are queued
    low, high = manual(server, "low", priority=1), manual(server, "high", priority=9)
    hold.release()
    for job in (first, low, high):
        server.wait_job(job["id"], ("uploaded", "processing", "completed"), timeout=60)
    assert [u.filename for u in processing_api.uploads] == ["busy.mkv", "high.mkv", "low.mkv"]


def test_processing_is_still_followed_after_a_restart(served, processing_api):
    server, _ = served()
    processing_api.script_statuses(*["processing"] * 200, "completed")
    job = manual(server)
    server.wait_job(job["id"], ("processing",))
    server.kill()
    processing_api.script_statuses("completed")
    server.start()
    task_id = server.job(job["id"])["task_id"]
    done = server.wait_job(job["id"], ("completed",), timeout=30)
    assert done["task_id"] == task_id == processing_api.uploads[0].task_id
    assert len(processing_api.uploads) == 1  # followed, not uploaded again
