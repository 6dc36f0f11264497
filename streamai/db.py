"""The SQLite database shared by sessions and upload jobs, so one transaction can span both."""

from __future__ import annotations

import sqlite3
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

SCHEMA = """
CREATE TABLE IF NOT EXISTS sessions (
    name            TEXT PRIMARY KEY,
    title           TEXT NOT NULL,
    folder          TEXT NOT NULL,
    status          TEXT NOT NULL,
    source          TEXT NOT NULL,
    auto_upload     INTEGER NOT NULL DEFAULT 0,
    subtitle_model  TEXT NOT NULL DEFAULT 'base',
    priority        INTEGER NOT NULL DEFAULT 1,
    start_time      TEXT NOT NULL,
    end_time        TEXT,
    duration_s      REAL,
    size_bytes      INTEGER NOT NULL DEFAULT 0,
    files           TEXT NOT NULL DEFAULT '[]',
    obs_output_path TEXT,
    obs_record_directory TEXT,
    note            TEXT,
    metadata        TEXT NOT NULL DEFAULT '{}',
    legacy_upload   TEXT,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS sessions_by_start ON sessions (start_time DESC);

CREATE TABLE IF NOT EXISTS upload_jobs (
    id                  INTEGER PRIMARY KEY AUTOINCREMENT,
    session_name        TEXT NOT NULL REFERENCES sessions (name),
    file_path           TEXT NOT NULL,
    file_name           TEXT NOT NULL,
    state               TEXT NOT NULL,
    manual              INTEGER NOT NULL DEFAULT 0,
    subtitle_model      TEXT NOT NULL,
    priority            INTEGER NOT NULL,
    attempts            INTEGER NOT NULL DEFAULT 0,
    bytes_sent          INTEGER NOT NULL DEFAULT 0,
    total_bytes         INTEGER NOT NULL DEFAULT 0,
    sha256              TEXT,
    last_error          TEXT,
    next_attempt_at     REAL,
    task_id             TEXT,
    processing_status   TEXT,
    processing_progress REAL,
    processing_message  TEXT,
    next_poll_at        REAL,
    poll_interval_s     REAL,
    created_at          TEXT NOT NULL,
    updated_at          TEXT NOT NULL,
    finished_at         TEXT
);
CREATE INDEX IF NOT EXISTS upload_jobs_by_state ON upload_jobs (state, priority DESC, id);
CREATE INDEX IF NOT EXISTS upload_jobs_by_session ON upload_jobs (session_name, id DESC);
"""


class Database:
    """Opens a short-lived connection per unit of work: safe from any thread or green thread."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self._connect() as conn:
            conn.execute("PRAGMA journal_mode=WAL")
            conn.executescript(SCHEMA)

    def _connect(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self.path, timeout=30, isolation_level=None, check_same_thread=False)
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute("PRAGMA synchronous=NORMAL")
        return conn

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """A write transaction, taken up front so two writers never deadlock on upgrade."""
        conn = self._connect()
        try:
            conn.execute("BEGIN IMMEDIATE")
            yield conn
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        finally:
            conn.close()

    @contextmanager
    def reading(self) -> Iterator[sqlite3.Connection]:
        conn = self._connect()
        try:
            yield conn
        finally:
            conn.close()
