"""Storage on both backends (the `database` fixture runs a test on SQLite, then on a real
PostgreSQL): sessions, the schema and its migrations, claims under leases, credentials."""

from __future__ import annotations

import logging
import multiprocessing
import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import psycopg
import pytest

from streamai.app import open_storage
from streamai.config import ConfigError, load_settings
from streamai.db import MIGRATIONS, POSTGRES_MIGRATIONS, SCHEMA_VERSION, Database, DatabaseUnavailable
from streamai.sessions import Session, SessionFile, SessionStore
from streamai.uploads import UploadQueue
from streamai.uploads.leases import HOST, LeaseKeeper, worker_is_gone
from streamai.uploads.queue import COMPLETED

from .support.postgres import database_fixture, postgres_fixture, postgres_url_fixture  # noqa: F401 (fixtures)
from .support.waiting import wait_for


def a_session(name: str, start_time: str = "2025-01-01T00:00:00+00:00", **fields) -> Session:
    return Session(
        name=name, title=name, folder=name, status="stopped", started_by="api", start_time=start_time, **fields
    )


# -- sessions -----------------------------------------------------------------------------------


def test_a_session_comes_back_as_it_was_saved(database):
    store = SessionStore(database)
    big = 5 << 30  # past 32-bit integers
    session = a_session(
        "Séance_d_été",
        auto_upload=True,
        size_bytes=big,
        duration_s=12.5,
        files=[SessionFile("a.mkv", big, 12.5)],
        metadata={"lieu": "studio ☕"},
        markers=[{"timecode_ms": 1500, "label": "intro", "at": "2025-01-01T00:00:01+00:00"}],
        rigs={"cam2": {"label": "Caméra 2", "status": "stopped"}},
    )
    store.insert(session)
    assert store.get(session.name) == session
    session.note, session.status = "fini", "interrupted"
    store.save(session)
    assert store.get(session.name) == session
    assert [s.name for s in store.with_status("interrupted")] == [session.name]
    assert store.count() == 1 and store.all_names() == {session.name}
    store.delete(session.name)
    assert store.get(session.name) is None and store.count() == 0


def test_sessions_are_listed_in_the_same_order_on_both(database):
    """Newest first, then by name in byte order (PostgreSQL's "C" collation, as SQLite compares)."""
    store = SessionStore(database)
    names = ["b", "B", "a", "_x", "Z-1", "é", "a b"]
    for n, name in enumerate(names):
        store.insert(a_session(name, start_time=f"2025-01-0{1 + n % 2}T00:00:00+00:00"))
    listed = [s.name for s in store.recent(10)]
    expected = sorted(names, key=lambda name: (names.index(name) % 2, name.encode()), reverse=True)
    assert listed == expected
    assert [s.name for s in store.recent(3, offset=2)] == expected[2:5]


# -- the schema ----------------------------------------------------------------------------------


def test_both_backends_have_the_same_columns(tmp_path, postgres_url):
    lite, pg = Database(tmp_path / "s.sqlite3"), Database(postgres_url)
    try:
        for table in ("sessions", "upload_jobs"):
            with lite.reading() as conn:
                on_sqlite = {row["name"] for row in conn.all(f"PRAGMA table_info({table})")}
            with pg.reading() as conn:
                on_postgres = set(
                    conn.execute(
                        "SELECT column_name FROM information_schema.columns WHERE table_name = :t", {"t": table}
                    ).scalars()
                )
            assert on_sqlite == on_postgres, table
    finally:
        lite.close()
        pg.close()


def test_a_new_database_is_at_the_latest_version(database):
    assert POSTGRES_MIGRATIONS[-1][0] == SCHEMA_VERSION == len(MIGRATIONS)
    with database.reading() as conn:
        if database.dialect == "sqlite":
            assert conn.scalar("PRAGMA user_version") == SCHEMA_VERSION
        else:
            assert conn.scalar("SELECT version FROM schema_version") == SCHEMA_VERSION


