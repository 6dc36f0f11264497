"""Trust boundaries against the real server: names, hosts, origins, roles, bodies, storage.

Each test reproduces one finding of the security review, with the request that found it.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import threading
from pathlib import Path

import pytest
import requests
import socketio
import websocket

from .conftest import obs_env
from .support.recordings import make_session_folder

START = "/api/integrated/recording/start"
STOP = "/api/integrated/recording/stop"
MANUAL = "/api/integrated/upload/manual"


def session_folders(server) -> list[str]:
    return sorted(p.name for p in server.recordings.iterdir() if not p.name.startswith("."))


def strict_json(text: str):
    """What a browser's JSON.parse accepts: no NaN, no Infinity."""
    return json.loads(text, parse_constant=lambda name: pytest.fail(f"{name} in a response"))


# -- names ------------------------------------------------------------------------------------


@pytest.mark.obs
@pytest.mark.parametrize(
    "name",
    [
        "streamai.sqlite3-wal",
        "streamai.sqlite3-shm",
        "streamai.sqlite3-journal",
        "CON",
        "nul",
        "COM1",
        "lpt9",
        "aux.mkv",
        ".streamai",
    ],
)
def test_names_that_collide_with_our_files_or_windows_devices_are_refused(live_obs, make_server, name):
    server = make_server(obs_env(live_obs))
    server.wait_obs_connected()
    refused = server.post(START, json={"sessionName": name})
    assert refused.status_code == 400 and refused.json()["field"] == "sessionName", refused.text
    assert session_folders(server) == []
    assert server.get("/api/integrated/recording/status").json()["active"] is False
    # Everything still works, including after a restart.
    assert server.get("/api/integrated/recordings").status_code == 200
    server.stop()
    server.start()
    assert server.get("/api/health").json()["storage"]["ok"] is True


def test_the_database_is_not_in_the_session_namespace(make_server):
    server = make_server()
    assert (server.recordings / ".streamai" / "streamai.sqlite3").is_file()
    assert not list(server.recordings.glob("streamai.sqlite3*"))


# -- hosts and origins ------------------------------------------------------------------------


def test_a_forged_host_is_refused_for_http_and_socketio(make_server):
    """DNS rebinding: a page on evil.example resolved to 127.0.0.1 sends Host: evil.example."""
    server = make_server()
    port = server.port
    forged = {"Host": f"evil.example:{port}"}
    for path in ("/api/health", "/api/integrated/status", "/", "/socket.io/?EIO=4&transport=polling"):
        response = requests.get(server.url + path, headers=forged, timeout=10)
        assert response.status_code == 400 and "STREAMAI_TRUSTED_HOSTS" in response.json()["error"], path
    assert requests.post(server.url + STOP, headers=forged, timeout=10).status_code == 400
    for host in (f"localhost:{port}", f"127.0.0.1:{port}"):
        assert requests.get(server.url + "/api/health", headers={"Host": host}, timeout=10).status_code == 200


def test_trusted_hosts_can_be_configured(make_server):
    server = make_server({"STREAMAI_TRUSTED_HOSTS": "studio.local,.studio.example"})
    for host in ("studio.local", "cam.studio.example", "127.0.0.1"):
        assert (
            requests.get(server.url + "/api/health", headers={"Host": f"{host}:{server.port}"}, timeout=10).status_code
            == 200
        ), host
    assert requests.get(server.url + "/api/health", headers={"Host": "studio.evil"}, timeout=10).status_code == 400


def test_foreign_origins_cannot_change_anything(make_server):
    server = make_server()
    evil = {"Origin": "http://evil.example"}
    refused = server.post(STOP, headers=evil)
    assert refused.status_code == 403 and "evil.example" in refused.json()["error"]
    assert server.post(START, headers={"Origin": "null"}, json={}).status_code == 403
    assert server.post(STOP, headers={"Origin": server.url}).status_code == 409  # its own page: allowed
    assert server.post(STOP, headers={"Origin": "http://localhost:5173"}).status_code == 409  # configured
    assert server.post(STOP).status_code == 409  # the guide's curl: no body, no Origin
    assert server.get("/api/health", headers=evil).status_code == 200  # reading is harmless without CORS...
    assert "Access-Control-Allow-Origin" not in server.get("/api/health", headers=evil).headers  # ...and unreadable


