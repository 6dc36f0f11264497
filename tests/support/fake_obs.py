"""A fake OBS Studio that speaks obs-websocket v5 and records real files, for tests.

The Debian OBS (29.0.2 with obs-websocket 5.1.0) lacks what newer OBS has (obs-websocket 5.5+:
SplitRecordFile, CreateRecordChapter, the RecordFileChanged event), so tests need an OBS that has
them, and one that behaves like 5.1 without them. This is it: JSON over a real websocket on
127.0.0.1, real mkv files written by ffmpeg, and the record output of obs-websocket 5.x.

What is faithful, from obs-websocket's docs and source (docs/generated/protocol.md,
src/requesthandler/RequestHandler_Record.cpp, src/eventhandler/EventHandler_Outputs.cpp) and from
tests/support/probe_real_obs.py run against the real OBS 29.0.2 / obs-websocket 5.1.0:

- Hello (+ `authentication` {challenge, salt} with a password; `obsStudioVersion` only from 5.6),
  Identify (base64(sha256(base64(sha256(password + salt)) + challenge))), Identified, Reidentify,
  Request / RequestResponse, RequestBatch, Event. `eventSubscriptions` is honoured: record events
  are in Outputs (1 << 6) and go only to clients that asked for them (obsws-python's ReqClient
  asks for none). A wrong password closes with 4009 "Authentication failed.", like OBS.
- RecordStateChanged: STARTING then STARTED when recording starts, PAUSED / RESUMED, STOPPING then
  STOPPED. `outputPath` is always present: the file on STARTED and STOPPED (on STARTED since
  5.0.2), null otherwise. `outputActive` is true only for STARTED and RESUMED (false for PAUSED).
  StartRecord and StopRecord answer first; the events follow. StopRecord answers with the path
  while the file is still being written; STOPPED comes once the file is complete.
- After a split (SplitRecordFile, or the automatic splitting), StopRecord and STOPPED still name the
  FIRST file of the recording: obs-websocket reads the output's "path" setting, which a split does
  not change (seen on the real OBS 29 with automatic splitting). Only RecordFileChanged
  (`newOutputPath`, 5.5+) tells of the later files; 5.1 says nothing when OBS splits.
- GetRecordStatus: `outputActive` stays true while paused and stopping; the timecode and duration
  exclude paused time and continue across splits; once stopped, duration 0, timecode
  "00:00:00.000", and `outputBytes` keeps its last value, as OBS does.
- Error codes: StartRecord while active 500; StopRecord while not recording 501; PauseRecord while
  paused 502; ResumeRecord while not paused 503; requests this version lacks 204 "Your request type
  is not valid.". PauseRecord and ToggleRecordPause while not recording answer 100 and do nothing,
  as obs-websocket does (it checks only "paused"). SplitRecordFile and CreateRecordChapter: 501
  when not recording, 702 while paused (OBS refuses both then) or when splitting / chapters are
  turned off (`split_enabled` / `chapters_enabled`; OBS needs file splitting enabled in its output
  settings, and chapters only work with Hybrid MP4).
- Files are named like OBS's default "%CCYY-%MM-%DD %hh-%mm-%ss.mkv", with " (2)", " (3)"... when
  the name is taken.

Assumptions and simplifications (what the fake does not do):
- The previous file is complete when RecordFileChanged is sent. Real OBS sends it when it tells its
  muxer to switch, so the old file's trailer may land a moment later; the fake is the stricter,
  easier case. OBS splits at a keyframe (on the real OBS 29 a 1-minute split gave 66.7 s files with
  its 250-frame GOP); the fake splits when asked or on its own timer / byte count.
- Between two split files there is a gap of about one ffmpeg start-up (~0.1 s); a file holds about
  0.2 s more than the timecode says (ffmpeg's start and finish).
- Pause freezes ffmpeg (SIGSTOP / SIGCONT); its `realtime` filters then drop the paused time, so the
  file holds no paused time (a pause shorter than 0.2 s may leave up to 0.2 s in; a stall of the
  machine longer than 0.2 s is left out of the file, though the timecode counts it).
- The timecode starts at STARTED. On the real OBS it reads 0 for ~0.5 s more (encoder delay).
- Real OBS races: a second StartRecord sent before STARTED answers 100 there; here 500. Real OBS
  29 paused and resumed ~40 ms apart stopped writing and never finished its stop; not imitated.
- `outputBytes` is the size of the files on disk; OBS counts encoded bytes (a little less).
- Chapters are remembered (`.chapters`), not written into the file. Only record requests,
  GetVersion, GetStats and GetRecordDirectory exist: no scenes, inputs, streaming or replay buffer.
- GetVersion's `availableRequests` lists what this fake answers, not OBS's full list.
"""

