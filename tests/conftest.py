"""Fixtures: a real OBS under Xvfb, a real processing API, the real server in a child process."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from .support import obs_studio
from .support.browser import launch_chromium
from .support.processing_api import ProcessingApi
from .support.server import RoomListener, StreamAIServer

FIXTURES = Path(__file__).resolve().parent / "fixtures"  # shipped with the repo: a clone tests alone
FIXTURE_RECORDINGS = FIXTURES / "obs-recordings"


@pytest.fixture(scope="session")
def obs(tmp_path_factory):
    """One OBS for the session (it takes seconds to start); tests that kill it restart it."""
    reason = obs_studio.available()
    if reason and os.environ.get("CI"):
        pytest.fail(f"OBS is required in CI: {reason}")
    if reason:
        pytest.skip(reason)
    studio = obs_studio.ObsStudio(tmp_path_factory.mktemp("obs"))
    try:
        studio.start()
        yield studio
    finally:
        studio.close()


@pytest.fixture
def live_obs(obs):
    """The shared OBS, running again if an earlier test killed it; a test that leaves it
    recording fails, and the recording is stopped so the next test starts clean."""
    if obs.obs is None or obs.obs.poll() is not None:
        obs.start()
    yield obs
    if obs.obs is None or obs.obs.poll() is not None:
        return
    with obs.window() as client:
        still_recording = client.get_record_status().output_active
    if still_recording:
        obs.stop_recording()
        pytest.fail("the test left OBS recording")


@pytest.fixture
def processing_api(tmp_path):
    api = ProcessingApi(tmp_path / "api-received").start()
    yield api
    api.stop()


@pytest.fixture
def make_server(tmp_path):
    servers: list[StreamAIServer] = []

    def make(env: dict[str, str] | None = None, workdir: Path | None = None, start: bool = True) -> StreamAIServer:
        server = StreamAIServer(workdir or tmp_path / f"server{len(servers)}", env)
        servers.append(server)
        return server.start() if start else server

    yield make
    for server in servers:
        server.stop()


@pytest.fixture(scope="module")
def browser():
    """One headless chromium per test module (tests/test_*_browser.py)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        yield browser
        browser.close()


def obs_env(studio: obs_studio.ObsStudio) -> dict[str, str]:
    return {"OBS_HOST": "127.0.0.1", "OBS_PORT": str(studio.port), "OBS_PASSWORD": studio.password}


@pytest.fixture
def listen():
    listeners: list[RoomListener] = []

    def make(url: str, auth: dict | None = None) -> RoomListener:
        listener = RoomListener(url, auth)
        listeners.append(listener)
        return listener

    yield make
    for listener in listeners:
        listener.close()
