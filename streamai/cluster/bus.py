"""Calls from web processes to the controller, over Redis lists.

A web process pushes a call onto one list; the controller (the only consumer) pops it, runs it and
pushes the reply onto a list of that call's own. What makes it safe is the hand-over: before
running a call the controller claims it (`SET … NX` "taken"), and a web process that gives up
waiting claims it "abandoned" the same way. Exactly one of them wins, so a start is either
answered or never happens: a call left in the list while no controller ran is not carried out
later, behind the back of the user who was told it failed.

The controller also says it is alive: a key that expires three seconds after its last heartbeat.
A web process checks it before a call (no controller: 503 at once) and while it waits (the
controller that took the call died: 503 at once, not at the end of a stop's long timeout).
"""

from __future__ import annotations

import json
import logging
import os
import socket
import threading
import time
import uuid
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any, cast

import redis

from ..exceptions import Unavailable

log = logging.getLogger(__name__)

HEARTBEAT_S = 1.0
PRESENCE_TTL_MS = 3000
TAKE_WITHIN_S = 5.0  # a live controller takes a call in milliseconds
KEEP_S = 600  # call states and replies nobody read expire


class ControlBus:
    def __init__(self, client: redis.Redis, prefix: str = "streamai", take_within_s: float = TAKE_WITHIN_S):
        self.redis = client
        self.prefix = prefix
        self.take_within_s = take_within_s
        self.calls_key = f"{prefix}:control:calls"
        self.presence_key = f"{prefix}:control:leader"

    @classmethod
    def from_url(cls, url: str) -> ControlBus:
        return cls(redis.Redis.from_url(url, decode_responses=True, health_check_interval=30))

    def _state_key(self, call_id: str) -> str:
        return f"{self.prefix}:control:call:{call_id}"

    def _reply_key(self, call_id: str) -> str:
        return f"{self.prefix}:control:reply:{call_id}"

    # -- upload workers -------------------------------------------------------------------

    @property
    def wake_channel(self) -> str:
        return f"{self.prefix}:uploads:wake"

    def wake_workers(self) -> None:
        """A job was queued: every `streamai worker` looks at the queue now."""
        self.redis.publish(self.wake_channel, "1")

    def on_wake(self, wake: Callable[[], None], stop: threading.Event) -> None:
        """A worker's side: call `wake` for each nudge until `stop` (reconnecting after an outage)."""
        while not stop.is_set():
            try:
                pubsub = self.redis.pubsub(ignore_subscribe_messages=True)
                pubsub.subscribe(self.wake_channel)
                while not stop.is_set():
                    if pubsub.get_message(timeout=1.0):
                        wake()
            except redis.ConnectionError as exc:
                log.warning("Redis is unreachable (%s); the queue is still read every few seconds", exc)
                stop.wait(2.0)

    # -- the controller -------------------------------------------------------------------

    def controller(self) -> dict[str, Any] | None:
        """The live controller (`id`, `host`, `pid`, `since`), or None."""
        raw = self.redis.get(self.presence_key)
        return json.loads(raw) if raw else None

    # -- a web process's side --------------------------------------------------------------

    def call(self, name: str, args: dict[str, Any], runs_for_s: float) -> dict[str, Any]:
        """The controller's reply to `name(**args)`; Unavailable when no controller takes it or
        the one that took it dies."""
        if self.controller() is None:
            raise Unavailable("no StreamAI controller is running (streamai control): OBS cannot be reached", obs=None)
        call_id = uuid.uuid4().hex
        state_key, reply_key = self._state_key(call_id), self._reply_key(call_id)
        payload = json.dumps({"id": call_id, "name": name, "args": args})
        self.redis.rpush(self.calls_key, payload)
        posted = time.monotonic()
        taken_at: float | None = None
        while True:
            got = self.redis.blpop([reply_key], timeout=0.5)
            if got:
                return json.loads(got[1])
            state = self.redis.get(state_key)
            if state is None:
                if time.monotonic() - posted < self.take_within_s:
                    continue
                if self.redis.set(state_key, "abandoned", nx=True, ex=KEEP_S):
                    self.redis.lrem(self.calls_key, 1, payload)
                    raise Unavailable(
                        f"the controller did not take the call within {self.take_within_s:g} s: nothing was done"
                    )
                continue  # taken just now
            taken_at = taken_at or time.monotonic()
            alive = self.controller()
            if alive is None or state != f"taken:{alive['id']}" or time.monotonic() - taken_at > runs_for_s:
                late = cast(str | None, self.redis.lpop(reply_key))
                if late:
                    return json.loads(late)
                raise Unavailable(
                    f"the controller stopped answering while it carried out {name}: check the recording's state"
                )

    # -- the controller's side -------------------------------------------------------------

    def serve(self, handle: Callable[[str, dict[str, Any]], dict[str, Any]], stop: threading.Event) -> None:
        """Take calls until `stop`; each runs on its own thread, so a stop waiting for its file
        does not hold up a status read."""
        identity = self._identity()
        heartbeat = threading.Thread(target=self._beat, args=(identity, stop), name="control-heartbeat", daemon=True)
        self._announce(identity)
        heartbeat.start()
        with ThreadPoolExecutor(max_workers=8, thread_name_prefix="control-call") as pool:
            while not stop.is_set():
                try:
                    got = self.redis.blpop([self.calls_key], timeout=1)
                except redis.ConnectionError as exc:
                    log.warning("Redis is unreachable (%s); retrying", exc)
                    stop.wait(1.0)
                    continue
                if not got:
                    continue
                call = json.loads(got[1])
                if not self.redis.set(self._state_key(call["id"]), f"taken:{identity['id']}", nx=True, ex=KEEP_S):
                    continue  # its web process gave up on it: it must not happen now
                pool.submit(self._answer, call, handle)
        heartbeat.join()
        self._retire(identity)

    def _answer(self, call: dict[str, Any], handle: Callable[[str, dict[str, Any]], dict[str, Any]]) -> None:
        reply = handle(call["name"], call.get("args", {}))
        key = self._reply_key(call["id"])
        with self.redis.pipeline() as pipe:
            pipe.rpush(key, json.dumps(reply))
            pipe.expire(key, KEEP_S)
            pipe.execute()

    @staticmethod
    def _identity() -> dict[str, Any]:
        return {"id": uuid.uuid4().hex, "host": socket.gethostname(), "pid": os.getpid(), "since": time.time()}

    def _announce(self, identity: dict[str, Any]) -> None:
        self.redis.set(self.presence_key, json.dumps(identity), px=PRESENCE_TTL_MS)

    def _beat(self, identity: dict[str, Any], stop: threading.Event) -> None:
        while not stop.wait(HEARTBEAT_S):
            try:
                self._announce(identity)
            except redis.ConnectionError as exc:
                log.warning("cannot tell Redis this controller is alive: %s", exc)

    def _retire(self, identity: dict[str, Any]) -> None:
        """On a clean stop, say at once that no controller runs (if it is still this one)."""
        try:
            if self.controller() == identity:
                self.redis.delete(self.presence_key)
        except redis.ConnectionError:
            pass