def test_a_version_4_database_gains_leases_and_its_interrupted_upload_is_queued_again(tmp_path):
    path = tmp_path / "v4.sqlite3"
    old = sqlite3.connect(path)
    for number, script in enumerate(MIGRATIONS[:4], start=1):
        old.executescript(script)
        old.execute(f"PRAGMA user_version = {number}")
    old.execute(
        "INSERT INTO sessions (name, title, folder, status, started_by, start_time, created_at, updated_at)"
        " VALUES ('show', 'show', 'show', 'stopped', 'api', '2025-01-01', 'x', 'x')"
    )
    old.execute(
        "INSERT INTO upload_jobs (session_name, file_folder, file_name, state, subtitle_model, priority,"
        " attempts, created_at, updated_at) VALUES ('show', '', 'a.mkv', 'uploading', 'base', 1, 1, 'x', 'x')"
    )
    old.commit()
    old.close()
    db = Database(path)
    with db.reading() as conn:
        assert conn.scalar("PRAGMA user_version") == SCHEMA_VERSION
    [job] = UploadQueue(db).recover_interrupted()  # uploading before leases existed: this server's
    assert job.state == "queued" and job.claimed_by is None


def _open(url: str) -> int:
    db = Database(url)
    with db.reading() as conn:
        version = conn.scalar("SELECT version FROM schema_version")
    db.close()
    return version


def test_migrations_run_once_when_servers_start_together(postgres_url):
    """Four processes open a new database at the same moment: one migrates, the others wait on the
    advisory lock and find it done (without it, two would CREATE the same tables and one would fail)."""
    with multiprocessing.get_context("spawn").Pool(4) as pool:
        assert pool.map(_open, [postgres_url] * 4) == [SCHEMA_VERSION] * 4
    with psycopg.connect(postgres_url) as conn:
        assert conn.execute("SELECT count(*) FROM schema_version").fetchone()[0] == 1
        tables = conn.execute("SELECT count(*) FROM pg_tables WHERE tablename = 'upload_jobs'").fetchone()[0]
        assert tables == 1


# -- settings and credentials ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "env",
    [
        {"STREAMAI_DATABASE_URL": "mysql://u:p@h/db"},
        {"STREAMAI_DATABASE_URL": "localhost:5432"},
        {"STREAMAI_DATABASE_URL": "postgresql://u:p@h/db", "STREAMAI_DATABASE": "/tmp/x.sqlite3"},
        {"STREAMAI_JOB_LEASE": "0.5"},
    ],
)
def test_bad_storage_settings_are_refused_without_showing_the_password(env):
    with pytest.raises(ConfigError) as refused:
        load_settings(env, dotenv=False)
    assert ":p@" not in str(refused.value)


def test_credentials_never_reach_the_logs(postgres, postgres_url, tmp_path, caplog):
    caplog.set_level(logging.DEBUG)
    settings = load_settings(
        {"RECORDINGS_PATH": str(tmp_path / "rec"), "STREAMAI_DATABASE_URL": postgres_url}, dotenv=False
    )
    assert postgres.password not in repr(settings)
    db = open_storage(settings)
    try:
        assert postgres.password not in str(db.path) and "***" in str(db.path)
        db.check()
    finally:
        db.close()
    wrong = postgres_url.replace(postgres.password, "not-" + postgres.password)
    with pytest.raises(ConfigError) as refused:
        open_storage(settings.with_overrides(database_url=wrong))
    assert "password authentication failed" in str(refused.value)
    assert "STREAMAI_DATABASE_URL=postgresql://streamai_test:***@127.0.0.1" in str(refused.value)
    assert postgres.password not in caplog.text + str(refused.value)
    assert not (tmp_path / "rec" / ".streamai").exists()  # no SQLite file beside PostgreSQL


def test_a_database_gone_while_running_is_unavailable_not_a_crash(postgres, postgres_url):
    """The API answers DatabaseUnavailable with 503; the driver's words say why, without the password."""
    db = Database(postgres_url)
    try:
        db.check()
        postgres.drop_database(postgres_url.rsplit("/", 1)[1])
        with pytest.raises(DatabaseUnavailable) as gone:
            db.check()
        assert "does not exist" in str(gone.value) and postgres.password not in str(gone.value)
        assert gone.value.status == 503
    finally:
        db.close()


# -- claims under leases --------------------------------------------------------------------------


