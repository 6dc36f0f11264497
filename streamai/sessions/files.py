"""File operations that never lose or overwrite a recording."""

from __future__ import annotations

import errno
import json
import os
import shutil
from pathlib import Path
from typing import Any

COPY_CHUNK = 8 * 1024 * 1024


def write_json_atomically(path: Path, data: Any) -> None:
    """Readers see the old file or the new one, never half of one."""
    tmp = path.with_name(f".{path.name}.tmp")
    with open(tmp, "w", encoding="utf-8") as fh:
        json.dump(data, fh, ensure_ascii=False, indent=2, default=str)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)
    _fsync_dir(path.parent)


def free_name(folder: Path, name: str) -> Path:
    """`folder/name`, or `name (2)`, `name (3)`… when taken: an existing file is never replaced."""
    candidate = folder / name
    stem, suffix = Path(name).stem, Path(name).suffix
    n = 2
    while candidate.exists():
        candidate = folder / f"{stem} ({n}){suffix}"
        n += 1
    return candidate


def move_recording(source: Path, folder: Path, *, allow_copy: bool = True) -> Path:
    """Move `source` into `folder` and return where it landed.

    Same filesystem: a hard link then unlink, so the target is never overwritten. Across
    filesystems: copy to a hidden partial file, fsync, check the size, publish it under its
    final name, and only then remove the source. `allow_copy=False` refuses the copy, for a
    file OBS may still be writing (a link keeps following the same inode; a copy would not).
    """
    folder.mkdir(parents=True, exist_ok=True)
    expected = source.stat().st_size
    while True:
        target = free_name(folder, source.name)
        try:
            os.link(source, target)
            break
        except FileExistsError:
            continue  # someone took the name between the check and the link
        except OSError as exc:
            if exc.errno not in (errno.EXDEV, errno.EPERM, errno.ENOTSUP, errno.EMLINK) or not allow_copy:
                raise
            target = _copy_across(source, folder, expected)
            break
    if target.stat().st_size != expected:
        raise OSError(f"{target} has {target.stat().st_size} bytes, expected {expected}; {source} kept")
    _fsync_dir(folder)
    source.unlink()
    return target


def _copy_across(source: Path, folder: Path, expected: int) -> Path:
    partial = folder / f".{source.name}.partial"
    with open(source, "rb") as src, open(partial, "wb") as dst:
        shutil.copyfileobj(src, dst, COPY_CHUNK)
        dst.flush()
        os.fsync(dst.fileno())
    if partial.stat().st_size != expected:
        partial.unlink()
        raise OSError(f"copy of {source} is incomplete; the original is kept")
    while True:
        target = free_name(folder, source.name)
        try:
            os.link(partial, target)
            partial.unlink()
            return target
        except FileExistsError:
            continue


def _fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
