"""RecordingManager: named session folders, their files and `session_metadata.json`.

Everything below RECORDINGS_PATH goes through `RecordingsFolder`, which never follows a link: a
session folder, a recording and a metadata file are used only when they are what they claim.
What is refused is said plainly, in the log and in the session's note.
"""

from __future__ import annotations

import logging
import math
import os
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any, BinaryIO

from ..contract.vocabulary import MAX_PRIORITY, MIN_PRIORITY, SUBTITLE_MODELS
from ..exceptions import InvalidInput
from .folders import RecordingsFolder, UnsafePath
from .media import is_video_name, probe_duration, thumbnail_jpeg
from .names import default_session_name, is_reserved_folder, sanitize_session_name
from .store import INTERRUPTED, RECORDING, STOPPED, Session, SessionFile, SessionStore, now_iso

log = logging.getLogger(__name__)

METADATA_FILE = "session_metadata.json"
THUMBNAIL = "thumbnail.jpg"
Describe = Callable[[Session], dict[str, Any]]


class RecordingManager:
    """Creates, finishes and adopts sessions; every path it touches stays inside the root."""

    def __init__(
        self, folder: RecordingsFolder, store: SessionStore, probe: Callable[[BinaryIO], float | None] = probe_duration
    ):
        self.folder = folder
        self.store = store
        self.probe = probe
        self.describe: Describe = lambda session: {}  # the service installs the presenter

    @property
    def root(self) -> Path:
        return self.folder.root

    def session_path(self, session: Session) -> Path:
        return self.folder.path(session.folder)

    def file_path(self, session: Session, entry: SessionFile) -> Path:
        return self.folder.path(session.folder, *entry.parts)

    def open_recording(self, session: Session, entry: SessionFile) -> BinaryIO:
        """The file for reading: a regular file inside its own session folder, or UnsafePath."""
        return self.folder.open_file(session.folder, *entry.parts)

    # -- creating ----------------------------------------------------------------------------

    def create(
        self,
        requested_name: str | None,
        *,
        started_by: str,
        auto_upload: bool,
        subtitle_model: str,
        priority: int,
        metadata: dict[str, Any] | None = None,
        obs_output_path: str | None = None,
        obs_record_directory: str | None = None,
    ) -> Session:
        base = sanitize_session_name(requested_name) if requested_name else default_session_name()
        name = self._claim_folder(base)
        session = Session(
            name=name,
            title=(requested_name or name).strip(),
            folder=name,
            status=RECORDING,
            started_by=started_by,
            start_time=now_iso(),
            auto_upload=auto_upload,
            subtitle_model=subtitle_model,
            priority=priority,
            metadata=metadata or {},
            obs_output_path=obs_output_path,
            obs_record_directory=obs_record_directory,
        )
        try:
            self.store.insert(session)
        except BaseException:
            self.folder.remove_folder(name)
            raise
        self.write_metadata(session)
        return session

    def _claim_folder(self, base: str) -> str:
        """mkdir is the atomic claim: two sessions can never share a folder."""
        taken = self.store.all_names()
        for n in range(1, 10_000):
            name = base if n == 1 else f"{base}_{n}"
            if name in taken:
                continue
            try:
                self.folder.make_folder(name)
                return name
            except FileExistsError:
                continue
        raise InvalidInput(f"too many sessions are named {base!r}", field="sessionName")

    def discard(self, session: Session) -> None:
        """Forget a session whose recording never started (its folder holds only our metadata)."""
        self.store.delete(session.name)
        try:
            self.folder.unlink(session.folder, METADATA_FILE)
            self.folder.remove_folder(session.folder)
        except OSError as exc:
            log.warning("kept the folder of %s: %s", session.name, exc)

    # -- finishing ---------------------------------------------------------------------------

    def bring_in(
        self,
        session: Session,
        output_path: str | None,
        *,
        status: str = STOPPED,
        obs_is_local: bool = True,
        leave_in_place: bool = False,
        start_ms: int = 0,
        folder: str = "",
    ) -> SessionFile | None:
        """Move OBS's file into the session folder (its `folder` below it, one per rig) and register
        it; the entry, or None (noted).

        When the move fails (a folder we cannot write) this raises, and the file stays where OBS
        wrote it; with `leave_in_place` the session notes that instead, so it can be closed anyway.
        """
        if output_path:
            session.obs_output_path = output_path
            return self._bring_in(
                session,
                Path(output_path),
                obs_is_local=obs_is_local,
                status=status,
                leave_in_place=leave_in_place,
                start_ms=start_ms,
                folder=folder,
            )
        if status == INTERRUPTED:
            session.add_note("OBS went away during the recording and reported no file.")
        return None

    def close(self, session: Session, status: str = STOPPED) -> Session:
        """The session is over: saved with its end and status (raises when the database cannot be written)."""
        session.end_time = session.end_time or now_iso()
        session.status = status
        if status == INTERRUPTED and not session.note:
            session.add_note("OBS went away during the recording; the file holds what was written until then.")
        self.store.save(session)
        self.write_metadata(session)
        return session

    def _bring_in(
        self,
        session: Session,
        source: Path,
        *,
        obs_is_local: bool,
        status: str,
        leave_in_place: bool,
        start_ms: int,
        folder: str,
    ) -> SessionFile | None:
        try:
            source_is_file = source.is_file() and not source.is_symlink()
        except OSError:
            source_is_file = False
        if not source_is_file:
            if obs_is_local or (source.is_absolute() and source.parent.is_dir()):
                session.add_note(
                    f"OBS reported {source} but wrote no file there: check OBS's output settings "
                    "(Settings > Output > Recording) and its free disk space."
                )
            else:
                session.add_note(
                    f"OBS saved the recording as {source}, which is not on this machine "
                    "(is OBS running on another computer?). It cannot be moved or uploaded from here."
                )
            return None
        try:
            # OBS may still hold a file it did not close itself: link, never copy it.
            parts = (session.folder, folder) if folder else (session.folder,)
            self.folder.ensure_folder(*parts)
            name = self.folder.move_in(source, *parts, allow_copy=status != INTERRUPTED)
        except OSError as exc:
            log.error("could not move %s into %s: %s", source, session.name, exc)
            if not leave_in_place:
                raise OSError(
                    exc.errno, f"moving {source} into the session folder failed ({exc.strerror or exc})"
                ) from exc
            session.add_note(
                f"The recording stays at {source}: moving it into the session folder failed "
                f"({exc.strerror or exc}). It is not uploaded from there."
            )
            return None
        return self.add_file(session, name, folder=folder, start_ms=start_ms)

    def add_file(self, session: Session, name: str, folder: str = "", start_ms: int = 0) -> SessionFile | None:
        """Register a file of the session folder, if it is a regular file; the note says why not."""
        parts = (folder, name) if folder else (name,)
        try:
            with self.folder.open_file(session.folder, *parts) as fh:
                size = os.fstat(fh.fileno()).st_size
                duration = self.probe(fh) if size else None
        except UnsafePath as exc:
            log.warning("session %s: ignored %s: %s", session.name, name, exc.strerror)
            session.add_note(
                f"Ignored {name}: {exc.strerror}; StreamAI only uses regular files inside RECORDINGS_PATH."
            )
            return None
        entry = SessionFile(name=name, size_bytes=size, duration_s=duration, folder=folder, start_ms=start_ms)
        session.files = [f for f in session.files if f.parts != entry.parts] + [entry]
        session.recount()
        return entry

    def make_thumbnail(self, session: Session, entry: SessionFile) -> bool:
        """`thumbnail.jpg` in the session folder, a frame from about 10 % into `entry` (once per session)."""
        if session.thumbnail:
            return False
        try:
            with self.open_recording(session, entry) as fh:
                image = thumbnail_jpeg(fh, entry.duration_s)
            if image is None:
                return False
            self.folder.write_bytes(session.folder, THUMBNAIL, data=image)
        except OSError as exc:
            log.warning("no thumbnail for %s: %s", session.name, exc)
            return False
        session.thumbnail = THUMBNAIL
        return True

    def open_thumbnail(self, session: Session) -> BinaryIO:
        if not session.thumbnail:
            raise FileNotFoundError(f"session {session.name} has no thumbnail")
        return self.folder.open_file(session.folder, session.thumbnail)

    # -- the metadata file ---------------------------------------------------------------------

    def write_metadata(self, session: Session) -> None:
        try:
            self.folder.write_json(session.folder, METADATA_FILE, data={"streamai": 1, **self.describe(session)})
        except (OSError, ValueError) as exc:  # a read-only legacy folder keeps its own file
            log.warning("could not write %s for %s: %s", METADATA_FILE, session.name, exc)

    # -- adopting folders made by earlier runs or by the original StreamAI ---------------------

    def adopt_existing_folders(self) -> list[str]:
        """Register every session folder the database does not know yet; links are never followed."""
        known = self.store.all_names()
        adopted = []
        for entry in self.folder.entries():
            if entry.name in known or is_reserved_folder(entry.name):
                continue
            if entry.is_link:
                log.warning(
                    "not adopted: %s is a symbolic link (links in RECORDINGS_PATH are never followed)", entry.name
                )
                continue
            if not entry.is_dir:
                continue
            try:
                sanitize_session_name(entry.name)
                self.store.insert(self._session_from_folder(entry.name))
                adopted.append(entry.name)
            except InvalidInput as exc:
                log.warning("not adopted: folder %r: %s", entry.name, exc.message)
            except Exception:
                log.exception("could not adopt %s", entry.name)
        if adopted:
            log.info("adopted %d existing session folder(s)", len(adopted))
        return adopted

    def _session_from_folder(self, name: str) -> Session:
        entries = self.folder.entries(name)
        meta = self._read_metadata(name, entries)
        session = self._restore(name, meta) if meta.get("streamai") == 1 else self._legacy(name, meta, entries)
        known = {f.get("name"): f.get("duration_s") for f in meta.get("files") or [] if isinstance(f, dict)}
        for entry in entries:
            if entry.name == THUMBNAIL and entry.is_file:
                session.thumbnail = THUMBNAIL
            if not is_video_name(entry.name):
                continue
            if not entry.is_file:
                what = "a symbolic link" if entry.is_link else "not a regular file"
                log.warning("session %s: ignored %s: it is %s", name, entry.name, what)
                session.add_note(
                    f"Ignored {entry.name}: it is {what}; StreamAI only uses regular files inside RECORDINGS_PATH."
                )
                continue
            duration = known.get(entry.name)
            if isinstance(duration, (int, float)) and math.isfinite(duration) and duration >= 0:
                session.files.append(SessionFile(entry.name, entry.size, float(duration)))
            else:
                self.add_file(session, entry.name)
        session.recount()
        return session

    def _read_metadata(self, name: str, entries) -> dict[str, Any]:
        if not any(e.name == METADATA_FILE for e in entries):
            return {}
        try:
            data = self.folder.read_json(name, METADATA_FILE)
        except (OSError, ValueError) as exc:
            log.warning("ignoring %s/%s: %s", name, METADATA_FILE, exc)
            return {}
        return data if isinstance(data, dict) else {}

    def _restore(self, name: str, meta: dict[str, Any]) -> Session:
        """A folder we wrote ourselves (the database was lost): its metadata, checked field by field."""
        status = _text(meta.get("status"))
        return Session(
            name=name,
            title=_text(meta.get("title")) or name,
            folder=name,
            status=status if status in (STOPPED, INTERRUPTED, "failed") else STOPPED,
            started_by=_choice(
                meta.get("started_by", meta.get("source")), ("dashboard", "api", "obs", "import"), "import"
            ),
            start_time=_aware(_text(meta.get("start_time"))) or now_iso(),
            end_time=_aware(_text(meta.get("end_time"))),
            auto_upload=meta.get("auto_upload") is True,
            subtitle_model=_choice(meta.get("subtitle_model"), SUBTITLE_MODELS, "base"),
            priority=_priority(meta.get("priority")),
            obs_output_path=_text(meta.get("obs_output_path")),
            note=_text(meta.get("note")),
            metadata=_mapping(meta.get("metadata")),
            legacy_upload=_mapping(meta.get("vultr_upload")) or None,
        )

    def _legacy(self, name: str, meta: dict[str, Any], entries) -> Session:
        """A folder of the original StreamAI (or one a user made by hand)."""
        technical, additional = _mapping(meta.get("technical")), _mapping(meta.get("additional"))
        videos = sorted((e for e in entries if e.is_file and is_video_name(e.name)), key=lambda e: e.mtime)
        start = _text(meta.get("start_time")) or _text(technical.get("start_time_iso"))
        if not start and videos:
            start = datetime.fromtimestamp(videos[0].mtime).isoformat()
        upload = additional.get("vultr_upload") or meta.get("vultr_upload")
        extra = {k: v for k, v in meta.items() if k not in ("technical", "additional")}
        return Session(
            name=name,
            title=_text(meta.get("title")) or name,
            folder=name,
            status=INTERRUPTED if meta.get("status") == RECORDING else STOPPED,
            started_by="import",
            start_time=_aware(start) or now_iso(),
            end_time=_aware(_text(meta.get("end_time")) or _text(technical.get("end_time_iso"))),
            metadata={"legacy_metadata": extra} if meta else {},
            legacy_upload=_mapping(upload) or None,
        )


def _mapping(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) and value else None


def _choice(value: Any, allowed, default: str) -> str:
    return value if value in allowed else default


def _priority(value: Any) -> int:
    ok = isinstance(value, int) and not isinstance(value, bool) and MIN_PRIORITY <= value <= MAX_PRIORITY
    return value if ok else 1


def _aware(value: str | None) -> str | None:
    """Legacy times are naive local times; ours carry an offset so they sort together."""
    if not value:
        return None
    try:
        return datetime.fromisoformat(value).astimezone().isoformat(timespec="milliseconds")
    except (ValueError, OverflowError, OSError):
        return None
