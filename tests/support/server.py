"""The real StreamAI server in a child process (`python -m streamai serve`), and a Socket.IO listener."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import requests
import socketio

from .obs_studio import free_port

REPO = Path(__file__).resolve().parents[2]


# What each role that serves no HTTP writes to its log once it is up.
READY_LINES = {
    "control": ("this process is the controller now", "waiting to be the controller"),
    "worker": ("upload worker running",),
}


class StreamAIServer:
    """`python -m streamai <role>`: `serve` (the default) or one role of a split deployment."""

    def __init__(self, workdir: Path, env: dict[str, str] | None = None, role: str = "serve"):
        self.role = role
        self.workdir = Path(workdir)
        self.workdir.mkdir(parents=True, exist_ok=True)
        self.port = free_port()
        self.recordings = self.workdir / "recordings"
        self.env = {
            "STREAMAI_HOST": "127.0.0.1",
            "STREAMAI_PORT": str(self.port),
            "RECORDINGS_PATH": str(self.recordings),
            "OBS_PORT": str(free_port()),  # nothing listens there unless a test says otherwise
            "VULTR_API_URL": "",
            "UPLOAD_RETRY_BASE": "0.2",
            "UPLOAD_RETRY_MAX": "2",
            "STATUS_POLL_INTERVAL": "0.2",
            "STATUS_POLL_MAX": "1",
            "OBS_RECONNECT_MAX": "1",
            "LOG_LEVEL": "INFO",
            **(env or {}),
        }
        self.proc: subprocess.Popen | None = None
        self.log_path = self.workdir / "server.log"

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout_s: float = 30) -> StreamAIServer:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("STREAMAI_", "OBS_", "VULTR_"))}
        env.update(self.env)
        # The code under test is this repo's, whatever `pip install -e` in the venv points at.
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")]))
        log = open(self.log_path, "ab")
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "streamai", self.role],
            env=env,
            cwd=self.workdir,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        log.close()
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"server exited with {self.proc.returncode}:\n{self.log()}")
            if self.role in READY_LINES:
                if any(line in self.log() for line in READY_LINES[self.role]):
                    return self
                time.sleep(0.1)
                continue
            try:
                if requests.get(self.url + "/api/health", timeout=1).ok:
                    return self
            except requests.RequestException:
                time.sleep(0.1)
        raise RuntimeError(f"server did not answer in {timeout_s}s:\n{self.log()}")

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(5)

    def kill(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(10)

    def rss(self) -> int:
        """The server process's resident memory, in bytes."""
        import psutil

        return psutil.Process(self.proc.pid).memory_info().rss

    def log(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""

    # -- HTTP helpers ----------------------------------------------------------------------

    def get(self, path: str, **kwargs) -> requests.Response:
        return requests.get(self.url + path, timeout=kwargs.pop("timeout", 30), **kwargs)

    def post(self, path: str, **kwargs) -> requests.Response:
        return requests.post(self.url + path, timeout=kwargs.pop("timeout", 120), **kwargs)

    def wait_until(self, check: Callable[[], Any], timeout: float = 30, what: str = "condition") -> Any:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            result = check()
            if result:
                return result
            time.sleep(0.1)
        raise AssertionError(f"timed out waiting for {what}\n--- server log ---\n{self.log()[-4000:]}")

    def wait_obs_connected(self, timeout: float = 30) -> None:
        self.wait_until(lambda: self.get("/api/health").json()["obs"]["connected"], timeout, "OBS connection")

    def job(self, job_id: int) -> dict:
        return self.get(f"/api/integrated/uploads/{job_id}").json()

    def wait_job(self, job_id: int, states: tuple[str, ...], timeout: float = 60) -> dict:
        return self.wait_until(
            lambda: (j := self.job(job_id))["state"] in states and j, timeout, f"job {job_id} in {states}"
        )


class RoomListener:
    """A python-socketio client that joins `recording_updates` and records every event."""

    def __init__(self, url: str, auth: dict | None = None):
        self.events: list[tuple[str, Any]] = []
        self._cond = threading.Condition()
        self.client = socketio.Client(reconnection=True, reconnection_delay=0.2, reconnection_delay_max=1)
        self.client.on("*", self._record)
        self.client.on("connect", lambda: self.client.emit("join_recording_updates"))
        self.client.connect(url, auth=auth, transports=["websocket"], wait_timeout=10)
        self.wait_for("joined")

    def _record(self, event: str, data: Any = None) -> None:
        with self._cond:
            self.events.append((event, data))
            self._cond.notify_all()

    def of(self, event: str) -> list[Any]:
        with self._cond:
            return [data for name, data in self.events if name == event]

    def wait_for(
        self, event: str, predicate: Callable[[Any], bool] = lambda d: True, timeout: float = 30, after: int = 0
    ) -> Any:
        """The first `event` (from the `after`-th event received on) that `predicate` accepts."""
        deadline = time.monotonic() + timeout
        with self._cond:
            while True:
                for name, data in self.events[after:]:
                    if name == event and predicate(data):
                        return data
                left = deadline - time.monotonic()
                if left <= 0:
                    seen = sorted({name for name, _ in self.events})
                    raise AssertionError(f"no {event!r} event in {timeout}s (saw {seen})")
                self._cond.wait(left)

    def wait_for_count(self, event: str, count: int, timeout: float = 30) -> list[Any]:
        """Wait until `event` has been heard `count` times; all of them."""
        deadline = time.monotonic() + timeout
        with self._cond:
            while len(found := [d for n, d in self.events if n == event]) < count:
                left = deadline - time.monotonic()
                if left <= 0:
                    raise AssertionError(f"{len(found)} {event!r} event(s) in {timeout}s, expected {count}")
                self._cond.wait(left)
            return found

    def wait_recorded(self, ms: int, session: str | None = None, timeout: float = 30) -> dict:
        """The first recording status in which OBS has recorded at least `ms` (OBS's own measure,
        not the test's clock), for `session` if given."""

        def enough(update: dict) -> bool:
            status = update["status"]
            return (
                status["active"]
                and session in (None, status["session_name"])
                and (status["obs_status"]["duration_ms"] or 0) >= ms
            )

        return self.wait_for("recording_status_update", enough, timeout)["status"]

    def close(self) -> None:
        self.client.disconnect()
