"""Settings, and service behaviour that only a simulated OBS can produce (pytest-mock)."""

from __future__ import annotations

import re
import sqlite3
import threading
from pathlib import Path

import pytest

from streamai.app import build_service
from streamai.config import ConfigError, load_settings, setting_names
from streamai.contract.requests import StartRecordingBody
from streamai.db import MIGRATIONS, Database, default_location
from streamai.exceptions import Conflict, ObsRequestFailed, StorageUnavailable
from streamai.obs import ConnectionState
from streamai.sessions import SessionStore

REPO = Path(__file__).resolve().parents[1]


def test_env_example_lists_every_setting():
    listed = set(re.findall(r"^#?\s*([A-Z_]+)=", (REPO / ".env.example").read_text(), re.M))
    assert listed == set(setting_names())


@pytest.mark.parametrize(
    "env",
    [
        {"STREAMAI_PORT": "http"},
        {"STREAMAI_ASYNC_MODE": "tornado"},
        {"DEFAULT_SUBTITLE_MODEL": "xl"},
        {"VULTR_API_URL": "processing.example:8000"},
        {"UPLOAD_CONCURRENCY": "0"},
        {"DEFAULT_PRIORITY": "11"},
        {"STREAMAI_VIEWER_TOKEN": "v"},
        {"STREAMAI_VIEWER_TOKEN": "same", "STREAMAI_API_TOKEN": "same"},
        {"STREAMAI_MAX_BODY": "10"},
    ],
)
def test_bad_settings_are_refused_at_start(env):
    with pytest.raises(ConfigError):
        load_settings(env, dotenv=False)


def test_defaults_follow_the_contract():
    settings = load_settings({}, dotenv=False)
    assert (settings.host, settings.port, settings.obs_port) == ("127.0.0.1", 5002, 4455)
    assert settings.uploads_enabled is False and settings.vultr_auto_upload is True
    assert settings.max_body == 1024 * 1024 and settings.viewer_token == ""
    assert "obs_password" not in repr(load_settings({"OBS_PASSWORD": "pw"}, dotenv=False)).replace("pw", "")
    assert "s3cret" not in repr(load_settings({"STREAMAI_API_TOKEN": "s3cret"}, dotenv=False))


def test_the_database_lives_apart_from_session_folders(tmp_path):
    assert default_location(tmp_path) == tmp_path / ".streamai" / "streamai.sqlite3"


def test_a_database_of_an_earlier_version_is_moved_and_migrated(tmp_path):
    old = sqlite3.connect(tmp_path / "streamai.sqlite3")
    old.executescript(MIGRATIONS[0])
    old.execute(
        "INSERT INTO sessions (name, title, folder, status, source, start_time, created_at, updated_at)"
        " VALUES ('show', 'show', 'show', 'stopped', 'api', '2025-01-01', 'x', 'x')"
    )
    old.commit()
    old.close()
    db = Database(default_location(tmp_path))
    assert not (tmp_path / "streamai.sqlite3").exists()
    assert SessionStore(db).get("show").started_by == "api"
    with db.reading() as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)


@pytest.fixture
def make_service(tmp_path, mocker):
    def make(obs_host: str = "localhost"):
        settings = load_settings(
            {
                "RECORDINGS_PATH": str(tmp_path / "rec"),
                "VULTR_API_URL": "http://127.0.0.1:9",
                "OBS_STOP_TIMEOUT": "2",
                "OBS_HOST": obs_host,
            },
            dotenv=False,
        )
        obs = mocker.Mock()
        obs.state = ConnectionState("connected")
        obs.is_local = obs_host == "localhost"
        obs.supports.return_value = False
        obs.record_status.return_value = {"outputActive": False}
        obs.record_directory.return_value = r"D:\OBS"
        events = []
        svc = build_service(settings, lambda e, p: events.append((e, p)), obs=obs)
        svc.uploads.worker = mocker.Mock()
        svc.events = events
        # Like OBS: the output starts (and says so) after StartRecord was accepted.
        obs.start_record.side_effect = lambda: svc.handle_obs_event(
            "default", "RecordStateChanged", {"output_state": "OBS_WEBSOCKET_OUTPUT_STARTED", "output_path": None}
        )
        return svc

    return make


@pytest.fixture
def service(make_service):
    return make_service()


def start(service, name, auto_upload=False):
    return service.start_recording(StartRecordingBody(sessionName=name, autoUpload=auto_upload), "api")


def stopped_event(path):
    return {"output_state": "OBS_WEBSOCKET_OUTPUT_STOPPED", "output_path": path, "output_active": False}


