"""Sessions in the database: the source of truth the API lists from."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any

from ..contract.events import now_iso
from ..contract.vocabulary import SessionStatus
from ..db import Database, Row

RECORDING, STOPPED, INTERRUPTED, FAILED = (
    SessionStatus.RECORDING,
    SessionStatus.STOPPED,
    SessionStatus.INTERRUPTED,
    SessionStatus.FAILED,
)
_JSON_COLUMNS = ("files", "metadata", "legacy_upload", "pauses", "markers", "rigs")


@dataclass
class SessionFile:
    """A recording file of a session: `name` inside the session folder (or its `folder` below it)."""

    name: str
    size_bytes: int
    duration_s: float | None = None
    folder: str = ""
    start_ms: int = 0  # where it begins in the recording's time, when OBS split the recording

    @property
    def parts(self) -> tuple[str, ...]:
        return (self.folder, self.name) if self.folder else (self.name,)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> SessionFile:
        """From a stored row; anything but the names and figures (an old absolute path) is ignored."""
        duration = data.get("duration_s")
        start = data.get("start_ms")
        return cls(
            name=str(data["name"]),
            size_bytes=int(data.get("size_bytes") or 0),
            duration_s=float(duration) if isinstance(duration, (int, float)) else None,
            folder=str(data.get("folder") or ""),
            start_ms=start if isinstance(start, int) else 0,
        )


@dataclass
class Session:
    name: str
    title: str
    folder: str
    status: str
    started_by: str
    start_time: str
    auto_upload: bool = False
    subtitle_model: str = "base"
    priority: int = 1
    end_time: str | None = None
    duration_s: float | None = None
    size_bytes: int = 0
    files: list[SessionFile] = field(default_factory=list)
    obs_output_path: str | None = None
    obs_record_directory: str | None = None
    note: str | None = None
    metadata: dict[str, Any] = field(default_factory=dict)
    legacy_upload: dict[str, Any] | None = None
    pauses: list[dict[str, Any]] = field(default_factory=list)  # {start, end}: wall-clock ISO times
    markers: list[dict[str, Any]] = field(default_factory=list)  # {timecode_ms, label, at}
    thumbnail: str | None = None  # its file name in the session folder
    # Each rig's part, when rigs are configured: {rig: {label, start_time, end_time, status, note}}.
    rigs: dict[str, dict[str, Any]] = field(default_factory=dict)

    @classmethod
    def from_row(cls, row: Row) -> Session:
        data = {k: v for k, v in row.items() if k not in ("created_at", "updated_at")}
        for key in _JSON_COLUMNS:
            data[key] = json.loads(data[key]) if data[key] else None
        data["files"] = [SessionFile.from_dict(f) for f in data["files"] or []]
        data["metadata"] = data["metadata"] or {}
        data["pauses"] = data["pauses"] or []
        data["markers"] = data["markers"] or []
        data["rigs"] = data["rigs"] or {}
        data["auto_upload"] = bool(data["auto_upload"])
        return cls(**data)

    @property
    def main_file(self) -> SessionFile | None:
        """The file a manual upload sends: the largest one."""
        return max(self.files, key=lambda f: f.size_bytes, default=None)

    def paused_seconds(self, now: datetime | None = None) -> float:
        """Time spent paused so far (an open pause counts until `now`)."""
        total = 0.0
        for span in self.pauses:
            end = datetime.fromisoformat(span["end"]) if span.get("end") else (now or datetime.now().astimezone())
            total += max(0.0, (end - datetime.fromisoformat(span["start"])).total_seconds())
        return total

    def markers_in(self, entry: SessionFile) -> list[dict[str, Any]]:
        """The markers inside one file of the session, with timecodes from that file's start.

        A marker counts in the time of the rig it was taken on; for another rig's file it is moved
        by the difference between the two rigs' start times (their skew)."""
        same_rig = [f for f in self.files if f.folder == entry.folder]
        end = entry.start_ms + (entry.duration_s * 1000 if entry.duration_s is not None else float("inf"))
        last = bool(same_rig) and same_rig[-1].parts == entry.parts
        chosen = []
        for marker in self.markers:
            at = marker["timecode_ms"] + self._skew_ms(marker.get("rig"), entry.folder)
            if entry.start_ms <= at < end or (last and at >= end):
                chosen.append({**marker, "timecode_ms": max(0, at - entry.start_ms)})
        return sorted(chosen, key=lambda m: m["timecode_ms"])

    def _skew_ms(self, from_rig: str | None, to_folder: str) -> int:
        """How much later `to_folder`'s rig started than `from_rig` (negative when earlier)."""
        to_rig = to_folder or next(iter(self.rigs), None)
        if not from_rig or not to_rig or from_rig == to_rig:
            return 0
        try:
            start_from = datetime.fromisoformat(self.rigs[from_rig]["start_time"])
            start_to = datetime.fromisoformat(self.rigs[to_rig]["start_time"])
        except (KeyError, TypeError, ValueError):
            return 0
        return round((start_from - start_to).total_seconds() * 1000)

    def add_note(self, text: str) -> None:
        self.note = f"{self.note} {text}" if self.note else text

    def recount(self) -> None:
        """Size: every file. Duration: a rig's split files follow one another, but the rigs of a
        record-all session record the same moments, so it is the longest rig's, not their sum."""
        self.size_bytes = sum(f.size_bytes for f in self.files)
        per_rig: dict[str, float] = {}
        for f in self.files:
            if f.duration_s is not None:
                per_rig[f.folder] = per_rig.get(f.folder, 0.0) + f.duration_s
        self.duration_s = max(per_rig.values()) if per_rig else None


