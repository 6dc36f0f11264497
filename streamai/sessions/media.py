"""Facts about media files: real duration (ffprobe), thumbnails (ffmpeg), human-readable sizes.

Files are handed to ffprobe/ffmpeg as descriptors we opened and checked ourselves (`/dev/fd/N`),
so a link planted between our check and their open cannot redirect them.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import subprocess
from typing import BinaryIO

log = logging.getLogger(__name__)

VIDEO_SUFFIXES = {".mkv", ".mp4", ".mov", ".flv", ".ts", ".m4v", ".webm"}


def is_video_name(name: str) -> bool:
    return os.path.splitext(name)[1].lower() in VIDEO_SUFFIXES and not name.startswith(".")


def _input(fh: BinaryIO) -> tuple[str, tuple[int, ...]]:
    """How a child process reads the open file `fh`: its descriptor where the OS allows it."""
    if os.name == "posix" and os.path.isdir("/dev/fd"):
        return f"/dev/fd/{fh.fileno()}", (fh.fileno(),)
    return fh.name if isinstance(fh.name, str) else "", ()


def probe_available() -> bool:
    return shutil.which("ffprobe") is not None


def probe_duration(fh: BinaryIO, timeout_s: float = 30.0) -> float | None:
    """Duration in seconds as the container says, or None when ffprobe is missing or cannot read it."""
    ffprobe = shutil.which("ffprobe")
    if ffprobe is None:
        log.warning("ffprobe not found: durations are unknown (install ffmpeg)")
        return None
    source, fds = _input(fh)
    try:
        out = subprocess.run(
            [ffprobe, "-v", "error", "-show_entries", "format=duration", "-of", "json", source],
            capture_output=True,
            timeout=timeout_s,
            check=True,
            text=True,
            pass_fds=fds,
        ).stdout
        duration = float(json.loads(out)["format"]["duration"])
    except (subprocess.SubprocessError, KeyError, ValueError, TypeError, OSError) as exc:
        log.info("no duration for %s: %s", getattr(fh, "name", "a file"), exc)
        return None
    return duration if duration == duration and duration not in (float("inf"), float("-inf")) else None


def thumbnail_jpeg(fh: BinaryIO, duration_s: float | None, width: int = 480, timeout_s: float = 30.0) -> bytes | None:
    """A JPEG of the frame about 10 % in (ffmpeg), or None when ffmpeg is missing or cannot read it."""
    ffmpeg = shutil.which("ffmpeg")
    if ffmpeg is None:
        return None
    source, fds = _input(fh)
    at = f"{(duration_s or 0) * 0.1:.3f}"
    try:
        image = subprocess.run(
            [
                ffmpeg,
                "-v",
                "error",
                "-ss",
                at,
                "-i",
                source,
                "-frames:v",
                "1",
                "-vf",
                f"scale=w=min({width}\\,iw):h=-2",
                "-f",
                "image2",
                "-c:v",
                "mjpeg",
                "pipe:1",
            ],
            capture_output=True,
            timeout=timeout_s,
            check=True,
            pass_fds=fds,
        ).stdout
    except (subprocess.SubprocessError, OSError) as exc:
        log.info("no thumbnail for %s: %s", getattr(fh, "name", "a file"), exc)
        return None
    return image if image.startswith(b"\xff\xd8") else None


def human_size(num_bytes: int | None) -> str:
    size = float(num_bytes or 0)
    for unit in ("B", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{int(size)} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1024
    return f"{size:.1f} TB"


def hms(seconds: float | None) -> str:
    total = round(seconds or 0)
    return f"{total // 3600:02d}:{total % 3600 // 60:02d}:{total % 60:02d}"
