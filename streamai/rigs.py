"""Rigs: the OBS instances one StreamAI drives (one per room or camera angle).

Without `STREAMAI_RIGS` there is one rig, `default`, from OBS_HOST / OBS_PORT / OBS_PASSWORD, and
nothing changes for the guide's users. With it, a TOML file lists the rigs; the first is the
default rig (the one the guide's /api/integrated/* routes drive):

    [rigs.cam1]
    label = "Caméra 1"
    host = "192.168.1.20"
    port = 4455
    password_env = "CAM1_OBS_PASSWORD"        # or: password = "…"
    path_map = { "C:\\\\Users\\\\obs\\\\Videos" = "/mnt/studio/cam1" }

`path_map` says where this machine reads the folder OBS records into (a shared network folder), so a
remote rig's files get the same wait-for-final-file, move, hash and upload as a local one's.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path, PurePath, PurePosixPath, PureWindowsPath
from typing import Any

from .config import ConfigError, Settings

DEFAULT_RIG = "default"
RIG_ID = re.compile(r"^[a-z0-9][a-z0-9_-]{0,31}$")
KEYS = {"label", "host", "port", "password", "password_env", "path_map"}
LOCAL_HOSTS = ("localhost", "127.0.0.1", "::1")


@dataclass(frozen=True)
class RigConfig:
    id: str
    label: str
    host: str
    port: int
    password: str = field(default="", repr=False)
    path_map: tuple[tuple[str, Path], ...] = ()

    @property
    def is_local(self) -> bool:
        return self.host in LOCAL_HOSTS or self.host.startswith("127.")

    def local_path(self, obs_path: str | None) -> str | None:
        """Where this machine reads a file OBS reports: the same path for a local OBS, the
        `path_map`ped one for a remote OBS, or None when it cannot be reached from here."""
        if not obs_path:
            return None
        if not self.path_map:
            return obs_path if self.is_local else None
        reported = _pure(obs_path)
        for prefix, local in self.path_map:
            base = _pure(prefix)
            if type(base) is not type(reported):
                continue
            try:
                rest = reported.relative_to(base)  # Windows paths compare without case, as Windows does
            except ValueError:
                continue
            if any(part in ("..", "") for part in rest.parts):
                return None
            return str(local.joinpath(*rest.parts))
        return obs_path if self.is_local else None


def _pure(path: str) -> PurePath:
    """OBS on Windows reports `C:\\…`; on Linux or macOS `/…`."""
    if re.match(r"^[A-Za-z]:[\\/]", path) or path.startswith("\\\\"):
        return PureWindowsPath(path)
    return PurePosixPath(path)


def load_rigs(settings: Settings, environ: dict[str, str]) -> tuple[RigConfig, ...]:
    """The rigs, checked once at start-up: every mistake is a ConfigError naming the rig and key."""
    if settings.rigs_file is None:
        return (RigConfig(DEFAULT_RIG, "OBS", settings.obs_host, settings.obs_port, settings.obs_password),)
    where = settings.rigs_file
    try:
        document = tomllib.loads(where.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"STREAMAI_RIGS={where} cannot be read: {exc.strerror or exc}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{where} is not valid TOML: {exc}") from exc
    table = document.get("rigs")
    if not isinstance(table, dict) or not table:
        raise ConfigError(f"{where} lists no rig: add at least one [rigs.<id>] table")
    unknown = set(document) - {"rigs"}
    if unknown:
        raise ConfigError(f"{where}: unknown top-level key(s) {', '.join(sorted(unknown))} (only [rigs.<id>])")
    rigs = tuple(_rig(where, rig_id, spec, environ) for rig_id, spec in table.items())
    addresses = [(r.host, r.port) for r in rigs]
    for rig in rigs:
        if addresses.count((rig.host, rig.port)) > 1:
            raise ConfigError(f"{where}: two rigs point at the same OBS ({rig.host}:{rig.port})")
    return rigs


def _rig(where: Path, rig_id: str, spec: Any, environ: dict[str, str]) -> RigConfig:
    def fail(problem: str) -> ConfigError:
        return ConfigError(f"{where}: rig {rig_id!r}: {problem}")

    if not RIG_ID.match(rig_id):
        raise fail("an id is 1-32 lowercase letters, digits, '-' or '_' (it names a folder)")
    if not isinstance(spec, dict):
        raise fail("must be a table ([rigs.<id>])")
    unknown = set(spec) - KEYS
    if unknown:
        raise fail(f"unknown key(s) {', '.join(sorted(unknown))} (known: {', '.join(sorted(KEYS))})")
    host, port, label = spec.get("host", "localhost"), spec.get("port", 4455), spec.get("label", rig_id)
    if not isinstance(host, str) or not host.strip():
        raise fail("host must be a host name or an address")
    if isinstance(port, bool) or not isinstance(port, int) or not 1 <= port <= 65535:
        raise fail("port must be a whole number from 1 to 65535")
    if not isinstance(label, str) or not label.strip():
        raise fail("label must be text")
    if "password" in spec and "password_env" in spec:
        raise fail("give password or password_env, not both")
    password = spec.get("password", "")
    if "password_env" in spec:
        name = spec["password_env"]
        if not isinstance(name, str) or name not in environ:
            raise fail(f"password_env names {name!r}, which is not set in the environment")
        password = environ[name]
    if not isinstance(password, str):
        raise fail("password must be text")
    path_map = spec.get("path_map", {})
    if not isinstance(path_map, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in path_map.items()
    ):
        raise fail('path_map must map OBS folders to local folders: { "C:\\\\Videos" = "/mnt/cam1" }')
    for local in path_map.values():
        if not Path(local).is_absolute():
            raise fail(f"path_map: {local!r} must be an absolute path on this machine")
    return RigConfig(
        rig_id, label.strip(), host.strip(), port, password, tuple((k, Path(v)) for k, v in path_map.items())
    )
