"""`streamai serve` (everything, one process), or one role of a split deployment: `web`, `control`,
`worker` (README, Beyond one process). Serving itself: server.py and roles.py."""

from __future__ import annotations

import argparse
import logging
import os
import sys


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="streamai", description="StreamAI recording service")
    commands = parser.add_subparsers(dest="command", required=True)
    for name, what in (
        ("serve", "everything in one process: the server, the dashboard, OBS and the uploads"),
        ("web", "HTTP + Socket.IO and the dashboard only (any number; needs STREAMAI_MESSAGE_QUEUE)"),
    ):
        role = commands.add_parser(name, help=what)
        role.add_argument("--host", help="listen address (STREAMAI_HOST, default 127.0.0.1)")
        role.add_argument("--port", type=int, help="listen port (STREAMAI_PORT, default 5002)")
    commands.add_parser("control", help="drive OBS for the web processes (one active, others wait as standbys)")
    commands.add_parser("worker", help="upload queued recordings (any number, on any host reading RECORDINGS_PATH)")
    args = parser.parse_args(argv)

    serves_clients = args.command in ("serve", "web")
    if serves_clients:  # control and worker serve no clients: plain threads
        _monkey_patch(_async_mode())

    from .config import ConfigError, load_settings

    try:
        settings = load_settings()
        if serves_clients:
            settings = settings.with_overrides(host=args.host, port=args.port)
    except ConfigError as exc:
        print(f"streamai: {exc}", file=sys.stderr)
        return 2
    logging.basicConfig(level=settings.log_level.upper(), format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    if serves_clients:
        from .server import serve as serve_forever

        return serve_forever(settings, role=args.command)
    from .roles import run_control, run_worker

    return run_control(settings) if args.command == "control" else run_worker(settings)


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
