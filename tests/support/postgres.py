"""A PostgreSQL server of the tests' own: `initdb` into a temporary folder, `postgres` on a free
port of 127.0.0.1 (its unix socket in that folder too), run as the `postgres` system user when the
tests run as root (PostgreSQL refuses root), stopped by its pid and its folder removed at the end.

Fixtures (import them into a test module; pytest finds them by their `name`):
- `postgres`: the one server of the test session (started on first use);
- `postgres_url`: a fresh, empty database on it for one test, dropped afterwards;
- `database`: a `streamai.db.Database` on each backend in turn (parametrized: sqlite, postgresql).
"""

from __future__ import annotations

import glob
import os
import pwd
import secrets
import shutil
import signal
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest

from streamai.db import Database

from .obs_studio import free_port

USER = "streamai_test"
SYSTEM_USER = "postgres"  # Debian's postgresql package creates it


def binaries() -> Path | None:
    """The folder with initdb and postgres: Debian keeps them in /usr/lib/postgresql/<version>/bin."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(Path(p).parent.name or 0))
    candidates = [Path(p) for p in reversed(found)]
    on_path = shutil.which("initdb")
    if on_path:
        candidates.append(Path(on_path).resolve().parent)
    return next((c for c in candidates if (c / "initdb").is_file() and (c / "postgres").is_file()), None)


def available() -> str | None:
    """Why PostgreSQL cannot run here, or None when it can."""
    if binaries() is None:
        return "PostgreSQL is not installed (apt-get install postgresql)"
    if os.geteuid() == 0:
        try:
            pwd.getpwnam(SYSTEM_USER)
        except KeyError:
            return f"running as root and there is no {SYSTEM_USER!r} user to run PostgreSQL as"
    return None


class PostgresServer:
    def __init__(self) -> None:
        bindir = binaries()
        assert bindir is not None
        self.bin = bindir
        self.dir = Path(tempfile.mkdtemp(prefix="streamai-pg-"))
        self.data = self.dir / "data"
        self.sockets = self.dir / "sockets"
        self.log_path = self.dir / "postgres.log"
        self.port = free_port()
        self.password = secrets.token_hex(12)
        self.proc: subprocess.Popen | None = None
        self._as: dict = {}
        if os.geteuid() == 0:
            account = pwd.getpwnam(SYSTEM_USER)
            self._as = {"user": account.pw_uid, "group": account.pw_gid, "extra_groups": []}

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://{USER}:{self.password}@127.0.0.1:{self.port}/{database}"

    def start(self, timeout_s: float = 60) -> PostgresServer:
        self.sockets.mkdir()
        pwfile = self.dir / "pwfile"
        pwfile.write_text(self.password + "\n")
        if self._as:
            for path in (self.dir, self.sockets, pwfile):
                os.chown(path, self._as["user"], self._as["group"])
        subprocess.run(
            [
                str(self.bin / "initdb"),
                "-D",
                str(self.data),
                "-U",
                USER,
                f"--pwfile={pwfile}",
                "--auth=scram-sha-256",
                "--encoding=UTF8",
                "--no-locale",
                "--no-sync",
            ],
            check=True,
            capture_output=True,
            cwd=self.dir,
            **self._as,
        )
        with open(self.log_path, "ab") as log:
            self.proc = subprocess.Popen(
                [
                    str(self.bin / "postgres"),
                    "-D",
                    str(self.data),
                    "-p",
                    str(self.port),
                    "-k",
                    str(self.sockets),
                    "-c",
                    "listen_addresses=127.0.0.1",
                    "-c",
                    "fsync=off",
                    "-c",
                    "synchronous_commit=off",
                    "-c",
                    "full_page_writes=off",
                ],
                stdout=log,
                stderr=subprocess.STDOUT,
                cwd=self.dir,
                **self._as,
            )
        deadline = time.monotonic() + timeout_s
        while True:
            if self.proc.poll() is not None:
                raise RuntimeError(f"postgres exited with {self.proc.returncode}:\n{self.log()}")
            try:
                psycopg.connect(self.url(), connect_timeout=2).close()
                return self
            except psycopg.OperationalError:
                if time.monotonic() > deadline:
                    raise RuntimeError(f"postgres did not accept connections in {timeout_s}s:\n{self.log()}") from None
                time.sleep(0.05)

    def admin(self, sql: str) -> None:
        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(sql)

    def create_database(self) -> str:
        name = f"t_{secrets.token_hex(6)}"
        self.admin(f"CREATE DATABASE {name}")
        return name

    def drop_database(self, name: str) -> None:
        self.admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")

    def stop(self) -> None:
        """Fast shutdown (SIGINT) by pid, SIGQUIT if it lingers; then its folder goes."""
        try:
            if self.proc is not None and self.proc.poll() is None:
                self.proc.send_signal(signal.SIGINT)
                try:
                    self.proc.wait(20)
                except subprocess.TimeoutExpired:
                    self.proc.send_signal(signal.SIGQUIT)
                    self.proc.wait(10)
        finally:
            shutil.rmtree(self.dir, ignore_errors=True)

    def log(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""


_shared: PostgresServer | None = None


@pytest.fixture(scope="session", name="postgres")
def postgres_fixture() -> Iterator[PostgresServer]:
    """One server for the whole session (each module that imports this shares it)."""
    global _shared
    reason = available()
    if reason and os.environ.get("CI"):
        pytest.fail(f"PostgreSQL is required in CI: {reason}")
    if reason:
        pytest.skip(reason)
    if _shared is None:
        server = PostgresServer()
        try:
            server.start()
        except BaseException:
            server.stop()
            raise
        _shared = server
    try:
        yield _shared
    finally:
        if _shared is not None:
            _shared.stop()
            _shared = None


@pytest.fixture(name="postgres_url")
def postgres_url_fixture(postgres: PostgresServer) -> Iterator[str]:
    """A fresh database for one test (dropped after it, even when connections are left open)."""
    name = postgres.create_database()
    try:
        yield postgres.url(name)
    finally:
        postgres.drop_database(name)


@pytest.fixture(name="database", params=["sqlite", "postgresql"])
def database_fixture(request, tmp_path) -> Iterator[Database]:
    """The same store and queue tests on each backend."""
    if request.param == "sqlite":
        db = Database(tmp_path / "streamai.sqlite3")
    else:
        db = Database(request.getfixturevalue("postgres_url"))
    try:
        yield db
    finally:
        db.close()
