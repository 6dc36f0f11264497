"""Where the SQLite database lives: `RECORDINGS_PATH/.streamai/`, a folder no session can be named
after, so nothing a user creates can collide with the database's own files (`-wal`, `-shm`,
`-journal`)."""

from __future__ import annotations

import logging
import os
import sqlite3
from pathlib import Path

log = logging.getLogger(__name__)

DATABASE_FOLDER = ".streamai"
DATABASE_NAME = "streamai.sqlite3"


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