@pytest.fixture
def jobs(database):
    """Enqueues jobs for a session 'show' (one file per job)."""
    SessionStore(database).insert(a_session("show"))
    queue = UploadQueue(database)

    def enqueue(count: int = 1):
        return [
            queue.enqueue(
                session_name="show",
                file_folder="",
                file_name=f"{n}.mkv",
                total_bytes=1,
                subtitle_model="base",
                priority=1,
                manual=False,
            )
            for n in range(count)
        ]

    return enqueue


def test_a_claim_names_its_worker_and_its_lease(database, jobs):
    [job] = jobs()
    queue = UploadQueue(database, lease_s=30)
    claimed = queue.claim_next()
    assert claimed.id == job.id and claimed.state == "uploading" and claimed.attempts == 1
    host, pid, nonce = claimed.claimed_by.split(":")
    assert (host, int(pid), claimed.claimed_by) == (HOST, os.getpid(), queue.worker_id) and nonce
    assert claimed.claim_token and abs(claimed.lease_expires_at - (time.time() + 30)) < 5
    assert UploadQueue(database).claim_next() is None  # held: nobody else gets it


def test_a_heartbeat_renews_the_lease_and_stores_progress(database, jobs):
    jobs()
    queue = UploadQueue(database, lease_s=30)
    claimed = queue.claim_next()
    assert queue.heartbeat(claimed.id, claimed.claim_token, 123)
    after = queue.get(claimed.id)
    assert after.bytes_sent == 123 and after.lease_expires_at >= claimed.lease_expires_at
    assert not queue.heartbeat(claimed.id, "another claim", 456)
    assert queue.get(claimed.id).bytes_sent == 123


def test_an_expired_lease_is_taken_over_and_the_late_writes_are_refused(database, jobs):
    [job] = jobs()
    dying = UploadQueue(database, worker_id="host-a:1:aa", lease_s=0.3)
    other = UploadQueue(database, worker_id="host-b:2:bb", lease_s=30)
    first = dying.claim_next()
    taken = wait_for(other.claim_next, what="the lease to run out")
    assert (taken.id, taken.attempts, taken.claimed_by) == (job.id, 2, "host-b:2:bb")
    assert taken.claim_token != first.claim_token
    late = first.claim_token
    assert dying.mark_uploaded(job.id, claim=late, task_id="t", sha256="s", bytes_sent=1, poll_in_s=1) is None
    assert dying.mark_failed(job.id, claim=late, error="late") is None
    assert dying.mark_retrying(job.id, claim=late, error="late", next_attempt_at=0) is None
    assert not dying.heartbeat(job.id, late, 1)
    dying.release(job.id, late)
    still = dying.get(job.id)
    assert (still.state, still.claim_token, still.lease_expires_at) == (
        "uploading",
        taken.claim_token,
        pytest.approx(taken.lease_expires_at),
    )
    done = other.mark_uploaded(job.id, claim=taken.claim_token, task_id="t", sha256="s", bytes_sent=1, poll_in_s=1)
    assert done.state == "uploaded" and done.lease_expires_at is None


def test_a_status_poll_is_leased_to_one_worker(database, jobs):
    [job] = jobs()
    one, two = UploadQueue(database, lease_s=30), UploadQueue(database, lease_s=30)
    claimed = one.claim_next()
    one.mark_uploaded(job.id, claim=claimed.claim_token, task_id="t", sha256="s", bytes_sent=1, poll_in_s=0)
    [polled] = one.claim_polls()
    assert two.claim_polls() == [] and two.due_polls() == []
    assert (
        two.record_processing(
            job.id,
            claim="not mine",
            status="processing",
            progress=1,
            message=None,
            state="processing",
            next_poll_at=0,
            poll_interval_s=1,
        )
        is None
    )
    recorded = one.record_processing(
        job.id,
        claim=polled.claim_token,
        status="processing",
        progress=50,
        message=None,
        state="processing",
        next_poll_at=0,
        poll_interval_s=1,
    )
    assert recorded.processing_progress == 50 and recorded.lease_expires_at is None
    assert [j.id for j in two.claim_polls()] == [job.id]  # let go: the next poll is anyone's


