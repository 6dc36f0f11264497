"""The schema, versioned, for both backends.

SQLite: `MIGRATIONS[n]` takes a database from version n to n+1 (`PRAGMA user_version`); every
database ever shipped (versions 0 to 4) comes up this way. PostgreSQL: there are no databases of
earlier versions, so it starts at version 5 from one script that makes the same schema (with
PostgreSQL's types); `POSTGRES_MIGRATIONS` lists (version, script) and a `schema_version` table
holds the version. A change to the schema adds one step to each list, under the same number.

Two processes may start at once: SQLite's steps each run in a `BEGIN IMMEDIATE` transaction that
reads the version again once it holds the write lock; PostgreSQL's run in one transaction under an
advisory lock, and its DDL is transactional, so a step is done once and entirely, or not at all.
"""

from __future__ import annotations

import logging
import sqlite3

from sqlalchemy import Connection, text

log = logging.getLogger(__name__)

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
    # 5: claims under a lease: who holds a job (worker "host:pid:random"), the claim's own token
    # (every write after the claim names it), and when the lease runs out unless renewed.
    """
    ALTER TABLE upload_jobs ADD COLUMN claimed_by TEXT;
    ALTER TABLE upload_jobs ADD COLUMN claim_token TEXT;
    ALTER TABLE upload_jobs ADD COLUMN lease_expires_at REAL;
    CREATE INDEX upload_jobs_leased ON upload_jobs (lease_expires_at) WHERE lease_expires_at IS NOT NULL;
    """,
]

SCHEMA_VERSION = len(MIGRATIONS)

# Every column of version 5, in PostgreSQL's types: 64-bit integers (sizes pass 2 GiB), double
# precision for the REALs, and the "C" collation on the columns lists sort by, so that pages come
# in the same order as on SQLite (byte order) and the index serves the ORDER BY.
_POSTGRES_BASELINE = """
CREATE TABLE sessions (
    name                 TEXT COLLATE "C" PRIMARY KEY,
    title                TEXT NOT NULL,
    folder               TEXT NOT NULL,
    status               TEXT NOT NULL,
    started_by           TEXT NOT NULL,
    auto_upload          INTEGER NOT NULL DEFAULT 0,
    subtitle_model       TEXT NOT NULL DEFAULT 'base',
    priority             INTEGER NOT NULL DEFAULT 1,
    start_time           TEXT COLLATE "C" NOT NULL,
    end_time             TEXT,
    duration_s           DOUBLE PRECISION,
    size_bytes           BIGINT NOT NULL DEFAULT 0,
    files                TEXT NOT NULL DEFAULT '[]',
    obs_output_path      TEXT,
    obs_record_directory TEXT,
    note                 TEXT,
    metadata             TEXT NOT NULL DEFAULT '{}',
    legacy_upload        TEXT,
    created_at           TEXT NOT NULL,
    updated_at           TEXT NOT NULL,
    pauses               TEXT NOT NULL DEFAULT '[]',
    markers              TEXT NOT NULL DEFAULT '[]',
    thumbnail            TEXT,
    rigs                 TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX sessions_by_start ON sessions (start_time DESC);
CREATE TABLE upload_jobs (
    id                  BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    session_name        TEXT COLLATE "C" NOT NULL REFERENCES sessions (name),
    file_folder         TEXT NOT NULL,
    file_name           TEXT NOT NULL,
    state               TEXT NOT NULL,
    manual              INTEGER NOT NULL DEFAULT 0,
    subtitle_model      TEXT NOT NULL,
    priority            INTEGER NOT NULL,
    attempts            INTEGER NOT NULL DEFAULT 0,
    bytes_sent          BIGINT NOT NULL DEFAULT 0,
    total_bytes         BIGINT NOT NULL DEFAULT 0,
    sha256              TEXT,
    last_error          TEXT,
    next_attempt_at     DOUBLE PRECISION,
    task_id             TEXT,
    processing_status   TEXT,
    processing_progress DOUBLE PRECISION,
    processing_message  TEXT,
    next_poll_at        DOUBLE PRECISION,
    poll_interval_s     DOUBLE PRECISION,
    created_at          TEXT NOT NULL,
    updated_at          TEXT NOT NULL,
    finished_at         TEXT,
    upload_started_at   TEXT,
    uploaded_at         TEXT,
    processed_at        TEXT,
    results_state       TEXT,
    results             TEXT NOT NULL DEFAULT '[]',
    results_attempts    INTEGER NOT NULL DEFAULT 0,
    results_next_at     DOUBLE PRECISION,
    results_error       TEXT,
    rig                 TEXT NOT NULL DEFAULT 'default',
    claimed_by          TEXT,
    claim_token         TEXT,
    lease_expires_at    DOUBLE PRECISION
);
CREATE INDEX upload_jobs_by_state ON upload_jobs (state, priority DESC, id);
CREATE INDEX upload_jobs_by_session ON upload_jobs (session_name, id DESC);
CREATE UNIQUE INDEX one_live_job_per_file ON upload_jobs (session_name, file_folder, file_name)
 WHERE state IN ('queued', 'uploading', 'retrying');
CREATE INDEX upload_jobs_results_due ON upload_jobs (results_state, results_next_at);
CREATE INDEX upload_jobs_leased ON upload_jobs (lease_expires_at) WHERE lease_expires_at IS NOT NULL;
"""

POSTGRES_MIGRATIONS: list[tuple[int, str]] = [(5, _POSTGRES_BASELINE)]

# pg_advisory_xact_lock's key: any constant that other applications sharing the database do not use.
MIGRATION_LOCK = 0x5354_5245_414D_4149  # "STREAMAI"


def statements(script: str) -> list[str]:
    """A script's statements, one by one (sqlite3's own tokenizer says where each one ends)."""
    found, current = [], ""
    for piece in script.split(";"):
        current += piece + ";"
        if sqlite3.complete_statement(current):
            if current.strip(" \n\t;"):
                found.append(current.strip())
            current = ""
    if current.strip(" \n\t;"):
        found.append(current.strip())
    return found


def migrate_sqlite(conn: sqlite3.Connection, where: str) -> None:
    """Each step in its own write transaction, the version read again under the write lock."""
    while True:
        conn.execute("BEGIN IMMEDIATE")
        try:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if version >= len(MIGRATIONS):
                conn.execute("COMMIT")
                return
            for statement in statements(MIGRATIONS[version]):
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {version + 1}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        log.info("database %s migrated to version %d", where, version + 1)


def migrate_postgres(conn: Connection, where: str) -> None:
    """Every pending step in the caller's transaction, under an advisory lock held until it ends."""
    conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK})
    conn.execute(
        text(
            "CREATE TABLE IF NOT EXISTS schema_version"
            " (id INTEGER PRIMARY KEY CHECK (id = 1), version INTEGER NOT NULL)"
        )
    )
    conn.execute(text("INSERT INTO schema_version (id, version) VALUES (1, 0) ON CONFLICT (id) DO NOTHING"))
    version = conn.execute(text("SELECT version FROM schema_version")).scalar_one()
    for number, script in POSTGRES_MIGRATIONS:
        if number <= version:
            continue
        for statement in statements(script):
            conn.exec_driver_sql(statement)
        conn.execute(text("UPDATE schema_version SET version = :v"), {"v": number})
        version = number
        log.info("database %s migrated to version %d", where, number)
