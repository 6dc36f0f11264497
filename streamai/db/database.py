"""One way to the database, SQLite or PostgreSQL: SQLAlchemy Core's engine (pooled connections,
each driver's quirks) under a `Connection` whose `execute(sql, params)` takes the same `:name`
binds on both, so the stores keep their plain SQL.

The few differences live here: how a write transaction starts (SQLite's `BEGIN IMMEDIATE`, so two
writers never deadlock on upgrade), the database's clock (leases are timed by it, not by each
host's own), and `FOR UPDATE SKIP LOCKED`, which only PostgreSQL has (SQLite has one writer).
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import CursorResult, RowMapping, make_url

from ..exceptions import StorageUnavailable
from .migrations import migrate_postgres, migrate_sqlite

log = logging.getLogger(__name__)

IntegrityError = sa.exc.IntegrityError
Row = RowMapping  # a row as a read-only mapping of column names to values
POSTGRES_SCHEMES = ("postgresql", "postgres")
DEFAULT_LEASE_S = 30.0


class DatabaseUnavailable(StorageUnavailable):
    """The database cannot be reached or used right now (refused, lost, locked too long): a 503."""

    def __init__(self, reason: str):
        super().__init__(f"the database cannot be used right now: {reason}", storage=False)
        self.reason = reason


def is_database_url(value: str) -> bool:
    """A PostgreSQL URL (`postgresql://…`, `postgres://…`, `postgresql+psycopg://…`)."""
    scheme, found, _ = value.partition("://")
    return bool(found) and scheme.split("+", 1)[0].lower() in POSTGRES_SCHEMES


def redact(url: str) -> str:
    """The URL without its password, the only form logs and messages ever show."""
    try:
        parsed = make_url(url).difference_update_query(["password", "sslpassword"])
        return parsed.render_as_string(hide_password=True)
    except Exception:
        return "(a database URL that cannot be read)"


@lru_cache(maxsize=512)
def _statement(sql: str, expanding: tuple[str, ...]) -> sa.TextClause:
    """Parsed once per SQL text; list-valued binds expand (`IN :names`)."""
    clause = sa.text(sql)
    return clause.bindparams(*(sa.bindparam(name, expanding=True) for name in expanding)) if expanding else clause


class Connection:
    """One unit of work's connection: `:name` binds, rows as mappings, on either backend."""

    def __init__(self, conn: sa.Connection):
        self.sa = conn

    def execute(self, sql: str, params: Mapping[str, Any] | None = None) -> CursorResult:
        params = params or {}
        expanding = tuple(name for name, value in params.items() if isinstance(value, (list, tuple)))
        return self.sa.execute(_statement(sql, expanding), params)

    def one(self, sql: str, params: Mapping[str, Any] | None = None) -> RowMapping | None:
        return self.execute(sql, params).mappings().first()

    def all(self, sql: str, params: Mapping[str, Any] | None = None) -> list[RowMapping]:
        return list(self.execute(sql, params).mappings())

    def scalar(self, sql: str, params: Mapping[str, Any] | None = None) -> Any:
        return self.execute(sql, params).scalar()


