"""Settings read once from the environment (and `.env`), passed explicitly everywhere else."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from .contract.vocabulary import MAX_PRIORITY, MIN_PRIORITY, SUBTITLE_MODELS

ASYNC_MODES = ("gevent", "threading", "eventlet")  # the first is the default (streamai/server.py)


def _bool(value: str) -> bool:
    return value.strip().lower() in {"1", "true", "yes", "on"}


def _list(value: str) -> tuple[str, ...]:
    return tuple(item.strip() for item in value.split(",") if item.strip())


@dataclass(frozen=True)
class Settings:
    """Every knob of the service; names mirror the environment variables in `.env.example`."""

    host: str = "127.0.0.1"
    port: int = 5002
    api_token: str = field(default="", repr=False)
    viewer_token: str = field(default="", repr=False)
    trusted_hosts: tuple[str, ...] = ()
    max_body: int = 1024 * 1024
    min_free_mb: int = 2048
    low_disk_minutes: float = 15.0
    cors_origins: tuple[str, ...] = ("http://localhost:5173", "http://127.0.0.1:5173")
    async_mode: str = ASYNC_MODES[0]
    client_timeout_s: float = 60.0

    rigs_file: Path | None = None
    obs_host: str = "localhost"
    obs_port: int = 4455
    obs_password: str = field(default="", repr=False)
    obs_request_timeout_s: float = 10.0
    obs_reconnect_max_s: float = 10.0
    obs_stop_timeout_s: float = 600.0

    recordings_path: Path = Path("./recordings")
    database_path: Path | None = None
    database_url: str = field(default="", repr=False)  # PostgreSQL; it may hold a password
    job_lease_s: float = 30.0
    message_queue: str = field(default="", repr=False)  # may hold Redis's password

    vultr_api_url: str = ""
    vultr_upload_endpoint: str = "/upload"
    vultr_api_key: str = field(default="", repr=False)
    vultr_auto_upload: bool = True
    default_subtitle_model: str = "base"
    default_priority: int = 1

    upload_concurrency: int = 1
    upload_retry_base_s: float = 1.0
    upload_retry_max_s: float = 30.0
    upload_connect_timeout_s: float = 10.0
    upload_read_timeout_s: float = 300.0
    status_poll_interval_s: float = 2.0
    status_poll_max_s: float = 30.0

    status_interval_s: float = 1.0
    frontend_dist: Path = Path(__file__).resolve().parent.parent / "frontend" / "dist"
    log_level: str = "INFO"

    @property
    def uploads_enabled(self) -> bool:
        return bool(self.vultr_api_url)

    def with_overrides(self, **overrides) -> Settings:
        return replace(self, **{k: v for k, v in overrides.items() if v is not None})


# environment variable -> (field name, parser)
_ENV: dict[str, tuple[str, Callable[[str], Any]]] = {
    "STREAMAI_HOST": ("host", str),
    "STREAMAI_PORT": ("port", int),
    "STREAMAI_API_TOKEN": ("api_token", str),
    "STREAMAI_VIEWER_TOKEN": ("viewer_token", str),
    "STREAMAI_TRUSTED_HOSTS": ("trusted_hosts", _list),
    "STREAMAI_MAX_BODY": ("max_body", int),
    "STREAMAI_MIN_FREE_MB": ("min_free_mb", int),
    "STREAMAI_LOW_DISK_MINUTES": ("low_disk_minutes", float),
    "STREAMAI_CORS_ORIGINS": ("cors_origins", _list),
    "STREAMAI_ASYNC_MODE": ("async_mode", str),
    "STREAMAI_CLIENT_TIMEOUT": ("client_timeout_s", float),
    "STREAMAI_RIGS": ("rigs_file", Path),
    "OBS_HOST": ("obs_host", str),
    "OBS_PORT": ("obs_port", int),
    "OBS_PASSWORD": ("obs_password", str),
    "OBS_REQUEST_TIMEOUT": ("obs_request_timeout_s", float),
    "OBS_RECONNECT_MAX": ("obs_reconnect_max_s", float),
    "OBS_STOP_TIMEOUT": ("obs_stop_timeout_s", float),
    "RECORDINGS_PATH": ("recordings_path", Path),
    "STREAMAI_DATABASE": ("database_path", Path),
    "STREAMAI_DATABASE_URL": ("database_url", str.strip),
    "STREAMAI_JOB_LEASE": ("job_lease_s", float),
    "STREAMAI_MESSAGE_QUEUE": ("message_queue", str.strip),
    "VULTR_API_URL": ("vultr_api_url", lambda v: v.strip().rstrip("/")),
    "VULTR_UPLOAD_ENDPOINT": ("vultr_upload_endpoint", str),
    "VULTR_API_KEY": ("vultr_api_key", str),
    "VULTR_AUTO_UPLOAD": ("vultr_auto_upload", _bool),
    "DEFAULT_SUBTITLE_MODEL": ("default_subtitle_model", str),
    "DEFAULT_PRIORITY": ("default_priority", int),
    "UPLOAD_CONCURRENCY": ("upload_concurrency", int),
    "UPLOAD_RETRY_BASE": ("upload_retry_base_s", float),
    "UPLOAD_RETRY_MAX": ("upload_retry_max_s", float),
    "UPLOAD_CONNECT_TIMEOUT": ("upload_connect_timeout_s", float),
    "UPLOAD_READ_TIMEOUT": ("upload_read_timeout_s", float),
    "STATUS_POLL_INTERVAL": ("status_poll_interval_s", float),
    "STATUS_POLL_MAX": ("status_poll_max_s", float),
    "STREAMAI_STATUS_INTERVAL": ("status_interval_s", float),
    "STREAMAI_FRONTEND_DIST": ("frontend_dist", Path),
    "LOG_LEVEL": ("log_level", str),
}


# Settings where an empty value means something ("no token", "uploads off"), not "use the default".
_MAY_BE_EMPTY = {"api_token", "viewer_token", "obs_password", "vultr_api_url", "vultr_api_key"}


class ConfigError(ValueError):
    """A setting has a value the service cannot run with."""


def load_settings(environ: dict[str, str] | None = None, dotenv: bool = True) -> Settings:
    """Build settings from `environ` (default: the process environment plus `.env`)."""
    if environ is None:
        if dotenv:
            from dotenv import load_dotenv

            load_dotenv(Path.cwd() / ".env", override=False)
        environ = dict(os.environ)
    values = {}
    for name, (attr, parse) in _ENV.items():
        raw = environ.get(name)
        if raw is None or (raw == "" and attr not in _MAY_BE_EMPTY):
            continue
        try:
            values[attr] = parse(raw)
        except ValueError as exc:
            raise ConfigError(f"{name}={raw!r} is not valid: {exc}") from exc
    return validate(Settings(**values))


def validate(settings: Settings) -> Settings:
    """Refuse settings that would only fail later, far from their cause."""
    if settings.async_mode not in ASYNC_MODES:
        raise ConfigError(f"STREAMAI_ASYNC_MODE must be one of {', '.join(ASYNC_MODES)}")
    if not 0 < settings.client_timeout_s < float("inf"):
        raise ConfigError("STREAMAI_CLIENT_TIMEOUT must be a number of seconds above 0")
    if settings.default_subtitle_model not in SUBTITLE_MODELS:
        raise ConfigError(f"DEFAULT_SUBTITLE_MODEL must be one of {', '.join(SUBTITLE_MODELS)}")
    if settings.upload_concurrency < 1:
        raise ConfigError("UPLOAD_CONCURRENCY must be at least 1")
    if settings.vultr_api_url and not settings.vultr_api_url.startswith(("http://", "https://")):
        raise ConfigError("VULTR_API_URL must start with http:// or https://")
    if not MIN_PRIORITY <= settings.default_priority <= MAX_PRIORITY:
        raise ConfigError(f"DEFAULT_PRIORITY must be from {MIN_PRIORITY} to {MAX_PRIORITY}")
    if settings.viewer_token and not settings.api_token:
        raise ConfigError(
            "STREAMAI_VIEWER_TOKEN needs STREAMAI_API_TOKEN too: without an operator token "
            "anyone could control recording"
        )
    if settings.viewer_token and settings.viewer_token == settings.api_token:
        raise ConfigError("STREAMAI_VIEWER_TOKEN must differ from STREAMAI_API_TOKEN")
    if settings.message_queue and not settings.message_queue.startswith(("redis://", "rediss://", "unix://")):
        raise ConfigError("STREAMAI_MESSAGE_QUEUE must be a Redis URL (redis://host:6379/0)")
    if settings.max_body < 1024:
        raise ConfigError("STREAMAI_MAX_BODY must be at least 1024 bytes")
    if settings.database_url:  # never echoed: it may hold a password
        scheme = settings.database_url.partition("://")[0].split("+", 1)[0].lower()
        if "://" not in settings.database_url or scheme not in ("postgresql", "postgres"):
            raise ConfigError("STREAMAI_DATABASE_URL must be a postgresql://user:password@host:port/database URL")
        if settings.database_path:
            raise ConfigError("set STREAMAI_DATABASE (a SQLite file) or STREAMAI_DATABASE_URL (PostgreSQL), not both")
    if not 1 <= settings.job_lease_s < float("inf"):
        raise ConfigError("STREAMAI_JOB_LEASE must be a number of seconds, at least 1")
    return settings


def setting_names() -> list[str]:
    """The environment variables this service reads (kept in step with `.env.example` by a test)."""
    return list(_ENV)
