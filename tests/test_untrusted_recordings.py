"""The recordings folder as untrusted input: links, FIFOs and hand-edited metadata never lead the
server outside RECORDINGS_PATH, against the real server and a real processing API."""

from __future__ import annotations

import json
import os

import pytest

from .support.recordings import make_session_folder, sha256_of

SECRET = b"the content of a file that must never leave this machine " * 1000


@pytest.fixture
def secret(tmp_path):
    path = tmp_path / "outside" / "secret.mkv"
    path.parent.mkdir()
    path.write_bytes(SECRET)
    return path


def adopted(server, count: int) -> dict[str, dict]:
    server.wait_until(lambda: server.get("/api/integrated/recordings").json()["total"] == count, 10, "adoption")
    return {s["session_name"]: s for s in server.get("/api/integrated/recordings?limit=50").json()["recordings"]}


def never_sent(processing_api, secret) -> None:
    assert all(u.sha256 != sha256_of(secret) for u in processing_api.uploads)


def test_a_linked_recording_is_never_adopted_nor_uploaded(tmp_path, secret, make_server, processing_api):
    recordings = tmp_path / "srv" / "recordings"
    (recordings / "linked").mkdir(parents=True)
    (recordings / "linked" / "a.mkv").symlink_to(secret)
    server = make_server({"VULTR_API_URL": processing_api.url}, workdir=tmp_path / "srv")
    session = adopted(server, 1)["linked"]
    assert session["files"] == [] and "a.mkv" in session["note"] and "symbolic link" in session["note"]
    refused = server.post("/api/integrated/upload/manual", json={"sessionName": "linked", "force": True})
    assert refused.status_code == 409 and "no recording file" in refused.json()["error"]
    never_sent(processing_api, secret)


def test_linked_session_folders_are_never_adopted_nor_written(tmp_path, secret, make_server):
    recordings = tmp_path / "srv" / "recordings"
    recordings.mkdir(parents=True)
    (recordings / "etc").symlink_to("/etc")
    (recordings / "elsewhere").symlink_to(secret.parent)
    make_session_folder(recordings, "real", 1024)
    server = make_server(workdir=tmp_path / "srv")
    assert list(adopted(server, 1)) == ["real"]
    assert sorted(os.listdir(secret.parent)) == ["secret.mkv"]  # no session_metadata.json written there
    assert "is a symbolic link" in server.log()


def test_metadata_paths_pointing_outside_are_ignored(tmp_path, secret, make_server, processing_api):
    recordings = tmp_path / "srv" / "recordings"
    own = make_session_folder(recordings, "edited", 4096, filename="own.mkv")
    (recordings / "edited" / "session_metadata.json").write_text(
        json.dumps(
            {
                "streamai": 1,
                "title": "edited",
                "files": [
                    {"name": "secret.mkv", "path": str(secret), "size_bytes": len(SECRET), "duration_s": 5},
                    {"name": "../../outside/secret.mkv", "path": str(secret)},
                    {"name": "own.mkv", "path": str(secret), "size_bytes": len(SECRET), "duration_s": 5},
                ],
            }
        )
    )
    server = make_server({"VULTR_API_URL": processing_api.url}, workdir=tmp_path / "srv")
    session = adopted(server, 1)["edited"]
    assert [(f["name"], f["path"], f["size_bytes"]) for f in session["files"]] == [
        ("own.mkv", str(own), 4096)
    ]  # the name is taken, never the path nor the size
    job = server.post("/api/integrated/upload/manual", json={"sessionName": "edited"}).json()["job"]
    server.wait_job(job["id"], ("uploaded", "processing", "completed"))
    [received] = processing_api.uploads
    assert received.sha256 == sha256_of(own) and received.filename == "own.mkv"
    never_sent(processing_api, secret)


def test_a_file_swapped_for_a_link_after_queueing_is_not_sent(tmp_path, secret, make_server, processing_api):
    """The check happens on the descriptor that is read: replacing the file by a link between the
    queueing and the upload (a TOCTOU attempt) fails the job instead of sending the link's target."""
    recordings = tmp_path / "srv" / "recordings"
    path = make_session_folder(recordings, "swapped", len(SECRET))
    processing_api.go_down()
    server = make_server({"VULTR_API_URL": processing_api.url}, workdir=tmp_path / "srv")
    adopted(server, 1)
    job = server.post("/api/integrated/upload/manual", json={"sessionName": "swapped", "force": True}).json()["job"]
    server.wait_job(job["id"], ("retrying",))
    path.unlink()
    path.symlink_to(secret)  # same size, so only the link itself can give it away
    processing_api.come_back()
    failed = server.wait_job(job["id"], ("failed",), timeout=30)
    assert "symbolic link" in failed["last_error"]
    never_sent(processing_api, secret)
    assert processing_api.uploads == []


def test_a_fifo_named_like_a_video_does_not_hang_the_server(tmp_path, make_server):
    recordings = tmp_path / "srv" / "recordings"
    (recordings / "piped").mkdir(parents=True)
    os.mkfifo(recordings / "piped" / "a.mkv")
    server = make_server(workdir=tmp_path / "srv")
    session = adopted(server, 1)["piped"]
    assert session["files"] == [] and "not a regular file" in session["note"]
    assert server.get("/api/health").json()["status"] == "healthy"
