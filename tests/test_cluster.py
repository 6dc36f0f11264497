"""A split deployment on loopback: `streamai web` ×2, `streamai control` (and a standby), `streamai
worker` ×2, on a real redis-server and a real PostgreSQL of the tests' own, a real OBS and the
real processing API. Every process is killed the hard way (SIGKILL) where the issue says so."""

from __future__ import annotations

import signal
from pathlib import Path

import pytest
import requests

from .conftest import obs_env
from .support.nginx import Nginx, nginx_available
from .support.postgres import postgres_fixture, postgres_url_fixture  # noqa: F401 (fixtures)
from .support.processing_api import larger_than_socket_buffers
from .support.recordings import make_session_folder, sha256_of
from .support.redis_server import redis_server_fixture  # noqa: F401 (fixture)
from .support.server import StreamAIServer
from .test_workflow_obs import ffprobe_duration

pytestmark = pytest.mark.obs

MiB = 1 << 20


class Cluster:
    """The processes of one deployment, sharing RECORDINGS_PATH, PostgreSQL and Redis."""

    def __init__(self, tmp_path: Path, env: dict[str, str]):
        self.tmp_path = tmp_path
        self.recordings = tmp_path / "recordings"
        self.env = {"RECORDINGS_PATH": str(self.recordings), **env}
        self.processes: list[StreamAIServer] = []

    def start(self, role: str, **env: str) -> StreamAIServer:
        process = StreamAIServer(self.tmp_path / f"{role}{len(self.processes)}", {**self.env, **env}, role=role)
        self.processes.append(process)
        return process.start(timeout_s=60)

    def stop(self) -> None:
        for process in reversed(self.processes):
            process.stop()

    def logs(self) -> str:
        return "\n".join(f"--- {p.role} ({p.workdir.name}) ---\n{p.log()[-3000:]}" for p in self.processes)


@pytest.fixture
def cluster(tmp_path, redis_server, postgres_url, processing_api, live_obs):
    deployment = Cluster(
        tmp_path,
        {
            **obs_env(live_obs),
            "STREAMAI_DATABASE_URL": postgres_url,
            "STREAMAI_MESSAGE_QUEUE": redis_server.url,
            "VULTR_API_URL": processing_api.url,
            "STREAMAI_JOB_LEASE": "2",
        },
    )
    try:
        yield deployment
    finally:
        with _stopping_obs(live_obs):
            deployment.stop()


class _stopping_obs:
    """A test that fails mid-recording must not leave OBS recording for the next one."""

    def __init__(self, studio):
        self.studio = studio

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        if self.studio.obs is not None and self.studio.obs.poll() is None:
            with self.studio.window() as client:
                if client.get_record_status().output_active:
                    self.studio.stop_recording()


def controller_of(web: StreamAIServer) -> dict:
    """The health the controller answers through `web` (degraded with OBS's error when none)."""
    return web.get("/api/health").json()


def worker_pid(job: dict) -> int:
    """Jobs are claimed as host:pid:random."""
    return int(job["worker"].split(":")[1])


def test_every_web_process_answers_as_one_and_hears_every_event(cluster, listen, processing_api):
    control = cluster.start("control")
    workers = [cluster.start("worker"), cluster.start("worker")]
    web1, web2 = cluster.start("web"), cluster.start("web")
    web2.wait_until(lambda: controller_of(web2)["obs"]["connected"], 30, "OBS through the controller")
    room = listen(web1.url)

    started = web2.post("/api/integrated/recording/start", json={"sessionName": "Split Show"})
    assert started.status_code == 200, started.text + cluster.logs()
    assert started.json()["session_name"] == "Split_Show"
    assert room.wait_for("recording_started")["result"]["session_name"] == "Split_Show"

    again = web1.post("/api/integrated/recording/start", json={"sessionName": "Other"})
    assert again.status_code == 409, again.text
    assert "already recording" in again.json()["error"] and "Split_Show" in again.json()["error"]
    busy = web1.post("/api/integrated/upload/manual", json={"sessionName": "Split_Show"})
    assert busy.status_code == 409 and "still recording" in busy.json()["error"]
    unknown_rig = web1.post("/api/rigs/nope/recording/start", json={})
    assert unknown_rig.status_code == 404, unknown_rig.text

    live = room.wait_recorded(1500, "Split_Show")  # the controller's live status, through web 1
    assert live["obs_status"]["timecode"].startswith("00:00:0")
    assert web1.get("/api/integrated/recording/status").json()["session_name"] == "Split_Show"

    stopped = web1.post("/api/integrated/recording/stop")
    assert stopped.status_code == 200, stopped.text + cluster.logs()
    [recorded] = stopped.json()["files"]
    path = Path(recorded["path"])
    assert path.is_file() and path.stat().st_size == recorded["size_bytes"] > 0
    assert ffprobe_duration(path) > 1.0
    job_id = stopped.json()["upload_result"]["job"]["id"]
    assert room.wait_for("recording_stopped")["result"]["session_name"] == "Split_Show"

    completed = room.wait_for("upload_completed", lambda d: d["job_id"] == job_id, timeout=60)
    [received] = processing_api.uploads
    assert received.sha256 == sha256_of(path) == completed["sha256"]
    room.wait_for("processing_status", lambda d: d["job_id"] == job_id and d["status"] == "completed", timeout=60)
    job = web2.get(f"/api/integrated/uploads/{job_id}").json()
    assert job["state"] == "completed" and worker_pid(job) in {w.proc.pid for w in workers}
    assert control.proc.poll() is None