def test_results_are_fetched_by_one_worker(database, jobs):
    [job] = jobs()
    one, two = UploadQueue(database, lease_s=30), UploadQueue(database, lease_s=30)
    claimed = one.claim_next()
    one.mark_uploaded(job.id, claim=claimed.claim_token, task_id="t", sha256="s", bytes_sent=1, poll_in_s=0)
    [polled] = one.claim_polls()
    one.record_processing(
        job.id,
        claim=polled.claim_token,
        status="completed",
        progress=100,
        message=None,
        state=COMPLETED,
        next_poll_at=None,
        poll_interval_s=None,
    )
    fetching = one.claim_results(job.id)
    assert fetching.results_state == "fetching"
    assert two.claim_results(job.id) is None and two.due_results() == []
    assert two.results_fetched(job.id, [], claim="not mine") is None
    ready = one.results_fetched(job.id, [{"kind": "subtitles"}], claim=fetching.claim_token)
    assert ready.results_state == "ready" and ready.results == [{"kind": "subtitles"}]


def test_a_restart_takes_back_only_what_this_hosts_dead_processes_held(database, jobs):
    jobs(3)
    finished = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    dead = f"{HOST}:{int(finished.stdout)}:old"
    live = f"{HOST}:{os.getppid()}:live"  # pytest's parent: a process that runs
    for worker in (dead, live, "elsewhere:1:x"):
        assert UploadQueue(database, worker_id=worker).claim_next() is not None
    restarted = UploadQueue(database)
    [requeued] = restarted.recover_interrupted()
    assert requeued.claimed_by == dead and requeued.state == "queued"
    assert sorted(j.claimed_by for j in restarted.find("uploading")) == sorted([live, "elsewhere:1:x"])


def test_who_is_gone():
    me = f"{HOST}:{os.getpid()}:me"
    assert worker_is_gone(None, me)  # claimed before leases: by the one server there was
    assert not worker_is_gone(me, me)
    assert worker_is_gone(f"{HOST}:{os.getpid()}:earlier", me)  # an earlier worker of this process
    assert not worker_is_gone(f"{HOST}:{os.getppid()}:x", me)
    assert not worker_is_gone("another-host:1:x", me)


def test_the_keeper_renews_what_it_holds_and_notices_a_lost_claim(database, jobs):
    jobs()
    mine = UploadQueue(database, lease_s=0.5)
    claimed = mine.claim_next()
    keeper = LeaseKeeper(mine, mine.lease_s)
    held = keeper.hold(claimed.id, claimed.claim_token)
    held.sent = 7
    keeper.beat()  # progress to write: renewed at once
    renewed = mine.get(claimed.id)
    # the same UPDATE writes both (the clock may not have moved a millisecond since the claim)
    assert renewed.bytes_sent == 7 and renewed.lease_expires_at >= claimed.lease_expires_at
    other = UploadQueue(database, lease_s=30)
    assert other.claim_next() is None
    taken = wait_for(other.claim_next, what="the unrenewed lease to run out")
    held.sent = 8
    keeper.beat()
    assert held.lost and taken.id == claimed.id
    assert mine.get(claimed.id).bytes_sent == 0  # the new attempt's count, not the lost one's


def test_a_database_path_that_cannot_be_opened_is_one_sentence(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    settings = load_settings(
        {"RECORDINGS_PATH": str(tmp_path / "rec"), "STREAMAI_DATABASE": str(blocker / "x")}, dotenv=False
    )
    with pytest.raises(ConfigError, match="cannot be used"):
        open_storage(settings)
    assert Path(tmp_path / "rec").is_dir()


def test_a_sqlite_file_moved_away_is_unavailable_until_it_is_back(tmp_path):
    """Pooled connections hold the file open: a file moved away (or deleted, or replaced) is noticed
    at the next unit of work, never read or written through a stale handle."""
    db = Database(tmp_path / "rec" / ".streamai" / "s.sqlite3")
    SessionStore(db).insert(a_session("show"))
    (tmp_path / "rec").rename(tmp_path / "moved")
    try:
        with pytest.raises(DatabaseUnavailable) as gone:
            SessionStore(db).count()
        assert gone.value.status == 503
    finally:
        (tmp_path / "moved").rename(tmp_path / "rec")
    assert SessionStore(db).count() == 1
    db.close()
