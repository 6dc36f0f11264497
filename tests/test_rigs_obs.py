"""Several OBS rigs from one StreamAI, against two real OBS instances (and a fake one where a
refusal must be provoked): record-all, a rig that cannot start, a rig that dies mid-session, and
a rig whose folder is reached only through its path_map."""

from __future__ import annotations

import json
import socket
import subprocess
from pathlib import Path

import obsws_python
import psutil
import pytest

from .support.fake_obs import FakeObs, RequestError
from .support.obs_studio import ObsStudio
from .support.recordings import sha256_of
from .support.rigs import rig, rigs_file

pytestmark = pytest.mark.obs

API = "/api/integrated"


@pytest.fixture(scope="module")
def second_obs(tmp_path_factory):
    studio = ObsStudio(tmp_path_factory.mktemp("second-obs"), password="second-obs-password")
    try:
        yield studio.start()
    finally:
        studio.close()


@pytest.fixture
def cam2(second_obs):
    """The second OBS, running again if a test killed it, and never left recording."""
    if second_obs.obs is None or second_obs.obs.poll() is not None:
        second_obs.start()
    yield second_obs
    if second_obs.obs is not None and second_obs.obs.poll() is None:
        window = obsws_python.ReqClient(host="127.0.0.1", port=second_obs.port, password=second_obs.password)
        try:
            if window.get_record_status().output_active:
                window.stop_record()
                pytest.fail("the test left the second OBS recording")
        finally:
            window.disconnect()


def connected(server, *rig_ids: str) -> None:
    def check():
        states = {r["id"]: r["obs"]["connected"] for r in server.get("/api/rigs").json()["rigs"]}
        return all(states.get(rig_id) for rig_id in rig_ids)

    server.wait_until(check, 30, f"rigs {rig_ids} connected")


def recorded(room, rig_id: str, ms: int, after: int = 0) -> dict:
    """`rig_id`'s state in the first `rigs_update` (from the `after`-th event on) in which its OBS
    has recorded at least `ms` (OBS's own clock)."""

    def state(update: dict) -> dict:
        return next(r for r in update["rigs"] if r["id"] == rig_id)

    def enough(update: dict) -> bool:
        return (
            state(update)["state"] == "recording" and ((state(update)["obs_status"] or {}).get("duration_ms") or 0) > ms
        )

    return state(room.wait_for("rigs_update", enough, after=after))


