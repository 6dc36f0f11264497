"""A real processing API ("Vultr API") on 127.0.0.1 that speaks the contract and misbehaves on demand.

It parses multipart as a stream (memory stays flat for multi-GB files), keeps what it received
on disk with its sha256, and can answer 5xx/4xx, drop the connection mid-body, read slowly,
stop reading mid-body until the test says go, or go down and come back on the same port.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from multipart import PushMultipartParser, parse_options_header

READ_CHUNK = 1024 * 1024


def larger_than_socket_buffers() -> int:
    """A body size that loopback TCP cannot hold in flight (both buffers at their largest, plus
    margin): a client whose body `hold_next` stops is then blocked before its last byte."""
    largest = sum(int(Path(f"/proc/sys/net/ipv4/tcp_{kind}mem").read_text().split()[2]) for kind in "wr")
    return largest + 8 * READ_CHUNK


class _BodyCut(Exception):
    """The body ended early (on purpose or not): no upload, and no complaint from the parser."""


@dataclass
class ReceivedUpload:
    task_id: str
    filename: str
    size: int
    sha256: str
    fields: dict[str, str]
    idempotency_key: str | None
    path: Path | None


@dataclass
class Fault:
    """What to do to the next upload request(s)."""

    status: int | None = None  # answer with this status before reading the body
    drop_after_bytes: int | None = None  # read this much of the body, then reset the connection
    times: int = 1
    retry_after: str | None = None


@dataclass
class Hold:
    """Stops reading one upload's body after `after_bytes` until `release()`: the client stays
    mid-body for as long as the test needs, whatever the machine's speed."""

    after_bytes: int = 0
    reached: threading.Event = field(default_factory=threading.Event)
    released: threading.Event = field(default_factory=threading.Event)

    def wait_reached(self, timeout: float = 30) -> None:
        if not self.reached.wait(timeout):
            raise AssertionError(f"no upload body reached byte {self.after_bytes} in {timeout}s")

    def release(self) -> None:
        self.released.set()


