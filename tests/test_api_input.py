"""Every route with bad input: a clear JSON error, the right status, and nothing changed."""

from __future__ import annotations

import http.client

import pytest

from streamai.app import create_app
from streamai.config import load_settings
from streamai.realtime import socketio

from .support.obs_studio import free_port
from .support.recordings import make_session_folder


@pytest.fixture
def app(tmp_path):
    make_session_folder(tmp_path / "rec", "kept", 1024)
    settings = load_settings(
        {"RECORDINGS_PATH": str(tmp_path / "rec"), "OBS_PORT": str(free_port()), "VULTR_API_URL": "http://127.0.0.1:9"},
        dotenv=False,
    )
    app = create_app(settings, start_background=False)
    app.extensions["streamai"].manager.adopt_existing_folders()
    return app


@pytest.fixture
def client(app):
    return app.test_client()


def folders(app) -> list[str]:
    return sorted(
        p.name for p in app.extensions["streamai"].manager.root.iterdir() if p.is_dir() and not p.name.startswith(".")
    )


START = "/api/integrated/recording/start"


@pytest.mark.parametrize(
    "body, field",
    [
        ({"sessionName": 42}, "sessionName"),
        ({"sessionName": ["a"]}, "sessionName"),
        ({"sessionName": "x" * 201}, "sessionName"),
        ({"sessionName": "../../etc"}, "sessionName"),
        ({"sessionName": "/etc/passwd"}, "sessionName"),
        ({"sessionName": "a\\b"}, "sessionName"),
        ({"sessionName": ".hidden"}, "sessionName"),
        ({"sessionName": "!!!"}, "sessionName"),
        ({"autoUpload": "yes"}, "autoUpload"),
        ({"autoUpload": 1}, "autoUpload"),
        ({"subtitleModel": "huge"}, "subtitleModel"),
        ({"priority": "1"}, "priority"),
        ({"priority": 0}, "priority"),
        ({"priority": 1.5}, "priority"),
        ({"priority": True}, "priority"),
        ({"metadata": "text"}, "metadata"),
    ],
)
def test_start_refuses_bad_fields(app, client, body, field):
    before = folders(app)
    response = client.post(START, json=body)
    assert response.status_code == 400
    assert response.is_json and response.json["field"] == field and response.json["error"]
    assert folders(app) == before


@pytest.mark.parametrize(
    "data, content_type, status",
    [
        ("{not json", "application/json", 400),
        ("[1, 2]", "application/json", 400),
        ('"text"', "application/json", 400),
        ("sessionName=x", "application/x-www-form-urlencoded", 415),
        ("hello", "text/plain", 415),
    ],
)
def test_start_refuses_bodies_that_are_not_json_objects(app, client, data, content_type, status):
    response = client.post(START, data=data, content_type=content_type)
    assert response.status_code == status and "error" in response.json


def test_start_without_obs_is_503_and_leaves_no_session(app, client):
    response = client.post(START, json={"sessionName": "fine"})
    assert response.status_code == 503 and "OBS" in response.json["error"]
    assert folders(app) == ["kept"]


def test_stop_when_idle_is_409(client):
    response = client.post("/api/integrated/recording/stop")
    assert response.status_code == 409 and response.json["error"] == "nothing is recording"


@pytest.mark.parametrize("query", ["limit=abc", "limit=0", "limit=-3", "limit=100000", "limit=1.5", "offset=-1"])
def test_bad_limit(client, query):
    for route in ("/api/integrated/recordings", "/api/frontend/recordings/formatted"):
        response = client.get(f"{route}?{query}")
        assert response.status_code == 400 and response.json["error"]


@pytest.mark.parametrize(
    "body, status",
    [
        ({}, 400),
        ({"sessionName": 3}, 400),
        ({"sessionName": "nope"}, 404),
        ({"sessionName": "../kept"}, 404),
        ({"sessionName": "kept", "subtitleModel": "tiny"}, 400),
        ({"sessionName": "kept", "priority": "high"}, 400),
    ],
)
def test_manual_upload_bad_input(app, client, body, status):
    response = client.post("/api/integrated/upload/manual", json=body)
    assert response.status_code == status and response.json["error"]
    assert app.extensions["streamai"].uploads.queue.find() == []


def test_manual_upload_when_uploads_are_off(tmp_path):
    make_session_folder(tmp_path / "rec", "kept", 10)
    settings = load_settings({"RECORDINGS_PATH": str(tmp_path / "rec"), "OBS_PORT": str(free_port())}, dotenv=False)
    app = create_app(settings, start_background=False)
    app.extensions["streamai"].manager.adopt_existing_folders()
    response = app.test_client().post("/api/integrated/upload/manual", json={"sessionName": "kept"})
    assert response.status_code == 503 and "VULTR_API_URL" in response.json["error"]


def test_unknown_routes_and_methods_are_json(client):
    assert client.get("/api/nothing").status_code == 404 and client.get("/api/nothing").is_json
    wrong = client.get(START)
    assert wrong.status_code == 405 and wrong.is_json
    assert client.get("/api/integrated/uploads/abc").status_code == 404


