"""Who holds a job, and keeping hold of it: worker identities and the heartbeat.

A worker's id is `host:pid:random`. A claim on a job lasts `lease_s` seconds unless renewed; the
`LeaseKeeper` renews every lease this process holds from its own thread, so an upload thread never
waits on the database for it. When a renewal finds the claim gone (the lease ran out and another
worker took the job), the hold is marked lost and the upload stops at its next chunk.
"""

from __future__ import annotations

import logging
import os
import secrets
import socket
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from ..contract.vocabulary import JobState

log = logging.getLogger(__name__)

HOST = socket.gethostname()
PROGRESS_EVERY_S = 1.0  # how often an upload's bytes_sent reaches the database


def make_worker_id() -> str:
    """`host:pid:random`: unique per process run, and says which host and process held a job."""
    return f"{HOST}:{os.getpid()}:{secrets.token_hex(4)}"


def worker_is_gone(worker: str | None, me: str) -> bool:
    """True when `worker` was of this host and no longer runs, so its claims can be released now.

    A claim without a worker predates leases (one server then: this one's earlier run). Another
    host's worker, or a process that still runs, is never judged here: its lease runs out by itself.
    In this very process, a worker id other than `me` is an earlier worker (restarted in place).
    """
    if worker is None:
        return True
    if worker == me:
        return False
    host, _, rest = worker.partition(":")
    pid_text = rest.partition(":")[0]
    if host != HOST or not pid_text.isdigit():
        return False
    pid = int(pid_text)
    return pid == os.getpid() or not _running(pid)


def _running(pid: int) -> bool:
    """Whether `pid` runs (a zombie does not); unsure (not POSIX) counts as running."""
    if os.name != "posix":
        return True  # os.kill(pid, 0) would terminate it on Windows: let the lease run out instead
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
        return stat.rpartition(")")[2].split()[0] != "Z"
    except (OSError, IndexError):
        return True


class Renewer(Protocol):
    def heartbeat(self, job_id: int, claim: str, bytes_sent: int | None = None) -> str | None: ...


@dataclass(eq=False)
class Hold:
    """One claim this process keeps alive: the job, its claim token, and the upload's progress."""

    job_id: int
    claim: str
    sent: int | None = None  # bytes sent so far (uploads only); written with the next heartbeat
    lost: bool = False  # another worker has the job now: stop working on it
    cancelled: bool = False  # a user cancelled it, maybe through another process: stop sending
    written: int | None = field(default=None, repr=False)
    failing: bool = field(default=False, repr=False)
    renewed_at: float = field(default_factory=time.monotonic, repr=False)


class LeaseKeeper:
    """Renews every held lease each `lease_s / 3` seconds, and writes upload progress each second."""

    def __init__(self, queue: Renewer, lease_s: float):
        self.queue = queue
        self.renew_every_s = lease_s / 3
        self.tick_s = min(PROGRESS_EVERY_S, self.renew_every_s)
        self._holds: set[Hold] = set()
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        self._stopping.clear()
        self._thread = threading.Thread(target=self._run, name="lease-keeper", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stopping.set()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def hold(self, job_id: int, claim: str | None) -> Hold:
        held = Hold(job_id, claim or "")
        with self._lock:
            self._holds.add(held)
        return held

    def release(self, held: Hold) -> None:
        with self._lock:
            self._holds.discard(held)

    def _run(self) -> None:
        while not self._stopping.wait(self.tick_s):
            self.beat()

    def beat(self) -> None:
        """One round: renew what is due (or has new progress); mark lost what another worker took."""
        with self._lock:
            holds = list(self._holds)
        now = time.monotonic()
        for held in holds:
            progressed = held.sent is not None and held.sent != held.written
            if not progressed and now - held.renewed_at < self.renew_every_s:
                continue
            sent = held.sent
            try:
                kept = self.queue.heartbeat(held.job_id, held.claim, sent)
            except Exception as exc:  # the database is away: try again next tick, the lease may still hold
                if not held.failing:
                    log.warning("could not renew the lease on job %s (will keep trying): %s", held.job_id, exc)
                held.failing = True
                continue
            held.renewed_at, held.written, held.failing = now, sent, False
            if kept == JobState.CANCELLED:
                held.cancelled = True
            if not kept and not held.lost:
                held.lost = True
                log.warning("job %s: this worker's claim is gone (its lease ran out); stopping", held.job_id)