class Database:
    """Sessions and jobs, in SQLite (a file path) or PostgreSQL (a `postgresql://` URL).

    `lease_s` is how long a worker's claim on a job lasts without a heartbeat
    (STREAMAI_JOB_LEASE); the upload queue reads it from here.
    """

    def __init__(self, target: Path | str, *, lease_s: float = DEFAULT_LEASE_S):
        self.lease_s = lease_s
        self.path: Path | str  # for messages: the SQLite file, or the URL without its password
        self._reader: sa.Engine
        if isinstance(target, str) and is_database_url(target):
            self.dialect = "postgresql"
            self.path = redact(target)
            self.engine = _postgres_engine(target)
            self.now_sql = "extract(epoch from clock_timestamp())::float8"
            self.skip_locked = " FOR UPDATE SKIP LOCKED"
            self._reader = self.engine.execution_options(isolation_level="AUTOCOMMIT")
        else:
            self.dialect = "sqlite"
            self.path = Path(target)
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.engine = _sqlite_engine(self.path)
            self.now_sql = "((julianday('now') - 2440587.5) * 86400.0)"
            self.skip_locked = ""  # one writer at a time: the claim's transaction is the lock
            self._reader = self.engine
        try:
            with self._translated():
                self._migrate()
        except BaseException:
            self.engine.dispose()
            raise

    def _migrate(self) -> None:
        if self.dialect == "postgresql":
            with self.engine.begin() as conn:
                migrate_postgres(conn, str(self.path))
            return
        raw = self.engine.raw_connection()
        try:
            driver = raw.driver_connection
            assert driver is not None
            driver.execute("PRAGMA journal_mode=WAL")
            migrate_sqlite(driver, str(self.path))
        finally:
            raw.close()

    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        """A write transaction; on SQLite taken up front (`BEGIN IMMEDIATE`)."""
        with self._translated(), self.engine.connect() as conn:
            if self.dialect == "sqlite":
                conn.exec_driver_sql("BEGIN IMMEDIATE")
            try:
                yield Connection(conn)
            except BaseException:
                conn.rollback()
                raise
            conn.commit()

    @contextmanager
    def reading(self) -> Iterator[Connection]:
        """Reads, each statement on its own (no transaction held open between them)."""
        with self._translated(), self._reader.connect() as conn:
            yield Connection(conn)

    @contextmanager
    def _translated(self) -> Iterator[None]:
        """A database that cannot be reached or used becomes DatabaseUnavailable; bugs stay bugs."""
        try:
            yield
        except (sa.exc.OperationalError, sa.exc.InterfaceError) as exc:
            raise DatabaseUnavailable(_reason(exc)) from exc
        except sa.exc.TimeoutError as exc:  # every pooled connection busy for pool_timeout
            raise DatabaseUnavailable(f"no free connection ({exc})") from exc

    def check(self) -> None:
        """Raise if the database cannot be read and written (health checks)."""
        with self.transaction() as conn:
            conn.scalar("SELECT 1 FROM sessions LIMIT 1")

    def close(self) -> None:
        """Close the pooled connections (a new unit of work opens them again)."""
        self.engine.dispose()


def _reason(exc: sa.exc.DBAPIError) -> str:
    """The driver's own words, on one line, without the statement or its parameters."""
    return " ".join(str(exc.orig or exc).split())


def _sqlite_engine(path: Path) -> sa.Engine:
    engine = sa.create_engine(
        sa.URL.create("sqlite", database=str(path)),
        connect_args={"timeout": 30, "check_same_thread": False},
    )

    @sa.event.listens_for(engine, "connect")
    def _configure(dbapi_connection, record) -> None:
        # Autocommit at the driver: reads hold no transaction, and transaction() says BEGIN itself.
        dbapi_connection.isolation_level = None
        dbapi_connection.execute("PRAGMA foreign_keys=ON")
        dbapi_connection.execute("PRAGMA synchronous=NORMAL")
        record.info["file"] = _identity(path)

    @sa.event.listens_for(engine, "checkout")
    def _same_file(_dbapi_connection, record, _proxy) -> None:
        # A pooled connection keeps its file open: if the file was moved, deleted or replaced
        # (RECORDINGS_PATH renamed, a backup restored), it must not go on reading and writing the
        # old one. A fresh connection opens what is at the path now, or fails (a 503).
        if _identity(path) != record.info.get("file"):
            raise sa.exc.DisconnectionError(f"{path} is no longer the file this connection opened")

    return engine


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_dev, st.st_ino


def _postgres_engine(url: str) -> sa.Engine:
    parsed = make_url(url)
    return sa.create_engine(
        parsed.set(drivername="postgresql+psycopg"),  # psycopg 3 (cooperates with gevent by itself)
        pool_size=5,
        max_overflow=10,
        pool_timeout=30,
        pool_pre_ping=True,  # a server restarted or a connection cut by the network: opened again
        connect_args={"connect_timeout": 10, "application_name": "streamai"},
    )
