"""Trust boundaries that need the real OBS (and a real Chromium): a page of another origin cannot
start a recording, and a stop that cannot write its folder leaves a state it can recover from."""

from __future__ import annotations

import os
import shutil
import subprocess
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from .conftest import obs_env
from .support.browser import CHROMIUM, CHROMIUM_ARGS

pytestmark = pytest.mark.obs


# What a page of another origin may try: no-cors fetches and a form (which CORS does not stop),
# or, in "cors" mode, a JSON fetch that CORS allows only for a configured origin.
PAGE = """<!doctype html><meta charset="utf-8"><title>loading</title>
<form id="f" method="post" action="{target}/api/integrated/recording/start" target="sink">
<input name="sessionName" value="form"></form><iframe name="sink"></iframe>
<script>
const start = "{target}/api/integrated/recording/start";
const done = () => {{ document.title = "sent"; }};
if (location.search === "?mode=cors") {{
  fetch(start, {{method: "POST", headers: {{"Content-Type": "application/json"}},
                 body: '{{"sessionName": "cors_json", "autoUpload": false}}'}}).finally(done);
}} else {{
  Promise.allSettled([
    fetch(start, {{method: "POST", mode: "no-cors", body: '{{"sessionName": "pwned"}}'}}),
    fetch(start, {{method: "POST", mode: "no-cors"}}),
    fetch(start, {{method: "POST", mode: "no-cors", headers: {{"Content-Type": "application/x-www-form-urlencoded"}},
                   body: "sessionName=pwned2"}}),
    fetch(start, {{method: "POST", headers: {{"Content-Type": "application/json"}}, body: "{{}}"}}),
  ]).then(() => {{
    document.querySelector("iframe").addEventListener("load", done);
    document.getElementById("f").submit();
  }});
}}
</script>"""


class HostilePage:
    """A web page on another origin (another port of 127.0.0.1)."""

    def __init__(self, target: str):
        html = PAGE.format(target=target).encode()

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                self.send_header("Content-Length", str(len(html)))
                self.end_headers()
                self.wfile.write(html)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def chromium():
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail("chromium is required in CI")
        pytest.skip("chromium is missing: run scripts/setup.sh --with-tests")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


def visit(chromium, url: str) -> None:
    context = chromium.new_context()
    try:
        page = context.new_page()
        page.goto(url)
        page.wait_for_function("document.title === 'sent'", timeout=20_000)
    finally:
        context.close()


def sessions(server) -> list[str]:
    return [s["session_name"] for s in server.get("/api/integrated/recordings").json()["recordings"]]


@pytest.mark.browser
def test_a_page_of_another_origin_cannot_start_a_recording(live_obs, make_server, chromium):
    server = make_server(obs_env(live_obs))
    server.wait_obs_connected()
    hostile = HostilePage(server.url)
    try:
        visit(chromium, hostile.url)
    finally:
        hostile.close()
    assert server.get("/api/integrated/recording/status").json()["active"] is False
    assert sessions(server) == []


@pytest.mark.browser
def test_the_same_page_can_start_one_once_its_origin_is_allowed(live_obs, make_server, chromium):
    """The control: the browser really reaches the server from that page; configured in
    STREAMAI_CORS_ORIGINS, its JSON fetch starts a recording."""
    server = make_server(obs_env(live_obs), start=False)
    page = HostilePage(server.url)
    try:
        server.env["STREAMAI_CORS_ORIGINS"] = page.url.rstrip("/")
        server.start()
        server.wait_obs_connected()
        visit(chromium, page.url + "?mode=cors")
    finally:
        page.close()
    status = server.get("/api/integrated/recording/status").json()
    assert status["active"] is True and status["session_name"] == "cors_json"
    assert server.post("/api/integrated/recording/stop").status_code == 200


def test_a_stop_that_cannot_write_the_session_folder_can_be_retried(live_obs, make_server, listen):
    """The session folder is made immutable mid-recording (root ignores permission bits, not
    chattr +i): the stop fails with the reason, the file stays where OBS wrote it, a start is
    refused, and once the folder is writable again a second stop finishes the job."""
    if shutil.which("chattr") is None:
        pytest.fail("chattr (e2fsprogs) is needed to make a folder unwritable for root")
    server = make_server(obs_env(live_obs))
    server.wait_obs_connected()
    room = listen(server.url)
    earlier = set(Path(live_obs.record_dir).iterdir())
    assert server.post("/api/integrated/recording/start", json={"sessionName": "locked", "autoUpload": False}).ok
    room.wait_for("recording_status_update", lambda d: d["status"].get("obs_status", {}).get("duration_ms", 0) > 1000)
    folder = server.recordings / "locked"
    subprocess.run(["chattr", "+i", str(folder)], check=True)
    try:
        failed = server.post("/api/integrated/recording/stop")
        assert failed.status_code == 503, failed.text
        assert "could not be closed" in failed.json()["error"] and "leaveFileInPlace" in failed.json()["error"]
        [kept] = set(Path(live_obs.record_dir).iterdir()) - earlier  # still where OBS wrote it
        kept_bytes = kept.stat().st_size
        assert kept_bytes > 0
        status = server.get("/api/integrated/recording/status").json()
        assert status["active"] is True and status["state"] == "stop_failed" and status["stop_error"]
        refused = server.post("/api/integrated/recording/start", json={"sessionName": "next"})
        assert refused.status_code == 409 and "could not be closed" in refused.json()["error"]
        assert room.wait_for("error")["message"].startswith("session locked could not be closed")
    finally:
        subprocess.run(["chattr", "-i", str(folder)], check=True)
    stopped = server.post("/api/integrated/recording/stop")
    assert stopped.status_code == 200, stopped.text
    [recorded] = stopped.json()["files"]
    assert Path(recorded["path"]).parent == folder and Path(recorded["path"]).stat().st_size == kept_bytes
    assert not kept.exists()
    assert server.get("/api/integrated/recording/status").json()["state"] == "idle"
