"""A real redis-server of the test's own, on a free loopback port: started from Debian's binary,
stopped by its pid, its folder removed, whatever the test did."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import redis

from .obs_studio import free_port


def available() -> str | None:
    return None if shutil.which("redis-server") else "redis-server is not installed (scripts/setup.sh --with-tests)"


class RedisServer:
    def __init__(self) -> None:
        self.dir = Path(tempfile.mkdtemp(prefix="streamai-redis-"))
        self.port = free_port()
        self.proc: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self, timeout_s: float = 20) -> RedisServer:
        log = open(self.dir / "redis.log", "ab")
        self.proc = subprocess.Popen(
            # No persistence, no other interface: a throwaway server for one test.
            [
                *("redis-server", "--port", str(self.port), "--bind", "127.0.0.1"),
                *("--save", "", "--appendonly", "no", "--dir", str(self.dir)),
            ],
            stdout=log,
            stderr=subprocess.STDOUT,
            cwd=self.dir,
        )
        log.close()
        client = redis.Redis(host="127.0.0.1", port=self.port, socket_connect_timeout=1)
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"redis-server exited with {self.proc.returncode}: {self.log()}")
            try:
                if client.ping():
                    return self
            except redis.ConnectionError:
                time.sleep(0.05)
        raise RuntimeError(f"redis-server did not answer in {timeout_s}s: {self.log()}")

    def stop(self) -> None:
        try:
            if self.proc and self.proc.poll() is None:
                self.proc.terminate()
                try:
                    self.proc.wait(10)
                except subprocess.TimeoutExpired:
                    self.proc.kill()
                    self.proc.wait(10)
        finally:
            shutil.rmtree(self.dir, ignore_errors=True)

    def log(self) -> str:
        path = self.dir / "redis.log"
        return path.read_text(errors="replace") if path.exists() else ""


@pytest.fixture(name="redis_server")
def redis_server_fixture() -> Iterator[RedisServer]:
    """A fresh server per test: no call, presence key or event of an earlier test is left in it."""
    reason = available()
    if reason and os.environ.get("CI"):
        pytest.fail(f"Redis is required in CI: {reason}")
    if reason:
        pytest.skip(reason)
    server = RedisServer()
    try:
        server.start()
        yield server
    finally:
        server.stop()