def test_a_worker_killed_mid_upload_is_replaced_and_the_api_holds_one_copy(cluster, listen, processing_api):
    path = make_session_folder(cluster.recordings, "big", larger_than_socket_buffers())
    cluster.start("control")  # adopts the folder as a session
    web = cluster.start("web")
    first = cluster.start("worker")
    web.wait_until(lambda: web.get("/api/integrated/recordings").json()["total"] == 1, 30, "the adopted session")
    room = listen(web.url)

    hold = processing_api.hold_next(after_bytes=MiB)
    queued = web.post("/api/integrated/upload/manual", json={"sessionName": "big", "force": True})
    assert queued.status_code == 202, queued.text
    job_id = queued.json()["job"]["id"]
    hold.wait_reached()
    assert worker_pid(web.job(job_id)) == first.proc.pid
    second = cluster.start("worker")

    first.proc.send_signal(signal.SIGKILL)
    first.proc.wait(10)
    hold.release()
    processing_api.wait_for_cut_bodies(1)

    done = web.wait_job(job_id, ("completed",), timeout=90)
    assert worker_pid(done) == second.proc.pid and done["attempts"] == 2
    [received] = processing_api.uploads  # the first attempt never reached its last byte
    assert received.sha256 == sha256_of(path) and received.size == path.stat().st_size
    assert received.idempotency_key
    room.wait_for("upload_completed", lambda d: d["job_id"] == job_id, timeout=30)


def test_the_standby_controller_takes_over_a_recording_when_the_controller_is_killed(cluster, listen, processing_api):
    first = cluster.start("control")
    first.wait_until(lambda: "this process is the controller now" in first.log(), 30, "the first to lead")
    standby = cluster.start("control")
    assert "this process is the controller now" not in standby.log()
    cluster.start("worker")
    web = cluster.start("web")
    web.wait_until(lambda: controller_of(web)["obs"]["connected"], 30, "OBS through the controller")
    room = listen(web.url)

    started = web.post("/api/integrated/recording/start", json={"sessionName": "Survivor"})
    assert started.status_code == 200, started.text
    room.wait_recorded(1000, "Survivor")

    first.proc.send_signal(signal.SIGKILL)
    first.proc.wait(10)
    standby.wait_until(lambda: "this process is the controller now" in standby.log(), 30, "the standby to lead")
    resumed = room.wait_for("recording_started", lambda d: "resumed" in d["result"]["message"], timeout=30)
    assert resumed["result"]["session_name"] == "Survivor"
    web.wait_until(
        lambda: web.get("/api/integrated/recording/status").json().get("session_name") == "Survivor",
        30,
        "the standby to answer for the recording",
    )
    room.wait_recorded(3000, "Survivor")  # OBS kept recording all along

    stopped = web.post("/api/integrated/recording/stop")
    assert stopped.status_code == 200, stopped.text + cluster.logs()
    [recorded] = stopped.json()["files"]
    path = Path(recorded["path"])
    assert ffprobe_duration(path) > 2.5, "one file, from before the kill to the stop"
    job_id = stopped.json()["upload_result"]["job"]["id"]
    room.wait_for("upload_completed", lambda d: d["job_id"] == job_id, timeout=60)
    assert processing_api.uploads[0].sha256 == sha256_of(path)


@pytest.mark.skipif(not nginx_available(), reason="nginx is not installed (scripts/setup.sh --with-tests)")
def test_clients_of_a_killed_web_process_reconnect_to_the_other(cluster, listen, tmp_path):
    cluster.start("control")
    webs = [cluster.start("web"), cluster.start("web")]
    with Nginx(tmp_path / "nginx", [w.port for w in webs]) as proxy:
        room = listen(proxy.url)  # a websocket through nginx, to one of them
        [holder] = [w for w in webs if proxy.connections_to(w.port)]
        [other] = [w for w in webs if w is not holder]
        other.wait_until(lambda: controller_of(other)["obs"]["connected"], 30, "OBS through the controller")

        joined = len(room.of("joined"))
        holder.proc.send_signal(signal.SIGKILL)
        holder.proc.wait(10)
        room.wait_for_count("joined", joined + 1)  # reconnected and joined again, through nginx
        assert proxy.connections_to(other.port) == 1

        started = other.post("/api/integrated/recording/start", json={"sessionName": "After Failover"})
        assert started.status_code == 200, started.text
        assert room.wait_for("recording_started")["result"]["session_name"] == "After_Failover"
        stopped = requests.post(proxy.url + "/api/integrated/recording/stop", timeout=120)
        assert stopped.status_code == 200, stopped.text


def test_a_controller_that_loses_its_lock_stops_and_the_standby_leads(tmp_path, redis_server, postgres_url):
    """The lock is the database session's: when that session ends under a live controller (here the
    database terminates it), the controller must stop driving OBS (exit 3, for systemd to restart
    it as a standby) and the standby takes over. No OBS needed: the lock is the point."""
    import psycopg

    from .support.obs_studio import free_port

    deployment = Cluster(
        tmp_path,
        {
            "STREAMAI_DATABASE_URL": postgres_url,
            "STREAMAI_MESSAGE_QUEUE": redis_server.url,
            "OBS_PORT": str(free_port()),
        },
    )
    try:
        first = deployment.start("control")
        first.wait_until(lambda: "this process is the controller now" in first.log(), 30, "the first to lead")
        standby = deployment.start("control")
        with psycopg.connect(postgres_url, autocommit=True) as admin:
            [(terminated,)] = admin.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND granted"
            ).fetchall()
        assert terminated
        assert first.proc.wait(30) == 3
        assert "lost the database connection that holds the controller lock" in first.log()
        standby.wait_until(lambda: "this process is the controller now" in standby.log(), 30, "the standby to lead")
    finally:
        deployment.stop()
