"""Session folders on disk, as a user's earlier runs would have left them."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

BLOCK = os.urandom(1 << 20)


def make_session_folder(recordings: Path, name: str, size: int, filename: str = "2025-07-08 02-34-19.mkv") -> Path:
    """A folder with one file of `size` bytes (not a real video: uploads do not care)."""
    folder = recordings / name
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / filename
    with open(path, "wb") as fh:
        for offset in range(0, size, len(BLOCK)):
            fh.write(BLOCK[: min(len(BLOCK), size - offset)])
    return path


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()
