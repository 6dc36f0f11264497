"""The studio: every rig (OBS instance), and one session recorded over several of them at once.

Each rig has its own connection, reconnect loop and RecordingLifecycle; a record-all session is
one Session shared by the rigs' lifecycles (OpenSessions gives them one object and one lock), each
rig recording its own part into `<session>/<rig>/`. A start is all or nothing: if one rig cannot
start, the rigs that did are stopped (their files kept) and the error names the rig.
"""

from __future__ import annotations

import copy
import logging
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any, TypeVar

from ..exceptions import Conflict, InvalidInput, NotFound, ObsUnavailable, StreamAIError
from ..obs import ObsController
from ..rigs import RigConfig
from ..sessions import FAILED, RecordingManager, Session
from .disk import DiskMonitor
from .lifecycle import IDLE, PAUSED, RECORDING_, STOP_FAILED, OpenSessions, RecordingLifecycle, StartOptions

log = logging.getLogger(__name__)

T = TypeVar("T")


@dataclass
class Rig:
    config: RigConfig
    obs: ObsController
    recorder: RecordingLifecycle
    disk: DiskMonitor

    @property
    def id(self) -> str:
        return self.config.id


def at_once(rigs: list[Rig], action: Callable[[Rig], T]) -> list[tuple[Rig, T | None, StreamAIError | None]]:
    """`action` on every rig in parallel (a record-all start should not start them one by one);
    each rig's result or the error it met."""

    def run(rig: Rig) -> tuple[Rig, T | None, StreamAIError | None]:
        try:
            return rig, action(rig), None
        except StreamAIError as exc:
            return rig, None, exc

    if len(rigs) == 1:
        return [run(rigs[0])]
    with ThreadPoolExecutor(max_workers=len(rigs), thread_name_prefix="rig") as pool:
        return list(pool.map(run, rigs))


def naming(rig: Rig, exc: StreamAIError, what: str) -> StreamAIError:
    """The same error (and HTTP status), its sentence naming the rig."""
    named = copy.copy(exc)
    named.message = f"rig {rig.id} ({rig.config.label}): {exc.message}. {what}".strip()
    named.details = {**exc.details, "rig": rig.id}
    named.args = (named.message,)
    return named


class Studio:
    def __init__(self, rigs: Iterable[Rig], manager: RecordingManager, sessions: OpenSessions):
        self.rigs = {rig.id: rig for rig in rigs}
        self.default = next(iter(self.rigs.values()))
        self.manager = manager
        self.sessions = sessions

    def get(self, rig_id: str) -> Rig:
        rig = self.rigs.get(rig_id)
        if rig is None:
            raise NotFound(f"no rig {rig_id!r} (rigs: {', '.join(self.rigs)})")
        return rig

    def resolve(self, spec: list[str] | str | None) -> list[Rig]:
        """The rigs a start names: none means the default rig, "all" every rig."""
        if spec is None:
            return [self.default]
        if spec == "all":
            return list(self.rigs.values())
        unknown = [rig_id for rig_id in spec if rig_id not in self.rigs]
        if unknown:
            raise InvalidInput(f"unknown rig(s): {', '.join(unknown)} (rigs: {', '.join(self.rigs)})", field="rigs")
        if len(set(spec)) != len(spec):
            raise InvalidInput("a rig is named twice", field="rigs")
        return [self.rigs[rig_id] for rig_id in spec]

    def recording(self, session_name: str) -> list[Rig]:
        """The rigs whose lifecycle still holds this session."""
        return [rig for rig in self.rigs.values() if rig.recorder.session_name == session_name]

    def current(self) -> list[Rig]:
        """The rigs of the session the guide's routes act on: the default rig's, else the first
        session any rig records."""
        for rig in [self.default, *self.rigs.values()]:
            name = rig.recorder.session_name
            if name:
                return self.recording(name)
        return []

    def busy(self, session_name: str) -> bool:
        return bool(self.recording(session_name))

    # -- a session over several rigs ---------------------------------------------------------

    def start_all(self, rigs: list[Rig], options: StartOptions, started_by: str) -> Session:
        """One session over `rigs`, started in parallel; all of them record, or none does."""
        for rig in rigs:
            if rig.recorder.state != IDLE:
                raise Conflict(
                    f"rig {rig.id} is already recording session {rig.recorder.session_name}",
                    rig=rig.id,
                    session_name=rig.recorder.session_name,
                )
            if not rig.obs.state.connected:
                raise naming(rig, ObsUnavailable(f"OBS is not connected: {rig.obs.state.error}"), "Nothing started.")
        session = self._session_for(rigs, options, started_by)
        outcomes = at_once(rigs, lambda rig: rig.recorder.start(options, started_by, session=session))
        failed = [(rig, exc) for rig, _, exc in outcomes if exc is not None]
        if not failed:
            return session
        started = [rig for rig, _, exc in outcomes if exc is None]
        rig, exc = failed[0]
        shared, lock = self.sessions.hold(session)
        with lock:  # the rigs that never started have no part in it
            for other, _ in failed:
                shared.rigs.pop(other.id, None)
        log.error("record-all %s: rig %s could not start (%s)", session.name, rig.id, exc.message)
        if not started:
            self.sessions.release(session.name)
            self.manager.discard(session)
            raise naming(rig, exc, "Nothing was recorded.")
        at_once(started, lambda other: other.recorder.stop(started_by))
        self._mark_failed(session.name, [(r.id, e.message) for r, e in failed])
        raise naming(
            rig,
            exc,
            f"The rigs that had started ({', '.join(r.id for r in started)}) were stopped; "
            f"their files are kept in session {session.name}.",
        )

    def _session_for(self, rigs: list[Rig], options: StartOptions, started_by: str) -> Session:
        session = rigs[0].recorder.create_session(options, started_by)
        session.rigs = {rig.id: {"label": rig.config.label, "status": "starting"} for rig in rigs}
        self.manager.store.save(session)
        return session

    def _mark_failed(self, name: str, reasons: list[tuple[str, str]]) -> None:
        session = self.manager.store.get(name)
        if session is None:
            return
        for rig_id, reason in reasons:
            session.rigs.setdefault(rig_id, {}).update(status="failed", note=reason)
            session.add_note(f"Rig {rig_id} could not start: {reason}")
        self.manager.close(session, FAILED)

    def stop_all(self, rigs: list[Rig], stopped_by: str, leave_file_in_place: bool = False) -> list[Any]:
        """Stop every rig that still records (or could not close); each rig's result."""
        active = [rig for rig in rigs if rig.recorder.state in (RECORDING_, PAUSED, STOP_FAILED)]
        if not active:
            raise Conflict("nothing is recording")
        outcomes = at_once(active, lambda rig: rig.recorder.stop(stopped_by, leave_file_in_place=leave_file_in_place))
        errors = [naming(rig, exc, "") for rig, _, exc in outcomes if exc is not None]
        if errors and len(errors) == len(outcomes):
            raise errors[0]
        for error in errors:
            log.error("stop: %s", error.message)
        return [result for _, result, exc in outcomes if exc is None]

    def each(self, rigs: list[Rig], action: Callable[[Rig], T]) -> list[T]:
        """`action` on every rig of the session (pause, resume); the first error if all failed."""
        outcomes = at_once(rigs, action)
        done = [result for _, result, exc in outcomes if exc is None]
        if not done:
            raise outcomes[0][2] or Conflict("nothing is recording")
        return done  # type: ignore[return-value]
