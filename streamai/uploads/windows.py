"""A recording read as successive memory windows, mapped rather than copied where that is safe.

Every byte of an upload is hashed and then sent. Reading the file into a buffer first costs one
more copy of every byte, about 0.3 s of CPU per 2 GiB; on a 2-core machine that copy alone put
uploads under 0.9x curl's throughput (bench/upload_throughput.py). A memory map lets the hash and
the socket read the page cache directly.

Touching a mapped page that someone has truncated away kills the process with SIGBUS, so a file
is mapped only under a read lease: the kernel then makes whoever opens the file for writing, or
truncates it, wait (up to fs.lease-break-time seconds) until we let go, and shows the lease as
breaking. We look before every window, stop and let go. Where no lease can be had (another OS, a
file we don't own, a file still open for writing, some network filesystems), the file is read
into one reused buffer instead.
"""

from __future__ import annotations

import io
import mmap
import os
import signal
from collections.abc import Generator, Iterator
from contextlib import suppress
from pathlib import Path
from typing import BinaryIO, cast

try:
    import fcntl
except ImportError:  # not on Windows
    fcntl = None  # type: ignore[assignment]

WINDOW_SIZE = 1024 * 1024  # a multiple of every page size


class FileChanged(Exception):
    """The file was changed (or opened for writing) while it was being read."""


def read_windows(fh: BinaryIO, size: int, name: str) -> Generator[memoryview, None, None]:
    """The open file's `size` bytes as views of at most WINDOW_SIZE bytes, or FileChanged.

    Each view is valid only until the next one is asked for: use it (hash it, send it) first.
    The caller opened the file (and checked what it is); `name` is for messages.
    """
    fd = fh.fileno()
    _check_size(name, fd, size)
    mapping = _map_under_lease(fd, size)
    if mapping is None:
        yield from _buffered(fh, size)
    else:
        try:
            yield from _mapped(name, fd, mapping, size)
        finally:
            _let_go(fd)
    _check_size(name, fd, size)


def _check_size(name: str, fd: int, size: int) -> None:
    actual = os.fstat(fd).st_size
    if actual != size:
        raise FileChanged(f"{name} changed size while it was being sent ({actual} bytes, expected {size})")


def _map_under_lease(fd: int, size: int) -> mmap.mmap | None:
    """The file mapped, under a read lease; None where either cannot be had."""
    if not size or not _take_read_lease(fd):
        return None
    try:
        return mmap.mmap(fd, size, access=mmap.ACCESS_READ)
    except (OSError, ValueError):  # a filesystem that cannot map, no address space left
        _let_go(fd)
        return None


def _take_read_lease(fd: int) -> bool:
    """A read lease on `fd`, where the OS gives one and we can react to its breaking in time."""
    if fcntl is None or not hasattr(fcntl, "F_SETLEASE"):  # Linux only
        return False
    # A lease holder is signalled when its lease starts to break; SIGIO, the default, would kill
    # the process. SIGURG is ignored unless a handler is installed, and we poll the lease instead.
    if signal.getsignal(signal.SIGURG) is not signal.SIG_DFL or _lease_break_time_s() < 1:
        return False
    try:
        fcntl.fcntl(fd, fcntl.F_SETSIG, signal.SIGURG)
        fcntl.fcntl(fd, fcntl.F_SETLEASE, fcntl.F_RDLCK)
    except OSError:  # EAGAIN: someone has it open for writing; EACCES: not our file; EINVAL: no leases here
        return False
    return True


def _let_go(fd: int) -> None:
    with suppress(OSError):  # already gone if we did not answer its breaking within lease-break-time
        fcntl.fcntl(fd, fcntl.F_SETLEASE, fcntl.F_UNLCK)


def _lease_break_time_s() -> int:
    try:
        return int(Path("/proc/sys/fs/lease-break-time").read_text())
    except (OSError, ValueError):
        return 0


def _mapped(name: str, fd: int, mapping: mmap.mmap, size: int) -> Iterator[memoryview]:
    mapping.madvise(mmap.MADV_SEQUENTIAL)
    # Not closed explicitly: the consumer may still hold the last view; the mapping goes with it.
    view = memoryview(mapping)
    for start in range(0, size, WINDOW_SIZE):
        if fcntl.fcntl(fd, fcntl.F_GETLEASE) != fcntl.F_RDLCK:
            raise FileChanged(f"{name} was opened for writing while it was being sent")
        length = min(WINDOW_SIZE, size - start)
        yield view[start : start + length]
        # Sent: drop it from our address space (the page cache keeps it), so RSS stays flat.
        mapping.madvise(mmap.MADV_DONTNEED, start, length)


def _buffered(fh: BinaryIO, size: int) -> Iterator[memoryview]:
    buffer = memoryview(bytearray(WINDOW_SIZE))
    remaining = size
    while remaining:
        length = cast(io.RawIOBase, fh).readinto(buffer[: min(WINDOW_SIZE, remaining)])  # opened unbuffered
        if not length:
            return  # shorter than expected: the caller's size check says so
        remaining -= length
        yield buffer[:length]