def _columns(session: Session) -> dict[str, Any]:
    row = asdict(session)
    for key in _JSON_COLUMNS:
        row[key] = None if row[key] is None else json.dumps(row[key], ensure_ascii=False, allow_nan=False)
    row["auto_upload"] = int(row["auto_upload"])
    row["status"] = str(row["status"])
    return row


class SessionStore:
    """Sessions in the database (SQLite or PostgreSQL: the same SQL)."""

    def __init__(self, db: Database):
        self.db = db

    def insert(self, session: Session) -> None:
        row = _columns(session)
        row["created_at"] = row["updated_at"] = now_iso()
        names = ", ".join(row)
        marks = ", ".join(f":{k}" for k in row)
        with self.db.transaction() as conn:
            conn.execute(f"INSERT INTO sessions ({names}) VALUES ({marks})", row)

    def save(self, session: Session) -> None:
        row = _columns(session)
        row["updated_at"] = now_iso()
        sets = ", ".join(f"{k} = :{k}" for k in row if k != "name")
        with self.db.transaction() as conn:
            conn.execute(f"UPDATE sessions SET {sets} WHERE name = :name", row)

    def delete(self, name: str) -> None:
        with self.db.transaction() as conn:
            conn.execute("DELETE FROM sessions WHERE name = :name", {"name": name})

    def get(self, name: str) -> Session | None:
        with self.db.reading() as conn:
            row = conn.one("SELECT * FROM sessions WHERE name = :name", {"name": name})
        return Session.from_row(row) if row else None

    def all_names(self) -> set[str]:
        with self.db.reading() as conn:
            return set(conn.execute("SELECT name FROM sessions").scalars())

    def recent(self, limit: int, offset: int = 0) -> list[Session]:
        with self.db.reading() as conn:
            rows = conn.all(
                "SELECT * FROM sessions ORDER BY start_time DESC, name DESC LIMIT :limit OFFSET :offset",
                {"limit": limit, "offset": offset},
            )
        return [Session.from_row(r) for r in rows]

    def with_status(self, status: str) -> list[Session]:
        with self.db.reading() as conn:
            rows = conn.all("SELECT * FROM sessions WHERE status = :status", {"status": str(status)})
        return [Session.from_row(r) for r in rows]

    def count(self) -> int:
        with self.db.reading() as conn:
            return conn.scalar("SELECT count(*) FROM sessions")
