from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from flask_socketio import SocketIO

from ..contract import events as e
from ..contract.models import Wire
from ..service import IntegratedRecordingService

log = logging.getLogger(__name__)


class StatusBroadcaster:
    """Sends `recording_status_update` (and, with several rigs, `rigs_update`) to the room about
    once a second, asking OBS only while someone is listening: an idle dashboard-less server sends
    OBS nothing."""

    def __init__(
        self,
        socketio: SocketIO,
        service: IntegratedRecordingService,
        emit: Callable[[str, Wire], None],
        interval_s: float,
    ):
        self.socketio = socketio
        self.service = service
        self.emit = emit
        self.interval_s = interval_s
        self._listeners: set[str] = set()
        self._lock = threading.Lock()
        self._task = None

    def listener_joined(self, sid: str) -> None:
        with self._lock:
            self._listeners.add(sid)
            if self._task is None:
                self._task = self.socketio.start_background_task(self._run)

    def run_always(self) -> None:
        """The controller of a split deployment: its listeners are other processes' clients, so
        it cannot count them and sends the status all the time."""
        self.listener_joined("<every web process>")

    def listener_left(self, sid: str) -> None:
        with self._lock:
            self._listeners.discard(sid)

    def _run(self) -> None:
        while True:
            with self._lock:
                if not self._listeners:
                    self._task = None
                    return
            try:
                status = self.service.recording_status()
                rig = getattr(status, "rig", None)  # an idle status is about no rig
                self.emit("recording_status_update", e.RecordingStatusUpdate(status=status, rig=rig))
                if self.service.multi_rig:
                    page = self.service.rigs()
                    self.emit("rigs_update", e.RigsUpdate(rigs=page.rigs, default_rig=page.default_rig))
            except Exception:
                log.exception("status broadcast failed")
            self.socketio.sleep(self.interval_s)
