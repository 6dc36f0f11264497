"""Free disk space: refuse a start that would run out, and warn while recording before it does.

Two disks matter: RECORDINGS_PATH's, where sessions end up, and OBS's, where OBS writes while it
records. When OBS runs here and its folder is reachable, its free space is read directly; when OBS
is remote, from obs-websocket's `GetStats.availableDiskSpace` (MB).
"""

from __future__ import annotations

import logging
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..exceptions import InsufficientStorage, ObsRequestFailed, ObsUnavailable
from ..obs import ObsController

log = logging.getLogger(__name__)

MB = 1024 * 1024


@dataclass(frozen=True)
class DiskReading:
    free_bytes: int
    where: str
    estimated_remaining_s: float | None
    low: bool


class DiskMonitor:
    def __init__(self, recordings: Path, obs: ObsController, *, min_free_mb: int, low_minutes: float):
        self.recordings = recordings
        self.obs = obs
        self.min_free_bytes = min_free_mb * MB
        self.low_after_s = low_minutes * 60

    def free(self, obs_folder: str | None = None) -> tuple[int, str]:
        """The smallest free space among the disks a recording needs, and which one it is."""
        readings = [(shutil.disk_usage(self.recordings).free, f"RECORDINGS_PATH ({self.recordings})")]
        obs_free = self._obs_free(obs_folder)
        if obs_free is not None:
            readings.append(obs_free)
        return min(readings)

    def _obs_free(self, folder: str | None) -> tuple[int, str] | None:
        if self.obs.is_local and folder and Path(folder).is_dir():
            return shutil.disk_usage(folder).free, f"OBS's recording folder ({folder})"
        if self.obs.is_local:
            return None
        try:
            megabytes = self.obs.stats().get("availableDiskSpace")
        except (ObsUnavailable, ObsRequestFailed):
            return None
        if not isinstance(megabytes, (int, float)) or megabytes != megabytes:
            return None
        return int(megabytes * MB), f"OBS's disk ({self.obs.address})"

    def require_room_to_start(self, obs_folder: str | None) -> None:
        free, where = self.free(obs_folder)
        if free < self.min_free_bytes:
            raise InsufficientStorage(
                f"only {free // MB} MB free on {where}; starting a recording needs at least "
                f"{self.min_free_bytes // MB} MB (STREAMAI_MIN_FREE_MB)",
                free_bytes=free,
                required_bytes=self.min_free_bytes,
            )

    def reading(self, record_status: dict[str, Any], obs_folder: str | None) -> DiskReading:
        """Free space and, from the recording's byte rate so far, how long it lasts."""
        free, where = self.free(obs_folder)
        written, duration_ms = record_status.get("outputBytes") or 0, record_status.get("outputDuration") or 0
        rate = written / (duration_ms / 1000) if duration_ms > 1000 and written > 0 else None
        remaining = free / rate if rate else None
        low = free < self.min_free_bytes or (remaining is not None and remaining < self.low_after_s)
        return DiskReading(free, where, remaining, low)
