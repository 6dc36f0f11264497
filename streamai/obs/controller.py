"""The one place that talks to OBS: a serialised request client, an event listener, and reconnection."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import obsws_python
from obsws_python.error import OBSSDKError, OBSSDKRequestError, OBSSDKTimeoutError
from websocket import WebSocketException

from ..exceptions import ObsRequestFailed, ObsUnavailable

log = logging.getLogger(__name__)

# obsws-python logs the password at INFO on every connect and a traceback on every refused
# connection; our own messages below say what matters, without secrets.
logging.getLogger("obsws_python").setLevel(logging.CRITICAL)

CONNECTED, RECONNECTING, DISCONNECTED = "connected", "reconnecting", "disconnected"

EventHandler = Callable[[str, dict[str, Any]], None]
ConnectionHandler = Callable[["ConnectionState"], None]

# Errors that mean "the socket is gone", whatever layer raised them.
_LINK_ERRORS = (OSError, WebSocketException, OBSSDKTimeoutError, ValueError)


@dataclass(frozen=True)
class ConnectionState:
    state: str
    error: str | None = None

    @property
    def connected(self) -> bool:
        return self.state == CONNECTED

    def as_dict(self) -> dict[str, Any]:
        return {"connected": self.connected, "state": self.state, "error": self.error}


class ObsController:
    """Owns the obs-websocket v5 connection.

    obsws-python's ReqClient sends then reads the next frame with no request-id matching, so
    every request goes through one lock. A supervisor thread connects, watches the event
    listener, and reconnects with capped exponential backoff whenever OBS goes away.
    """

    def __init__(
        self,
        host: str,
        port: int,
        password: str,
        *,
        request_timeout_s: float = 10.0,
        reconnect_max_s: float = 10.0,
        on_event: EventHandler | None = None,
        on_connection: ConnectionHandler | None = None,
        password_source: str = "OBS_PASSWORD",
    ):
        self._password_source = password_source  # where a user fixes a refused password
        self._target = dict(host=host, port=port, password=password)
        self._request_timeout_s = request_timeout_s
        self._reconnect_max_s = reconnect_max_s
        self._on_event = on_event or (lambda name, data: None)
        self._on_connection = on_connection or (lambda state: None)
        self._request_lock = threading.Lock()
        self._link_lost = threading.Event()
        self._stopping = threading.Event()
        self._requests: obsws_python.ReqClient | None = None
        self._events: obsws_python.EventClient | None = None
        self._state = ConnectionState(DISCONNECTED, "not connected yet")
        self._connected = threading.Event()
        self._supervisor: threading.Thread | None = None
        self.version = ""
        self.available_requests: frozenset[str] = frozenset()

    @property
    def address(self) -> str:
        return f"{self._target['host']}:{self._target['port']}"

    @property
    def state(self) -> ConnectionState:
        return self._state

    @property
    def is_local(self) -> bool:
        """OBS runs on this machine, so the paths it reports are paths here."""
        host = str(self._target["host"])
        return host in ("localhost", "127.0.0.1", "::1") or host.startswith("127.")

    # -- lifecycle -------------------------------------------------------------------------

    def start(self) -> None:
        """Connect in the background; returns at once, OBS may well be closed."""
        self._supervisor = threading.Thread(target=self._supervise, name="obs-supervisor", daemon=True)
        self._supervisor.start()

    def close(self) -> None:
        self._stopping.set()
        self._link_lost.set()
        self._teardown()
        if self._supervisor:
            self._supervisor.join(timeout=5)

    def wait_connected(self, timeout: float) -> bool:
        """Block until connected (used by the CLI and tests)."""
        return self._connected.wait(timeout)

    def _supervise(self) -> None:
        delay = 0.5
        was_connected = False
        while not self._stopping.is_set():
            try:
                self._connect()
            except OBSSDKError as exc:
                self._set_state(DISCONNECTED, self._identify_error(exc))
                delay = self._reconnect_max_s
            except _LINK_ERRORS as exc:
                reason = "connection refused" if isinstance(exc, ConnectionRefusedError) else type(exc).__name__
                self._set_state(DISCONNECTED, f"OBS is not reachable at {self.address} ({reason})")
            else:
                delay = 0.5
                was_connected = True
                self._set_state(CONNECTED)
                self._watch_link()
                self._teardown()
                if self._stopping.is_set():
                    break
                self._set_state(RECONNECTING, "the connection to OBS was lost")
            if was_connected:
                log.debug("reconnecting to OBS in %.1fs", delay)
            self._stopping.wait(delay)
            delay = min(delay * 2, self._reconnect_max_s)
        self._set_state(DISCONNECTED, "stopped")

    def _identify_error(self, exc: OBSSDKError) -> str:
        if "password" in str(exc) or "identify" in str(exc):
            return f"OBS at {self.address} refused our credentials: check {self._password_source}"
        return f"OBS at {self.address} rejected the connection: {exc}"

    def _connect(self) -> None:
        self._link_lost.clear()
        options = dict(self._target, timeout=self._request_timeout_s)
        requests = obsws_python.ReqClient(**options)
        try:
            events = obsws_python.EventClient(**options)
        except Exception:
            requests.disconnect()
            raise
        events.callback.register([self.on_record_state_changed, self.on_record_file_changed, self.on_exit_started])
        # What this OBS can do (SplitRecordFile and CreateRecordChapter came with obs-websocket 5.5).
        version = requests.send("GetVersion", raw=True) or {}
        self.version = str(version.get("obsWebSocketVersion", ""))
        self.available_requests = frozenset(version.get("availableRequests") or ())
        self._requests, self._events = requests, events

    def _watch_link(self) -> None:
        """Return when the event listener died, a request saw a dead socket, or we stop."""
        while not self._link_lost.wait(0.25):
            if self._events is None or not self._events.worker.is_alive():
                return

    def _teardown(self) -> None:
        requests, events = self._requests, self._events
        self._requests = self._events = None
        for client in (requests, events):
            if client is None:
                continue
            try:
                client.base_client.ws.close()
            except Exception:  # already closed by the peer
                pass

    def _set_state(self, state: str, error: str | None = None) -> None:
        new = ConnectionState(state, error)
        if new == self._state:
            return
        self._state = new
        (self._connected.set if new.connected else self._connected.clear)()
        if state == CONNECTED:
            log.info("connected to OBS at %s", self.address)
        else:
            log.warning("OBS %s: %s", state, error)
        try:
            self._on_connection(new)
        except Exception:
            log.exception("connection handler failed")

    # -- events (called on obsws-python's listener thread; names are its convention) ----------

    def on_record_state_changed(self, data) -> None:
        self._dispatch("RecordStateChanged", data)

    def on_record_file_changed(self, data) -> None:
        self._dispatch("RecordFileChanged", data)

    def on_exit_started(self, data) -> None:
        self._dispatch("ExitStarted", data)

    def _dispatch(self, name: str, data) -> None:
        payload = {key: getattr(data, key) for key in data.attrs()}
        try:
            self._on_event(name, payload)
        except Exception:
            # An exception here would kill obsws-python's listener thread.
            log.exception("handler for OBS event %s failed", name)

    # -- requests --------------------------------------------------------------------------

    def request(self, request_type: str, data: dict[str, Any] | None = None) -> dict[str, Any]:
        """Send one request; raises ObsUnavailable when OBS is gone, ObsRequestFailed on refusal."""
        with self._request_lock:
            client = self._requests
            if client is None or not self._state.connected:
                raise ObsUnavailable(
                    f"OBS is not connected: {self._state.error or self._state.state}", obs=self._state.as_dict()
                )
            try:
                return client.send(request_type, data, raw=True) or {}
            except OBSSDKRequestError as exc:
                raise ObsRequestFailed(f"OBS refused {request_type} (code {exc.code})", exc.code) from exc
            except (*_LINK_ERRORS, OBSSDKError) as exc:
                # A timed-out request may still be answered later and desynchronise the
                # client, so any transport failure drops the link and reconnects.
                self._link_lost.set()
                raise ObsUnavailable(f"lost the connection to OBS during {request_type}") from exc

    def record_status(self) -> dict[str, Any]:
        return self.request("GetRecordStatus")

    def start_record(self) -> None:
        self.request("StartRecord")

    def stop_record(self) -> str:
        return self.request("StopRecord").get("outputPath", "")

    def record_directory(self) -> str:
        return self.request("GetRecordDirectory").get("recordDirectory", "")

    def pause_record(self) -> None:
        self.request("PauseRecord")

    def resume_record(self) -> None:
        self.request("ResumeRecord")

    def supports(self, request_type: str) -> bool:
        return request_type in self.available_requests

    def stats(self) -> dict[str, Any]:
        return self.request("GetStats")