def test_upload_job_routes(client):
    assert client.get("/api/integrated/uploads?state=weird").status_code == 400
    assert client.get("/api/integrated/uploads?limit=0").status_code == 400
    assert client.get("/api/integrated/uploads/5").status_code == 404
    assert client.post("/api/integrated/uploads/5/retry").status_code == 404
    job = client.post("/api/integrated/upload/manual", json={"sessionName": "kept", "force": True}).json["job"]
    assert client.post(f"/api/integrated/uploads/{job['id']}/retry").status_code == 409
    assert client.post(f"/api/integrated/uploads/{job['id']}/cancel").json["job"]["state"] == "cancelled"
    assert client.post(f"/api/integrated/uploads/{job['id']}/cancel").status_code == 409


def test_token_protects_http_and_socketio(tmp_path):
    settings = load_settings(
        {"RECORDINGS_PATH": str(tmp_path), "OBS_PORT": str(free_port()), "STREAMAI_API_TOKEN": "s3cret"}, dotenv=False
    )
    app = create_app(settings, start_background=False)
    client = app.test_client()
    assert client.get("/api/health").status_code == 200
    refused = client.get("/api/integrated/status")
    assert refused.status_code == 401 and refused.json["auth_required"] is True
    assert client.get("/api/integrated/status", headers={"Authorization": "Bearer wrong"}).status_code == 401
    assert client.get("/api/integrated/status", headers={"Authorization": "Bearer s3cret"}).status_code == 200
    assert not socketio.test_client(app, flask_test_client=client).is_connected()
    assert not socketio.test_client(app, auth={"token": "wrong"}).is_connected()
    ok = socketio.test_client(app, auth={"token": "s3cret"})
    assert ok.is_connected()
    ok.emit("join_recording_updates")
    assert any(m["name"] == "joined" for m in ok.get_received())
    ok.disconnect()


def test_cors_allows_only_configured_origins(client):
    allowed = client.get("/api/health", headers={"Origin": "http://localhost:5173"})
    assert allowed.headers.get("Access-Control-Allow-Origin") == "http://localhost:5173"
    other = client.get("/api/health", headers={"Origin": "http://evil.example"})
    assert "Access-Control-Allow-Origin" not in other.headers


def test_dashboard_is_served_or_explained(tmp_path):
    dist = tmp_path / "dist"
    settings = load_settings(
        {"RECORDINGS_PATH": str(tmp_path / "r"), "OBS_PORT": str(free_port()), "STREAMAI_FRONTEND_DIST": str(dist)},
        dotenv=False,
    )
    client = create_app(settings, start_background=False).test_client()
    missing = client.get("/")
    assert missing.status_code == 503 and b"npm" in missing.data
    (dist / "assets").mkdir(parents=True)
    (dist / "index.html").write_text("<div id=root></div>")
    (dist / "assets" / "app.js").write_text("console.log(1)")
    assert client.get("/").data == b"<div id=root></div>"
    assert client.get("/some/client/route").status_code == 200
    assert client.get("/assets/app.js").data == b"console.log(1)"


SECRET = b"not for the browser"
TRAVERSALS = [
    "/../secret.txt",
    "/%2e%2e/secret.txt",
    "/%2E%2E/secret.txt",
    "/.%2e/secret.txt",
    "/..%2fsecret.txt",
    "/%2e%2e%2fsecret.txt",
    "/assets/../../secret.txt",
    "/assets/%2e%2e/%2e%2e/secret.txt",
    "/assets%2f..%2f..%2fsecret.txt",
    "/..%5csecret.txt",
    "/%2e%2e%5csecret.txt",
    "/%2f{root}/secret.txt",
    "/{root}/secret.txt",
]


@pytest.fixture
def dist_beside_a_secret(tmp_path):
    """A built dashboard, and a file next to it that no URL may reach."""
    dist = tmp_path / "dist"
    (dist / "assets").mkdir(parents=True)
    (dist / "index.html").write_text("<div id=root></div>")
    (tmp_path / "secret.txt").write_bytes(SECRET)
    return dist


@pytest.mark.parametrize("url", TRAVERSALS)
def test_no_path_leaves_the_dashboard_folder(tmp_path, dist_beside_a_secret, url):
    settings = load_settings(
        {
            "RECORDINGS_PATH": str(tmp_path / "r"),
            "OBS_PORT": str(free_port()),
            "STREAMAI_FRONTEND_DIST": str(dist_beside_a_secret),
        },
        dotenv=False,
    )
    client = create_app(settings, start_background=False).test_client()
    response = client.get(url.format(root=str(tmp_path).lstrip("/")), follow_redirects=True)
    assert response.status_code in (200, 404) and SECRET not in response.data


def test_no_path_leaves_the_dashboard_folder_over_http(tmp_path, dist_beside_a_secret, make_server):
    """The same through the real server's request parsing: the raw request line, as curl
    --path-as-is or a hostile client sends it, with no client-side normalisation."""
    server = make_server({"STREAMAI_FRONTEND_DIST": str(dist_beside_a_secret)})
    for url in TRAVERSALS:
        connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
        try:
            connection.request("GET", url.format(root=str(tmp_path).lstrip("/")))
            response = connection.getresponse()
            assert response.status in (200, 301, 308, 400, 404) and SECRET not in response.read(), url
        finally:
            connection.close()
