"""Socket.IO: the room `recording_updates`, its handlers, and the live status broadcaster."""

from flask_socketio import SocketIO

ROOM = "recording_updates"

socketio = SocketIO()
