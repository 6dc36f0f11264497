"""RECORDINGS_PATH treated as untrusted input.

Anyone who can write into the recordings folder can plant a symbolic link (`a.mkv -> /etc/shadow`,
a session folder -> `/etc`) or a FIFO. So below the root, nothing is reached by path: each
component is opened relative to its parent's descriptor with O_NOFOLLOW, and a file is used only
once the descriptor we hold says it is a regular file. There is no window between checking and
using (no TOCTOU): what was checked is what is read, written or uploaded.

Where the OS has no `dir_fd` support (Windows), the same functions check each component with
lstat instead; that narrows the window rather than closing it.
"""

from __future__ import annotations

import errno
import json
import os
import shutil
import stat
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
DIRECTORY = getattr(os, "O_DIRECTORY", 0)
CLOEXEC = getattr(os, "O_CLOEXEC", 0)
NONBLOCK = getattr(os, "O_NONBLOCK", 0)  # opening a planted FIFO must not hang
BINARY = getattr(os, "O_BINARY", 0)
FD_SAFE = bool(NOFOLLOW and DIRECTORY) and os.open in os.supports_dir_fd
COPY_CHUNK = 8 * 1024 * 1024

Dir = int | Path  # a directory descriptor, or a checked path where descriptors cannot be used


class UnsafePath(OSError):
    """A path below RECORDINGS_PATH that is a link, not a regular file/folder, or not a plain name."""


@dataclass(frozen=True)
class Entry:
    name: str
    is_file: bool
    is_dir: bool
    is_link: bool
    size: int
    mtime: float


def check_name(name: str) -> str:
    """One plain path component: no separator, no `.`/`..`, nothing empty."""
    if not name or name in (".", "..") or "/" in name or "\\" in name or "\x00" in name:
        raise UnsafePath(errno.EINVAL, f"{name!r} is not a plain file or folder name")
    return name


def _at(directory: Dir, name: str) -> tuple[str, dict[str, Any]]:
    """`name` inside `directory`, as arguments for the os functions that take `dir_fd`."""
    if isinstance(directory, int):
        return name, {"dir_fd": directory}
    return str(directory / name), {}


