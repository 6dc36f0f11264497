"""Facts about media files: real duration (ffprobe) and human-readable sizes."""

from __future__ import annotations

import json
import logging
import shutil
import subprocess
from pathlib import Path

log = logging.getLogger(__name__)

VIDEO_SUFFIXES = {".mkv", ".mp4", ".mov", ".flv", ".ts", ".m4v", ".webm"}


def is_video(path: Path) -> bool:
    return path.is_file() and path.suffix.lower() in VIDEO_SUFFIXES and not path.name.startswith(".")


def probe_duration(path: Path, timeout_s: float = 30.0) -> float | None:
    """Duration in seconds as the container says, or None when ffprobe is missing or the file unreadable."""
    ffprobe = shutil.which("ffprobe")
    if ffprobe is None:
        log.warning("ffprobe not found: durations are unknown (install ffmpeg)")
        return None
    try:
        out = subprocess.run(
            [ffprobe, "-v", "error", "-show_entries", "format=duration", "-of", "json", str(path)],
            capture_output=True, timeout=timeout_s, check=True, text=True,
        ).stdout
        return float(json.loads(out)["format"]["duration"])
    except (subprocess.SubprocessError, KeyError, ValueError, OSError) as exc:
        log.info("no duration for %s: %s", path.name, exc)
        return None


def human_size(num_bytes: int | None) -> str:
    size = float(num_bytes or 0)
    for unit in ("B", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{int(size)} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1024
    return f"{size:.1f} TB"


def hms(seconds: float | None) -> str:
    total = int(round(seconds or 0))
    return f"{total // 3600:02d}:{total % 3600 // 60:02d}:{total % 60:02d}"
