"""The guide's workflow end to end, against a real OBS and a real processing API."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from .conftest import obs_env
from .support.recordings import sha256_of

pytestmark = pytest.mark.obs


@pytest.fixture(params=["gevent", "threading", "eventlet"])
def async_mode(request) -> dict[str, str]:
    """Every server the project supports: gevent (the default), threading (the plain fallback),
    eventlet (the original choice)."""
    return {"STREAMAI_ASYNC_MODE": request.param}


def ffprobe_duration(path: Path) -> float:
    out = subprocess.run(
        ["ffprobe", "-v", "error", "-show_entries", "format=duration", "-of", "json", str(path)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return float(json.loads(out)["format"]["duration"])


def test_guide_workflow(live_obs, processing_api, make_server, listen, async_mode):
    server = make_server({**obs_env(live_obs), "VULTR_API_URL": processing_api.url, **async_mode})
    server.wait_obs_connected()
    room = listen(server.url)

    started = server.post(
        "/api/integrated/recording/start", json={"sessionName": "Ma Session 2025", "autoUpload": True}
    )
    assert started.status_code == 200, started.text
    assert started.json()["session_name"] == "Ma_Session_2025"
    assert started.json()["started_by"] == "api"
    assert room.wait_for("recording_started")["result"]["session_name"] == "Ma_Session_2025"

    live = room.wait_for(
        "recording_status_update", lambda d: d["status"]["active"] and d["status"]["obs_status"]["duration_ms"] > 2000
    )
    assert live["status"]["session_name"] == "Ma_Session_2025"
    assert live["status"]["obs_status"]["timecode"].startswith("00:00:0")
    assert server.get("/api/integrated/recording/status").json()["active"] is True

    stopped = server.post("/api/integrated/recording/stop")
    assert stopped.status_code == 200, stopped.text
    result = stopped.json()
    session_dir = Path(result["session_path"])
    [recorded] = result["files"]
    path = Path(recorded["path"])
    assert path.parent == session_dir and path.is_file()
    assert path.stat().st_size == recorded["size_bytes"] > 0
    assert ffprobe_duration(path) > 1.5, "the file must be a complete, playable recording"
    assert result["upload_result"]["queued"] is True
    job_id = result["upload_result"]["job"]["id"]
    assert room.wait_for("recording_stopped")["result"]["upload_result"]["job"]["id"] == job_id

    completed = room.wait_for("upload_completed", lambda d: d["job_id"] == job_id)
    [received] = processing_api.uploads
    assert received.sha256 == sha256_of(path) == completed["sha256"]
    assert received.size == path.stat().st_size
    assert received.fields["subtitle_model"] == "base" and received.fields["priority"] == "1"
    assert received.fields["sha256"] == received.sha256
    assert received.filename == path.name

    processing = room.wait_for("processing_status", lambda d: d["status"] == "completed")
    assert processing["task_id"] == completed["task_id"]
    recordings = server.get("/api/integrated/recordings?limit=10").json()["recordings"]
    assert recordings[0]["session_name"] == "Ma_Session_2025"
    assert recordings[0]["vultr_upload"]["task_id"] == completed["task_id"]
    formatted = server.get("/api/frontend/recordings/formatted").json()["recordings"][0]
    assert formatted["vultr_task_id"] == completed["task_id"]
    assert formatted["duration"] != "00:00:00" and formatted["title"] == "Ma Session 2025"
    metadata = json.loads((session_dir / "session_metadata.json").read_text())
    assert metadata["vultr_upload"]["task_id"] == completed["task_id"]

    manual = server.post(
        "/api/integrated/upload/manual",
        json={"sessionName": "Ma_Session_2025", "subtitleModel": "small", "priority": 3},
    )
    assert manual.status_code == 202, manual.text
    done = room.wait_for("manual_upload_completed")
    assert done["session_name"] == "Ma_Session_2025"
    assert done["result"]["success"] is True and done["result"]["task_id"]
    second = processing_api.uploads[1]
    assert second.fields["subtitle_model"] == "small" and second.fields["priority"] == "3"
    assert second.sha256 == received.sha256


def test_client_that_only_knows_the_guide(live_obs, make_server, async_mode):
    """The guide's JavaScript, in Python: join, then hear started / status / stopped."""
    import socketio

    server = make_server({**obs_env(live_obs), **async_mode})
    server.wait_obs_connected()
    heard: dict[str, list] = {"recording_started": [], "recording_stopped": [], "recording_status_update": []}
    client = socketio.Client()
    for name in heard:
        client.on(name, lambda data, name=name: heard[name].append(data))
    client.connect(server.url)
    client.emit("join_recording_updates")
    try:
        assert server.post("/api/integrated/recording/start", json={"autoUpload": False}).status_code == 200
        server.wait_until(lambda: len(heard["recording_status_update"]) >= 2, 10, "status updates")
        result = server.post("/api/integrated/recording/stop").json()
        server.wait_until(lambda: heard["recording_stopped"], 10, "recording_stopped")
        assert heard["recording_started"][0]["result"]["session_name"].startswith("recording_session_")
        assert heard["recording_stopped"][0]["result"]["session_name"] == result["session_name"]
        assert heard["recording_stopped"][0]["result"]["upload_result"] is None  # autoUpload was off
        client.emit("leave_recording_updates")
    finally:
        client.disconnect()