class RecordingsFolder:
    """The recordings root, resolved once; every path below it is reached without following links."""

    def __init__(self, root: Path):
        self.root = Path(root).resolve()

    def path(self, *parts: str) -> Path:
        """Where something is, for people and logs; never used to open anything."""
        return self.root.joinpath(*parts)

    # -- folders ---------------------------------------------------------------------------

    @contextmanager
    def directory(self, *parts: str) -> Iterator[Dir]:
        """The folder `root/parts…`, refusing any component that is a link or not a folder."""
        for part in parts:
            check_name(part)
        if not FD_SAFE:
            yield self._checked_path(parts)
            return
        fd = os.open(self.root, os.O_RDONLY | DIRECTORY | CLOEXEC)
        try:
            for part in parts:
                try:
                    child = os.open(part, os.O_RDONLY | DIRECTORY | NOFOLLOW | CLOEXEC, dir_fd=fd)
                except OSError as exc:
                    if exc.errno in (errno.ELOOP, errno.ENOTDIR):
                        raise UnsafePath(exc.errno, f"{'/'.join(parts)} is a link or not a folder") from None
                    raise
                os.close(fd)
                fd = child
            yield fd
        finally:
            os.close(fd)

    def _checked_path(self, parts: tuple[str, ...]) -> Path:
        path = self.root
        for part in parts:
            path = path / part
            mode = os.lstat(path).st_mode
            if not stat.S_ISDIR(mode):
                raise UnsafePath(errno.ENOTDIR, f"{'/'.join(parts)} is a link or not a folder")
        return path

    def make_folder(self, *parts: str) -> None:
        """Create the last folder of `parts`; FileExistsError when it exists (the atomic claim)."""
        with self.directory(*parts[:-1]) as parent:
            name, at = _at(parent, check_name(parts[-1]))
            os.mkdir(name, **at)

    def ensure_folder(self, *parts: str) -> None:
        """Each folder of `parts`, created where missing (never through a link)."""
        for depth in range(1, len(parts) + 1):
            try:
                self.make_folder(*parts[:depth])
            except FileExistsError:
                with self.directory(*parts[:depth]):  # it must be a real folder
                    pass

    def remove_folder(self, *parts: str) -> None:
        """Remove an empty folder (OSError when it is not empty)."""
        with self.directory(*parts[:-1]) as parent:
            name, at = _at(parent, check_name(parts[-1]))
            os.rmdir(name, **at)

    def is_folder(self, *parts: str) -> bool:
        try:
            with self.directory(*parts):
                return True
        except OSError:
            return False

    def entries(self, *parts: str) -> list[Entry]:
        """What a folder holds, links reported as links and never followed."""
        with self.directory(*parts) as folder:
            found = []
            with os.scandir(folder if isinstance(folder, int) else str(folder)) as scan:
                for item in scan:
                    info = item.stat(follow_symlinks=False)
                    found.append(
                        Entry(
                            item.name,
                            stat.S_ISREG(info.st_mode),
                            stat.S_ISDIR(info.st_mode),
                            stat.S_ISLNK(info.st_mode),
                            info.st_size,
                            info.st_mtime,
                        )
                    )
        return sorted(found, key=lambda e: e.name)

    # -- files -----------------------------------------------------------------------------

    def open_file(self, *parts: str) -> BinaryIO:
        """A regular file below the root, opened for reading without following a link."""
        with self.directory(*parts[:-1]) as folder:
            name, at = _at(folder, check_name(parts[-1]))
            try:
                fd = os.open(name, os.O_RDONLY | NOFOLLOW | CLOEXEC | NONBLOCK | BINARY, **at)
            except OSError as exc:
                if exc.errno == errno.ELOOP:
                    raise UnsafePath(exc.errno, f"{'/'.join(parts)} is a symbolic link") from None
                raise
        if not stat.S_ISREG(os.fstat(fd).st_mode) or (not FD_SAFE and os.path.islink(name)):
            os.close(fd)
            raise UnsafePath(errno.EINVAL, f"{'/'.join(parts)} is not a regular file")
        return os.fdopen(fd, "rb", buffering=0)

    def file_size(self, *parts: str) -> int:
        with self.open_file(*parts) as fh:
            return os.fstat(fh.fileno()).st_size

    def read_json(self, *parts: str, max_bytes: int = 4 * 1024 * 1024) -> Any:
        """A small JSON file (the metadata a user may have edited by hand); NaN/Infinity refused."""
        with self.open_file(*parts) as fh:
            raw = fh.read(max_bytes + 1)
        if len(raw) > max_bytes:
            raise ValueError(f"{parts[-1]} is larger than {max_bytes} bytes")
        return json.loads(raw.decode("utf-8"), parse_constant=_refuse_constant)

    def write_json(self, *parts: str, data: Any) -> None:
        """Readers see the old file or the new one, never half of one (and never through a link)."""
        text = json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False, default=str)
        self.write_bytes(*parts, data=text.encode("utf-8"))

    def write_bytes(self, *parts: str, data: bytes) -> None:
        self.write_stream(*parts, chunks=[data])

    def write_stream(self, *parts: str, chunks: Iterable[bytes]) -> int:
        """Write `chunks` to a hidden temporary file, fsync, then rename it into place; the size."""
        written = 0
        with self.directory(*parts[:-1]) as folder:
            final = check_name(parts[-1])
            tmp = f".{final}.tmp"
            tmp_name, at = _at(folder, tmp)
            try:
                os.unlink(tmp_name, **at)  # a leftover, or a planted link: the entry goes, not its target
            except FileNotFoundError:
                pass
            fd = os.open(tmp_name, os.O_WRONLY | os.O_CREAT | os.O_EXCL | NOFOLLOW | CLOEXEC | BINARY, 0o644, **at)
            try:
                with os.fdopen(fd, "wb") as fh:
                    for chunk in chunks:
                        fh.write(chunk)
                        written += len(chunk)
                    fh.flush()
                    os.fsync(fh.fileno())
                final_name, _ = _at(folder, final)
                if isinstance(folder, int):
                    os.replace(tmp, final, src_dir_fd=folder, dst_dir_fd=folder)
                else:
                    os.replace(tmp_name, final_name)
            except BaseException:
                with _quiet():
                    os.unlink(tmp_name, **at)
                raise
            _fsync_dir(folder)
        return written

    def unlink(self, *parts: str) -> None:
        with self.directory(*parts[:-1]) as folder:
            name, at = _at(folder, check_name(parts[-1]))
            os.unlink(name, **at)

    # -- bringing OBS's file in ------------------------------------------------------------

    def move_in(self, source: Path, *parts: str, allow_copy: bool = True) -> str:
        """Move OBS's recording `source` into the folder `parts`; returns the name it landed under.

        Same filesystem: a hard link then unlink, so an existing file is never replaced (the link
        fails rather than overwrite; we take the next free name). Across filesystems: a copy to a
        hidden partial file, fsync, size check, publish under a free name, and only then removal
        of the source. `allow_copy=False` refuses the copy, for a file OBS may still be writing
        (a link keeps following the same inode; a copy would not).
        """
        info = os.lstat(source)
        if not stat.S_ISREG(info.st_mode):
            raise UnsafePath(errno.EINVAL, f"{source} is not a regular file")
        with self.directory(*parts) as folder:
            try:
                landed = _link_free(folder, source, source.name)
            except OSError as exc:
                if exc.errno not in (errno.EXDEV, errno.EPERM, errno.ENOTSUP, errno.EMLINK) or not allow_copy:
                    raise
                landed = _copy_free(folder, source, info.st_size)
            name, at = _at(folder, landed)
            size = os.stat(name, follow_symlinks=False, **at).st_size
            if size != info.st_size:
                raise OSError(errno.EIO, f"{landed} has {size} bytes, expected {info.st_size}; {source} kept")
            _fsync_dir(folder)
        source.unlink()
        return landed