@dataclass
class State:
    uploads: list[ReceivedUpload] = field(default_factory=list)
    attempts: int = 0
    faults: list[Fault] = field(default_factory=list)
    holds: list[Hold] = field(default_factory=list)
    cut_bodies: int = 0  # bodies that ended early: no upload
    read_delay_s: float = 0.0  # pause after each chunk: a slow reader
    status_script: list[str] = field(default_factory=lambda: ["processing", "completed"])
    polls: dict[str, int] = field(default_factory=dict)
    api_key: str = ""
    # kind -> (content type, body) served at /results/{task_id}/{kind}; a kind absent answers 404.
    results: dict[str, tuple[str, bytes]] = field(default_factory=dict)
    result_failures: int = 0  # the next N result requests answer 503
    result_requests: list[str] = field(default_factory=list)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server

    def log_message(self, *args):  # keep test output quiet
        pass

    def _json(self, status: int, payload: dict, headers: dict | None = None) -> None:
        body = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(body)

    def _authorised(self) -> bool:
        key = self.server.api.state.api_key
        if key and self.headers.get("Authorization") != f"Bearer {key}":
            self._json(401, {"detail": "invalid API key"})
            return False
        return True

    def do_GET(self):
        api = self.server.api
        if self.path == "/health":
            return self._json(200, {"status": "healthy"})
        if not self._authorised():
            return
        if self.path.startswith("/results/"):
            return self._result()
        if self.path.startswith("/status/"):
            task_id = self.path.rsplit("/", 1)[1]
            if task_id not in {u.task_id for u in api.state.uploads}:
                return self._json(404, {"detail": f"task {task_id} not found"})
            n = api.state.polls.get(task_id, 0)
            api.state.polls[task_id] = n + 1
            script = api.state.status_script
            status = script[min(n, len(script) - 1)]
            progress = 100 if status.startswith("completed") else 50 if status == "processing" else 0
            return self._json(
                200, {"task_id": task_id, "status": status, "progress": progress, "message": f"task is {status}"}
            )
        self._json(404, {"detail": "not found"})

    def _result(self):
        api = self.server.api
        _, _, task_id, kind = self.path.split("/", 3)
        with api.lock:
            api.state.result_requests.append(kind)
            failing = api.state.result_failures > 0
            api.state.result_failures -= failing
        if failing:
            return self._json(503, {"detail": "results not ready, try again"})
        if task_id not in {u.task_id for u in api.state.uploads} or kind not in api.state.results:
            return self._json(404, {"detail": f"no {kind} for {task_id}"})
        content_type, body = api.state.results[kind]
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self):
        api = self.server.api
        if self.path != "/upload":
            return self._json(404, {"detail": "not found"})
        with api.lock:
            api.state.attempts += 1
            fault = api.state.faults[0] if api.state.faults else None
            if fault:
                fault.times -= 1
                if fault.times <= 0:
                    api.state.faults.pop(0)
        length = int(self.headers.get("Content-Length", "0"))
        if fault and fault.status:
            self.close_connection = True
            headers = {"Retry-After": fault.retry_after} if fault.retry_after else {}
            return self._json(fault.status, {"detail": f"simulated {fault.status}"}, headers)
        if not self._authorised():
            self.close_connection = True
            return
        ctype, options = parse_options_header(self.headers.get("Content-Type", ""))
        if ctype != "multipart/form-data" or "boundary" not in options:
            self.close_connection = True
            return self._json(422, {"detail": "expected multipart/form-data"})
        with api.lock:
            hold = api.state.holds.pop(0) if api.state.holds else None
        received = self._receive(options["boundary"], length, fault, hold)
        if received is None:
            return
        self._json(
            200,
            {
                "task_id": received.task_id,
                "status": "uploaded",
                "filename": received.filename,
                "size": received.size,
                "message": "file received",
                "config": {
                    "subtitle_model": received.fields.get("subtitle_model"),
                    "priority": received.fields.get("priority"),
                },
            },
        )

    def _receive(self, boundary: str, length: int, fault: Fault | None, hold: Hold | None) -> ReceivedUpload | None:
        api = self.server.api
        fields: dict[str, str] = {}
        digest, size, filename, out, target = hashlib.sha256(), 0, None, None, None
        current, value = None, b""
        remaining = length
        try:
            with PushMultipartParser(boundary, content_length=length) as parser:
                while remaining > 0:
                    if hold and length - remaining >= hold.after_bytes:
                        hold.reached.set()
                        hold.released.wait()
                        hold = None
                    unheld = hold.after_bytes - (length - remaining) if hold else READ_CHUNK
                    chunk = self.rfile.read(min(READ_CHUNK, remaining, unheld))
                    if not chunk:
                        raise _BodyCut  # the client went away
                    remaining -= len(chunk)
                    if fault and fault.drop_after_bytes is not None and length - remaining >= fault.drop_after_bytes:
                        self._reset_connection()
                        raise _BodyCut
                    if api.state.read_delay_s:
                        time.sleep(api.state.read_delay_s)
                    for event in parser.parse(chunk):
                        if event is None:
                            if current is not None and current.filename is None:
                                fields[current.name] = value.decode()
                            current, value = None, b""
                        elif isinstance(event, bytes):
                            if current is not None and current.filename is not None:
                                digest.update(event)
                                size += len(event)
                                if out:
                                    out.write(event)
                            else:
                                value += event
                        else:
                            current = event
                            if event.filename is not None:
                                filename = event.filename
                                if api.store_dir:
                                    target = api.store_dir / f"{next(api.ids)}-{Path(filename).name}"
                                    out = open(target, "wb")
        except (_BodyCut, ConnectionError):
            with api.changed:
                api.state.cut_bodies += 1
                api.changed.notify_all()
            return None
        finally:
            if out:
                out.close()
        upload = ReceivedUpload(
            task_id=f"task_{next(api.ids)}",
            filename=filename or "",
            size=size,
            sha256=digest.hexdigest(),
            fields=fields,
            idempotency_key=self.headers.get("Idempotency-Key"),
            path=target,
        )
        with api.changed:
            api.state.uploads.append(upload)
            api.changed.notify_all()
        return upload

    def _reset_connection(self) -> None:
        self.close_connection = True
        self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
        self.connection.close()


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    api: ProcessingApi


