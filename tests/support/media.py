"""Small real media files made with ffmpeg, for results a browser can play."""

from __future__ import annotations

import subprocess
from pathlib import Path

VTT = (
    b"WEBVTT\n\n00:00:00.000 --> 00:00:01.500\nBonjour et bienvenue\n\n"
    b"00:00:01.500 --> 00:00:03.000\nPremier marqueur\n"
)


def make_video(path: Path, seconds: float = 2.0) -> bytes:
    """A VP8 WebM with a moving test pattern (every Chromium plays it); its bytes."""
    subprocess.run(
        [
            "ffmpeg",
            "-v",
            "error",
            "-y",
            "-f",
            "lavfi",
            "-i",
            f"testsrc2=size=160x120:rate=15:duration={seconds}",
            "-c:v",
            "libvpx",
            "-b:v",
            "200k",
            "-deadline",
            "realtime",
            str(path),
        ],
        check=True,
        timeout=60,
    )
    return path.read_bytes()


def make_jpeg(path: Path) -> bytes:
    subprocess.run(
        [
            "ffmpeg",
            "-v",
            "error",
            "-y",
            "-f",
            "lavfi",
            "-i",
            "testsrc2=size=160x120:rate=1",
            "-frames:v",
            "1",
            str(path),
        ],
        check=True,
        timeout=60,
    )
    return path.read_bytes()