@pytest.mark.parametrize(
    "data, content_type",
    [
        ("sessionName=x", "application/x-www-form-urlencoded"),
        ('{"sessionName": "x"}', "text/plain"),
        ("--b\r\n", "multipart/form-data; boundary=b"),
    ],
)
def test_state_changes_need_a_json_body(make_server, data, content_type):
    server = make_server()
    response = server.post(START, data=data, headers={"Content-Type": content_type})
    assert response.status_code == 415 and "JSON" in response.json()["error"]
    assert session_folders(server) == []


def test_socketio_refuses_foreign_origins(make_server):
    server = make_server()
    url = f"ws://127.0.0.1:{server.port}/socket.io/?EIO=4&transport=websocket"
    with pytest.raises(websocket.WebSocketBadStatusException) as refused:
        websocket.create_connection(url, origin="http://evil.example", timeout=5)
    assert refused.value.status_code == 400
    for origin in (server.url, "http://localhost:5173"):
        ok = websocket.create_connection(url, origin=origin, timeout=5)
        assert ok.recv().startswith("0{")  # engine.io's open packet
        ok.close()


# -- roles ------------------------------------------------------------------------------------

TOKENS = {"STREAMAI_API_TOKEN": "operator-secret", "STREAMAI_VIEWER_TOKEN": "viewer-secret"}
OPERATOR = {"Authorization": "Bearer operator-secret"}
VIEWER = {"Authorization": "Bearer viewer-secret"}
READS = [
    "/api/auth",
    "/api/integrated/status",
    "/api/integrated/recording/status",
    "/api/integrated/recordings",
    "/api/frontend/recordings/formatted",
    "/api/integrated/uploads",
    "/api/openapi.json",
]
WRITES = [START, STOP, MANUAL, "/api/integrated/uploads/1/retry", "/api/integrated/uploads/1/cancel"]


def test_the_viewer_token_reads_everything_and_changes_nothing(make_server, tmp_path):
    make_session_folder(tmp_path / "srv" / "recordings", "kept", 1024)
    server = make_server(TOKENS, workdir=tmp_path / "srv")
    for path in READS:
        assert server.get(path, headers=VIEWER).status_code == 200, path
    assert server.get("/api/auth", headers=VIEWER).json() == {"role": "viewer", "auth_required": True}
    assert server.get("/api/auth", headers=OPERATOR).json() == {"role": "operator", "auth_required": True}
    for path in WRITES:
        refused = server.post(path, headers=VIEWER, json={"sessionName": "kept"})
        body = refused.json()
        assert refused.status_code == 403, path
        assert body["required_role"] == "operator" and body["role"] == "viewer" and "operator" in body["error"]
    assert server.get("/api/integrated/uploads", headers=VIEWER).json()["count"] == 0
    assert session_folders(server) == ["kept"]


def test_no_token_or_a_wrong_one_is_401_everywhere_but_health(make_server):
    server = make_server(TOKENS)
    assert server.get("/api/health").status_code == 200 and server.get("/api/health").json()["auth_required"]
    for path in READS[:-1]:
        for headers in ({}, {"Authorization": "Bearer nope"}, {"Authorization": "operator-secret"}):
            response = server.get(path, headers=headers)
            assert response.status_code == 401 and response.json()["auth_required"] is True, path
    assert server.post(STOP).status_code == 401
    assert server.post(STOP, headers=OPERATOR).status_code == 409  # the operator passes (nothing records)


def test_the_viewer_joins_the_room_and_hears_events(make_server, listen):
    server = make_server(TOKENS)
    viewer = listen(server.url, auth={"token": "viewer-secret"})
    operator = listen(server.url, auth={"token": "operator-secret"})
    server.post(STOP, headers=OPERATOR)
    for room in (viewer, operator):
        room.wait_for("recording_status_update")
    for token in (None, "nope"):
        client = socketio.Client(reconnection=False)
        with pytest.raises(socketio.exceptions.ConnectionError):
            client.connect(
                server.url, auth={"token": token} if token else None, transports=["websocket"], wait_timeout=5
            )


# -- bodies -----------------------------------------------------------------------------------


def raw_request(server, head: bytes, body_parts=(), read_timeout: float = 10) -> bytes:
    """Send a request by hand (a lying Content-Length, chunks); returns what came back."""
    with socket.create_connection(("127.0.0.1", server.port), timeout=read_timeout) as sock:
        sock.sendall(head)
        for part in body_parts:
            try:
                sock.sendall(part)
            except OSError:  # the server answered and closed: what we wanted
                break
        received = b""
        try:
            while chunk := sock.recv(65536):
                received += chunk
                if b"\r\n\r\n" in received and b"}" in received:
                    break
        except OSError:
            pass
    return received


