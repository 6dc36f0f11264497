"""RecordingManager: named session folders, their files and `session_metadata.json`."""

from __future__ import annotations

import json
import logging
import re
import unicodedata
from datetime import datetime
from pathlib import Path
from typing import Any, Callable

from ..exceptions import InvalidInput
from . import files as fs
from .media import human_size, hms, is_video, probe_duration
from .store import INTERRUPTED, RECORDING, STOPPED, Session, SessionStore, now_iso

log = logging.getLogger(__name__)

METADATA_FILE = "session_metadata.json"
MAX_NAME_LENGTH = 80
_UNSAFE = re.compile(r"[^\w.-]+")


def default_session_name(moment: datetime | None = None) -> str:
    return (moment or datetime.now()).strftime("recording_session_%Y%m%d_%H%M%S")


def sanitize_session_name(requested: str) -> str:
    """A folder-safe name from user text; path-like names are refused rather than rewritten."""
    text = unicodedata.normalize("NFC", requested).strip()
    if not text:
        raise InvalidInput("sessionName must not be empty")
    if "/" in text or "\\" in text or "\x00" in text or text.startswith(".") or ".." in text:
        raise InvalidInput("sessionName must not contain '/', '\\', '..' or start with '.'", field="sessionName")
    name = _UNSAFE.sub("_", text).strip("_-.")[:MAX_NAME_LENGTH].rstrip("_-.")
    if not name:
        raise InvalidInput("sessionName has no letters or digits", field="sessionName")
    return name