def free_names(name: str) -> Iterator[str]:
    """`name`, then `name (2)`, `name (3)`…: an existing file is never replaced."""
    stem, suffix = os.path.splitext(name)
    yield name
    n = 2
    while True:
        yield f"{stem} ({n}){suffix}"
        n += 1


def _link_free(folder: Dir, source: Path, wanted: str) -> str:
    for candidate in free_names(wanted):
        name, _ = _at(folder, candidate)
        try:
            if isinstance(folder, int):
                os.link(source, candidate, dst_dir_fd=folder, follow_symlinks=False)
            else:
                os.link(source, name)
            return candidate
        except FileExistsError:
            continue
    raise AssertionError("unreachable")


def _copy_free(folder: Dir, source: Path, expected: int) -> str:
    partial = f".{source.name}.partial"
    partial_name, at = _at(folder, partial)
    with _quiet():
        os.unlink(partial_name, **at)
    fd = os.open(partial_name, os.O_WRONLY | os.O_CREAT | os.O_EXCL | NOFOLLOW | CLOEXEC | BINARY, 0o644, **at)
    try:
        with open(source, "rb") as src, os.fdopen(fd, "wb") as dst:
            shutil.copyfileobj(src, dst, COPY_CHUNK)
            dst.flush()
            os.fsync(dst.fileno())
        if os.stat(partial_name, follow_symlinks=False, **at).st_size != expected:
            raise OSError(errno.EIO, f"the copy of {source} is incomplete; the original is kept")
        for candidate in free_names(source.name):
            name, _ = _at(folder, candidate)
            try:
                if isinstance(folder, int):
                    os.link(partial, candidate, src_dir_fd=folder, dst_dir_fd=folder, follow_symlinks=False)
                else:
                    os.link(partial_name, name)
                return candidate
            except FileExistsError:
                continue
        raise AssertionError("unreachable")
    finally:
        with _quiet():
            os.unlink(partial_name, **at)


def _fsync_dir(folder: Dir) -> None:
    if isinstance(folder, int):
        os.fsync(folder)
        return
    with _quiet():  # not possible on every OS
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


@contextmanager
def _quiet() -> Iterator[None]:
    try:
        yield
    except OSError:
        pass
