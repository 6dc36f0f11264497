"""The fake OBS (tests/support/fake_obs.py) through the real client library, as StreamAI uses it.

Everything waits on events or on OBS's own timecode; the only waits on the clock are the
recording lengths themselves, and those too are read from GetRecordStatus.
"""

from __future__ import annotations

import base64
import hashlib
import json
import logging
import os
import re
import shutil
import socket
import subprocess
import threading
import time
from pathlib import Path

import obsws_python
import pytest
import websocket
from obsws_python.error import OBSSDKError, OBSSDKRequestError

from .support.fake_obs import FakeObs

logging.getLogger("obsws_python").setLevel(logging.CRITICAL)  # it logs the password on connect

OBS_NAME = re.compile(r"\d{4}-\d{2}-\d{2} \d{2}-\d{2}-\d{2}( \(\d+\))?\.mkv")
TIMECODE = re.compile(r"\d{2}:\d{2}:\d{2}\.\d{3}")


@pytest.fixture(autouse=True)
def _needs_ffmpeg():
    if shutil.which("ffmpeg") and shutil.which("ffprobe"):
        return
    if os.environ.get("CI"):
        pytest.fail("ffmpeg is required in CI (apt-get install ffmpeg)")
    pytest.skip("missing ffmpeg (apt-get install ffmpeg)")


@pytest.fixture
def make_fake(tmp_path):
    """Starts fakes; each is closed (its ffmpeg children stopped) even when the test fails."""
    fakes: list[FakeObs] = []

    def make(**options) -> FakeObs:
        fake = FakeObs(tmp_path / f"obs{len(fakes)}", **options)
        fakes.append(fake)
        return fake.start()

    yield make
    for fake in fakes:
        fake.close()


@pytest.fixture
def connect():
    """obsws-python clients, as StreamAI makes them: a ReqClient and an EventClient."""
    opened: list = []

    def make(fake: FakeObs) -> tuple[obsws_python.ReqClient, Events]:
        requests = obsws_python.ReqClient(host="127.0.0.1", port=fake.port, password=fake.password, timeout=10)
        opened.append(requests)
        events = Events(fake)
        opened.append(events.client)
        return requests, events

    yield make
    for client in opened:
        try:
            client.disconnect()
        except Exception:  # already dropped by the test
            pass


class Events:
    """Record events as an obsws-python EventClient receives them, to wait on."""

    def __init__(self, fake: FakeObs):
        self.client = obsws_python.EventClient(host="127.0.0.1", port=fake.port, password=fake.password, timeout=10)
        self.seen: list[tuple[str, dict]] = []
        self._cond = threading.Condition()
        self.client.callback.register([self.on_record_state_changed, self.on_record_file_changed])

    def on_record_state_changed(self, data) -> None:
        self._add("RecordStateChanged", data)

    def on_record_file_changed(self, data) -> None:
        self._add("RecordFileChanged", data)

    def _add(self, name: str, data) -> None:
        with self._cond:
            self.seen.append((name, {key: getattr(data, key) for key in data.attrs()}))
            self._cond.notify_all()

    def states(self) -> list[str]:
        with self._cond:
            return [
                d["output_state"].removeprefix("OBS_WEBSOCKET_OUTPUT_")
                for n, d in self.seen
                if n == "RecordStateChanged"
            ]

    def file_changes(self) -> list[str]:
        with self._cond:
            return [d["new_output_path"] for n, d in self.seen if n == "RecordFileChanged"]

    def wait(self, name: str, state: str | None = None, count: int = 1, timeout: float = 20) -> dict:
        """The `count`-th event `name` (with outputState `state`), waiting for it."""

        def matching():
            return [
                d
                for n, d in self.seen
                if n == name and (state is None or d["output_state"] == f"OBS_WEBSOCKET_OUTPUT_{state}")
            ]

        with self._cond:
            if not self._cond.wait_for(lambda: len(matching()) >= count, timeout):
                raise AssertionError(f"no {name} {state or ''} #{count} in {timeout}s; seen: {self.seen}")
            return matching()[count - 1]

    def wait_state(self, state: str, count: int = 1, timeout: float = 20) -> dict:
        return self.wait("RecordStateChanged", state, count, timeout)


def status(requests: obsws_python.ReqClient) -> dict:
    return requests.send("GetRecordStatus", raw=True)


