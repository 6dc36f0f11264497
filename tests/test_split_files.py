"""Recordings OBS splits into several files: every file in order under one session, each moved and
uploaded once when it is final. Against the real OBS 29 (automatic splitting, obs-websocket 5.1:
no RecordFileChanged) and a fake OBS speaking obs-websocket 5.5 (RecordFileChanged, chapters)."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from .support.fake_obs import FakeObs
from .support.obs_studio import ObsStudio
from .support.recordings import sha256_of

pytestmark = pytest.mark.obs

API = "/api/integrated"


def playable_duration(path: Path) -> float | None:
    done = subprocess.run(
        ["ffprobe", "-v", "error", "-show_entries", "format=duration", "-of", "json", str(path)],
        capture_output=True,
        text=True,
    )
    return float(json.loads(done.stdout)["format"]["duration"]) if done.returncode == 0 else None


def env_for(obs, processing_api) -> dict[str, str]:
    return {
        "OBS_HOST": "127.0.0.1",
        "OBS_PORT": str(obs.port),
        "OBS_PASSWORD": obs.password,
        "VULTR_API_URL": processing_api.url,
    }


@pytest.fixture
def splitting_obs(tmp_path):
    """A real OBS splitting its recording every MB (at 4 Mb/s: about every 2 s)."""
    studio = ObsStudio(tmp_path / "splitting-obs", split_every_mb=1, bitrate_kbps=4000)
    try:
        yield studio.start()
    finally:
        studio.close()


@pytest.fixture
def fake_obs(tmp_path):
    obs = FakeObs(tmp_path / "fake-obs", version="5.5.0")
    try:
        yield obs.start()
    finally:
        obs.close()


def test_the_real_obs_splitting_on_its_own_gives_one_session_of_several_files(
    splitting_obs, make_server, listen, processing_api
):
    server = make_server(env_for(splitting_obs, processing_api))
    server.wait_obs_connected()
    room = listen(server.url)
    assert server.post(f"{API}/recording/start", json={"sessionName": "long"}).ok
    room.wait_for(
        "recording_status_update",
        lambda d: (d["status"].get("obs_status") or {}).get("bytes", 0) > 2_600_000,
        timeout=60,
    )
    stopped = server.post(f"{API}/recording/stop").json()
    files = stopped["files"]
    # obs-websocket 5.1 named only the first file; the others were found beside it, in order.
    assert [f["name"] for f in files] == sorted(f["name"] for f in files)
    assert all(Path(f["path"]).parent.name == "long" for f in files)
    assert not list(Path(splitting_obs.record_dir).glob("*.mkv"))  # all moved, none left behind
    # A split just before the stop can leave a last file of a few hundred bytes that holds no frame:
    # it is kept with the session, but not sent.
    playable = [f for f in files if playable_duration(Path(f["path"]))]
    assert len(playable) >= 2 and all(f["size_bytes"] < 1000 for f in files if f not in playable)
    jobs = room.wait_for_count("upload_completed", len(playable), timeout=60)
    assert sorted(j["session_name"] for j in jobs) == ["long"] * len(playable)
    assert sorted(u.sha256 for u in processing_api.uploads) == sorted(sha256_of(Path(f["path"])) for f in playable)


def test_each_split_file_is_uploaded_as_soon_as_it_is_final(fake_obs, make_server, listen, processing_api):
    server = make_server(env_for(fake_obs, processing_api))
    server.wait_obs_connected()
    room = listen(server.url)
    assert server.post(f"{API}/recording/start", json={"sessionName": "parts"}).ok
    room.wait_for(
        "recording_status_update", lambda d: (d["status"].get("obs_status") or {}).get("duration_ms", 0) > 800
    )
    before = server.post(f"{API}/recording/marker", json={"label": "first half"}).json()["marker"]
    fake_obs.split_from_window()
    first = room.wait_for("upload_completed", lambda d: d["session_name"] == "parts", timeout=30)
    assert server.get(f"{API}/recording/status").json()["state"] == "recording"  # sent while still recording
    room.wait_for(
        "recording_status_update",
        lambda d: (d["status"].get("obs_status") or {}).get("duration_ms", 0) > before["timecode_ms"] + 1500,
    )
    after = server.post(f"{API}/recording/marker", json={"label": "second half"}).json()["marker"]
    stopped = server.post(f"{API}/recording/stop").json()
    assert [f["name"] for f in stopped["files"]] == [p.name for p in fake_obs.files]
    second = room.wait_for("upload_completed", lambda d: d["job_id"] != first["job_id"], timeout=30)
    by_name = {u.filename: u for u in processing_api.uploads}
    assert len(processing_api.uploads) == 2 and second["job_id"] != first["job_id"]
    one, two = (json.loads(by_name[f["name"]].fields["markers"]) for f in stopped["files"])
    assert [m["label"] for m in one] == ["first half"] and [m["label"] for m in two] == ["second half"]
    assert one[0]["timecode_ms"] == before["timecode_ms"]
    assert 0 < two[0]["timecode_ms"] < after["timecode_ms"]  # counted from the second file's start
    session = server.get(f"{API}/recordings").json()["recordings"][0]
    assert len(session["uploads"]) == 2 and [f["name"] for f in session["files"]] == [p.name for p in fake_obs.files]


def test_markers_become_chapters_where_obs_can_write_them(fake_obs, make_server, listen, processing_api):
    server = make_server(env_for(fake_obs, processing_api))
    server.wait_obs_connected()
    room = listen(server.url)
    assert server.post(f"{API}/recording/start", json={"sessionName": "chapters", "autoUpload": False}).ok
    room.wait_for("recording_status_update", lambda d: d["status"]["active"])
    marked = server.post(f"{API}/recording/marker", json={"label": "Intro"}).json()
    assert marked["chapter"] is True and [c.name for c in fake_obs.chapters] == ["Intro"]
    assert server.post(f"{API}/recording/stop").status_code == 200