from __future__ import annotations

import base64
import hashlib
import json
import secrets
import shutil
import signal
import subprocess
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from websockets.exceptions import ConnectionClosed
from websockets.sync.server import Server, ServerConnection, serve

OUTPUTS = 1 << 6  # EventSubscription::Outputs
ALL_LOW_VOLUME = (1 << 11) - 1  # EventSubscription::All in 5.x, before Canvases
STARTING, STARTED, STOPPING, STOPPED, PAUSED, RESUMED = (
    f"OBS_WEBSOCKET_OUTPUT_{name}" for name in ("STARTING", "STARTED", "STOPPING", "STOPPED", "PAUSED", "RESUMED")
)

SUCCESS, UNKNOWN_REQUEST_TYPE = 100, 204
INVALID_FIELD_TYPE, FIELD_EMPTY = 401, 403
OUTPUT_RUNNING, OUTPUT_NOT_RUNNING, OUTPUT_PAUSED, OUTPUT_NOT_PAUSED = 500, 501, 502, 503
PROCESSING_FAILED = 702

BASE_REQUESTS = [
    "GetVersion",
    "GetStats",
    "GetRecordDirectory",
    "GetRecordStatus",
    "ToggleRecord",
    "StartRecord",
    "StopRecord",
    "ToggleRecordPause",
    "PauseRecord",
    "ResumeRecord",
]
REQUESTS_5_5 = ["SplitRecordFile", "CreateRecordChapter"]

# The recorder's own states (the events above are what clients see).
IDLE, STARTING_, RECORDING, PAUSED_, STOPPING_ = "idle", "starting", "recording", "paused", "stopping"


class RequestError(Exception):
    """A request refused with an obs-websocket RequestStatus code."""

    def __init__(self, code: int, comment: str | None = None):
        super().__init__(code, comment)
        self.code, self.comment = code, comment


def timecode(ms: int) -> str:
    """obs-websocket's DurationToTimecode: HH:MM:SS.mmm."""
    seconds, millis = divmod(ms, 1000)
    minutes, seconds = divmod(seconds, 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours:02d}:{minutes:02d}:{seconds:02d}.{millis:03d}"


def auth_string(password: str, salt: str, challenge: str) -> str:
    secret = base64.b64encode(hashlib.sha256((password + salt).encode()).digest())
    return base64.b64encode(hashlib.sha256(secret + challenge.encode()).digest()).decode()


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


@dataclass
class _Client:
    ws: ServerConnection
    challenge: str
    identified: bool = False
    subscriptions: int = ALL_LOW_VOLUME


@dataclass
class _Writer:
    """One ffmpeg writing one file; `active_s` counts its recorded (unpaused) time."""

    path: Path
    proc: subprocess.Popen
    active_before_s: float = 0.0
    running_since: float | None = None

    def active_s(self, now: float) -> float:
        return self.active_before_s + (now - self.running_since if self.running_since is not None else 0.0)


@dataclass
class Chapter:
    path: Path
    at_ms: int
    name: str | None


