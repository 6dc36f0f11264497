"""Session names, safe file moves, metadata files, and adopting folders from earlier runs."""

from __future__ import annotations

import errno
import json
import os
import shutil
from pathlib import Path

import pytest

from streamai.db import Database
from streamai.exceptions import InvalidInput
from streamai.sessions import RecordingManager, RecordingsFolder, SessionStore, sanitize_session_name
from streamai.sessions.store import Session, SessionFile

from .conftest import FIXTURE_RECORDINGS, FIXTURES
from .support.postgres import database_fixture, postgres_fixture, postgres_url_fixture  # noqa: F401 (fixtures)


def make_manager(root: Path, db: Path | Database) -> RecordingManager:
    root.mkdir(parents=True, exist_ok=True)
    manager = RecordingManager(RecordingsFolder(root), SessionStore(db if isinstance(db, Database) else Database(db)))
    manager.describe = lambda s: {
        "session_name": s.name,
        "status": s.status,
        "title": s.title,
        "started_by": s.started_by,
    }
    return manager


@pytest.fixture
def manager(tmp_path, database):
    """Sessions in SQLite, then in PostgreSQL (the `database` fixture's two backends)."""
    return make_manager(tmp_path / "rec", database)


def create(manager, name):
    return manager.create(name, started_by="api", auto_upload=False, subtitle_model="base", priority=1)


def finish(manager, session, path, **kwargs):
    manager.bring_in(session, path, **kwargs)
    return manager.close(session)


@pytest.mark.parametrize(
    "raw, clean",
    [
        ("Ma Session 2025", "Ma_Session_2025"),
        ("Séance d'été", "Séance_d_été"),
        ("  spaced  ", "spaced"),
        ("a:b*c?d", "a_b_c_d"),
        ("x" * 300, "x" * 80),
    ],
)
def test_names_are_sanitised(raw, clean):
    assert sanitize_session_name(raw) == clean


@pytest.mark.parametrize(
    "raw",
    [
        "../up",
        "a/b",
        "a\\b",
        ".env",
        "..",
        "",
        "   ",
        "???",
        "a\x00b",
        "CON",
        "nul",
        "Com1",
        "LPT9.mkv",
        "aux.txt",
        "COM¹",
        "streamai.sqlite3-wal",
        "streamai.sqlite3-shm",
        "streamai.sqlite3-journal",
        "streamai.sqlite3",
        "\ud800x",
    ],
)
def test_path_like_and_reserved_names_are_refused(raw):
    with pytest.raises(InvalidInput):
        sanitize_session_name(raw)


def test_names_stay_unique_and_inside_the_root(manager):
    first, second = create(manager, "show"), create(manager, "show")
    assert (first.name, second.name) == ("show", "show_2")
    assert all(manager.session_path(s).parent == manager.root for s in (first, second))
    assert create(manager, None).name.startswith("recording_session_")


def test_move_never_overwrites(tmp_path):
    folder = RecordingsFolder(tmp_path)
    (tmp_path / "session").mkdir()
    (tmp_path / "session" / "a.mkv").write_bytes(b"existing")
    source = tmp_path / "a.mkv"
    source.write_bytes(b"new recording")
    assert folder.move_in(source, "session") == "a (2).mkv"
    assert (tmp_path / "session" / "a (2).mkv").read_bytes() == b"new recording"
    assert (tmp_path / "session" / "a.mkv").read_bytes() == b"existing" and not source.exists()


def cross_device(mocker, source: Path):
    real_link = os.link

    def link(src, dst, **kwargs):
        if Path(src) == source:
            raise OSError(errno.EXDEV, "Invalid cross-device link")
        return real_link(src, dst, **kwargs)

    mocker.patch("streamai.sessions.folders.os.link", side_effect=link)


def test_move_across_filesystems_copies_then_removes(tmp_path, mocker):
    source = tmp_path / "obs" / "b.mkv"
    source.parent.mkdir()
    source.write_bytes(os.urandom(3 * 1024 * 1024 + 7))
    content = source.read_bytes()
    (tmp_path / "session").mkdir()
    cross_device(mocker, source)
    assert RecordingsFolder(tmp_path).move_in(source, "session") == "b.mkv"
    assert (tmp_path / "session" / "b.mkv").read_bytes() == content and not source.exists()
    assert not list((tmp_path / "session").glob(".*partial"))


