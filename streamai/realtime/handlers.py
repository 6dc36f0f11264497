from __future__ import annotations

from flask import current_app, request
from flask_socketio import ConnectionRefusedError, emit, join_room, leave_room

from ..api.auth import token_matches
from . import ROOM, socketio
from .broadcaster import StatusBroadcaster


def _broadcaster() -> StatusBroadcaster:
    return current_app.extensions["streamai_broadcaster"]


@socketio.on("connect")
def on_connect(auth=None):
    token = current_app.config["STREAMAI_SETTINGS"].api_token
    offered = auth.get("token") if isinstance(auth, dict) else None
    if token and not token_matches(token, offered):
        raise ConnectionRefusedError("unauthorized: a valid token is required (auth={token: ...})")


@socketio.on("join_recording_updates")
def on_join(*_):
    join_room(ROOM)
    _broadcaster().listener_joined(request.sid)
    emit("joined", {"room": ROOM})


@socketio.on("leave_recording_updates")
def on_leave(*_):
    leave_room(ROOM)
    _broadcaster().listener_left(request.sid)
    emit("left", {"room": ROOM})


@socketio.on("disconnect")
def on_disconnect(*_):
    _broadcaster().listener_left(request.sid)
