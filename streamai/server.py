"""Serving the app: one server per STREAMAI_ASYNC_MODE, each dropping clients that go quiet.

- `gevent` (default): gevent's pywsgi, a production server that runs on Linux, macOS and Windows;
  WebSockets go through simple-websocket. One OS thread, every connection a greenlet: thousands of
  Socket.IO clients cost memory, not threads (README, Benchmarks).
- `threading`: Werkzeug's threaded development server, the plain fallback where gevent cannot
  be installed. One OS thread per connection.
- `eventlet`: eventlet.wsgi, the user's original choice, deprecated upstream; still accepted.

gevent and eventlet need the standard library monkey-patched before anything else imports it:
cli.py does that first thing.
"""

from __future__ import annotations

import gc
import logging
import sys
from typing import TYPE_CHECKING

from flask import Flask

from .api.security import is_loopback
from .config import ConfigError, Settings

if TYPE_CHECKING:
    from .app import Role

log = logging.getLogger("streamai")

# engine.io's own ping interval; a shorter one is used when the client timeout asks for it.
PING_INTERVAL_S = 25.0


def serve(settings: Settings, role: Role = "serve") -> int:
    """Build the app and serve it until interrupted."""
    from .app import create_app

    try:
        app = create_app(settings, role=role)
    except ConfigError as exc:  # RECORDINGS_PATH or the database unusable: one line, no traceback
        print(f"streamai: {exc}", file=sys.stderr)
        return 2
    log.info(
        "StreamAI on http://%s:%d (%s, recordings in %s, %s mode)",
        settings.host,
        settings.port,
        f"OBS at {settings.obs_host}:{settings.obs_port}"
        if role == "serve"
        else "web role: OBS through the controller",
        settings.recordings_path.resolve(),
        settings.async_mode,
    )
    warn_if_exposed(settings)
    settle_garbage_collector()
    try:
        run(app, settings)
    finally:
        app.extensions["streamai"].close()
    return 0


def settle_garbage_collector() -> None:
    """Leave what start-up built (the libraries, the app, the contract's schemas: most of the heap)
    out of every later garbage collection. A full collection walks every tracked object, and it
    stops the whole process while it does: with 1000 clients, one fell on an update now and then
    and held its fan-out back by 160–250 ms (bench/fanout.py; README, Beyond one process)."""
    gc.collect()
    gc.freeze()


def run(app: Flask, settings: Settings) -> None:
    """Flask-SocketIO's `run` with this mode's server, and the client timeout applied to every
    connection: a client that connects and sends nothing, or half a request, is dropped after
    `client_timeout_s` instead of holding a socket (and in `threading` mode a thread) forever."""
    socketio = app.extensions["socketio"]
    timeout = settings.client_timeout_s
    # A healthy Socket.IO client is never that quiet: it answers each ping, so pings must come
    # more often than the timeout. 25 s (engine.io's default) unless the timeout is under 50 s.
    socketio.server.eio.ping_interval = min(PING_INTERVAL_S, timeout / 2)
    if settings.async_mode == "gevent":
        options = {"handler_class": _gevent_handler(timeout)}
    elif settings.async_mode == "eventlet":
        options = {"socket_timeout": timeout}
    else:
        options = {"request_handler": _werkzeug_handler(timeout), "allow_unsafe_werkzeug": True}
    socketio.run(app, host=settings.host, port=settings.port, use_reloader=False, log_output=False, **options)


def _gevent_handler(timeout: float):
    """pywsgi has no client timeout of its own: every read and write on the connection gets one.
    The WebSocket that simple-websocket makes of it is a duplicate of the socket, timeout included."""
    from gevent.pywsgi import WSGIHandler

    class TimeoutWSGIHandler(WSGIHandler):
        def handle(self):
            self.socket.settimeout(timeout)
            super().handle()

        def run_application(self):
            """simple-websocket answers the upgrade itself, on its own copy of the socket, and pywsgi
            does not know: once the websocket ends, engine.io's "200 OK" (after an upgrade from
            polling) or pywsgi's own error page would be written onto the connection, which the
            browser reads as a broken frame ("Invalid frame header"). Only a refusal is HTTP."""
            if self.environ.get("HTTP_UPGRADE", "").lower() != "websocket":
                return super().run_application()
            self.result = self.application(self.environ, self.start_response)
            try:
                if self.status is not None and not str(getattr(self, "_orig_status", "")).startswith("2"):
                    self.process_result()  # refused before any upgrade (a bad origin, a bad session)
                else:  # the websocket ran and is over: nothing more is HTTP on this connection
                    self._orig_status, self.close_connection = "101 Switching Protocols", True
            finally:
                close = getattr(self.result, "close", None)
                self.result = None
                if close is not None:
                    close()

        def _handle_client_error(self, ex):
            if isinstance(ex, OSError):  # timed out (or reset) half-way through the headers: just close
                return None
            return super()._handle_client_error(ex)

    return TimeoutWSGIHandler


def _werkzeug_handler(timeout: float):
    """socketserver applies a handler's `timeout` to the connection's socket."""
    from werkzeug.serving import WSGIRequestHandler

    class TimeoutRequestHandler(WSGIRequestHandler):
        def log_error(self, format, *args):
            if not format.startswith("Request timed out"):  # an idle client dropped is routine, not an error
                super().log_error(format, *args)

    TimeoutRequestHandler.timeout = timeout
    return TimeoutRequestHandler


def warn_if_exposed(settings: Settings) -> bool:
    """Say so when anyone on the network could drive OBS: reachable and no token."""
    if settings.api_token or is_loopback(settings.host):
        return False
    log.warning(
        "listening on %s with no STREAMAI_API_TOKEN: anyone on the network can start and stop "
        "recordings and upload them",
        settings.host,
    )
    log.warning(
        "set STREAMAI_API_TOKEN to a long random secret (in .env or the environment) to require it, "
        "or listen on 127.0.0.1 only"
    )
    return True
