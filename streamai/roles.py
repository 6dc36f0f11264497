"""`streamai control` and `streamai worker`: the processes of a split deployment that serve no
clients. (`streamai web` is the app in its web role, served by server.py.)

Both reach the dashboards through the message queue: Flask-SocketIO's write-only emitter puts their
events on Redis, and every web process hands them to its own clients.
"""

from __future__ import annotations

import logging
import signal
import sys
import threading

from flask_socketio import SocketIO

from .api.security import MediaSigner
from .app import build_service, room_emitter
from .cluster import commands
from .cluster.bus import ControlBus
from .cluster.leader import FileLeadership, Leadership, PostgresLeadership
from .config import ConfigError, Settings
from .db import default_location
from .realtime.broadcaster import StatusBroadcaster
from .server import settle_garbage_collector

log = logging.getLogger("streamai")

LOST_LEADERSHIP = 3  # exit status: systemd restarts it, and it waits as a standby


def run_control(settings: Settings) -> int:
    """Wait to be the one controller, then drive OBS: take the web processes' calls, send the live
    status, move and queue finished files. Exits 3 if it stops being the controller."""
    if not settings.message_queue:
        return _refuse("streamai control needs STREAMAI_MESSAGE_QUEUE (redis://…): web processes reach it there")
    leadership = _leadership(settings)
    stop = _stop_on_signals()
    log.info("waiting to be the controller (another one may be running)…")
    _acquire(leadership, stop)
    if stop.is_set():
        return 0
    log.info("this process is the controller now")
    emitter = SocketIO(message_queue=settings.message_queue, async_mode="threading")
    emit = room_emitter(emitter)
    bus = ControlBus.from_url(settings.message_queue)
    try:
        service = build_service(settings, emit, media_url=MediaSigner(settings).url, with_worker=False)
    except ConfigError as exc:
        leadership.release()
        return _refuse(str(exc))
    service.uploads.wake_elsewhere = bus.wake_workers
    threading.Thread(target=_watch, args=(leadership, stop), name="leadership-watch", daemon=True).start()
    service.start()
    settle_garbage_collector()
    StatusBroadcaster(emitter, service, emit, settings.status_interval_s).run_always()
    try:
        bus.serve(lambda name, args: commands.run(service, name, args), stop)
    finally:
        service.close()
        leadership.release()
    if leadership.lost.is_set():
        log.critical("no longer the controller: exiting so that a standby drives OBS")
        return LOST_LEADERSHIP
    return 0


def run_worker(settings: Settings) -> int:
    """Upload queued jobs (any number of these, on any host that reads RECORDINGS_PATH)."""
    if not settings.uploads_enabled:
        return _refuse("streamai worker needs VULTR_API_URL: it is the processing API it uploads to")
    if not settings.message_queue:
        return _refuse("streamai worker needs STREAMAI_MESSAGE_QUEUE (redis://…): its events reach dashboards there")
    stop = _stop_on_signals()
    emit = room_emitter(SocketIO(message_queue=settings.message_queue, async_mode="threading"))
    try:
        service = build_service(settings, emit, media_url=MediaSigner(settings).url, drives_obs=False)
    except ConfigError as exc:
        return _refuse(str(exc))
    bus = ControlBus.from_url(settings.message_queue)
    worker = service.uploads.worker
    assert worker is not None  # uploads are enabled
    threading.Thread(target=bus.on_wake, args=(worker.wake, stop), name="wake-listener", daemon=True).start()
    service.uploads.start()
    log.info("upload worker running (%d at a time) to %s", settings.upload_concurrency, settings.vultr_api_url)
    stop.wait()
    service.uploads.stop()
    return 0


def _leadership(settings: Settings) -> Leadership:
    """PostgreSQL's lock when the database is shared; otherwise a lock file beside SQLite's file."""
    if settings.database_url:
        return PostgresLeadership(settings.database_url)
    database = settings.database_path or default_location(settings.recordings_path)
    return FileLeadership(database.parent / "controller.lock")


def _acquire(leadership: Leadership, stop: threading.Event) -> None:
    """Block until leading; a signal meanwhile ends the wait (the process exits, as it should)."""
    waiting = threading.Thread(target=leadership.acquire, name="leadership", daemon=True)
    waiting.start()
    while waiting.is_alive() and not stop.is_set():
        waiting.join(timeout=0.5)


def _watch(leadership: Leadership, stop: threading.Event) -> None:
    while not stop.is_set():
        if leadership.lost.wait(1.0):
            stop.set()


def _stop_on_signals() -> threading.Event:
    stop = threading.Event()

    def handler(signum, frame) -> None:
        log.info("signal %d: stopping", signum)
        stop.set()

    signal.signal(signal.SIGTERM, handler)
    signal.signal(signal.SIGINT, handler)
    return stop


def _refuse(message: str) -> int:
    print(f"streamai: {message}", file=sys.stderr)
    return 2
