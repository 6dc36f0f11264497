"""OBS closed, killed, restarted, refusing our password, or driven from its own window."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from streamai.obs import ObsController

from .conftest import obs_env
from .support.obs_studio import ObsStudio

pytestmark = pytest.mark.obs


def test_server_starts_without_obs_and_connects_when_it_comes_up(tmp_path, make_server, listen):
    studio = ObsStudio(tmp_path / "late-obs")
    try:
        server = make_server(obs_env(studio))
        room = listen(server.url)
        health = server.get("/api/health").json()
        assert health["status"] == "healthy" and health["obs"]["connected"] is False
        refused = server.post("/api/integrated/recording/start", json={})
        assert refused.status_code == 503 and "OBS" in refused.json()["error"]
        studio.start()
        room.wait_for("obs_connection", lambda state: state["connected"])
        server.wait_obs_connected(timeout=30)
        # ...and after OBS is restarted, it connects again by itself. The events say so: polling
        # the health route could miss a disconnection shorter than OBS's own restart.
        seen = len(room.events)
        studio.restart()
        room.wait_for("obs_connection", lambda state: not state["connected"], after=seen)
        room.wait_for("obs_connection", lambda state: state["connected"], after=seen)
        server.wait_obs_connected(timeout=30)
        assert server.post("/api/integrated/recording/start", json={"autoUpload": False}).status_code == 200
        assert server.post("/api/integrated/recording/stop").status_code == 200
    finally:
        studio.close()


def test_obs_killed_mid_recording_keeps_the_file(live_obs, make_server, listen):
    server = make_server(obs_env(live_obs))
    server.wait_obs_connected()
    room = listen(server.url)
    assert server.post("/api/integrated/recording/start", json={"sessionName": "crash", "autoUpload": False}).ok
    room.wait_recorded(2000, "crash")
    live_obs.kill()
    stopped = room.wait_for("recording_stopped", timeout=20)["result"]
    assert stopped["status"] == "interrupted"
    [recorded] = stopped["files"]
    assert Path(recorded["path"]).is_file() and recorded["size_bytes"] > 0
    assert Path(recorded["path"]).parent.name == "crash"
    assert server.get("/api/health").json()["status"] == "healthy"
    session = server.get("/api/integrated/recordings").json()["recordings"][0]
    assert session["session_name"] == "crash" and session["status"] == "interrupted" and session["note"]
    assert server.post("/api/integrated/recording/stop").status_code == 409
    live_obs.start()
    server.wait_obs_connected()


def test_wrong_password_is_a_clear_error(live_obs, make_server, caplog):
    server = make_server({**obs_env(live_obs), "OBS_PASSWORD": "not-the-password"})
    health = server.wait_until(
        lambda: (h := server.get("/api/health").json())["obs"]["error"] != "not connected yet" and h,
        15,
        "a connection attempt",
    )
    assert health["obs"]["connected"] is False
    assert "OBS_PASSWORD" in health["obs"]["error"]
    refused = server.post("/api/integrated/recording/start", json={})
    assert refused.status_code == 503 and "OBS_PASSWORD" in refused.json()["error"]
    assert "not-the-password" not in server.log()


def test_password_never_reaches_the_logs(live_obs, caplog):
    caplog.set_level(logging.DEBUG)
    controller = ObsController("127.0.0.1", live_obs.port, live_obs.password)
    controller.start()
    try:
        assert controller.wait_connected(15)
        assert controller.record_status()["outputActive"] is False
    finally:
        controller.close()
    assert live_obs.password not in caplog.text


def test_recording_started_and_stopped_from_obs_itself(live_obs, processing_api, make_server, listen):
    """Another obs-websocket client plays the OBS window: the service must follow its events."""
    server = make_server({**obs_env(live_obs), "VULTR_API_URL": processing_api.url})
    server.wait_obs_connected()
    room = listen(server.url)
    with live_obs.window() as window:
        window.start_record()
    started = room.wait_for("recording_started")["result"]
    assert started["started_by"] == "obs"
    status = server.wait_until(
        lambda: (s := server.get("/api/integrated/recording/status").json())["active"] and s, 10, "active status"
    )
    assert status["session_name"] == started["session_name"]
    room.wait_recorded(1500, started["session_name"])
    live_obs.stop_recording()
    stopped = room.wait_for("recording_stopped")["result"]
    assert stopped["session_name"] == started["session_name"] and stopped["stopped_by"] == "obs"
    [recorded] = stopped["files"]
    assert Path(recorded["path"]).stat().st_size == recorded["size_bytes"] > 0
    assert stopped["upload_result"]["queued"] is True  # VULTR_AUTO_UPLOAD defaults to true
    room.wait_for("upload_completed")
    assert processing_api.uploads[0].size == recorded["size_bytes"]
    assert server.get("/api/integrated/recording/status").json()["active"] is False


def test_double_start_and_stop_when_idle(live_obs, make_server):
    server = make_server(obs_env(live_obs))
    server.wait_obs_connected()
    assert server.post("/api/integrated/recording/stop").status_code == 409
    assert server.post("/api/integrated/recording/start", json={"sessionName": "once"}).status_code == 200
    again = server.post("/api/integrated/recording/start", json={"sessionName": "twice"})
    assert again.status_code == 409 and "once" in again.json()["error"]
    assert not (server.recordings / "twice").exists()
    stopped = server.post("/api/integrated/recording/stop")  # at once: OBS has only just started
    assert stopped.status_code == 200 and len(stopped.json()["files"]) == 1
    assert server.post("/api/integrated/recording/stop").status_code == 409
    names = [r["session_name"] for r in server.get("/api/integrated/recordings").json()["recordings"]]
    assert names == ["once"]


def test_server_killed_while_obs_records_resumes_the_session(live_obs, make_server, listen):
    server = make_server(obs_env(live_obs))
    server.wait_obs_connected()
    room = listen(server.url)  # it reconnects (and joins again) when the server is back
    started = server.post("/api/integrated/recording/start", json={"sessionName": "survivor", "autoUpload": False})
    assert started.status_code == 200
    room.wait_recorded(1500, "survivor")
    server.kill()  # OBS keeps recording
    with live_obs.window() as window:  # OBS's own timecode, while no server watches
        killed_at = window.get_record_status().output_duration
        restarted_at = server.wait_until(
            lambda: (ms := window.get_record_status().output_duration) >= killed_at + 1000 and ms,
            20,
            "OBS to record on alone",
        )
    server.start()
    status = room.wait_recorded(restarted_at + 1000, timeout=30)  # followed again, the same timecode going on
    assert status["session_name"] == "survivor"
    result = server.post("/api/integrated/recording/stop").json()
    [recorded] = result["files"]
    assert result["status"] == "stopped" and Path(recorded["path"]).parent.name == "survivor"
    # ffprobe's duration: a file begun again at the restart would hold about one second, not all of it.
    assert recorded["duration_s"] * 1000 >= restarted_at, "the one file holds the recording from before the restart"


def test_session_left_recording_is_closed_when_obs_has_stopped(live_obs, make_server, listen):
    server = make_server(obs_env(live_obs))
    server.wait_obs_connected()
    room = listen(server.url)
    assert server.post("/api/integrated/recording/start", json={"sessionName": "orphan", "autoUpload": False}).ok
    room.wait_recorded(1500, "orphan")
    server.kill()
    live_obs.stop_recording()  # while no server was watching; returns once OBS has written the file
    server.start()
    session = server.wait_until(
        lambda: (r := server.get("/api/integrated/recordings").json()["recordings"][0])["status"] != "recording" and r,
        20,
        "the orphan to be closed",
    )
    assert session["session_name"] == "orphan" and session["status"] == "interrupted"
    [recorded] = session["files"]
    assert Path(recorded["path"]).parent.name == "orphan" and recorded["size_bytes"] > 0