@dataclass
class _Recording:
    first_path: Path
    writer: _Writer | None = None
    done_bytes: int = 0  # files already finished
    active_before_s: float = 0.0
    running_since: float | None = None
    splitting: bool = False

    def active_ms(self, now: float) -> int:
        running = now - self.running_since if self.running_since is not None else 0.0
        return int((self.active_before_s + running) * 1000)


class FakeObs:
    """An OBS on 127.0.0.1 that records real mkv files; see the module docstring for what it imitates.

    `version` "5.5.0" has SplitRecordFile, CreateRecordChapter and RecordFileChanged; "5.1.0"
    behaves like the Debian OBS. `split_every_s` / `split_every_bytes` split files on their own, like
    OBS's automatic file splitting. `available_disk_mb` is what GetStats reports (None: the real
    free space of the record directory); it can be changed while running.
    """

    def __init__(
        self,
        workdir: Path,
        password: str = "obs-test-password",
        version: str = "5.5.0",
        port: int | None = None,
        *,
        split_every_s: float | None = None,
        split_every_bytes: int | None = None,
        available_disk_mb: float | None = None,
        split_enabled: bool = True,
        chapters_enabled: bool = True,
        obs_version: str | None = None,
    ):
        self.workdir = Path(workdir)
        self.record_dir = self.workdir / "obs-output"
        self.password = password
        self.version = version
        self.version_tuple = tuple(int(part) for part in version.split("."))
        self.obs_version = obs_version or ("30.2.2" if self.version_tuple >= (5, 5) else "29.0.2")
        self.port = port or 0
        self.split_every_s = split_every_s
        self.split_every_bytes = split_every_bytes
        self.available_disk_mb = available_disk_mb
        self.split_enabled = split_enabled
        self.chapters_enabled = chapters_enabled
        self.requests: list[tuple[str, dict[str, Any] | None]] = []  # (requestType, requestData) received
        self.chapters: list[Chapter] = []
        self.files: list[Path] = []  # every file written, in order
        self._salt = base64.b64encode(secrets.token_bytes(32)).decode()
        self._lock = threading.RLock()  # the recorder's state, and every message sent
        self._output_lock = threading.Lock()  # one start / split / stop at a time
        self._state = IDLE
        self._recording: _Recording | None = None
        self._last_bytes = 0
        self._clients: list[_Client] = []
        self._procs: set[subprocess.Popen] = set()
        self._server: Server | None = None
        self._closed = threading.Event()
        self._threads: list[threading.Thread] = []
        available = set(BASE_REQUESTS) | (set(REQUESTS_5_5) if self.version_tuple >= (5, 5) else set())
        self.available_requests = sorted(available)

    # -- life ------------------------------------------------------------------------------

    def start(self) -> FakeObs:
        self.record_dir.mkdir(parents=True, exist_ok=True)
        self._closed.clear()
        self._server = serve(
            self._serve_client,
            "127.0.0.1",
            self.port,
            compression=None,
            ping_interval=None,
            select_subprotocol=self._select_subprotocol,
        )
        self.port = self._server.socket.getsockname()[1]
        self._spawn_thread(self._server.serve_forever, "fake-obs-server")
        if self.split_every_s or self.split_every_bytes:
            self._spawn_thread(self._auto_split, "fake-obs-auto-split")
        return self

    def close(self) -> None:
        """Stops the server, drops every client and ends every ffmpeg this fake started."""
        self._closed.set()
        if self._server:
            self._server.shutdown()
            self._server = None
        self.kill_connections()
        with self._lock:
            threads, self._threads = self._threads, []
        for thread in threads:  # a start, stop or split under way finishes
            thread.join(timeout=35)
        with self._lock:
            procs, self._procs = list(self._procs), set()
            self._state, self._recording = IDLE, None
        for proc in procs:  # the file being recorded is finished too
            _finish_ffmpeg(proc, grace_s=5)

    def kill_connections(self) -> None:
        """Drops every client without a close frame, as when OBS dies; recording goes on."""
        with self._lock:
            clients, self._clients = self._clients, []
        for client in clients:
            client.ws.close_socket()

    @property
    def identified_clients(self) -> int:
        with self._lock:
            return sum(1 for client in self._clients if client.identified)

    @property
    def recording_state(self) -> str:
        """idle, starting, recording, paused or stopping."""
        return self._state

    # -- the OBS window ----------------------------------------------------------------------

    def start_recording_from_window(self) -> Path:
        """As if the user clicked "Start Recording": returns the file OBS will write."""
        with self._lock:
            self._window(self._start_record)
            return self._recording.first_path

    def stop_recording_from_window(self) -> Path:
        """As if the user clicked "Stop Recording": returns at once, STOPPED follows."""
        return Path(self._window(self._stop_record)["outputPath"])

    def pause_from_window(self) -> None:
        if self._state != RECORDING:  # the button is greyed out; PauseRecord would answer 100
            raise RuntimeError("OBS can pause only while recording")
        self._window(self._pause_record)

    def resume_from_window(self) -> None:
        self._window(self._resume_record)

    def split_from_window(self) -> None:
        """As if the user pressed the split hotkey (OBS 30+; here with any version)."""
        self._window(self._split_record_file)

    def _window(self, action: Callable[[dict], tuple[dict | None, Callable | None]]) -> dict:
        with self._lock:
            try:
                data, after = action({})
            except RequestError as exc:
                raise RuntimeError(f"OBS would refuse this now (code {exc.code})") from exc
            if after:
                after()
        return data or {}

    # -- websocket sessions ----------------------------------------------------------------

    @staticmethod
    def _select_subprotocol(ws: ServerConnection, offered) -> str | None:
        return "obswebsocket.json" if "obswebsocket.json" in offered else None

    def _serve_client(self, ws: ServerConnection) -> None:
        client = _Client(ws, challenge=base64.b64encode(secrets.token_bytes(32)).decode())
        with self._lock:
            if self._closed.is_set():
                return
            self._clients.append(client)
        try:
            self._send(client, 0, self._hello(client))
            for raw in ws:
                if isinstance(raw, bytes):
                    return ws.close(4002, "Binary frames are not supported with the JSON protocol.")
                try:
                    message = json.loads(raw)
                    op, data = message["op"], message.get("d")
                except (ValueError, KeyError, TypeError):
                    return ws.close(4002, "Your message could not be decoded.")
                closing = self._handle(client, op, data)
                if closing:
                    return ws.close(*closing)
        except ConnectionClosed:
            pass
        finally:
            with self._lock:
                if client in self._clients:
                    self._clients.remove(client)

    def _hello(self, client: _Client) -> dict:
        hello: dict[str, Any] = {"obsWebSocketVersion": self.version, "rpcVersion": 1}
        if self.version_tuple >= (5, 6):
            hello["obsStudioVersion"] = self.obs_version
        if self.password:
            hello["authentication"] = {"challenge": client.challenge, "salt": self._salt}
        return hello

    def _handle(self, client: _Client, op: Any, data: Any) -> tuple[int, str] | None:
        """One message; returns (close code, reason) when the connection must close."""
        if not isinstance(data, dict):
            return (
                (4003, "Your payload is missing data (`d`).")
                if data is None
                else (4004, "Your payload's data (`d`) is not an object.")
            )
        if not client.identified and op != 1:
            return 4007, "You attempted to send a non-Identify message while not identified."
        if op == 1:
            return self._identify(client, data)
        if op == 3:
            closing = self._set_subscriptions(client, data)
            if not closing:
                self._send(client, 2, {"negotiatedRpcVersion": 1})
            return closing
        if op == 6:
            if "requestId" not in data or not isinstance(data.get("requestType"), str):
                return 4003, "Your payload data is missing a `requestId` or a `requestType`."
            with self._lock:
                answer, after = self._request(data["requestType"], data.get("requestData"))
                answer["requestId"] = data["requestId"]
                self._send(client, 7, answer)
                if after:
                    after()
            return None
        if op == 8:
            return self._batch(client, data)
        return 4006, "Your `op` is not a known OpCode."

    def _identify(self, client: _Client, data: dict) -> tuple[int, str] | None:
        if client.identified:
            return 4008, "You are already Identified with the obs-websocket server."
        if self.password:
            if "authentication" not in data:
                return 4009, (
                    "Your payload's data is missing an `authentication` string, however authentication is required."
                )
            expected = auth_string(self.password, self._salt, client.challenge)
            if not secrets.compare_digest(str(data["authentication"]), expected):
                return 4009, "Authentication failed."
        if "rpcVersion" not in data:
            return 4003, "Your payload's data is missing an `rpcVersion`."
        if data["rpcVersion"] != 1:
            return 4010, "Your requested RPC version is not supported by this server."
        closing = self._set_subscriptions(client, data)
        if closing:
            return closing
        with self._lock:
            client.identified = True
            self._send(client, 2, {"negotiatedRpcVersion": 1})
        return None

    @staticmethod
    def _set_subscriptions(client: _Client, data: dict) -> tuple[int, str] | None:
        if "eventSubscriptions" in data:
            value = data["eventSubscriptions"]
            if not isinstance(value, int) or isinstance(value, bool) or value < 0:
                return 4004, "Your `eventSubscriptions` is not an unsigned number."
            client.subscriptions = value
        return None

    def _batch(self, client: _Client, data: dict) -> tuple[int, str] | None:
        """RequestBatch, serially (its default execution type); halts on failure if asked."""
        if "requestId" not in data:
            return 4003, "Your payload data is missing a `requestId`."
        results = []
        with self._lock:
            for request in data.get("requests") or []:
                answer, after = self._request(str(request.get("requestType", "")), request.get("requestData"))
                if "requestId" in request:
                    answer["requestId"] = request["requestId"]
                results.append(answer)
                if after:
                    after()
                if data.get("haltOnFailure") and not answer["requestStatus"]["result"]:
                    break
            self._send(client, 9, {"requestId": data["requestId"], "results": results})
        return None

    def _send(self, client: _Client, op: int, data: dict) -> None:
        with self._lock:
            try:
                client.ws.send(json.dumps({"op": op, "d": data}))
            except ConnectionClosed:
                pass  # the client is gone; its own thread cleans up

    def _emit(self, event_type: str, event_data: dict) -> None:
        with self._lock:
            for client in list(self._clients):
                if client.identified and client.subscriptions & OUTPUTS:
                    self._send(client, 5, {"eventType": event_type, "eventIntent": OUTPUTS, "eventData": event_data})

    def _record_state(self, state: str, path: Path | None = None) -> None:
        self._emit(
            "RecordStateChanged",
            {
                "outputActive": state in (STARTED, RESUMED),
                "outputState": state,
                "outputPath": str(path) if path else None,
            },
        )

    # -- requests (called with self._lock held) ----------------------------------------------

    def _request(self, request_type: str, request_data: Any) -> tuple[dict, Callable | None]:
        """Answers one request: (the RequestResponse without its id, what to do once it is sent)."""
        self.requests.append((request_type, request_data))
        answer: dict[str, Any] = {"requestType": request_type}
        after = None
        try:
            if request_type not in self.available_requests:
                raise RequestError(UNKNOWN_REQUEST_TYPE, "Your request type is not valid.")
            if request_data is not None and not isinstance(request_data, dict):
                raise RequestError(INVALID_FIELD_TYPE, "Your request data is not an object.")
            handler = getattr(self, "_" + "".join("_" + c.lower() if c.isupper() else c for c in request_type)[1:])
            data, after = handler(request_data or {})
        except RequestError as exc:
            answer["requestStatus"] = {"result": False, "code": exc.code}
            if exc.comment:
                answer["requestStatus"]["comment"] = exc.comment
        else:
            answer["requestStatus"] = {"result": True, "code": SUCCESS}
            if data is not None:
                answer["responseData"] = data
        return answer, after

    def _get_version(self, _):
        return {
            "obsVersion": self.obs_version,
            "obsWebSocketVersion": self.version,
            "rpcVersion": 1,
            "availableRequests": self.available_requests,
            "supportedImageFormats": ["jpeg", "jpg", "png"],
            "platform": "debian",
            "platformDescription": "Fake OBS for StreamAI tests",
        }, None

    def _get_stats(self, _):
        disk = self.available_disk_mb
        if disk is None:
            disk = shutil.disk_usage(self.record_dir).free / (1024 * 1024)
        active = self._state in (RECORDING, PAUSED_, STOPPING_)
        return {
            "cpuUsage": 1.0,
            "memoryUsage": 200.0,
            "availableDiskSpace": float(disk),
            "activeFps": 30.0,
            "averageFrameRenderTime": 1.0,
            "renderSkippedFrames": 0,
            "renderTotalFrames": 0,
            "outputSkippedFrames": 0,
            "outputTotalFrames": self._status()["outputDuration"] * 30 // 1000 if active else 0,
            "webSocketSessionIncomingMessages": None,
            "webSocketSessionOutgoingMessages": None,
        }, None

    def _get_record_directory(self, _):
        return {"recordDirectory": str(self.record_dir)}, None

    def _get_record_status(self, _):
        return self._status(), None

    def _status(self) -> dict:
        rec = self._recording
        if self._state == IDLE or rec is None:
            return {
                "outputActive": False,
                "outputPaused": False,
                "outputTimecode": timecode(0),
                "outputDuration": 0,
                "outputBytes": self._last_bytes,
            }
        ms = rec.active_ms(time.monotonic())
        size = rec.done_bytes + (_size(rec.writer.path) if rec.writer else 0)
        return {
            "outputActive": True,
            "outputPaused": self._state == PAUSED_,
            "outputTimecode": timecode(ms),
            "outputDuration": ms,
            "outputBytes": size,
        }

    def _toggle_record(self, data):
        if self._state == IDLE:
            return {"outputActive": True}, self._start_record(data)[1]
        after = self._stop_record(data)[1] if self._state in (RECORDING, PAUSED_) else None
        return {"outputActive": False}, after

    def _start_record(self, _):
        if self._state != IDLE:
            raise RequestError(OUTPUT_RUNNING)
        path = self._next_path()
        self._state = STARTING_
        self._recording = _Recording(first_path=path)
        self.files.append(path)
        recording = self._recording

        def after():
            self._record_state(STARTING)
            self._spawn_thread(lambda: self._run_start(recording), "fake-obs-start")

        return None, after

    def _stop_record(self, _):
        rec = self._recording
        if self._state not in (RECORDING, PAUSED_, STOPPING_) or rec is None:
            raise RequestError(OUTPUT_NOT_RUNNING)
        answer = {"outputPath": str(rec.first_path)}
        if self._state == STOPPING_:
            return answer, None
        self._freeze(rec)
        self._state = STOPPING_
        return answer, lambda: self._spawn_thread(lambda: self._run_stop(rec), "fake-obs-stop")

    def _pause_record(self, _):
        if self._state == PAUSED_:
            raise RequestError(OUTPUT_PAUSED)
        if self._state != RECORDING:
            return None, None  # obs-websocket checks only "paused": nothing happens
        rec = self._recording
        self._freeze(rec)
        self._state = PAUSED_
        if rec.writer:
            rec.writer.proc.send_signal(signal.SIGSTOP)
        return None, lambda: self._record_state(PAUSED)

    def _resume_record(self, _):
        if self._state != PAUSED_:
            raise RequestError(OUTPUT_NOT_PAUSED)
        rec = self._recording
        self._state = RECORDING
        now = time.monotonic()
        rec.running_since = now
        if rec.writer:
            rec.writer.running_since = now
            rec.writer.proc.send_signal(signal.SIGCONT)
        return None, lambda: self._record_state(RESUMED)

    def _toggle_record_pause(self, data):
        if self._state == PAUSED_:
            return {"outputPaused": False}, self._resume_record(data)[1]
        return {"outputPaused": True}, self._pause_record(data)[1]

    def _split_record_file(self, _):
        self._check_can_mark(self.split_enabled, "Verify that file splitting is enabled in the output settings.")
        rec = self._recording
        if rec.splitting:
            return None, None  # one split is already under way, like OBS's manual_split flag
        rec.splitting = True
        return None, lambda: self._spawn_thread(lambda: self._run_split(rec), "fake-obs-split")

    def _create_record_chapter(self, data):
        name = data.get("chapterName")
        if "chapterName" in data:
            if not isinstance(name, str):
                raise RequestError(INVALID_FIELD_TYPE, "The field value of `chapterName` must be a string.")
            if not name:
                raise RequestError(FIELD_EMPTY, "The field value of `chapterName` must not be empty.")
        self._check_can_mark(self.chapters_enabled, "Verify that the output being used supports chapter markers.")
        rec = self._recording
        self.chapters.append(
            Chapter(rec.writer.path if rec.writer else rec.first_path, rec.active_ms(time.monotonic()), name)
        )
        return None, None

    def _check_can_mark(self, enabled: bool, comment: str) -> None:
        """SplitRecordFile and CreateRecordChapter: OBS needs an active, unpaused recording."""
        if self._state not in (RECORDING, PAUSED_, STOPPING_):
            raise RequestError(OUTPUT_NOT_RUNNING)
        if self._state != RECORDING or not enabled:
            raise RequestError(PROCESSING_FAILED, comment)

    # -- the record output -------------------------------------------------------------------

    def _freeze(self, rec: _Recording) -> None:
        """Stops the clocks (pause, stop)."""
        now = time.monotonic()
        if rec.running_since is not None:
            rec.active_before_s += now - rec.running_since
            rec.running_since = None
        writer = rec.writer
        if writer and writer.running_since is not None:
            writer.active_before_s += now - writer.running_since
            writer.running_since = None

    def _next_path(self) -> Path:
        """OBS's default name, %CCYY-%MM-%DD %hh-%mm-%ss.mkv, with " (2)"... when it is taken."""
        stem = datetime.now().strftime("%Y-%m-%d %H-%M-%S")
        path, number = self.record_dir / f"{stem}.mkv", 2
        while path.exists() or path in self.files:
            path, number = self.record_dir / f"{stem} ({number}).mkv", number + 1
        return path

    def _launch(self, path: Path) -> subprocess.Popen | None:
        """Starts ffmpeg on `path` (with self._lock held); None once the fake is closing."""
        if self._closed.is_set():
            return None
        proc = subprocess.Popen(
            ffmpeg_command(path), stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        self._procs.add(proc)
        return proc

    def _run_start(self, rec: _Recording) -> None:
        with self._output_lock:
            with self._lock:
                if self._recording is not rec:
                    return
                proc = self._launch(rec.first_path)
            # STARTED once ffmpeg has opened the file: from then on the timecode runs.
            deadline = time.monotonic() + 10
            while proc and proc.poll() is None and not rec.first_path.exists() and time.monotonic() < deadline:
                time.sleep(0.01)
            with self._lock:
                if self._recording is not rec:
                    return
                if not proc or proc.poll() is not None or not rec.first_path.exists():
                    self._state, self._recording = IDLE, None
                    self._record_state(STOPPED, rec.first_path)  # OBS's failed start ends in STOPPED too
                    return
                now = time.monotonic()
                rec.writer = _Writer(rec.first_path, proc, running_since=now)
                rec.running_since = now
                self._state = RECORDING
                self._record_state(STARTED, rec.first_path)

    def _run_stop(self, rec: _Recording) -> None:
        with self._output_lock:
            with self._lock:
                if self._recording is not rec:
                    return
                self._record_state(STOPPING)
                writer = rec.writer
            if writer:
                self._finish(writer.proc)
            with self._lock:
                if self._recording is not rec:
                    return
                rec.done_bytes += _size(writer.path) if writer else 0
                self._last_bytes = rec.done_bytes
                self._state, self._recording = IDLE, None
                self._record_state(STOPPED, rec.first_path)

    def _run_split(self, rec: _Recording) -> None:
        with self._output_lock:
            with self._lock:
                if self._recording is not rec or self._state != RECORDING:
                    rec.splitting = False
                    return
                old = rec.writer
                path = self._next_path()
                proc = self._launch(path)
                if proc is None:
                    return
                rec.writer = _Writer(path, proc, running_since=time.monotonic())
                self.files.append(path)
            self._finish(old.proc)
            with self._lock:
                rec.done_bytes += _size(old.path)
                rec.splitting = False
                if self.version_tuple >= (5, 5) and self._recording is rec:
                    self._emit("RecordFileChanged", {"newOutputPath": str(path)})

    def _finish(self, proc: subprocess.Popen) -> None:
        _finish_ffmpeg(proc)
        with self._lock:
            self._procs.discard(proc)

    def _auto_split(self) -> None:
        """OBS's automatic file splitting: by recorded time (pauses excluded) or by size."""
        while not self._closed.wait(0.05):
            with self._lock:
                rec = self._recording
                if self._state != RECORDING or rec is None or rec.writer is None or rec.splitting:
                    continue
                writer = rec.writer
                due = (self.split_every_s and writer.active_s(time.monotonic()) >= self.split_every_s) or (
                    self.split_every_bytes and _size(writer.path) >= self.split_every_bytes
                )
                if due:
                    rec.splitting = True
                    self._spawn_thread(lambda: self._run_split(rec), "fake-obs-split")

    def _spawn_thread(self, target: Callable[[], None], name: str) -> None:
        thread = threading.Thread(target=target, name=name, daemon=True)
        with self._lock:
            self._threads = [t for t in self._threads if t.is_alive()] + [thread]
        thread.start()


def ffmpeg_command(path: Path) -> list[str]:
    """A live test pattern and tone into a real mkv. The realtime filters pace it to the clock and,
    after a SIGSTOP longer than their limit, start again from where they were: no paused time in
    the file. Clusters every 500 ms and flushed packets make the file grow as it records."""
    return [
        "ffmpeg",
        "-hide_banner",
        "-loglevel",
        "error",
        "-nostats",
        "-y",
        "-f",
        "lavfi",
        "-i",
        "testsrc2=size=320x240:rate=30,realtime=limit=0.2",
        "-f",
        "lavfi",
        "-i",
        "sine=frequency=440:sample_rate=48000,arealtime=limit=0.2",
        "-c:v",
        "libx264",
        "-preset",
        "ultrafast",
        "-g",
        "30",
        "-pix_fmt",
        "yuv420p",
        "-c:a",
        "aac",
        "-b:a",
        "64k",
        "-flush_packets",
        "1",
        "-cluster_time_limit",
        "500",
        "-f",
        "matroska",
        str(path),
    ]


def _finish_ffmpeg(proc: subprocess.Popen, grace_s: float = 30) -> None:
    """Lets ffmpeg write its trailer ('q'), by its pid; kills it if it does not end in time."""
    if proc.poll() is not None:
        return
    proc.send_signal(signal.SIGCONT)  # a paused ffmpeg cannot read its 'q'
    try:
        proc.communicate(b"q", timeout=grace_s)
    except (subprocess.TimeoutExpired, BrokenPipeError, ValueError, OSError):
        proc.kill()
        proc.wait(5)
