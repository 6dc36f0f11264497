"""Settings, and service behaviour that only a simulated OBS can produce (pytest-mock)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from streamai.config import ConfigError, load_settings, setting_names
from streamai.db import Database
from streamai.obs import ConnectionState
from streamai.service import IntegratedRecordingService
from streamai.sessions import RecordingManager, SessionStore
from streamai.uploads import UploadQueue

REPO = Path(__file__).resolve().parents[1]


def test_env_example_lists_every_setting():
    listed = set(re.findall(r"^#?\s*([A-Z_]+)=", (REPO / ".env.example").read_text(), re.M))
    assert listed == set(setting_names())


@pytest.mark.parametrize("env", [
    {"STREAMAI_PORT": "http"}, {"STREAMAI_ASYNC_MODE": "tornado"}, {"DEFAULT_SUBTITLE_MODEL": "xl"},
    {"VULTR_API_URL": "processing.example:8000"}, {"UPLOAD_CONCURRENCY": "0"},
])
def test_bad_settings_are_refused_at_start(env):
    with pytest.raises(ConfigError):
        load_settings(env, dotenv=False)


def test_defaults_follow_the_contract():
    settings = load_settings({}, dotenv=False)
    assert (settings.host, settings.port, settings.obs_port) == ("127.0.0.1", 5002, 4455)
    assert settings.uploads_enabled is False and settings.vultr_auto_upload is True
    assert settings.database_file == Path("recordings/streamai.sqlite3")
    assert "obs_password" not in repr(load_settings({"OBS_PASSWORD": "pw"}, dotenv=False)).replace("pw", "")


@pytest.fixture
def service(tmp_path, mocker):
    settings = load_settings({"RECORDINGS_PATH": str(tmp_path / "rec"), "VULTR_API_URL": "http://127.0.0.1:9",
                              "OBS_STOP_TIMEOUT": "2"}, dotenv=False)
    db = Database(settings.database_file)
    obs = mocker.Mock()
    obs.state = ConnectionState("connected")
    obs.record_status.return_value = {"outputActive": False}
    obs.record_directory.return_value = r"D:\OBS"
    worker = mocker.Mock()
    events = []
    svc = IntegratedRecordingService(settings, obs, RecordingManager(settings.recordings_path, SessionStore(db)),
                                     UploadQueue(db), worker, lambda e, p: events.append((e, p)))
    svc.events = events
    # Like OBS: the output starts (and says so) after StartRecord was accepted.
    obs.start_record.side_effect = lambda: svc.handle_obs_event(
        "RecordStateChanged", {"output_state": "OBS_WEBSOCKET_OUTPUT_STARTED", "output_path": None})
    return svc


def stopped_event(path):
    return {"output_state": "OBS_WEBSOCKET_OUTPUT_STOPPED", "output_path": path, "output_active": False}


def test_obs_on_another_machine_is_said_plainly(service):
    remote = r"D:\OBS\2025-07-08 02-34-19.mkv"
    service.start_recording(session_name="remote", auto_upload=True, subtitle_model=None, priority=None,
                            metadata=None, source="api")
    service.obs.stop_record.side_effect = lambda: service.handle_obs_event("RecordStateChanged",
                                                                           stopped_event(remote)) or remote
    result = service.stop_recording()
    assert result["files"] == [] and "not on this machine" in result["note"]
    assert result["upload_result"]["queued"] is False
    assert "no recording file" in result["upload_result"]["reason"]
    assert service.worker.wake.call_count == 0


def test_stop_waits_for_obs_to_finish_writing(service, tmp_path):
    """StopRecord answers first; only RecordStateChanged(STOPPED) lets the stop complete."""
    output = tmp_path / "obs.mkv"
    service.start_recording(session_name="wait", auto_upload=False, subtitle_model=None, priority=None,
                            metadata=None, source="api")

    def stop_record():
        import threading

        def finish_writing():
            output.write_bytes(b"complete file")
            service.handle_obs_event("RecordStateChanged", stopped_event(str(output)))

        threading.Timer(0.5, finish_writing).start()
        return str(output)  # the file does not exist yet, as with real OBS

    service.obs.stop_record.side_effect = stop_record
    result = service.stop_recording()
    [recorded] = result["files"]
    assert Path(recorded["path"]).read_bytes() == b"complete file"


def test_obs_lost_while_stopping_marks_the_session_interrupted(service):
    service.start_recording(session_name="lost", auto_upload=False, subtitle_model=None, priority=None,
                            metadata=None, source="api")

    def stop_record():
        service.obs.state = ConnectionState("reconnecting", "lost")
        service.handle_obs_connection(service.obs.state)
        return ""

    service.obs.stop_record.side_effect = stop_record
    assert service.stop_recording()["status"] == "interrupted"
    assert [e for e, _ in service.events].count("recording_stopped") == 1


def test_start_fails_plainly_when_obs_never_begins(service, mocker):
    mocker.patch("streamai.service.START_TIMEOUT_S", 0.2)
    service.obs.start_record.side_effect = None  # accepted, but no STARTED event ever comes
    with pytest.raises(Exception, match="did not begin recording"):
        service.start_recording(session_name="mute", auto_upload=False, subtitle_model=None, priority=None,
                                metadata=None, source="api")
    assert service.recording_status()["active"] is False
    assert service.manager.store.get("mute") is None and not (service.manager.root / "mute").exists()
