"""Exactly one controller at a time.

Leadership is a lock held by an open handle, never a timestamp: PostgreSQL's session advisory lock
(the database is shared by every host), or an exclusive `flock` on a file beside the SQLite
database (one host). PostgreSQL or the kernel drop it the moment the holder dies, even by `kill -9`,
and a standby blocked on it takes over at once: no lease to wait out, no clock to trust.
"""

from __future__ import annotations

import abc
import fcntl
import logging
import os
import threading
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

# pg_advisory_lock's key: "StreamAI" in ASCII, so that other applications of the database keep theirs.
ADVISORY_KEY = 0x53747265616D4149 & 0x7FFFFFFFFFFFFFFF
CHECK_S = 2.0


class Leadership(abc.ABC):
    """`acquire()` blocks until this process leads; `lost` is set if the lock goes away under it
    (its database connection broke), after which it must stop driving OBS."""

    def __init__(self) -> None:
        self.lost = threading.Event()

    @abc.abstractmethod
    def acquire(self) -> None: ...

    @abc.abstractmethod
    def release(self) -> None: ...


class PostgresLeadership(Leadership):
    def __init__(self, url: str):
        super().__init__()
        self.url = url
        self._connection: Any = None  # psycopg.Connection, imported only when used
        self._closing = threading.Event()

    def acquire(self) -> None:
        import psycopg

        # Keepalives: if the host vanishes, PostgreSQL's side notices too and frees the lock.
        connection = psycopg.connect(
            self.url, autocommit=True, keepalives=1, keepalives_idle=5, keepalives_interval=2, keepalives_count=3
        )
        connection.execute("SELECT pg_advisory_lock(%s)", (ADVISORY_KEY,))
        self._connection = connection
        threading.Thread(target=self._watch, name="leadership", daemon=True).start()

    def _watch(self) -> None:
        while not self._closing.wait(CHECK_S):
            try:  # a session lock lasts as long as its session: a live connection still holds it
                self._connection.execute("SELECT 1")
            except Exception as exc:
                log.critical("lost the database connection that holds the controller lock: %s", exc)
                self.lost.set()
                return

    def release(self) -> None:
        self._closing.set()
        if self._connection is not None:
            try:
                self._connection.close()  # the lock goes with the session
            except Exception:
                pass


class FileLeadership(Leadership):
    def __init__(self, path: Path):
        super().__init__()
        self.path = path
        self._fd: int | None = None

    def acquire(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC | os.O_NOFOLLOW, 0o600)
        fcntl.flock(fd, fcntl.LOCK_EX)  # blocks while another controller lives
        self._fd = fd

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None
