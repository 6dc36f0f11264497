"""Probe: what the real OBS (tests/support/obs_studio.py) sends, so tests/support/fake_obs.py can match it.

    .venv/bin/python -m tests.support.probe_real_obs [--split-mb N | --split-minutes N] [--seconds S]

Speaks obs-websocket v5 by hand (no client library in between) and prints, with timestamps, the
Hello, every event (raw), the answers to GetVersion / GetRecordStatus / GetStats and to the record
requests in every state, whether the file is complete when StopRecord answers and when STOPPED
arrives (ffprobe), and the files left in the record directory. Not a test: a tool to re-check the
fake after an OBS upgrade. Only loopback; OBS and Xvfb are stopped by pid at the end.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import itertools
import json
import subprocess
import tempfile
import threading
import time
from pathlib import Path

import websocket

from .obs_studio import ObsStudio

T0 = time.monotonic()


def say(*parts) -> None:
    print(f"[{time.monotonic() - T0:7.3f}]", *parts, flush=True)


def ffprobe(path: str) -> str:
    """'duration=…s' when the file is a complete, readable video, else the error."""
    run = subprocess.run(
        ["ffprobe", "-v", "error", "-show_entries", "format=duration", "-of", "json", path],
        capture_output=True,
        text=True,
    )
    if run.returncode:
        return f"unreadable: {run.stderr.strip()[:200]}"
    return f"duration={json.loads(run.stdout).get('format', {}).get('duration')}s"


class RawClient:
    """A bare obs-websocket client: identify, match answers by requestId, keep every event."""

    def __init__(self, port: int, password: str, subscriptions: int = 0x7FF):
        self.ws = websocket.create_connection(f"ws://127.0.0.1:{port}", timeout=10)
        self.hello = json.loads(self.ws.recv())
        say("Hello:", json.dumps(self.hello))
        identify = {"rpcVersion": 1, "eventSubscriptions": subscriptions}
        auth = self.hello["d"].get("authentication")
        if auth:
            secret = base64.b64encode(hashlib.sha256((password + auth["salt"]).encode()).digest())
            identify["authentication"] = base64.b64encode(
                hashlib.sha256(secret + auth["challenge"].encode()).digest()
            ).decode()
        self.ws.send(json.dumps({"op": 1, "d": identify}))
        say("Identified:", self.ws.recv())
        self.ids = itertools.count(1)
        self.answers: dict[str, dict] = {}
        self.events: list[tuple[float, dict]] = []
        self.quiet: set[str] = set()
        self.cond = threading.Condition()
        self.ws.settimeout(None)
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        while True:
            try:
                message = json.loads(self.ws.recv())
            except Exception:
                return
            with self.cond:  # printed here, in the order OBS sent them
                if message["op"] == 7:
                    answer = message["d"]
                    self.answers[answer["requestId"]] = answer
                    if answer["requestId"] not in self.quiet:
                        say(
                            answer["requestType"],
                            "->",
                            json.dumps({k: answer.get(k) for k in ("requestStatus", "responseData")}),
                        )
                elif message["op"] == 5:
                    self.events.append((time.monotonic(), message["d"]))
                    say("EVENT", json.dumps(message["d"]))
                self.cond.notify_all()

    def request(self, request_type: str, data: dict | None = None, show: bool = True) -> dict:
        request_id = str(next(self.ids))
        payload = {"requestType": request_type, "requestId": request_id}
        if not show:
            self.quiet.add(request_id)
        if data is not None:
            payload["requestData"] = data
        self.ws.send(json.dumps({"op": 6, "d": payload}))
        with self.cond:
            self.cond.wait_for(lambda: request_id in self.answers, timeout=10)
            return self.answers.pop(request_id)

    def wait_event(self, predicate, timeout: float = 30) -> dict | None:
        with self.cond:
            found = self.cond.wait_for(lambda: next((e for _, e in self.events if predicate(e)), None), timeout)
        return found

    def record_state(self, state: str):
        return lambda e: e["eventType"] == "RecordStateChanged" and e["eventData"]["outputState"] == state


def probe_auth(studio: ObsStudio) -> None:
    ws = websocket.create_connection(f"ws://127.0.0.1:{studio.port}", timeout=10)
    ws.recv()
    ws.send(json.dumps({"op": 1, "d": {"rpcVersion": 1, "authentication": "bm9wZQ=="}}))
    try:
        frame = ws.recv_data_frame(True)[1]
        say("wrong password -> close frame:", int.from_bytes(frame.data[:2], "big"), frame.data[2:].decode())
    except Exception as exc:
        say("wrong password ->", type(exc).__name__, exc)
    ws.close()


def wait_timecode(client: RawClient, ms: int) -> None:
    """Waits until the recording holds `ms` of video, reading OBS's own duration."""
    deadline = time.monotonic() + ms / 1000 + 30
    while time.monotonic() < deadline:
        if client.request("GetRecordStatus", show=False)["responseData"]["outputDuration"] >= ms:
            return
        time.sleep(0.2)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split-mb", type=int)
    parser.add_argument("--split-minutes", type=int)
    parser.add_argument("--seconds", type=float, default=3.0, help="length of the recording")
    args = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="obs-probe-"))
    studio = ObsStudio(
        workdir, split_every_mb=args.split_mb, split_every_s=args.split_minutes * 60 if args.split_minutes else None
    )
    try:
        studio.start()
        say("OBS", subprocess.run(["obs", "--version"], capture_output=True, text=True).stdout.strip())
        probe_auth(studio)
        client = RawClient(studio.port, studio.password)
        version = client.request("GetVersion", show=False)["responseData"]
        requests = version.pop("availableRequests")
        say("GetVersion (less availableRequests):", json.dumps(version))
        say(f"availableRequests ({len(requests)}):", json.dumps(requests))
        for name in (
            "GetRecordStatus",
            "GetRecordDirectory",
            "GetStats",
            "PauseRecord",
            "ResumeRecord",
            "ToggleRecordPause",
            "StopRecord",
            "SplitRecordFile",
            "CreateRecordChapter",
        ):
            client.request(name)
        client.request("GetRecordStatus")

        client.request("StartRecord")
        client.request("StartRecord")
        client.wait_event(client.record_state("OBS_WEBSOCKET_OUTPUT_STARTED"))
        for _ in range(3):
            client.request("GetRecordStatus")
            time.sleep(0.5)
        client.request("StartRecord")
        client.request("PauseRecord")
        client.request("PauseRecord")
        client.wait_event(client.record_state("OBS_WEBSOCKET_OUTPUT_PAUSED"))
        client.request("GetRecordStatus")
        time.sleep(1)
        client.request("GetRecordStatus")
        client.request("SplitRecordFile")
        client.request("ResumeRecord")
        client.request("ResumeRecord")
        client.wait_event(client.record_state("OBS_WEBSOCKET_OUTPUT_RESUMED"))
        time.sleep(0.5)  # OBS silently ignores a pause right after a resume
        client.request("ToggleRecordPause")
        client.wait_event(
            lambda e: (
                len(
                    [
                        x
                        for _, x in client.events
                        if x["eventType"] == "RecordStateChanged" and x["eventData"]["outputState"].endswith("PAUSED")
                    ]
                )
                >= 2
            )
        )
        # Not sooner: OBS 29 paused and resumed ~40 ms apart stopped writing, and its stop never ended.
        time.sleep(0.5)
        client.request("ToggleRecordPause")
        client.wait_event(
            lambda e: (
                len(
                    [
                        x
                        for _, x in client.events
                        if x["eventType"] == "RecordStateChanged" and x["eventData"]["outputState"].endswith("RESUMED")
                    ]
                )
                >= 2
            )
        )
        client.request("GetStats")
        wait_timecode(client, int(args.seconds * 1000))
        client.request("GetRecordStatus")
        client.request("PauseRecord")  # stopped while paused: is there a RESUMED first?
        client.wait_event(
            lambda e: (
                len(
                    [
                        x
                        for _, x in client.events
                        if x["eventType"] == "RecordStateChanged" and x["eventData"]["outputState"].endswith("PAUSED")
                    ]
                )
                >= 3
            )
        )
        time.sleep(1)

        stop = client.request("StopRecord")
        path = stop["responseData"]["outputPath"]
        say("at the StopRecord answer:", Path(path).stat().st_size if Path(path).exists() else "no file", ffprobe(path))
        stopped = client.wait_event(client.record_state("OBS_WEBSOCKET_OUTPUT_STOPPED"), timeout=60)
        say("at STOPPED:", Path(path).stat().st_size, ffprobe(path))
        if stopped and stopped["eventData"].get("outputPath") != path:
            say("STOPPED names another file:", stopped["eventData"].get("outputPath"))
        client.request("GetRecordStatus")
        for file in sorted(studio.record_dir.iterdir()):
            say("file:", file.name, file.stat().st_size, ffprobe(str(file)))
        say("event types seen:", sorted({e["eventType"] for _, e in client.events}))
        client.ws.close()
    finally:
        studio.close()
        say("workdir (log: obs.log):", workdir)


if __name__ == "__main__":
    main()
