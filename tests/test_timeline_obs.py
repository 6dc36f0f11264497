"""A session's whole timeline against the real OBS: pause and resume, markers carried to the
processing API, disk space, thumbnails."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import obsws_python
import pytest
import requests

from .conftest import obs_env

pytestmark = pytest.mark.obs

API = "/api/integrated"


def recording_for(room, ms: int):
    """Wait until OBS's own timecode (pauses excluded) has passed `ms`."""
    return room.wait_for(
        "recording_status_update",
        lambda d: d["status"]["active"] and (d["status"]["obs_status"]["duration_ms"] or 0) > ms,
    )


def ffprobe(path: Path) -> dict:
    out = subprocess.run(
        ["ffprobe", "-v", "error", "-show_entries", "format=duration:stream=width,height", "-of", "json", str(path)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return json.loads(out)


def test_pause_and_resume_from_the_api_and_from_obs(live_obs, make_server, listen):
    server = make_server(obs_env(live_obs))
    server.wait_obs_connected()
    room = listen(server.url)
    assert server.post(f"{API}/recording/pause").status_code == 409  # nothing records
    assert server.post(f"{API}/recording/start", json={"sessionName": "pauses", "autoUpload": False}).ok
    assert server.post(f"{API}/recording/resume").status_code == 409  # not paused
    recording_for(room, 1000)

    paused = server.post(f"{API}/recording/pause")
    assert paused.status_code == 200 and paused.json()["state"] == "paused", paused.text
    assert room.wait_for("recording_paused")["session_name"] == "pauses"
    again = server.post(f"{API}/recording/pause")
    assert again.status_code == 409 and "already paused" in again.json()["error"]
    frozen = room.wait_for("recording_status_update", lambda d: d["status"].get("state") == "paused")["status"]
    assert frozen["obs_status"]["paused"] is True
    assert frozen["state"] == "paused" and frozen["pauses"][-1]["end"] is None
    later = room.wait_for("recording_status_update", lambda d: d["status"].get("paused_s", 0) >= 1)["status"]
    assert later["obs_status"]["duration_ms"] == frozen["obs_status"]["duration_ms"]  # the timecode stands still
    resumed = server.post(f"{API}/recording/resume")
    assert resumed.status_code == 200 and resumed.json()["state"] == "recording" and resumed.json()["paused_s"] >= 1
    room.wait_for("recording_resumed")
    recording_for(room, frozen["obs_status"]["duration_ms"] + 500)  # OBS ignores a pause too close to a resume

    window = obsws_python.ReqClient(host="127.0.0.1", port=live_obs.port, password=live_obs.password, timeout=5)
    try:
        window.pause_record()  # the OBS window's own button
        assert len(room.wait_for_count("recording_paused", 2)) == 2
        assert server.get(f"{API}/recording/status").json()["state"] == "paused"
    finally:
        window.disconnect()
    stopped = server.post(f"{API}/recording/stop")  # stopped while paused
    assert stopped.status_code == 200, stopped.text
    session = server.get(f"{API}/recordings").json()["recordings"][0]
    assert len(session["pauses"]) == 2 and all(p["start"] < p["end"] for p in session["pauses"])
    assert session["paused_s"] >= 1
    [recorded] = stopped.json()["files"]
    assert Path(recorded["path"]).is_file()


def test_markers_are_kept_listed_and_sent_with_the_upload(live_obs, make_server, listen, processing_api):
    server = make_server({**obs_env(live_obs), "VULTR_API_URL": processing_api.url})
    server.wait_obs_connected()
    room = listen(server.url)
    assert server.post(f"{API}/recording/marker", json={}).status_code == 409  # nothing records
    assert server.post(f"{API}/recording/start", json={"sessionName": "marks"}).ok
    recording_for(room, 700)
    first = server.post(f"{API}/recording/marker", json={"label": "But !"})
    assert first.status_code == 200, first.text
    assert first.json()["marker"]["label"] == "But !" and first.json()["chapter"] is False  # OBS 29: no chapters
    assert room.wait_for("marker_added")["marker"] == first.json()["marker"]
    recording_for(room, first.json()["marker"]["timecode_ms"] + 500)
    second = server.post(f"{API}/recording/marker")  # no body, no label: the guide's curl style
    assert second.status_code == 200 and second.json()["marker"]["label"] is None
    assert second.json()["marker"]["timecode_ms"] > first.json()["marker"]["timecode_ms"] >= 700
    assert server.post(f"{API}/recording/marker", json={"label": 3}).status_code == 400
    live = server.get(f"{API}/recording/status").json()
    assert [m["label"] for m in live["markers"]] == ["But !", None]
    stopped = server.post(f"{API}/recording/stop").json()
    room.wait_for("upload_completed", lambda d: d["job_id"] == stopped["upload_result"]["job"]["id"])
    [received] = processing_api.uploads
    sent = json.loads(received.fields["markers"])
    assert [(m["timecode_ms"], m["label"]) for m in sent] == [
        (first.json()["marker"]["timecode_ms"], "But !"),
        (second.json()["marker"]["timecode_ms"], None),
    ]
    listed = server.get(f"{API}/recordings").json()["recordings"][0]
    assert [m["timecode_ms"] for m in listed["markers"]] == [m["timecode_ms"] for m in sent]


def test_a_start_is_refused_when_the_disk_is_too_full(live_obs, make_server):
    server = make_server({**obs_env(live_obs), "STREAMAI_MIN_FREE_MB": str(10**9)})  # more than any disk here
    server.wait_obs_connected()
    refused = server.post(f"{API}/recording/start", json={"sessionName": "full"})
    assert refused.status_code == 507, refused.text
    body = refused.json()
    assert "STREAMAI_MIN_FREE_MB" in body["error"] and body["free_bytes"] < body["required_bytes"]
    assert server.get(f"{API}/recording/status").json()["active"] is False
    assert server.get(f"{API}/recordings").json()["total"] == 0


def test_low_disk_is_said_once_while_recording(live_obs, make_server, listen):
    # No disk holds a billion minutes of recording: the warning must come, and only once.
    server = make_server({**obs_env(live_obs), "STREAMAI_LOW_DISK_MINUTES": str(10**9)})
    server.wait_obs_connected()
    room = listen(server.url)
    assert server.post(f"{API}/recording/start", json={"sessionName": "disk", "autoUpload": False}).ok
    warning = room.wait_for("disk_space_low")
    assert warning["session_name"] == "disk" and warning["free_bytes"] > 0 and warning["estimated_remaining_s"] > 0
    status = room.wait_for("recording_status_update", lambda d: (d["status"].get("disk") or {}).get("low"))
    assert status["status"]["disk"]["free_bytes"] > 0
    recording_for(room, status["status"]["obs_status"]["duration_ms"] + 1500)
    assert len(room.of("disk_space_low")) == 1
    assert server.post(f"{API}/recording/stop").status_code == 200


def test_a_finished_recording_gets_a_thumbnail(live_obs, make_server, listen):
    server = make_server({**obs_env(live_obs), "STREAMAI_API_TOKEN": "op"})
    auth = {"Authorization": "Bearer op"}
    server.wait_obs_connected()
    room = listen(server.url, auth={"token": "op"})
    assert server.post(f"{API}/recording/start", json={"sessionName": "thumb", "autoUpload": False}, headers=auth).ok
    recording_for(room, 1500)
    assert server.post(f"{API}/recording/stop", headers=auth).status_code == 200
    session = server.get(f"{API}/recordings", headers=auth).json()["recordings"][0]
    url = session["thumbnail_url"]
    assert (
        url
        and "sig=" in url
        and server.get("/api/frontend/recordings/formatted", headers=auth).json()["recordings"][0]["thumbnail"] == url
    )
    image = requests.get(server.url + url, timeout=10)  # signed: an <img> sends no token
    assert image.status_code == 200 and image.headers["Content-Type"] == "image/jpeg"
    jpeg = server.recordings / "thumb" / "thumbnail.jpg"
    assert jpeg.read_bytes() == image.content and ffprobe(jpeg)["streams"][0]["width"] == 320
    assert server.get(f"{API}/recordings/thumb/thumbnail").status_code == 401  # unsigned, no token
    assert server.get(f"{API}/recordings/thumb/thumbnail", headers=auth).status_code == 200
    tampered = url.replace("thumb/thumbnail", "other/thumbnail")
    assert requests.get(server.url + tampered, timeout=10).status_code == 401
    assert server.get(f"{API}/recordings/nope/thumbnail", headers=auth).status_code == 404