def test_obs_on_another_machine_is_said_plainly(make_service):
    service = make_service("obs-pc.studio.example")
    remote = r"D:\OBS\2025-07-08 02-34-19.mkv"
    start(service, "remote", auto_upload=True)
    service.obs.stop_record.side_effect = lambda: (
        service.handle_obs_event("default", "RecordStateChanged", stopped_event(remote)) or remote
    )
    result = service.stop_recording("api")
    assert result.files == [] and "not on this machine" in result.note
    assert result.upload_result.queued is False
    assert "no recording file" in result.upload_result.reason
    assert service.uploads.worker.wake.call_count == 0


def test_stop_waits_for_obs_to_finish_writing(service, tmp_path):
    """StopRecord answers first; only RecordStateChanged(STOPPED) lets the stop complete."""
    output = tmp_path / "obs.mkv"
    start(service, "wait")
    obs_may_finish = threading.Event()

    def stop_record():
        def finish_writing():
            obs_may_finish.wait(5)
            output.write_bytes(b"complete file")
            service.handle_obs_event("default", "RecordStateChanged", stopped_event(str(output)))

        threading.Thread(target=finish_writing).start()
        return str(output)  # the file does not exist yet, as with real OBS

    service.obs.stop_record.side_effect = stop_record
    stopping = threading.Thread(target=lambda: results.append(service.stop_recording("api")))
    results = []
    stopping.start()
    stopping.join(0.3)
    assert stopping.is_alive() and service.recording_status().state == "stopping"
    obs_may_finish.set()
    stopping.join(5)
    [recorded] = results[0].files
    assert Path(recorded.path).read_bytes() == b"complete file"


def test_obs_lost_while_stopping_marks_the_session_interrupted(service):
    start(service, "lost")

    def stop_record():
        service.obs.state = ConnectionState("reconnecting", "lost")
        service.handle_obs_connection("default", service.obs.state)
        return ""

    service.obs.stop_record.side_effect = stop_record
    assert service.stop_recording("api").status == "interrupted"
    assert [e for e, _ in service.events].count("recording_stopped") == 1


def test_start_fails_plainly_when_obs_never_begins(service, mocker):
    mocker.patch("streamai.service.lifecycle.START_TIMEOUT_S", 0.2)
    service.obs.start_record.side_effect = None  # accepted, but no STARTED event ever comes
    with pytest.raises(ObsRequestFailed, match="did not begin recording"):
        start(service, "mute")
    assert service.recording_status().active is False
    assert service.manager.store.get("mute") is None and not (service.manager.root / "mute").exists()


def test_a_failed_stop_can_be_retried_and_loses_nothing(service, tmp_path, mocker):
    """The session folder cannot be written at stop: the recorder waits in stop_failed, the file
    stays where OBS wrote it, a start is refused, and a second stop finishes the job."""
    output = tmp_path / "obs.mkv"
    output.write_bytes(b"the whole recording")
    start(service, "stuck")
    service.obs.stop_record.side_effect = lambda: (
        service.handle_obs_event("default", "RecordStateChanged", stopped_event(str(output))) or str(output)
    )
    real_move = service.manager.folder.move_in
    mocker.patch.object(service.manager.folder, "move_in", side_effect=PermissionError(13, "Permission denied"))
    with pytest.raises(StorageUnavailable, match="could not be closed") as failed:
        service.stop_recording("api")
    assert str(output) in failed.value.message and output.read_bytes() == b"the whole recording"
    status = service.recording_status()
    assert status.active and status.state == "stop_failed" and "Permission denied" in status.stop_error
    with pytest.raises(Conflict, match="could not be closed"):
        start(service, "next")
    service.manager.folder.move_in = real_move
    result = service.stop_recording("api")
    assert result.status == "stopped" and [f.name for f in result.files] == ["obs.mkv"]
    assert not output.exists() and service.recording_status().state == "idle"
    assert Path(result.files[0].path).read_bytes() == b"the whole recording"


def test_a_failed_stop_can_close_the_session_leaving_the_file_in_place(service, tmp_path, mocker):
    output = tmp_path / "obs.mkv"
    output.write_bytes(b"kept")
    start(service, "kept")
    service.obs.stop_record.side_effect = lambda: (
        service.handle_obs_event("default", "RecordStateChanged", stopped_event(str(output))) or str(output)
    )
    mocker.patch.object(service.manager.folder, "move_in", side_effect=PermissionError(13, "Permission denied"))
    with pytest.raises(StorageUnavailable):
        service.stop_recording("api")
    result = service.stop_recording("api", leave_file_in_place=True)
    assert result.status == "stopped" and result.files == [] and str(output) in result.note
    assert output.read_bytes() == b"kept" and service.recording_status().state == "idle"
