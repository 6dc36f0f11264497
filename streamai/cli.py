"""`streamai serve`: the server and the built dashboard on one port."""

from __future__ import annotations

import argparse
import logging
import os
import sys


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="streamai", description="StreamAI recording service")
    commands = parser.add_subparsers(dest="command", required=True)
    serve = commands.add_parser("serve", help="run the HTTP + Socket.IO server and the dashboard")
    serve.add_argument("--host", help="listen address (STREAMAI_HOST, default 127.0.0.1)")
    serve.add_argument("--port", type=int, help="listen port (STREAMAI_PORT, default 5002)")
    args = parser.parse_args(argv)

    if os.environ.get("STREAMAI_ASYNC_MODE") == "eventlet":
        import eventlet  # must patch the standard library before anything else imports it

        eventlet.monkey_patch()

    from .config import ConfigError, load_settings

    try:
        settings = load_settings().with_overrides(host=args.host, port=args.port)
    except ConfigError as exc:
        print(f"streamai: {exc}", file=sys.stderr)
        return 2
    logging.basicConfig(level=settings.log_level.upper(), format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    return _serve(settings)


def _serve(settings) -> int:
    from .app import create_app
    from .config import ConfigError
    from .realtime import socketio

    try:
        app = create_app(settings)
    except ConfigError as exc:
        print(f"streamai: {exc}", file=sys.stderr)
        return 2
    log = logging.getLogger("streamai")
    log.info("StreamAI on http://%s:%d (OBS at %s:%d, recordings in %s, %s mode)", settings.host, settings.port,
             settings.obs_host, settings.obs_port, settings.recordings_path.resolve(), settings.async_mode)
    try:
        socketio.run(app, host=settings.host, port=settings.port, allow_unsafe_werkzeug=True,
                     use_reloader=False, log_output=False)
    finally:
        app.extensions["streamai"].close()
    return 0
