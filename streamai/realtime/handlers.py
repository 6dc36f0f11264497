from __future__ import annotations

from flask import current_app, request
from flask_socketio import ConnectionRefusedError, emit, join_room, leave_room

from ..api.security import role_for
from . import ROOM, socketio
from .broadcaster import StatusBroadcaster


class _NoBroadcaster:
    """`streamai web`: the controller sends the live status to every web process's room."""

    def listener_joined(self, sid: str) -> None:
        pass

    def listener_left(self, sid: str) -> None:
        pass


def _broadcaster() -> StatusBroadcaster | _NoBroadcaster:
    return current_app.extensions.get("streamai_broadcaster") or _NoBroadcaster()


@socketio.on("connect")
def on_connect(auth=None):
    """Either token (operator or viewer) may listen; without one, only when none is configured."""
    offered = auth.get("token") if isinstance(auth, dict) else None
    if role_for(current_app.config["STREAMAI_SETTINGS"], offered if isinstance(offered, str) else None) is None:
        raise ConnectionRefusedError("unauthorized: a valid token is required (auth={token: ...})")


@socketio.on("join_recording_updates")
def on_join(*_):
    join_room(ROOM)
    _broadcaster().listener_joined(request.sid)  # type: ignore[attr-defined]  # set by Flask-SocketIO
    emit("joined", {"room": ROOM})


@socketio.on("leave_recording_updates")
def on_leave(*_):
    leave_room(ROOM)
    _broadcaster().listener_left(request.sid)  # type: ignore[attr-defined]  # set by Flask-SocketIO
    emit("left", {"room": ROOM})


@socketio.on("disconnect")
def on_disconnect(*_):
    _broadcaster().listener_left(request.sid)  # type: ignore[attr-defined]  # set by Flask-SocketIO
