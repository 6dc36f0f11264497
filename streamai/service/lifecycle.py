"""RecordingLifecycle: one OBS connection's recording, as a state machine.

    idle -> starting -> recording <-> paused -> stopping -> idle
                         (OBS lost) -> interrupted -> idle
            a session that could not be closed -> stop_failed -> (stop again) -> stopping

The moves allowed are in `MOVES`, and every change goes through `_move`. OBS's own events drive
it as much as our requests do, so a recording started or stopped in the OBS window is handled
exactly like one driven through the API. One lifecycle per OBS connection (per rig): several run
side by side, and several may record one session (record-all), each its own part of it. It knows
nothing of payloads: what happens is told to a `RecorderListener`.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Protocol

from ..contract.events import now_iso
from ..contract.vocabulary import RecorderState
from ..exceptions import Conflict, ObsRequestFailed, ObsUnavailable, StorageUnavailable
from ..obs import ConnectionState, ObsController
from ..sessions import FAILED, INTERRUPTED, RECORDING, STOPPED, RecordingManager, Session, SessionFile

log = logging.getLogger(__name__)

IDLE, STARTING, RECORDING_, PAUSED, STOPPING, LOST, STOP_FAILED = (
    RecorderState.IDLE,
    RecorderState.STARTING,
    RecorderState.RECORDING,
    RecorderState.PAUSED,
    RecorderState.STOPPING,
    RecorderState.INTERRUPTED,
    RecorderState.STOP_FAILED,
)

MOVES: dict[RecorderState, set[RecorderState]] = {
    IDLE: {STARTING, RECORDING_},
    STARTING: {RECORDING_, IDLE, LOST},
    RECORDING_: {PAUSED, STOPPING, LOST},
    PAUSED: {RECORDING_, STOPPING, LOST},
    STOPPING: {IDLE, STOP_FAILED, RECORDING_, PAUSED},  # back when OBS refuses the stop
    LOST: {IDLE, STOP_FAILED},
    STOP_FAILED: {STOPPING},
}
OUTPUT_STARTED = "OBS_WEBSOCKET_OUTPUT_STARTED"
OUTPUT_STOPPED = "OBS_WEBSOCKET_OUTPUT_STOPPED"
OUTPUT_PAUSED = "OBS_WEBSOCKET_OUTPUT_PAUSED"
OUTPUT_RESUMED = "OBS_WEBSOCKET_OUTPUT_RESUMED"
OBS_NOT_RECORDING = 501  # obs-websocket's OutputNotRunning
OBS_ALREADY_RECORDING = 500  # obs-websocket's OutputRunning
OBS_PAUSED, OBS_NOT_PAUSED = 502, 503  # OutputPaused, OutputNotPaused
START_TIMEOUT_S = 10.0
ACTIVE_PARTS = ("starting", "recording")  # a rig's part of a session that is not over


@dataclass(frozen=True)
class StartOptions:
    session_name: str | None = None
    auto_upload: bool | None = None
    subtitle_model: str | None = None
    priority: int | None = None
    metadata: dict[str, Any] | None = None


@dataclass(frozen=True)
class Defaults:
    auto_upload: bool
    subtitle_model: str
    priority: int


class OpenSessions:
    """The sessions some rig is recording, one object and one lock each: the rigs of a record-all
    session change the same Session under the same lock, so no rig's save undoes another's."""

    def __init__(self, manager: RecordingManager):
        self.manager = manager
        self._lock = threading.Lock()
        self._open: dict[str, tuple[Session, threading.RLock]] = {}

    def hold(self, session: Session) -> tuple[Session, threading.RLock]:
        with self._lock:
            return self._open.setdefault(session.name, (session, threading.RLock()))

    def load(self, name: str) -> tuple[Session, threading.RLock] | None:
        with self._lock:
            if name in self._open:
                return self._open[name]
        session = self.manager.store.get(name)
        return self.hold(session) if session else None

    def release(self, name: str) -> None:
        with self._lock:
            self._open.pop(name, None)


@dataclass
class Take:
    """This rig's recording under way: its session (maybe shared with other rigs), where OBS writes
    it, and who ends it."""

    session: Session
    lock: threading.RLock  # the session's lock, shared by every rig recording it
    owns_session: bool = True  # created for this take (discarded if OBS never starts)
    output_path: str | None = None
    stopped_by: str = "obs"
    file_handled: bool = False  # OBS's file is in the session folder (or its absence noted)
    final_status: str = STOPPED
    stop_error: str | None = None
    file_start_ms: int = 0  # where the file OBS now writes begins, in the recording's time
    split: bool = False  # OBS said it split the file (RecordFileChanged): its stop names the first file
    to_announce: list[SessionFile] = field(default_factory=list)  # brought in, not yet passed on
    started: threading.Event = field(default_factory=threading.Event)
    finished: threading.Event = field(default_factory=threading.Event)


@dataclass(frozen=True)
class Snapshot:
    """What a status answer needs, read under the lock in one go."""

    rig: str
    state: RecorderState
    session: Session | None
    stop_error: str | None
    obs_connected: bool


class RecorderListener(Protocol):
    def recording_started(self, rig: str, session: Session, message: str) -> None: ...

    def recording_closed(self, rig: str, session: Session, stopped_by: str, last: bool) -> Any: ...

    def recorder_failed(self, rig: str, session: Session, error: str) -> None: ...

    def recording_paused(self, rig: str, session: Session) -> None: ...

    def recording_resumed(self, rig: str, session: Session) -> None: ...

    def marker_added(self, rig: str, session: Session, marker: dict[str, Any]) -> None: ...

    def file_finished(self, rig: str, session: Session, entry: SessionFile) -> None: ...


class RecordingLifecycle:
    """`rig` names this OBS; its files land in the session folder's `folder` (empty: the session
    folder itself, as with one OBS); `locate` turns a path OBS reports into one readable here (or
    None when this machine cannot reach it)."""

    def __init__(
        self,
        obs: ObsController,
        manager: RecordingManager,
        listener: RecorderListener,
        defaults: Defaults,
        *,
        sessions: OpenSessions | None = None,
        rig: str = "default",
        label: str = "OBS",
        folder: str = "",
        locate: Callable[[str | None], str | None] | None = None,
        stop_timeout_s: float = 600.0,
    ):
        self.obs = obs
        self.manager = manager
        self.listener = listener
        self.defaults = defaults
        self.sessions = sessions or OpenSessions(manager)
        self.rig, self.label, self.folder = rig, label, folder
        self.locate = locate or (lambda path: path if obs.is_local else None)
        self.stop_timeout_s = stop_timeout_s
        self._lock = threading.RLock()
        self._changed = threading.Condition(self._lock)  # notified at every move
        self._state = IDLE
        self._take: Take | None = None

    @property
    def state(self) -> RecorderState:
        return self._state

    @property
    def session_name(self) -> str | None:
        take = self._take
        return take.session.name if take else None

    def snapshot(self) -> Snapshot:
        with self._lock:
            take = self._take
            return Snapshot(
                self.rig,
                self._state,
                take.session if take else None,
                take.stop_error if take else None,
                self.obs.state.connected,
            )

    def is_recording(self, session_name: str) -> bool:
        return self.session_name == session_name

    def _move(self, new: RecorderState) -> None:
        if new not in MOVES[self._state]:
            raise AssertionError(f"rig {self.rig}: recorder cannot go from {self._state} to {new}")
        log.debug("rig %s: %s -> %s", self.rig, self._state, new)
        self._state = new
        self._changed.notify_all()

    def _part(self, take: Take) -> dict[str, Any]:
        """This rig's part of the session (call with the session's lock held)."""
        return take.session.rigs.setdefault(self.rig, {"label": self.label})

    def _save(self, take: Take, change: Callable[[Session], None] = lambda session: None) -> None:
        with take.lock:
            change(take.session)
            self.manager.store.save(take.session)

    # -- start -----------------------------------------------------------------------------

    def start(self, options: StartOptions, started_by: str, *, session: Session | None = None) -> Session:
        """Start OBS and answer once it really records (never before: a stop in between is lost).
        With `session`, this rig joins a session already made (record-all)."""
        with self._lock:
            self._refuse_start()
            if self.obs.record_status().get("outputActive"):
                raise Conflict(f"OBS ({self.rig}) is already recording", rig=self.rig)
            try:
                directory = self.obs.record_directory()
            except ObsRequestFailed:
                directory = None
            owned = session is None
            if session is None:
                session = self.create_session(options, started_by, record_directory=directory)
            shared, lock = self.sessions.hold(session)
            take = Take(shared, lock, owns_session=owned)
            self._save(take, lambda s: self._part(take).update(status="starting", record_directory=directory))
            self._take = take
            self._move(STARTING)
            try:
                self.obs.start_record()
            except Exception as exc:
                self._abandon(take)
                if isinstance(exc, ObsRequestFailed) and exc.code == OBS_ALREADY_RECORDING:
                    raise Conflict(f"OBS ({self.rig}) is already recording", rig=self.rig) from exc
                raise
        # StartRecord answers before the output runs; a stop sent in between would be refused by
        # OBS and the recording would start anyway. Answer once OBS says STARTED.
        if not take.started.wait(START_TIMEOUT_S) or take.finished.is_set():
            if not take.finished.is_set():
                self._abandon(take)
            raise ObsRequestFailed(
                f"OBS ({self.rig}) accepted the start but did not begin recording; check its output settings"
            )
        log.info("rig %s recording: %s (by %s)", self.rig, take.session.name, started_by)
        self.listener.recording_started(self.rig, take.session, f"Recording {take.session.name} started")
        return take.session

    def _refuse_start(self) -> None:
        take = self._take
        if self._state == STOP_FAILED and take:
            raise Conflict(
                f"session {take.session.name} could not be closed ({take.stop_error}); "
                "stop it again (POST /api/integrated/recording/stop) before starting another",
                session_name=take.session.name,
                rig=self.rig,
            )
        if self._state != IDLE and take:
            raise Conflict(
                f"already recording session {take.session.name}" + (f" on {self.rig}" if self.folder else ""),
                session_name=take.session.name,
                rig=self.rig,
            )

    def create_session(
        self,
        options: StartOptions,
        started_by: str,
        *,
        output_path: str | None = None,
        record_directory: str | None = None,
    ) -> Session:
        d = self.defaults
        return self.manager.create(
            options.session_name,
            started_by=started_by,
            auto_upload=d.auto_upload if options.auto_upload is None else options.auto_upload,
            subtitle_model=options.subtitle_model or d.subtitle_model,
            priority=d.priority if options.priority is None else options.priority,
            metadata=options.metadata or {},
            obs_output_path=output_path,
            obs_record_directory=record_directory,
        )

    def _abandon(self, take: Take) -> None:
        """OBS never started: forget this rig's part, and the session if it was made for it alone."""
        with self._lock:
            if self._take is take:
                self._take = None
                self._move(IDLE)
        with take.lock:
            take.session.rigs.pop(self.rig, None)
            alone = not take.session.rigs
        if take.owns_session and alone:
            self.sessions.release(take.session.name)
            self.manager.discard(take.session)
        else:
            self._save(take)

    # -- stop ------------------------------------------------------------------------------

    def stop(self, stopped_by: str, *, leave_file_in_place: bool = False) -> Any:
        """Stop, wait until OBS has finished writing the file, close this rig's part (and the
        session when it was the last); the listener's result.

        After a failed close (`stop_failed`), a stop tries the closing again; with
        `leave_file_in_place` it closes the session even if the file cannot be moved in.
        """
        with self._lock:
            take = self._take
            if take is None:
                raise Conflict("nothing is recording", rig=self.rig)
            retry = self._state == STOP_FAILED
            if self._state == STARTING:
                raise Conflict(
                    f"session {take.session.name} is still starting; stop it in a moment",
                    session_name=take.session.name,
                    rig=self.rig,
                )
            if self._state in (STOPPING, LOST):
                raise Conflict(
                    f"session {take.session.name} is already stopping", session_name=take.session.name, rig=self.rig
                )
            before = self._state
            if not retry:
                take.stopped_by = stopped_by
            self._move(STOPPING)
        if retry:  # OBS has already stopped: only the closing is left to do
            log.info("closing session %s again", take.session.name)
            return self._close(take, take.final_status, leave_file_in_place)
        try:
            reported = self.obs.stop_record()
            if not take.split:
                take.output_path = reported or take.output_path
        except ObsRequestFailed as exc:
            if exc.code != OBS_NOT_RECORDING:
                with self._lock:
                    self._move(before)  # OBS refused: nothing changed, the recording goes on
                raise
            log.warning("OBS (%s) was not recording any more; closing session %s", self.rig, take.session.name)
            take.finished.set()
        except ObsUnavailable:
            take.finished.set()
        # StopRecord answers before the file is written; RecordStateChanged(STOPPED) means it is.
        confirmed = take.finished.wait(self.stop_timeout_s)
        if not confirmed:
            log.error(
                "OBS (%s) did not confirm the end of %s in %.0fs", self.rig, take.session.name, self.stop_timeout_s
            )
        # Unconfirmed, the file may still be growing: INTERRUPTED moves it by link, never by copy.
        return self._close(take, STOPPED if confirmed and self.obs.state.connected else INTERRUPTED)

    def _close(self, take: Take, status: str, leave_file_in_place: bool = False) -> Any:
        """Bring the file in and close this rig's part; on failure, stay where stop can be retried."""
        session = take.session
        try:
            with take.lock:
                if not take.file_handled:
                    entry = self._bring_in(take, take.output_path, status, leave_file_in_place, take.file_start_ms)
                    take.file_handled = True
                    take.to_announce = [entry, *self._unannounced_splits(take, entry)] if entry else []
                self._part(take).update(end_time=now_iso(), status=str(status))
                # Saved before anyone hears of the files: an upload reads the session from the database.
                self.manager.store.save(session)
                while take.to_announce:
                    self.listener.file_finished(self.rig, session, take.to_announce.pop(0))
                last = all(part.get("status") not in ACTIVE_PARTS for part in session.rigs.values())
                if last:
                    _end_pause(session)
                    self.manager.close(session, _overall(session))
                else:
                    self.manager.write_metadata(session)
        except Exception as exc:
            reason = getattr(exc, "strerror", None) or str(exc)
            with self._lock:
                take.final_status, take.stop_error = status, reason
                if self._take is take:
                    self._move(STOP_FAILED)
            take.finished.set()
            take.started.set()
            where = (
                str(self.manager.file_path(session, session.files[-1]))
                if take.file_handled and session.files
                else take.output_path or "where OBS wrote it"
            )
            log.error("could not close session %s: %s (the recording is safe at %s)", session.name, reason, where)
            self.listener.recorder_failed(self.rig, session, reason)
            raise StorageUnavailable(
                f"session {session.name} could not be closed: {reason}. The recording is safe at {where}; "
                "fix the cause and stop again (POST /api/integrated/recording/stop), or stop with "
                '{"leaveFileInPlace": true} to close the session without moving the file',
                session_name=session.name,
                rig=self.rig,
            ) from exc
        if last:
            self.sessions.release(session.name)
        with self._lock:
            if self._take is take:
                self._take = None
                self._move(IDLE)
        take.finished.set()
        take.started.set()  # a start still waiting learns that it is over
        log.info("rig %s: recording %s: %s (%d file(s))", self.rig, status, session.name, len(session.files))
        return self.listener.recording_closed(self.rig, session, take.stopped_by, last)

    def _bring_in(self, take: Take, reported: str | None, status: str, leave_in_place: bool, start_ms: int):
        """OBS's file into this rig's folder of the session, found where this machine reads it."""
        located = self.locate(reported)
        with take.lock:
            self._part(take)["obs_output_path"] = reported
            if reported and located is None:  # a remote OBS whose folder this machine cannot read
                take.session.obs_output_path = reported
                take.session.add_note(
                    f"OBS ({self.label}) saved the recording as {reported}, which is not on this machine "
                    "(is OBS running on another computer? a rig's path_map can say where its folder is "
                    "reachable). It cannot be moved or uploaded from here."
                )
                return None
            return self.manager.bring_in(
                take.session,
                located,
                status=status,
                obs_is_local=True,
                leave_in_place=leave_in_place,
                start_ms=start_ms,
                folder=self.folder,
            )

    # -- OBS events ------------------------------------------------------------------------

    def on_record_state(self, output_state: str | None, output_path: str | None) -> None:
        if output_state == OUTPUT_STARTED:
            self._on_obs_started(output_path)
        elif output_state == OUTPUT_STOPPED:
            self._on_obs_stopped(output_path)
        elif output_state == OUTPUT_PAUSED:
            self._on_obs_paused()
        elif output_state == OUTPUT_RESUMED:
            self._on_obs_resumed()

    def _primary(self, take: Take) -> bool:
        """The rig whose pauses the session's timeline shows (the first rig of the session)."""
        return next(iter(take.session.rigs), self.rig) == self.rig

    def _on_obs_paused(self) -> None:
        with self._lock:
            take = self._take
            if take is None or self._state != RECORDING_:
                return
            self._move(PAUSED)
            if self._primary(take):
                self._save(take, lambda s: s.pauses.append({"start": now_iso(), "end": None}))
        log.info("rig %s: recording %s paused", self.rig, take.session.name)
        self.listener.recording_paused(self.rig, take.session)

    def _on_obs_resumed(self) -> None:
        with self._lock:
            take = self._take
            if take is None or self._state != PAUSED:
                return
            self._move(RECORDING_)
            if self._primary(take):
                self._save(take, _end_pause)
        log.info("rig %s: recording %s resumed", self.rig, take.session.name)
        self.listener.recording_resumed(self.rig, take.session)

    def on_file_changed(self, new_path: str | None) -> None:
        """OBS split the recording (obs-websocket 5.5+): the file it left is final, so it is brought
        in, registered and passed on (upload, thumbnail) now, not at the end of the session."""
        if not new_path:
            return
        try:
            start_ms = int(self.obs.record_status().get("outputDuration") or 0)
        except (ObsUnavailable, ObsRequestFailed):
            start_ms = 0
        with self._lock:
            take = self._take
            if take is None or self._state not in (RECORDING_, PAUSED):
                return
            finished, take.output_path, take.split = take.output_path, new_path, True
            begun, take.file_start_ms = take.file_start_ms, start_ms
        if finished and finished != new_path:
            self._in_background(self._register_split, take, finished, begun)

    def _unannounced_splits(self, take: Take, first: SessionFile) -> list[SessionFile]:
        """The files OBS's automatic splitting wrote without telling (obs-websocket < 5.5 has no
        RecordFileChanged, and its stop names only the first file): the files OBS wrote beside it
        during this session, in name order (OBS names them by time)."""
        located = self.locate(take.output_path)
        if take.split or self.obs.supports("SplitRecordFile") or not located:
            return []
        found = []
        start_ms = first.start_ms + round((first.duration_s or 0) * 1000)
        for path in split_continuations(Path(located), since=take.session.start_time):
            entry = self.manager.bring_in(
                take.session, str(path), obs_is_local=True, start_ms=start_ms, folder=self.folder
            )
            if entry is not None:
                found.append(entry)
                start_ms += round((entry.duration_s or 0) * 1000)
        if found:
            log.info("session %s: OBS split the recording into %d files", take.session.name, len(found) + 1)
        return found

    def _register_split(self, take: Take, path: str, start_ms: int) -> None:
        try:
            with take.lock:
                entry = self._bring_in(take, path, STOPPED, False, start_ms)
                self.manager.store.save(take.session)
        except Exception as exc:
            log.error(
                "could not bring in %s of session %s: %s (it stays where OBS wrote it)", path, take.session.name, exc
            )
            return
        if entry is not None:
            log.info("session %s: %s is final (OBS split the recording)", take.session.name, entry.name)
            self.listener.file_finished(self.rig, take.session, entry)

    # -- pause, resume, markers ------------------------------------------------------------

    def _recording_take(self) -> Take:
        take = self._take
        if take is None or self._state not in (RECORDING_, PAUSED):
            if take is not None and self._state == STARTING:
                raise Conflict(f"session {take.session.name} is still starting", session_name=take.session.name)
            raise Conflict("nothing is recording", rig=self.rig)
        return take

    def pause(self) -> Session:
        """Pause, and answer once OBS says it has paused."""
        return self._toggle(pause=True)

    def resume(self) -> Session:
        return self._toggle(pause=False)

    def _toggle(self, *, pause: bool) -> Session:
        with self._lock:
            take = self._recording_take()
            if pause and self._state == PAUSED:
                raise Conflict(f"session {take.session.name} is already paused", session_name=take.session.name)
            if not pause and self._state != PAUSED:
                raise Conflict(f"session {take.session.name} is not paused", session_name=take.session.name)
        try:
            (self.obs.pause_record if pause else self.obs.resume_record)()
        except ObsRequestFailed as exc:
            if exc.code in (OBS_PAUSED, OBS_NOT_PAUSED, OBS_NOT_RECORDING):
                raise Conflict(
                    {OBS_PAUSED: "the recording is already paused", OBS_NOT_PAUSED: "the recording is not paused"}.get(
                        exc.code or 0, "nothing is recording"
                    )
                ) from exc
            raise
        wanted = PAUSED if pause else RECORDING_
        with self._changed:
            if not self._changed.wait_for(lambda: self._state != (RECORDING_ if pause else PAUSED), START_TIMEOUT_S):
                raise ObsRequestFailed(f"OBS accepted the {'pause' if pause else 'resume'} but did not report it")
        if self._state != wanted:
            raise Conflict(f"session {take.session.name} is {self._state} now", session_name=take.session.name)
        return take.session

    def add_marker(self, label: str | None) -> tuple[Session, dict[str, Any], bool]:
        """A marker at this rig's current timecode; also an OBS chapter where OBS can write one."""
        with self._lock:
            take = self._recording_take()
        timecode = int(self.obs.record_status().get("outputDuration") or 0)
        marker = {"timecode_ms": timecode, "label": label, "at": now_iso(), "rig": self.rig}
        with self._lock:
            if self._take is not take:
                raise Conflict("nothing is recording", rig=self.rig)
            self._save(take, lambda s: _insert_marker(s, marker))
        chapter = False
        if self.obs.supports("CreateRecordChapter"):
            try:
                self.obs.request("CreateRecordChapter", {"chapterName": label or f"Marker {len(take.session.markers)}"})
                chapter = True
            except ObsRequestFailed as exc:  # the output format has no chapters (they need Hybrid MP4)
                log.info("no chapter for this marker: %s", exc.message)
        self.listener.marker_added(self.rig, take.session, marker)
        return take.session, marker, chapter

    def _on_obs_started(self, path: str | None) -> None:
        with self._lock:
            take = self._take
            if self._state == STARTING and take:  # our own start: OBS now really records, and says where
                ours = take
                ours.output_path = path or ours.output_path

                def started(session: Session) -> None:
                    session.obs_output_path = session.obs_output_path or ours.output_path
                    self._part(ours).update(status="recording", start_time=now_iso(), obs_output_path=path)

                self._save(ours, started)
                self._move(RECORDING_)
                take.started.set()
                return
            if self._state != IDLE:
                return
            session, lock = self.sessions.hold(self.create_session(StartOptions(), "obs", output_path=path))
            take = Take(session, lock, output_path=path)
            self._save(take, lambda s: self._part(take).update(status="recording", start_time=now_iso()))
            self._take = take
            self._move(RECORDING_)
            take.started.set()
        log.info("recording started from OBS itself (%s): session %s", self.rig, take.session.name)
        self.listener.recording_started(self.rig, take.session, "Recording started from OBS")

    def _on_obs_stopped(self, path: str | None) -> None:
        with self._lock:
            take = self._take
            if take is None:
                return
            if not take.split:  # after a split, OBS still names the first file here
                take.output_path = path or take.output_path
            if self._state == STOPPING:  # stop() is waiting for exactly this
                take.finished.set()
                return
            if self._state not in (RECORDING_, PAUSED):
                return
            take.stopped_by = "obs"
            self._move(STOPPING)
        # Stopped from the OBS window: finish off the listener thread (moving a file takes time).
        self._in_background(self._close_quietly, take, STOPPED)

    def on_connection(self, state: ConnectionState) -> None:
        if state.connected:
            self._in_background(self.reconcile)
            return
        with self._lock:
            take = self._take
            if take is None or take.finished.is_set() or self._state == STOP_FAILED:
                return
            waiting = self._state == STOPPING
            if not waiting:
                self._move(LOST)
        log.warning("OBS (%s) went away during session %s", self.rig, take.session.name)
        if waiting:
            take.finished.set()  # wake stop(); it closes the session as interrupted
        else:
            self._in_background(self._close_quietly, take, INTERRUPTED)

    def _close_quietly(self, take: Take, status: str) -> None:
        try:
            self._close(take, status)
        except StorageUnavailable:
            pass  # said in the log and to the listener; a stop request can finish it

    def _mine(self, session: Session) -> bool:
        """A session this rig was recording (sessions of earlier versions have no parts: the
        default rig's)."""
        part = session.rigs.get(self.rig)
        return part.get("status") in ACTIVE_PARTS if part else (not session.rigs and not self.folder)

    def reconcile(self) -> None:
        """After (re)connecting, make our sessions agree with OBS.

        A session a previous run left recording on this rig resumes if OBS is still recording (the
        server died, OBS did not), and this rig's part of it is closed as interrupted otherwise; a
        recording OBS makes with no session at all becomes one.
        """
        try:
            recording = bool(self.obs.record_status().get("outputActive"))
        except (ObsUnavailable, ObsRequestFailed):
            return
        resumed = None
        with self._lock:
            current = self.session_name
            orphans = [s for s in self.manager.store.with_status(RECORDING) if s.name != current and self._mine(s)]
            orphans.sort(key=lambda s: s.start_time, reverse=True)
            if recording and self._state == IDLE and orphans:
                resumed, lock = self.sessions.hold(orphans.pop(0))
                take = Take(resumed, lock, owns_session=False)
                take.output_path = resumed.rigs.get(self.rig, {}).get("obs_output_path") or resumed.obs_output_path
                self._take = take
                self._move(RECORDING_)
                take.started.set()
        for orphan in orphans:
            log.warning("session %s was recording on %s when the service stopped; closing it", orphan.name, self.rig)
            session, lock = self.sessions.hold(orphan)
            take = Take(session, lock, owns_session=False)
            take.output_path = session.rigs.get(self.rig, {}).get("obs_output_path") or session.obs_output_path
            located = self.locate(take.output_path)
            if not (located and Path(located).is_file()):
                take.output_path = None
            try:
                self._close(take, INTERRUPTED, leave_file_in_place=True)
            except Exception:
                log.exception("could not close the orphan session %s", session.name)
        if resumed:
            log.info("OBS (%s) is still recording session %s: resumed", self.rig, resumed.name)
            self.listener.recording_started(self.rig, resumed, f"Recording {resumed.name} resumed")
        elif recording and self._state == IDLE:
            self._on_obs_started(None)

    @staticmethod
    def _in_background(target, *args) -> None:
        threading.Thread(target=target, args=args, name=target.__name__, daemon=True).start()


def _insert_marker(session: Session, marker: dict[str, Any]) -> None:
    session.markers.append(marker)
    session.markers.sort(key=lambda m: m["at"])


def _overall(session: Session) -> str:
    """The session's status once every rig's part is over."""
    if session.status == FAILED:
        return FAILED
    statuses = {part.get("status") for part in session.rigs.values()}
    return INTERRUPTED if str(INTERRUPTED) in statuses else STOPPED


def _end_pause(session: Session) -> None:
    """Close a pause still open (resumed, or stopped while paused)."""
    for span in session.pauses:
        if not span.get("end"):
            span["end"] = now_iso()


def split_continuations(first: Path, *, since: str) -> list[Path]:
    """Files OBS wrote after `first` in its folder during the session: same kind, later names."""
    try:
        started = datetime.fromisoformat(since).timestamp()
        candidates = [
            p
            for p in first.parent.iterdir()
            if p.suffix == first.suffix
            and p.name > first.name
            and not p.is_symlink()
            and p.is_file()
            and p.stat().st_mtime >= started
        ]
    except (OSError, ValueError):
        return []
    return sorted(candidates, key=lambda p: p.name)
