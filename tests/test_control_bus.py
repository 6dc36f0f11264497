"""Calls from a web process to the controller, over a real redis-server: answers and refusals come
back as they were given, a call nobody took in time never runs later, and a web process without
a controller says so at once."""

from __future__ import annotations

import json
import threading

import pytest

from streamai.app import create_app
from streamai.cluster import commands
from streamai.cluster.bus import ControlBus
from streamai.cluster.remote import RemoteControl
from streamai.config import load_settings
from streamai.contract import models as m
from streamai.exceptions import Conflict, Relayed, Unavailable

from .support.obs_studio import free_port
from .support.redis_server import redis_server_fixture  # noqa: F401 (fixture)
from .support.waiting import wait_for


class Control:
    """A controller's RecordingControl, reduced to what these tests call."""

    def __init__(self):
        self.calls: list[str] = []

    def pause_recording(self, rig_id=None):
        self.calls.append(f"pause:{rig_id}")
        if rig_id == "busy":
            raise Conflict("not recording", state="idle")
        return m.RecorderAnswer(message="paused", session_name="show", state="paused", paused_s=0.0)

    def resume_recording(self, rig_id=None):
        self.calls.append("resume")
        raise OSError(28, "No space left on device")


@pytest.fixture
def bus(redis_server):
    client = ControlBus.from_url(redis_server.url)
    yield client
    client.redis.close()


@pytest.fixture
def controller(bus):
    """A controller serving `bus` from a thread until the test ends."""
    control, stop = Control(), threading.Event()
    serving = threading.Thread(target=bus.serve, args=(lambda n, a: commands.run(control, n, a), stop), daemon=True)
    serving.start()
    wait_for(lambda: bus.controller() is not None, what="the controller")
    yield control
    stop.set()
    serving.join(10)
    assert not serving.is_alive()


def test_answers_and_refusals_cross_as_they_were_given(bus, controller):
    remote = RemoteControl(bus, local=None)  # type: ignore[arg-type]  # no fallback needed here
    answer = remote.pause_recording()
    assert isinstance(answer, m.RecorderAnswer) and answer.session_name == "show"
    with pytest.raises(Relayed) as refused:
        remote.pause_recording(rig_id="busy")
    assert (refused.value.status, refused.value.message, refused.value.details) == (
        409,
        "not recording",
        {"state": "idle"},
    )
    with pytest.raises(Relayed) as disk:
        remote.resume_recording()
    assert disk.value.status == 503 and "No space left on device" in disk.value.message
    assert controller.calls == ["pause:None", "pause:busy", "resume"]


def test_a_call_this_version_does_not_know_is_refused_not_guessed():
    reply = commands.run(Control(), "pause_recording", {"rig_id": {"not": "a rig id"}})
    assert reply["ok"] is False and reply["status"] == 400


def test_without_a_controller_a_call_fails_at_once_and_nothing_waits_in_the_queue(bus):
    with pytest.raises(Unavailable, match="no StreamAI controller is running"):
        bus.call("pause_recording", {"rig_id": None}, runs_for_s=30)
    assert bus.redis.llen(bus.calls_key) == 0


def test_a_call_nobody_took_in_time_is_never_carried_out_later(redis_server):
    """A controller that is announced but stuck: the web process gives up, and the controller that
    then reads the call must not start a recording its user was told had failed."""
    impatient = ControlBus.from_url(redis_server.url)
    impatient.take_within_s = 0.3
    impatient.redis.set(impatient.presence_key, json.dumps({"id": "stuck", "host": "h", "pid": 1, "since": 0}))
    with pytest.raises(Unavailable, match="did not take the call"):
        impatient.call("pause_recording", {"rig_id": None}, runs_for_s=30)
    impatient.redis.rpush(impatient.calls_key, json.dumps({"id": "late", "name": "pause_recording", "args": {}}))
    impatient.redis.set(impatient._state_key("late"), "abandoned")  # as the web process leaves it

    control, stop = Control(), threading.Event()
    serving = threading.Thread(target=impatient.serve, args=(lambda n, a: commands.run(control, n, a), stop))
    serving.start()
    try:
        wait_for(lambda: impatient.redis.llen(impatient.calls_key) == 0, what="the stale call read")
        assert isinstance(RemoteControl(impatient, local=None).pause_recording(), m.RecorderAnswer)  # type: ignore[arg-type]
    finally:
        stop.set()
        serving.join(10)
    assert control.calls == ["pause:None"]  # the fresh call only


def test_a_web_process_without_a_controller(tmp_path, redis_server):
    settings = load_settings(
        {
            "RECORDINGS_PATH": str(tmp_path / "rec"),
            "OBS_PORT": str(free_port()),
            "STREAMAI_MESSAGE_QUEUE": redis_server.url,
        },
        dotenv=False,
    )
    client = create_app(settings, role="web").test_client()
    health = client.get("/api/health")
    assert health.status_code == 200
    assert health.json["status"] == "degraded" and "no StreamAI controller" in health.json["obs"]["error"]
    started = client.post("/api/integrated/recording/start", json={"sessionName": "x"})
    assert started.status_code == 503 and "no StreamAI controller is running" in started.json["error"]
    status = client.get("/api/integrated/status")  # what this process knows, OBS said unreachable
    assert status.status_code == 200 and status.json["obs_connected"] is False
    assert "no StreamAI controller" in status.json["obs"]["error"]
    assert client.get("/api/integrated/recordings").status_code == 200  # what the database knows, still
    assert not (tmp_path / "rec" / "x").exists()


def test_the_roles_that_need_redis_say_so(tmp_path):
    from streamai.config import ConfigError
    from streamai.roles import run_control, run_worker

    settings = load_settings({"RECORDINGS_PATH": str(tmp_path / "rec")}, dotenv=False)
    with pytest.raises(ConfigError, match="STREAMAI_MESSAGE_QUEUE"):
        create_app(settings, role="web")
    assert run_control(settings) == 2  # before any lock is taken or any signal handler set
    assert run_worker(settings.with_overrides(vultr_api_url="http://127.0.0.1:9")) == 2
