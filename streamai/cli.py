"""`streamai serve`: the server and the built dashboard on one port (serving itself: server.py)."""

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

    _monkey_patch(_async_mode())

    from .config import ConfigError, load_settings
    from .server import serve as serve_forever

    try:
        settings = load_settings().with_overrides(host=args.host, port=args.port)
    except ConfigError as exc:
        print(f"streamai: {exc}", file=sys.stderr)
        return 2
    logging.basicConfig(level=settings.log_level.upper(), format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    return serve_forever(settings)


def _async_mode() -> str:
    """STREAMAI_ASYNC_MODE from the environment or `.env`, read before anything is patched (an
    unknown value is refused later, with the other settings)."""
    from pathlib import Path

    from dotenv import load_dotenv

    from .config import ASYNC_MODES

    load_dotenv(Path.cwd() / ".env", override=False)  # as load_settings does
    return os.environ.get("STREAMAI_ASYNC_MODE") or ASYNC_MODES[0]


def _monkey_patch(mode: str) -> None:
    """gevent and eventlet make the standard library's blocking calls (sockets, threads, locks,
    sleep, subprocess) cooperative. That must happen before anything else imports them."""
    if mode == "gevent":
        from gevent import monkey

        monkey.patch_all()
    elif mode == "eventlet":
        import eventlet

        eventlet.monkey_patch()