class ProcessingApi:
    """Start with `start()`; `url` is its base URL; the `fail_*`/`drop_*`/`go_down` methods misbehave."""

    def __init__(self, store_dir: Path | None = None, port: int = 0, api_key: str = ""):
        self.store_dir = Path(store_dir) if store_dir else None
        if self.store_dir:
            self.store_dir.mkdir(parents=True, exist_ok=True)
        self.port = port
        self.state = State(api_key=api_key)
        self.lock = threading.Lock()
        self.changed = threading.Condition(self.lock)  # notified when an upload arrives or a body is cut
        self._holds: list[Hold] = []
        self.ids = itertools.count(1)
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> ProcessingApi:
        self._server = _Server(("127.0.0.1", self.port), _Handler)
        self._server.api = self
        self.port = self._server.server_address[1]
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        for hold in self._holds:  # a held handler would never end
            hold.release()
        if self._server:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    go_down = stop

    def come_back(self) -> None:
        self.start()

    # -- misbehaviour ----------------------------------------------------------------------

    def fail_next(self, status: int, times: int = 1, retry_after: str | None = None) -> None:
        self.state.faults.append(Fault(status=status, times=times, retry_after=retry_after))

    def drop_next(self, after_bytes: int, times: int = 1) -> None:
        self.state.faults.append(Fault(drop_after_bytes=after_bytes, times=times))

    def hold_next(self, after_bytes: int = 0) -> Hold:
        """Stop reading the next upload's body after `after_bytes`, until the returned hold is released."""
        hold = Hold(after_bytes)
        self._holds.append(hold)
        self.state.holds.append(hold)
        return hold

    def read_slowly(self, delay_per_mib_s: float) -> None:
        self.state.read_delay_s = delay_per_mib_s

    def serve_results(self, results: dict[str, tuple[str, bytes]], fail_first: int = 0) -> None:
        """What GET /results/{task_id}/{kind} answers; the first `fail_first` requests get 503."""
        self.state.results = dict(results)
        self.state.result_failures = fail_first

    def script_statuses(self, *statuses: str) -> None:
        self.state.status_script = list(statuses)

    @property
    def uploads(self) -> list[ReceivedUpload]:
        return list(self.state.uploads)

    def _wait(self, ready: Callable[[], bool], timeout: float, what: str) -> None:
        with self.changed:
            if not self.changed.wait_for(ready, timeout):
                raise AssertionError(
                    f"expected {what} in {timeout}s: got {len(self.state.uploads)} upload(s), "
                    f"{self.state.cut_bodies} cut bod(ies)"
                )

    def wait_for_uploads(self, count: int, timeout: float = 30) -> list[ReceivedUpload]:
        self._wait(lambda: len(self.state.uploads) >= count, timeout, f"{count} upload(s)")
        return self.uploads

    def wait_for_cut_bodies(self, count: int, timeout: float = 30) -> None:
        """Until `count` bodies have ended early (the client gave up or was dropped)."""
        self._wait(lambda: self.state.cut_bodies >= count, timeout, f"{count} cut bod(ies)")


def main() -> None:
    """`python -m tests.support.processing_api PORT [STORE_DIR]`: run it by hand next to the server."""
    import sys

    port = int(sys.argv[1]) if len(sys.argv) > 1 else 8000
    api = ProcessingApi(Path(sys.argv[2]) if len(sys.argv) > 2 else None, port=port).start()
    print(f"processing API on {api.url}", flush=True)
    threading.Event().wait()


if __name__ == "__main__":
    main()