def test_incomplete_copy_keeps_the_source(tmp_path, mocker):
    source = tmp_path / "c.mkv"
    source.write_bytes(b"x" * 1000)
    (tmp_path / "session").mkdir()
    cross_device(mocker, source)
    mocker.patch("streamai.sessions.folders.shutil.copyfileobj", side_effect=lambda s, d, n: d.write(s.read(10)))
    with pytest.raises(OSError, match="incomplete"):
        RecordingsFolder(tmp_path).move_in(source, "session")
    assert source.read_bytes() == b"x" * 1000
    assert os.listdir(tmp_path / "session") == []


def test_interrupted_recordings_are_never_copied(tmp_path, mocker):
    source = tmp_path / "d.mkv"
    source.write_bytes(b"still being written")
    (tmp_path / "session").mkdir()
    cross_device(mocker, source)
    with pytest.raises(OSError) as refused:
        RecordingsFolder(tmp_path).move_in(source, "session", allow_copy=False)
    assert refused.value.errno == errno.EXDEV and source.exists()


def test_remote_obs_output_is_explained(manager):
    session = create(manager, "remote")
    finished = finish(manager, session, r"C:\Users\me\Videos\2025-07-08 02-34-19.mkv", obs_is_local=False)
    assert finished.files == [] and "not on this machine" in finished.note


def test_a_local_obs_that_wrote_nothing_is_said_plainly(manager, tmp_path):
    session = create(manager, "nothing")
    finished = finish(manager, session, str(tmp_path / "obs-output" / "missing.mkv"), obs_is_local=True)
    assert finished.files == [] and "wrote no file" in finished.note and "not on this machine" not in finished.note


def test_metadata_file_is_written_atomically_and_readable(manager):
    session = create(manager, "meta")
    data = json.loads((manager.session_path(session) / "session_metadata.json").read_text())
    assert data["session_name"] == "meta" and data["status"] == "recording" and data["streamai"] == 1
    assert not list(manager.session_path(session).glob(".*.tmp"))


def test_original_streamai_folders_are_adopted(manager):
    shutil.copytree(FIXTURE_RECORDINGS / "TEST", manager.root / "TEST")
    legacy = manager.root / "test_session_20250708_011500"
    legacy.mkdir()
    shutil.copy(FIXTURE_RECORDINGS / "TEST" / "2025-07-08 02-34-19.mkv", legacy / "2025-07-08 01-15-40.mkv")
    shutil.copy(FIXTURES / "legacy_session_metadata_with_upload.json", legacy / "session_metadata.json")
    assert sorted(manager.adopt_existing_folders()) == ["TEST", "test_session_20250708_011500"]
    test = manager.store.get("TEST")
    assert test.title == "TEST" and test.start_time.startswith("2025-07-08T02:34:19")
    assert [f.name for f in test.files] == ["2025-07-08 02-34-19.mkv", "2025-07-08 02-48-50.mkv"]
    assert test.size_bytes == 200476 + 2313366
    assert test.duration_s and test.duration_s > 1  # ffprobe's real figure
    old = manager.store.get("test_session_20250708_011500")
    assert old.legacy_upload["task_id"] == "task_6"
    assert manager.adopt_existing_folders() == []  # once only


def test_a_lost_database_is_rebuilt_from_metadata_files(tmp_path):
    root = tmp_path / "rec"
    first = make_manager(root, tmp_path / "one.sqlite3")
    session = create(first, "Ma Session")
    (root / session.folder / "x.mkv").write_bytes(b"video")
    finish(first, session, None)
    second = make_manager(root, tmp_path / "two.sqlite3")
    assert second.adopt_existing_folders() == ["Ma_Session"]
    restored = second.store.get("Ma_Session")
    assert restored.title == "Ma Session" and restored.started_by == "api"
    assert [f.name for f in restored.files] == ["x.mkv"]


def test_a_sessions_duration_is_its_longest_rigs_not_the_sum_of_parallel_files():
    session = Session(name="duo", title="duo", folder="duo", status="stopped", started_by="api", start_time="")
    session.files = [
        SessionFile("a.mkv", 10, 60.0, folder="cam1"),
        SessionFile("a (2).mkv", 10, 30.0, folder="cam1", start_ms=60_000),  # cam1's recording, split
        SessionFile("b.mkv", 10, 89.5, folder="cam2"),
        SessionFile("c.mkv", 10, None, folder="cam3"),  # unreadable: no duration
    ]
    session.recount()
    assert session.duration_s == 90.0 and session.size_bytes == 40
    one_obs = Session(name="solo", title="solo", folder="solo", status="stopped", started_by="api", start_time="")
    one_obs.files = [SessionFile("a.mkv", 5, 60.0), SessionFile("a (2).mkv", 5, 12.5, start_ms=60_000)]
    one_obs.recount()
    assert one_obs.duration_s == 72.5