def ffprobe_duration(path: Path) -> float:
    out = subprocess.run(
        ["ffprobe", "-v", "error", "-show_entries", "format=duration", "-of", "json", str(path)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return float(json.loads(out)["format"]["duration"])


def test_record_all_starts_and_stops_every_rig(live_obs, cam2, tmp_path, make_server, listen, processing_api):
    path = rigs_file(tmp_path, cam1=rig(live_obs, "Caméra 1"), cam2=rig(cam2, "Caméra 2"))
    server = make_server({"STREAMAI_RIGS": str(path), "VULTR_API_URL": processing_api.url})
    connected(server, "cam1", "cam2")
    room = listen(server.url)
    started = server.post(f"{API}/recording/start", json={"sessionName": "duo", "rigs": "all"})
    assert started.status_code == 200, started.text
    result = started.json()
    assert [p["rig"] for p in result["rigs"]] == ["cam1", "cam2"]
    assert all(p["status"] == "recording" and p["start_time"] for p in result["rigs"])
    skew = result["start_skew_ms"]
    assert skew is not None and 0 <= skew < 2000
    print(f"record-all start skew between two rigs: {skew} ms")
    assert {e["rig"] for e in room.wait_for_count("recording_started", 2)} == {"cam1", "cam2"}
    rigs = {r["id"]: r for r in server.get("/api/rigs").json()["rigs"]}
    assert rigs["cam1"]["session_name"] == rigs["cam2"]["session_name"] == "duo"
    assert rigs["cam1"]["default"] and rigs["cam1"]["state"] == rigs["cam2"]["state"] == "recording"
    recorded(room, "cam2", 1500)

    stopped = server.post(f"{API}/recording/stop")
    assert stopped.status_code == 200, stopped.text
    files = {f["rig"]: Path(f["path"]) for f in stopped.json()["files"]}
    assert sorted(files) == ["cam1", "cam2"]
    for rig_id, file in files.items():
        assert file.parent == server.recordings / "duo" / rig_id and ffprobe_duration(file) > 1
    assert {p["status"] for p in stopped.json()["rigs"]} == {"stopped"}
    assert {e["rig"] for e in room.wait_for_count("upload_completed", 2, timeout=60)} == {"cam1", "cam2"}
    received = {u.fields["rig"]: u for u in processing_api.uploads}
    assert sorted(received) == ["cam1", "cam2"] and len(processing_api.uploads) == 2  # once each
    for rig_id, file in files.items():
        assert received[rig_id].sha256 == sha256_of(file)
    session = server.get(f"{API}/recordings").json()["recordings"][0]
    assert session["status"] == "stopped" and [p["rig"] for p in session["rigs"]] == ["cam1", "cam2"]


def test_a_rig_with_a_wrong_password_stops_record_all_before_anything_records(live_obs, cam2, tmp_path, make_server):
    path = rigs_file(
        tmp_path, cam1=rig(live_obs, "Caméra 1"), cam2={**rig(cam2, "Caméra 2"), "password": "not-the-password"}
    )
    server = make_server({"STREAMAI_RIGS": str(path)})
    connected(server, "cam1")
    refused = server.post(f"{API}/recording/start", json={"sessionName": "half", "rigs": ["cam1", "cam2"]})
    assert refused.status_code == 503 and refused.json().get("rig") == "cam2", refused.text
    assert "cam2" in refused.json()["error"] and "cam2's password in" in refused.json()["error"]
    assert all(r["state"] == "idle" for r in server.get("/api/rigs").json()["rigs"])
    assert server.get(f"{API}/recordings").json()["total"] == 0
    # The default rig alone still records.
    assert server.post(f"{API}/recording/start", json={"sessionName": "solo", "autoUpload": False}).ok
    assert server.post(f"{API}/recording/stop").status_code == 200


def test_a_rig_that_fails_to_start_stops_the_others_and_keeps_their_files(live_obs, tmp_path, make_server):
    fake = FakeObs(tmp_path / "refusing-obs").start()
    try:

        def refuse(_data):
            raise RequestError(702, "the disk of this OBS is full")

        fake._start_record = refuse  # this OBS refuses StartRecord, as a real one with a full disk
        path = rigs_file(tmp_path, cam1=rig(live_obs, "Caméra 1"), cam2=rig(fake, "Caméra 2"))
        server = make_server({"STREAMAI_RIGS": str(path)})
        connected(server, "cam1", "cam2")
        refused = server.post(
            f"{API}/recording/start", json={"sessionName": "broken", "rigs": "all", "autoUpload": False}
        )
        assert refused.status_code == 502 and refused.json().get("rig") == "cam2", refused.text
        assert "were stopped" in refused.json()["error"] and "broken" in refused.json()["error"]
        assert all(r["state"] == "idle" for r in server.get("/api/rigs").json()["rigs"])
        session = server.get(f"{API}/recordings").json()["recordings"][0]
        assert session["session_name"] == "broken" and session["status"] == "failed" and "cam2" in session["note"]
        [kept] = session["files"]
        assert kept["rig"] == "cam1" and Path(kept["path"]).stat().st_size > 0
    finally:
        fake.close()


def test_a_rig_that_dies_leaves_the_others_recording(live_obs, cam2, tmp_path, make_server, listen, processing_api):
    path = rigs_file(tmp_path, cam1=rig(live_obs, "Caméra 1"), cam2=rig(cam2, "Caméra 2"))
    server = make_server({"STREAMAI_RIGS": str(path), "VULTR_API_URL": processing_api.url})
    connected(server, "cam1", "cam2")
    room = listen(server.url)
    assert server.post(f"{API}/recording/start", json={"sessionName": "survive", "rigs": "all"}).ok
    recorded(room, "cam1", 1500)
    cam2.kill()
    lost = room.wait_for("recording_stopped", lambda d: d["rig"] == "cam2", timeout=30)["result"]
    assert [p["status"] for p in lost["rigs"] if p["rig"] == "cam2"] == ["interrupted"]
    rigs = {r["id"]: r for r in server.get("/api/rigs").json()["rigs"]}
    assert rigs["cam1"]["state"] == "recording" and rigs["cam1"]["session_name"] == "survive"
    moment = recorded(room, "cam1", 0, after=len(room.events))["obs_status"]["duration_ms"]
    recorded(room, "cam1", moment + 1000, after=len(room.events))  # and it goes on recording
    stopped = server.post(f"{API}/recording/stop")
    assert stopped.status_code == 200, stopped.text
    files = {f["rig"]: f for f in stopped.json()["files"]}
    assert ffprobe_duration(Path(files["cam1"]["path"])) > 2
    done = room.wait_for("upload_completed", lambda d: d["rig"] == "cam1", timeout=60)
    assert any(u.fields["rig"] == "cam1" and u.task_id == done["task_id"] for u in processing_api.uploads)
    session = server.get(f"{API}/recordings").json()["recordings"][0]
    assert session["status"] == "interrupted"
    assert {p["rig"]: p["status"] for p in session["rigs"]} == {"cam1": "stopped", "cam2": "interrupted"}


def this_machine_address() -> str:
    """An address of this machine that is not loopback: a rig there counts as another computer."""
    for addresses in psutil.net_if_addrs().values():
        for address in addresses:
            if address.family == socket.AF_INET and not address.address.startswith("127."):
                return address.address
    pytest.fail("this machine has no non-loopback IPv4 address to play a remote rig on")


def test_a_remote_rig_is_reached_through_its_path_map(live_obs, tmp_path, make_server, listen, processing_api):
    """OBS reports its own folder; this machine reads it under another name (as a network share
    would appear): the file gets the same wait, move, hash and upload as a local one."""
    share = tmp_path / "studio-share"
    share.symlink_to(live_obs.record_dir, target_is_directory=True)
    host = this_machine_address()
    remote = {**rig(live_obs, "Caméra distante"), "host": host}
    path = rigs_file(tmp_path, stage={**remote, "path_map": {str(live_obs.record_dir): str(share)}})
    server = make_server({"STREAMAI_RIGS": str(path), "VULTR_API_URL": processing_api.url})
    connected(server, "stage")
    room = listen(server.url)
    assert server.post(f"{API}/recording/start", json={"sessionName": "mapped"}).ok
    recorded(room, "stage", 1000)
    stopped = server.post(f"{API}/recording/stop").json()
    [file] = stopped["files"]
    assert Path(file["path"]).parent == server.recordings / "mapped" / "stage" and file["size_bytes"] > 0
    room.wait_for("upload_completed", timeout=60)
    [received] = processing_api.uploads
    assert received.sha256 == sha256_of(Path(file["path"])) and received.fields["rig"] == "stage"


def test_a_remote_rig_without_path_map_says_where_its_file_stayed(live_obs, tmp_path, make_server, listen):
    remote = {**rig(live_obs, "Caméra distante"), "host": this_machine_address()}
    server = make_server({"STREAMAI_RIGS": str(rigs_file(tmp_path, stage=remote))})
    connected(server, "stage")
    room = listen(server.url)
    assert server.post(f"{API}/recording/start", json={"sessionName": "far", "autoUpload": False}).ok
    recorded(room, "stage", 500)
    stopped = server.post(f"{API}/recording/stop").json()
    assert stopped["files"] == [] and "not on this machine" in stopped["note"] and "path_map" in stopped["note"]
    for leftover in Path(live_obs.record_dir).glob("*.mkv"):  # the "remote" OBS keeps its file: tidy up
        leftover.unlink()
