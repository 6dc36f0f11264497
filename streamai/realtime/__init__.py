"""Socket.IO: the room `recording_updates`, its handlers, and the live status broadcaster."""

from flask_socketio import SocketIO

ROOM = "recording_updates"

socketio = SocketIO()

# Registered before any init_app, so every app built by the factory gets the handlers.
from . import handlers  # noqa: E402