def test_a_huge_body_is_refused_before_it_is_read(make_server):
    server = make_server()
    before = server.rss()
    head = (
        f"POST {START} HTTP/1.1\r\nHost: 127.0.0.1:{server.port}\r\nContent-Type: application/json\r\n"
        f"Content-Length: {400 * 1024 * 1024}\r\n\r\n"
    ).encode()
    answer = raw_request(server, head, [b"[" * 65536])
    assert answer.startswith(b"HTTP/1.1 413") and b"STREAMAI_MAX_BODY" in answer
    assert server.rss() - before < 50 * 1024 * 1024
    assert session_folders(server) == []


def test_a_chunked_body_over_the_limit_is_refused(make_server):
    server = make_server({"STREAMAI_MAX_BODY": "65536"})
    head = (
        f"POST {START} HTTP/1.1\r\nHost: 127.0.0.1:{server.port}\r\nContent-Type: application/json\r\n"
        "Transfer-Encoding: chunked\r\n\r\n"
    ).encode()
    chunk = b"4000\r\n" + b" " * 0x4000 + b"\r\n"
    answer = raw_request(server, head, [chunk] * 8 + [b"0\r\n\r\n"])
    assert answer.startswith(b"HTTP/1.1 413"), answer[:200]
    assert session_folders(server) == []


@pytest.mark.parametrize(
    "raw, what",
    [
        ('{"sessionName": "x", "metadata": {"score": NaN}}', "NaN"),
        ('{"sessionName": "x", "metadata": {"score": Infinity}}', "Infinity"),
        ('{"sessionName": "x", "metadata": {"score": -Infinity}}', "Infinity"),
        ('{"sessionName": "\\ud800"}', "surrogate"),
        ('{"sessionName": "x", "metadata": {"\\udfff": 1}}', "surrogate"),
        ('{"sessionName": "x", "metadata": ' + '{"a": ' * 900 + "1" + "}" * 901, "deeper"),
        ("[" * 200_000 + "]" * 200_000, "deeper"),
    ],
)
def test_bodies_that_cannot_be_stored_are_refused_and_change_nothing(make_server, raw, what):
    server = make_server()
    response = server.post(START, data=raw.encode(), headers={"Content-Type": "application/json"})
    assert response.status_code == 400 and what in response.json()["error"], response.text
    assert session_folders(server) == [] and server.get("/api/integrated/recordings").json()["total"] == 0


def test_a_hand_edited_metadata_file_never_breaks_the_lists(make_server, tmp_path):
    recordings = tmp_path / "srv" / "recordings"
    make_session_folder(recordings, "edited", 1024)
    (recordings / "edited" / "session_metadata.json").write_text(
        '{"streamai": 1, "title": "x", "priority": "high", "metadata": {"score": NaN, "categories": "Gaming"},'
        ' "start_time": 42, "vultr_upload": {"task_id": 7, "status": ["weird"]}, "started_by": "mallory"}'
    )
    make_session_folder(recordings, "typed", 1024)
    (recordings / "typed" / "session_metadata.json").write_text(
        '{"streamai": 1, "title": ["not", "text"], "priority": 99, "metadata": [], "status": "recording"}'
    )
    server = make_server(workdir=tmp_path / "srv")
    server.wait_until(lambda: server.get("/api/integrated/recordings").json()["total"] == 2, 10, "adoption")
    for path in ("/api/integrated/recordings", "/api/frontend/recordings/formatted", "/api/integrated/status"):
        response = server.get(path)
        assert response.status_code == 200, response.text
        strict_json(response.text)
    sessions = {s["session_name"]: s for s in server.get("/api/integrated/recordings").json()["recordings"]}
    assert sessions["edited"]["priority"] == 1 and sessions["edited"]["started_by"] == "import"
    assert sessions["typed"]["title"] == "typed" and sessions["typed"]["status"] == "stopped"


def test_job_ids_past_the_database_range_are_404(make_server):
    server = make_server()
    for path in ("/api/integrated/uploads/9223372036854775808", "/api/integrated/uploads/99999999999999999999999"):
        assert server.get(path).status_code == 404
        assert server.post(path + "/retry").status_code == 404
        assert server.post(path + "/cancel").status_code == 404
    assert server.get("/api/integrated/uploads/9223372036854775807").status_code == 404


# -- storage ----------------------------------------------------------------------------------


