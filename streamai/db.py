"""The SQLite database shared by sessions and upload jobs, so one transaction can span both.

It lives in `RECORDINGS_PATH/.streamai/`, a folder no session can be named after, so nothing a
user creates can collide with the database's own files (`-wal`, `-shm`, `-journal`). The schema
is versioned: `MIGRATIONS[n]` takes a database from version n to n+1 (`PRAGMA user_version`).
"""

from __future__ import annotations

import logging
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

log = logging.getLogger(__name__)

DATABASE_FOLDER = ".streamai"
DATABASE_NAME = "streamai.sqlite3"

MIGRATIONS = [
    # 1: the schema of the first release (written so that it also accepts a database of it).
    """
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
    """,
    # 2: one name for who started a session; a job names its file inside its session folder
    # (never by an absolute path); at most one live job per file, enforced by the database.
    """
    ALTER TABLE sessions RENAME COLUMN source TO started_by;
    ALTER TABLE upload_jobs RENAME COLUMN file_path TO file_folder;
    UPDATE upload_jobs SET file_folder = '';
    UPDATE upload_jobs SET state = 'cancelled', last_error = 'a duplicate of an earlier job for the same file'
     WHERE state IN ('queued', 'uploading', 'retrying')
       AND id NOT IN (SELECT min(id) FROM upload_jobs WHERE state IN ('queued', 'uploading', 'retrying')
                      GROUP BY session_name, file_name);
    CREATE UNIQUE INDEX one_live_job_per_file ON upload_jobs (session_name, file_folder, file_name)
     WHERE state IN ('queued', 'uploading', 'retrying');
    """,
    # 3: the session's timeline (pauses, markers, thumbnail) and each job's phases and results.
    """
    ALTER TABLE sessions ADD COLUMN pauses TEXT NOT NULL DEFAULT '[]';
    ALTER TABLE sessions ADD COLUMN markers TEXT NOT NULL DEFAULT '[]';
    ALTER TABLE sessions ADD COLUMN thumbnail TEXT;
    ALTER TABLE upload_jobs ADD COLUMN upload_started_at TEXT;
    ALTER TABLE upload_jobs ADD COLUMN uploaded_at TEXT;
    ALTER TABLE upload_jobs ADD COLUMN processed_at TEXT;
    ALTER TABLE upload_jobs ADD COLUMN results_state TEXT;
    ALTER TABLE upload_jobs ADD COLUMN results TEXT NOT NULL DEFAULT '[]';
    ALTER TABLE upload_jobs ADD COLUMN results_attempts INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE upload_jobs ADD COLUMN results_next_at REAL;
    ALTER TABLE upload_jobs ADD COLUMN results_error TEXT;
    UPDATE upload_jobs SET uploaded_at = finished_at WHERE task_id IS NOT NULL;
    CREATE INDEX upload_jobs_results_due ON upload_jobs (results_state, results_next_at);
    """,
    # 4: a session over several rigs (OBS instances): each rig's part, and each job's rig.
    """
    ALTER TABLE sessions ADD COLUMN rigs TEXT NOT NULL DEFAULT '{}';
    ALTER TABLE upload_jobs ADD COLUMN rig TEXT NOT NULL DEFAULT 'default';
    """,
]


class Database:
    """Opens a short-lived connection per unit of work: safe from any thread or green thread."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self._connect() as conn:
            conn.execute("PRAGMA journal_mode=WAL")
            self._migrate(conn)

    def _migrate(self, conn: sqlite3.Connection) -> None:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        for number, script in enumerate(MIGRATIONS[version:], start=version + 1):
            body = script.strip().rstrip(";")
            conn.executescript(f"BEGIN IMMEDIATE; {body}; PRAGMA user_version = {number}; COMMIT;")
            log.info("database %s migrated to version %d", self.path, number)

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

    def check(self) -> None:
        """Raise if the database cannot be read and written (health checks)."""
        with self.transaction() as conn:
            conn.execute("SELECT count(*) FROM sessions").fetchone()


def default_location(recordings: Path) -> Path:
    """`RECORDINGS_PATH/.streamai/streamai.sqlite3`, moving there a database of an earlier version."""
    target = recordings / DATABASE_FOLDER / DATABASE_NAME
    legacy = recordings / DATABASE_NAME
    if target.exists() or not legacy.is_file() or legacy.is_symlink():
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    try:  # fold the WAL into the main file so that one file holds it all
        conn = sqlite3.connect(legacy)
        try:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            conn.execute("PRAGMA journal_mode=DELETE")
        finally:
            conn.close()
    except sqlite3.Error as exc:  # e.g. a folder squatting the WAL's name: the main file is all there is
        log.warning("could not checkpoint %s (%s); moving the main file alone", legacy, exc)
    os.replace(legacy, target)
    for suffix in ("-wal", "-shm", "-journal"):
        leftover = recordings / (DATABASE_NAME + suffix)
        if leftover.is_file() and not leftover.is_symlink():
            leftover.unlink()
    log.info("moved the database of an earlier version to %s", target)
    return target