def wait_recorded(requests: obsws_python.ReqClient, ms: int, timeout: float = 20) -> dict:
    """Waits until OBS's own timecode reaches `ms`; the status then."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        now = status(requests)
        if now["outputDuration"] >= ms:
            return now
        time.sleep(0.05)
    raise AssertionError(f"the timecode did not reach {ms} ms in {timeout}s: {now}")


def probe_duration(path: str | Path) -> float | None:
    """The duration ffprobe reads, or None for a file not finished (an mkv gets it in its trailer)."""
    out = subprocess.run(
        ["ffprobe", "-v", "error", "-show_entries", "format=duration:stream=codec_type", "-of", "json", str(path)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    info = json.loads(out)
    assert sorted(s["codec_type"] for s in info.get("streams", [])) == ["audio", "video"]
    duration = info.get("format", {}).get("duration")
    return float(duration) if duration else None


def decodes_cleanly(path: str | Path) -> bool:
    run = subprocess.run(
        ["ffmpeg", "-v", "error", "-xerror", "-i", str(path), "-f", "null", "-"], capture_output=True, text=True
    )
    return run.returncode == 0 and not run.stderr.strip()


def error_code(call) -> int:
    with pytest.raises(OBSSDKRequestError) as refused:
        call()
    return refused.value.code


# -- connecting ------------------------------------------------------------------------------


def test_password_accepted_and_wrong_password_closed_with_4009(make_fake, connect):
    fake = make_fake(password="s3cret")
    requests, _ = connect(fake)
    assert requests.get_version().obs_web_socket_version == "5.5.0"

    with pytest.raises(OBSSDKError):
        obsws_python.ReqClient(host="127.0.0.1", port=fake.port, password="wrong", timeout=5)

    ws = websocket.create_connection(f"ws://127.0.0.1:{fake.port}", timeout=5)
    try:
        hello = json.loads(ws.recv())
        assert hello["op"] == 0 and hello["d"]["rpcVersion"] == 1
        auth = hello["d"]["authentication"]
        secret = base64.b64encode(hashlib.sha256(("wrong" + auth["salt"]).encode()).digest())
        wrong = base64.b64encode(hashlib.sha256(secret + auth["challenge"].encode()).digest()).decode()
        ws.send(json.dumps({"op": 1, "d": {"rpcVersion": 1, "authentication": wrong}}))
        opcode, frame = ws.recv_data_frame(True)
        assert opcode == websocket.ABNF.OPCODE_CLOSE
        assert int.from_bytes(frame.data[:2], "big") == 4009
        assert frame.data[2:].decode() == "Authentication failed."
    finally:
        ws.close()
    assert fake.identified_clients == 2  # the two that got in


def raw_client(fake: FakeObs, subscriptions: int) -> websocket.WebSocket:
    ws = websocket.create_connection(f"ws://127.0.0.1:{fake.port}", timeout=10)
    auth = json.loads(ws.recv())["d"]["authentication"]
    secret = base64.b64encode(hashlib.sha256((fake.password + auth["salt"]).encode()).digest())
    answer = base64.b64encode(hashlib.sha256(secret + auth["challenge"].encode()).digest()).decode()
    ws.send(
        json.dumps({"op": 1, "d": {"rpcVersion": 1, "authentication": answer, "eventSubscriptions": subscriptions}})
    )
    assert json.loads(ws.recv()) == {"op": 2, "d": {"negotiatedRpcVersion": 1}}
    return ws


def test_events_only_reach_clients_subscribed_to_outputs(make_fake):
    fake = make_fake()
    quiet, outputs = raw_client(fake, 0), raw_client(fake, 1 << 6)
    try:
        fake.start_recording_from_window()
        starting = json.loads(outputs.recv())
        assert starting == {
            "op": 5,
            "d": {
                "eventType": "RecordStateChanged",
                "eventIntent": 64,
                "eventData": {
                    "outputActive": False,
                    "outputState": "OBS_WEBSOCKET_OUTPUT_STARTING",
                    "outputPath": None,
                },
            },
        }
        assert json.loads(outputs.recv())["d"]["eventData"]["outputState"] == "OBS_WEBSOCKET_OUTPUT_STARTED"
        quiet.send(json.dumps({"op": 6, "d": {"requestType": "GetRecordStatus", "requestId": "r1"}}))
        answer = json.loads(quiet.recv())  # no event came before it
        assert answer["op"] == 7 and answer["d"]["requestId"] == "r1"
        assert answer["d"]["requestStatus"] == {"result": True, "code": 100}
    finally:
        quiet.close()
        outputs.close()


@pytest.mark.parametrize("version", ["5.1.0", "5.5.0"])
def test_get_version_lists_the_requests_of_that_version(make_fake, connect, version):
    requests, _ = connect(make_fake(version=version))
    answer = requests.get_version()
    assert answer.obs_web_socket_version == version and answer.rpc_version == 1
    assert {
        "GetRecordStatus",
        "StartRecord",
        "StopRecord",
        "PauseRecord",
        "ResumeRecord",
        "ToggleRecordPause",
        "GetRecordDirectory",
        "GetStats",
        "GetVersion",
    } <= set(answer.available_requests)
    newer = {"SplitRecordFile", "CreateRecordChapter"} & set(answer.available_requests)
    assert newer == (set() if version == "5.1.0" else {"SplitRecordFile", "CreateRecordChapter"})


def test_get_stats_reports_the_configured_disk_space(make_fake, connect, tmp_path):
    fake = make_fake(available_disk_mb=1234.5)
    requests, _ = connect(fake)
    assert requests.get_stats().available_disk_space == 1234.5
    fake.available_disk_mb = 12.0  # the disk fills up
    assert requests.get_stats().available_disk_space == 12.0
    fake.available_disk_mb = None
    real = shutil.disk_usage(fake.record_dir).free / 2**20
    assert abs(requests.get_stats().available_disk_space - real) < 512
    assert requests.get_record_directory().record_directory == str(fake.record_dir)


# -- recording -------------------------------------------------------------------------------


def test_start_emits_started_and_the_timecode_moves(make_fake, connect):
    fake = make_fake()
    requests, events = connect(fake)
    idle = status(requests)
    assert idle == {
        "outputActive": False,
        "outputPaused": False,
        "outputTimecode": "00:00:00.000",
        "outputDuration": 0,
        "outputBytes": 0,
    }

    requests.start_record()
    started = events.wait_state("STARTED")
    assert events.states() == ["STARTING", "STARTED"]
    assert started["output_active"] is True
    path = Path(started["output_path"])
    assert path.parent == fake.record_dir and OBS_NAME.fullmatch(path.name) and path.exists()
    assert error_code(requests.start_record) == 500

    first = wait_recorded(requests, 300)
    later = wait_recorded(requests, first["outputDuration"] + 700)
    assert later["outputActive"] is True and later["outputPaused"] is False
    assert TIMECODE.fullmatch(later["outputTimecode"]) and later["outputTimecode"] > first["outputTimecode"]
    requests.stop_record()
    events.wait_state("STOPPED")


def test_stop_answers_with_the_path_first_and_stopped_means_the_file_is_complete(make_fake, connect):
    fake = make_fake()
    requests, events = connect(fake)
    requests.start_record()
    path = events.wait_state("STARTED")["output_path"]
    recorded = wait_recorded(requests, 3000)["outputDuration"]

    answered = requests.stop_record().output_path
    assert answered == path
    assert "STOPPED" not in events.states(), "StopRecord must answer before the file is finished"
    stopped = events.wait_state("STOPPED")
    assert events.states() == ["STARTING", "STARTED", "STOPPING", "STOPPED"]
    assert stopped["output_path"] == path and stopped["output_active"] is False
    duration = probe_duration(path)
    # The 2 s of pause are not in the file. (A stall of a loaded machine while recording can leave
    # less in the file than the timecode counts, never more: so the bound is one-sided.)
    paused_s = 2.0
    assert duration is not None and 0.5 < duration < recorded / 1000 + paused_s / 2, (duration, recorded)
    assert decodes_cleanly(path)
    after = status(requests)
    assert after["outputActive"] is False and after["outputDuration"] == 0
    assert after["outputBytes"] == Path(path).stat().st_size  # kept, like OBS
    assert error_code(requests.stop_record) == 501


def test_pause_freezes_the_timecode_and_leaves_paused_time_out_of_the_file(make_fake, connect):
    fake = make_fake()
    requests, events = connect(fake)
    assert error_code(requests.resume_record) == 503
    requests.pause_record()  # not recording: obs-websocket answers 100 and nothing happens
    assert fake.recording_state == "idle"

    requests.start_record()
    path = events.wait_state("STARTED")["output_path"]
    wait_recorded(requests, 1500)
    requests.pause_record()
    paused = events.wait_state("PAUSED")
    assert paused["output_active"] is False and paused["output_path"] is None
    assert error_code(requests.pause_record) == 502
    frozen = status(requests)
    assert frozen["outputPaused"] is True and frozen["outputActive"] is True
    paused_at = time.monotonic()
    while time.monotonic() - paused_at < 2.0:  # two seconds of pause, watched all along
        assert status(requests)["outputTimecode"] == frozen["outputTimecode"]
        time.sleep(0.1)

    assert requests.send("ToggleRecordPause").output_paused is False
    resumed = events.wait_state("RESUMED")
    assert resumed["output_active"] is True
    assert error_code(requests.resume_record) == 503
    recorded = wait_recorded(requests, frozen["outputDuration"] + 1500)["outputDuration"]
    requests.stop_record()
    events.wait_state("STOPPED")
    assert events.states() == ["STARTING", "STARTED", "PAUSED", "RESUMED", "STOPPING", "STOPPED"]
    duration = probe_duration(path)
    assert duration is not None and abs(duration - recorded / 1000) < 1.0, (duration, recorded)


def test_stopping_while_paused_goes_straight_to_stopped(make_fake, connect):
    fake = make_fake()
    requests, events = connect(fake)
    requests.start_record()
    path = events.wait_state("STARTED")["output_path"]
    recorded = wait_recorded(requests, 1000)["outputDuration"]
    requests.pause_record()
    events.wait_state("PAUSED")
    assert requests.stop_record().output_path == path
    events.wait_state("STOPPED")
    assert events.states() == ["STARTING", "STARTED", "PAUSED", "STOPPING", "STOPPED"]  # as OBS 29: no RESUMED
    assert abs(probe_duration(path) - recorded / 1000) < 1.0


# -- splitting ---------------------------------------------------------------------------------


def test_split_on_5_5_announces_the_new_file_once_the_previous_one_is_complete(make_fake, connect):
    fake = make_fake(version="5.5.0")
    requests, events = connect(fake)
    requests.start_record()
    first = events.wait_state("STARTED")["output_path"]
    before_split = wait_recorded(requests, 1500)["outputDuration"]

    requests.send("SplitRecordFile")
    second = events.wait("RecordFileChanged")["new_output_path"]
    first_duration = probe_duration(first)  # complete once RecordFileChanged is sent
    assert first_duration is not None and abs(first_duration - before_split / 1000) < 1.0
    assert second != first and Path(second).parent == fake.record_dir and OBS_NAME.fullmatch(Path(second).name)

    total = wait_recorded(requests, before_split + 1500)["outputDuration"]  # the timecode runs on across files
    assert requests.stop_record().output_path == first  # OBS names the first file, split or not
    assert events.wait_state("STOPPED")["output_path"] == first
    assert fake.files == [Path(first), Path(second)]
    second_duration = probe_duration(second)
    assert second_duration is not None and abs(first_duration + second_duration - total / 1000) < 1.5
    assert decodes_cleanly(first) and decodes_cleanly(second)


def test_split_and_chapter_on_5_5_are_refused_when_obs_would_refuse(make_fake, connect):
    fake = make_fake(version="5.5.0", split_enabled=False)
    requests, events = connect(fake)
    assert error_code(lambda: requests.send("SplitRecordFile")) == 501
    assert error_code(lambda: requests.send("CreateRecordChapter", {"chapterName": "Intro"})) == 501
    requests.start_record()
    events.wait_state("STARTED")
    assert error_code(lambda: requests.send("SplitRecordFile")) == 702  # splitting is off in OBS's settings
    requests.send("CreateRecordChapter", {"chapterName": "Intro"})
    assert error_code(lambda: requests.send("CreateRecordChapter", {"chapterName": 3})) == 401
    requests.pause_record()
    events.wait_state("PAUSED")
    assert error_code(lambda: requests.send("CreateRecordChapter")) == 702  # OBS refuses while paused
    requests.stop_record()
    events.wait_state("STOPPED")
    assert [(c.path, c.name) for c in fake.chapters] == [(fake.files[0], "Intro")]
    assert events.file_changes() == []


def test_split_on_5_1_is_an_unknown_request(make_fake, connect):
    fake = make_fake(version="5.1.0")
    requests, events = connect(fake)
    requests.start_record()
    events.wait_state("STARTED")
    wait_recorded(requests, 500)
    assert error_code(lambda: requests.send("SplitRecordFile")) == 204
    assert error_code(lambda: requests.send("CreateRecordChapter", {"chapterName": "x"})) == 204
    requests.stop_record()
    events.wait_state("STOPPED")
    assert events.file_changes() == [] and len(fake.files) == 1
    assert ("SplitRecordFile", None) in fake.requests


def test_automatic_split_every_2s_gives_complete_files_in_order(make_fake, connect):
    fake = make_fake(version="5.5.0", split_every_s=2)
    requests, events = connect(fake)
    requests.start_record()
    first = events.wait_state("STARTED")["output_path"]
    events.wait("RecordFileChanged", count=2)
    recorded = wait_recorded(requests, 5000)["outputDuration"]
    requests.stop_record()
    assert events.wait_state("STOPPED")["output_path"] == first

    files = [str(path) for path in fake.files]
    assert len(files) >= 3 and files[0] == first
    assert events.file_changes() == files[1:]  # announced in order, one per new file
    assert sorted(files) == files  # OBS's names sort by time
    durations = [probe_duration(path) for path in files]
    assert None not in durations, durations
    assert all(abs(d - 2.0) < 0.7 for d in durations[:-1]), durations
    assert abs(sum(durations) - recorded / 1000) < 1.5, (durations, recorded)


def test_automatic_split_on_5_1_says_nothing_like_the_real_obs(make_fake, connect):
    fake = make_fake(version="5.1.0", split_every_s=1)
    requests, events = connect(fake)
    requests.start_record()
    first = events.wait_state("STARTED")["output_path"]
    wait_recorded(requests, 2500)
    assert requests.stop_record().output_path == first
    assert events.wait_state("STOPPED")["output_path"] == first
    assert len(fake.files) >= 2 and events.file_changes() == []
    assert all(probe_duration(path) for path in fake.files)


# -- the OBS window, crashes, cleanup ------------------------------------------------------------


def test_the_obs_window_drives_the_same_events(make_fake, connect):
    fake = make_fake()
    requests, events = connect(fake)
    path = fake.start_recording_from_window()
    assert events.wait_state("STARTED")["output_path"] == str(path)
    wait_recorded(requests, 500)
    fake.pause_from_window()
    events.wait_state("PAUSED")
    fake.resume_from_window()
    events.wait_state("RESUMED")
    fake.split_from_window()
    second = events.wait("RecordFileChanged")["new_output_path"]
    wait_recorded(requests, status(requests)["outputDuration"] + 500)
    assert fake.stop_recording_from_window() == path
    assert events.wait_state("STOPPED")["output_path"] == str(path)
    assert fake.files == [path, Path(second)]
    assert [name for name, _ in fake.requests] == ["GetRecordStatus"] * len(fake.requests)
    with pytest.raises(RuntimeError):
        fake.stop_recording_from_window()


def test_kill_connections_drops_every_client_and_the_recording_goes_on(make_fake, connect):
    fake = make_fake()
    requests, events = connect(fake)
    requests.start_record()
    events.wait_state("STARTED")
    assert fake.identified_clients == 2

    fake.kill_connections()
    events.client.worker.join(timeout=10)
    assert not events.client.worker.is_alive()
    with pytest.raises((OSError, websocket.WebSocketException)):  # the link is gone, as when OBS crashes
        requests.get_record_status()

    again, events_again = connect(fake)
    assert status(again)["outputActive"] is True
    again.stop_record()
    path = events_again.wait_state("STOPPED")["output_path"]
    assert probe_duration(path)


def test_close_stops_ffmpeg_and_the_server(tmp_path, connect):
    fake = FakeObs(tmp_path / "obs").start()
    try:
        requests, events = connect(fake)
        requests.start_record()
        events.wait_state("STARTED")
        procs = list(fake._procs)
        assert procs and all(proc.poll() is None for proc in procs)
    finally:
        fake.close()
    assert all(proc.poll() is not None for proc in procs)
    with pytest.raises(OSError):
        socket.create_connection(("127.0.0.1", fake.port), timeout=2).close()


def test_streamais_obs_controller_records_and_reconnects_with_the_fake(make_fake):
    """The service's own connection code against the fake: same events, same answers, reconnection."""
    from streamai.obs import ObsController

    fake = make_fake()
    seen: list[tuple[str, str | None]] = []  # (outputState or connection state, outputPath)
    cond = threading.Condition()

    def record(state: str, path: str | None = None) -> None:
        with cond:
            seen.append((state, path))
            cond.notify_all()

    def wait_for(state: str, count: int = 1) -> str | None:
        with cond:
            assert cond.wait_for(lambda: [s for s, _ in seen].count(state) >= count, 20), seen
            return [path for s, path in seen if s == state][count - 1]

    controller = ObsController(
        "127.0.0.1",
        fake.port,
        fake.password,
        reconnect_max_s=0.5,
        on_event=lambda name, data: record(data["output_state"], data["output_path"]),
        on_connection=lambda state: record(state.state),
    )
    controller.start()
    try:
        wait_for("connected")
        assert controller.record_directory() == str(fake.record_dir)
        controller.start_record()
        path = wait_for("OBS_WEBSOCKET_OUTPUT_STARTED")
        fake.kill_connections()  # OBS goes away for a moment; the recording goes on
        wait_for("reconnecting")
        wait_for("connected", count=2)
        assert controller.record_status()["outputActive"] is True
        assert controller.stop_record() == path
        assert wait_for("OBS_WEBSOCKET_OUTPUT_STOPPED") == path and probe_duration(path)
    finally:
        controller.close()