class RecordingManager:
    """Creates and finishes sessions; every path it builds stays inside `root`."""

    def __init__(self, root: Path, store: SessionStore, probe: Callable[[Path], float | None] = probe_duration):
        self.root = Path(root).resolve()
        self.root.mkdir(parents=True, exist_ok=True)
        self.store = store
        self.probe = probe

    def folder(self, session: Session) -> Path:
        return self.root / session.folder

    # -- creating ----------------------------------------------------------------------------

    def create(
        self,
        requested_name: str | None,
        *,
        source: str,
        auto_upload: bool,
        subtitle_model: str,
        priority: int,
        metadata: dict[str, Any] | None = None,
        obs_output_path: str | None = None,
        obs_record_directory: str | None = None,
    ) -> Session:
        base = sanitize_session_name(requested_name) if requested_name else default_session_name()
        folder = self._claim_folder(base)
        session = Session(
            name=folder.name,
            title=(requested_name or folder.name).strip(),
            folder=folder.name,
            status=RECORDING,
            source=source,
            start_time=now_iso(),
            auto_upload=auto_upload,
            subtitle_model=subtitle_model,
            priority=priority,
            metadata=metadata or {},
            obs_output_path=obs_output_path,
            obs_record_directory=obs_record_directory,
        )
        self.store.insert(session)
        self.write_metadata(session)
        return session

    def _claim_folder(self, base: str) -> Path:
        """mkdir is the atomic claim: two sessions can never share a folder."""
        taken = self.store.all_names()
        for n in range(1, 10_000):
            name = base if n == 1 else f"{base}_{n}"
            folder = (self.root / name).resolve()
            if folder.parent != self.root:
                raise InvalidInput("sessionName would leave the recordings folder", field="sessionName")
            if name in taken:
                continue
            try:
                folder.mkdir()
                return folder
            except FileExistsError:
                continue
        raise InvalidInput(f"too many sessions are named {base!r}")

    # -- finishing ---------------------------------------------------------------------------

    def finish(self, session: Session, output_path: str | None, *, status: str = STOPPED) -> Session:
        """Bring OBS's file into the session folder and record what it is."""
        session.end_time = session.end_time or now_iso()
        session.status = status
        if output_path:
            session.obs_output_path = output_path
            source = Path(output_path)
            if source.is_file():
                try:
                    # OBS may still hold a file it did not close itself: link, never copy it.
                    target = fs.move_recording(source, self.folder(session), allow_copy=status != INTERRUPTED)
                except OSError as exc:
                    log.error("could not move %s into %s: %s", source, session.name, exc)
                    session.note = f"The recording stays at {source}: moving it failed ({exc})."
                    target = source
                self._add_file(session, target)
            else:
                session.note = (
                    f"OBS saved the recording as {output_path}, which is not on this machine "
                    "(is OBS running on another computer?). It cannot be moved or uploaded from here."
                )
        elif status == INTERRUPTED:
            session.note = "OBS went away during the recording and reported no file."
        if status == INTERRUPTED and not session.note:
            session.note = "OBS went away during the recording; the file holds what was written until then."
        self.store.save(session)
        self.write_metadata(session)
        return session

    def discard(self, session: Session) -> None:
        """Forget a session whose recording never started (its folder holds only our metadata)."""
        self.store.delete(session.name)
        folder = self.folder(session)
        (folder / METADATA_FILE).unlink(missing_ok=True)
        try:
            folder.rmdir()
        except OSError:
            log.warning("kept %s: it is not empty", folder)

    def _add_file(self, session: Session, path: Path) -> None:
        duration = self.probe(path)
        in_folder = path.parent == self.folder(session)
        session.files.append({
            "name": path.name,
            "path": str(path),
            "relative_path": f"{session.folder}/{path.name}" if in_folder else None,
            "size_bytes": path.stat().st_size,
            "duration_s": duration,
        })
        _recount(session)

    # -- describing --------------------------------------------------------------------------

    def describe(self, session: Session, upload: dict[str, Any] | None = None) -> dict[str, Any]:
        """The session as `/api/integrated/recordings` and `session_metadata.json` show it."""
        return {
            "name": session.name,
            "title": session.title,
            "path": str(self.folder(session)),
            "status": session.status,
            "source": session.source,
            "auto_upload": session.auto_upload,
            "subtitle_model": session.subtitle_model,
            "priority": session.priority,
            "start_time": session.start_time,
            "end_time": session.end_time,
            "duration_s": session.duration_s,
            "duration": hms(session.duration_s),
            "size_bytes": session.size_bytes,
            "size": human_size(session.size_bytes),
            "files": session.files,
            "obs_output_path": session.obs_output_path,
            "note": session.note,
            "metadata": session.metadata,
            "vultr_upload": upload or session.legacy_upload,
        }

    def write_metadata(self, session: Session, upload: dict[str, Any] | None = None) -> None:
        folder = self.folder(session)
        if not folder.is_dir():
            return
        try:
            fs.write_json_atomically(folder / METADATA_FILE, {"streamai": 1, **self.describe(session, upload)})
        except OSError as exc:  # a read-only legacy folder keeps its own file
            log.warning("could not write %s for %s: %s", METADATA_FILE, session.name, exc)

    # -- adopting folders made by earlier runs or by the original StreamAI ---------------------

    def adopt_existing_folders(self) -> list[str]:
        """Register every session folder the database does not know yet."""
        known = self.store.all_names()
        adopted = []
        for folder in sorted(self.root.iterdir()):
            if not folder.is_dir() or folder.name.startswith(".") or folder.name in known:
                continue
            try:
                self.store.insert(self._session_from_folder(folder))
                adopted.append(folder.name)
            except Exception:
                log.exception("could not adopt %s", folder)
        if adopted:
            log.info("adopted %d existing session folder(s)", len(adopted))
        return adopted

    def _session_from_folder(self, folder: Path) -> Session:
        meta = _read_json(folder / METADATA_FILE)
        if meta.get("streamai") == 1:
            return self._restore(folder, meta)
        technical = meta.get("technical") or {}
        videos = sorted((p for p in folder.iterdir() if is_video(p)), key=lambda p: p.stat().st_mtime)
        start = meta.get("start_time") or technical.get("start_time_iso")
        if not start and videos:
            start = datetime.fromtimestamp(videos[0].stat().st_mtime).isoformat()
        additional = meta.get("additional") or {}
        extra = {k: v for k, v in meta.items() if k not in ("technical", "additional")}
        session = Session(
            name=folder.name,
            title=str(meta.get("title") or folder.name),
            folder=folder.name,
            status=INTERRUPTED if meta.get("status") == RECORDING else STOPPED,
            source="import",
            start_time=_aware(start) or _aware(datetime.fromtimestamp(folder.stat().st_mtime).isoformat()),
            end_time=_aware(meta.get("end_time") or technical.get("end_time_iso")),
            metadata={"legacy_metadata": extra} if meta else {},
            legacy_upload=additional.get("vultr_upload") or meta.get("vultr_upload"),
        )
        for video in videos:
            self._add_file(session, video)
        return session

    def _restore(self, folder: Path, meta: dict[str, Any]) -> Session:
        """A folder we wrote ourselves (the database was lost): trust its metadata file."""
        known = {f.name for f in Path(folder).iterdir() if is_video(f)}
        session = Session(
            name=folder.name,
            title=meta.get("title") or folder.name,
            folder=folder.name,
            status=STOPPED if meta.get("status") == RECORDING else meta.get("status", STOPPED),
            source=meta.get("source", "import"),
            start_time=meta.get("start_time") or now_iso(),
            end_time=meta.get("end_time"),
            auto_upload=bool(meta.get("auto_upload")),
            subtitle_model=meta.get("subtitle_model", "base"),
            priority=int(meta.get("priority", 1)),
            obs_output_path=meta.get("obs_output_path"),
            note=meta.get("note"),
            metadata=meta.get("metadata") or {},
            legacy_upload=meta.get("vultr_upload"),
        )
        recorded = [f for f in meta.get("files", []) if f.get("name") in known]
        for video in sorted(folder.iterdir()):
            if is_video(video) and video.name not in {f["name"] for f in recorded}:
                self._add_file(session, video)
        session.files = recorded + session.files
        _recount(session)
        return session


def _recount(session: Session) -> None:
    session.size_bytes = sum(f.get("size_bytes") or 0 for f in session.files)
    known = [f["duration_s"] for f in session.files if f.get("duration_s") is not None]
    session.duration_s = sum(known) if known else None


def _read_json(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return data if isinstance(data, dict) else {}
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as exc:
        log.warning("ignoring unreadable %s: %s", path, exc)
        return {}


def _aware(value: str | None) -> str | None:
    """Legacy times are naive local times; ours carry an offset so they sort together."""
    if not value:
        return None
    try:
        return datetime.fromisoformat(value).astimezone().isoformat(timespec="milliseconds")
    except ValueError:
        return None