@pytest.mark.parametrize("where", ["file", "missing-parent-in-proc"])
def test_an_unusable_recordings_path_stops_the_start_with_one_line(tmp_path, where):
    path = tmp_path / "a-file" if where == "file" else Path("/proc/streamai-nope/recordings")
    if where == "file":
        path.write_text("not a folder")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("STREAMAI_", "OBS_", "VULTR_"))}
    env.update(RECORDINGS_PATH=str(path), STREAMAI_PORT="1", PYTHONPATH=str(Path(__file__).resolve().parents[1]))
    done = subprocess.run(
        [sys.executable, "-m", "streamai", "serve"], env=env, cwd=tmp_path, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 2
    lines = [line for line in done.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith(f"streamai: RECORDINGS_PATH={path} cannot be used"), done.stderr
    assert "Traceback" not in done.stderr + done.stdout


def test_a_recordings_folder_gone_while_running_is_503_and_degraded(make_server, tmp_path):
    server = make_server()
    assert server.get("/api/health").json()["status"] == "healthy"
    moved = tmp_path / "moved-away"
    server.recordings.rename(moved)
    try:
        health = server.get("/api/health")
        assert health.status_code == 200 and health.json()["status"] == "degraded"
        assert "RECORDINGS_PATH" in health.json()["storage"]["error"]
        for path in ("/api/integrated/recordings", "/api/frontend/recordings/formatted"):
            response = server.get(path)
            assert response.status_code == 503 and response.json()["error"], path
        refused = server.post(START, json={})
        assert refused.status_code == 503
    finally:
        moved.rename(server.recordings)
    assert server.get("/api/health").json()["status"] == "healthy"
    assert server.get("/api/integrated/recordings").status_code == 200


# -- uploads ----------------------------------------------------------------------------------


def test_empty_and_unreadable_recordings_are_not_uploaded(make_server, processing_api, tmp_path):
    recordings = tmp_path / "srv" / "recordings"
    make_session_folder(recordings, "empty", 0)
    make_session_folder(recordings, "noise", 4096)  # random bytes: not a video ffprobe can read
    server = make_server({"VULTR_API_URL": processing_api.url}, workdir=tmp_path / "srv")
    server.wait_until(lambda: server.get("/api/integrated/recordings").json()["total"] == 2, 10, "adoption")
    for force in (False, True):
        empty = server.post(MANUAL, json={"sessionName": "empty", "force": force})
        assert empty.status_code == 422 and "empty (0 bytes)" in empty.json()["error"]
    corrupt = server.post(MANUAL, json={"sessionName": "noise"})
    assert corrupt.status_code == 422 and "force" in corrupt.json()["error"] and "ffprobe" in corrupt.json()["error"]
    assert server.get("/api/integrated/uploads").json()["count"] == 0
    forced = server.post(MANUAL, json={"sessionName": "noise", "force": True})
    assert forced.status_code == 202
    server.wait_job(forced.json()["job"]["id"], ("uploaded", "processing", "completed"))
    assert [u.size for u in processing_api.uploads] == [4096]


def test_concurrent_manual_uploads_of_one_session_make_one_job(make_server, processing_api, tmp_path):
    make_session_folder(tmp_path / "srv" / "recordings", "popular", 8 << 20)
    processing_api.go_down()  # the job stays live while the requests race
    server = make_server(
        {"VULTR_API_URL": processing_api.url, "UPLOAD_RETRY_BASE": "30", "UPLOAD_RETRY_MAX": "30"},
        workdir=tmp_path / "srv",
    )
    server.wait_until(lambda: server.get("/api/integrated/recordings").json()["total"] == 1, 10, "adoption")
    answers: list[requests.Response] = []
    go = threading.Barrier(20)

    def race():
        go.wait()
        answers.append(server.post(MANUAL, json={"sessionName": "popular", "force": True}))

    threads = [threading.Thread(target=race) for _ in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    statuses = sorted(a.status_code for a in answers)
    assert statuses == [202] + [409] * 19
    job_id = next(a.json()["job"]["id"] for a in answers if a.status_code == 202)
    assert all(a.json()["job"]["id"] == job_id for a in answers if a.status_code == 409)
    assert server.get("/api/integrated/uploads").json()["count"] == 1


def test_security_headers_on_every_answer(make_server):
    server = make_server()
    for path in ("/", "/api/health", "/api/nothing", "/api/docs"):
        headers = server.get(path).headers
        assert "frame-ancestors 'none'" in headers["Content-Security-Policy"], path
        assert headers["X-Content-Type-Options"] == "nosniff" and headers["Referrer-Policy"] == "no-referrer"
