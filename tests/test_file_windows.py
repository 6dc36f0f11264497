"""Reading a recording for upload: mapped under a read lease, or read into a buffer; never SIGBUS."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest

from streamai.uploads import windows
from streamai.uploads.windows import WINDOW_SIZE, FileChanged

from .support.leases import lease_lines


def read_windows(path, size):
    """The reader over a file opened here, as the upload worker opens it (and closed with it)."""
    with open(path, "rb", buffering=0) as fh:
        yield from windows.read_windows(fh, size, path.name)


def write(path: Path, size: int) -> bytes:
    content = os.urandom(size)
    path.write_bytes(content)
    return content


def wait_for(condition, timeout_s: float = 10) -> None:
    deadline = time.monotonic() + timeout_s
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.01)


@pytest.mark.parametrize("size", [0, 1, WINDOW_SIZE, 3 * WINDOW_SIZE + 5])
@pytest.mark.parametrize("leases", [True, False], ids=["mapped", "buffered"])
def test_every_byte_in_order_in_bounded_windows(tmp_path, monkeypatch, size, leases):
    if not leases:
        monkeypatch.setattr(windows, "_take_read_lease", lambda fd: False)
    path = tmp_path / "a.mkv"
    content = write(path, size)
    seen = bytearray()
    for window in read_windows(path, size):
        assert 0 < len(window) <= WINDOW_SIZE
        seen += window
    assert seen == content


def test_the_file_is_mapped_under_a_lease_let_go_at_the_end(tmp_path):
    path = tmp_path / "a.mkv"
    write(path, 2 * WINDOW_SIZE)
    reader = read_windows(path, 2 * WINDOW_SIZE)
    next(reader)
    assert len(lease_lines(path)) == 1 and "READ" in lease_lines(path)[0]
    reader.close()  # as when an upload fails half-way
    assert lease_lines(path) == []
    assert sum(len(w) for w in read_windows(path, 2 * WINDOW_SIZE)) == 2 * WINDOW_SIZE
    assert lease_lines(path) == []


def test_a_file_truncated_while_mapped_stops_the_read_and_we_live(tmp_path):
    """Without the lease, hashing the next window would kill this process with SIGBUS."""
    path = tmp_path / "a.mkv"
    size = 8 * WINDOW_SIZE
    write(path, size)
    reader = read_windows(path, size)
    hashlib.sha256(next(reader))
    # `cp other.mkv a.mkv` does the same: open for writing with O_TRUNC.
    overwrite = subprocess.Popen([sys.executable, "-c", f"open({str(path)!r}, 'r+b').truncate(0)"])
    try:
        wait_for(lambda: any("BREAKING" in line for line in lease_lines(path)))
        assert overwrite.poll() is None, "the writer waits for us to let go"
        with pytest.raises(FileChanged, match="opened for writing"):
            next(reader)
        assert overwrite.wait(timeout=10) == 0
    finally:
        reader.close()
        if overwrite.poll() is None:
            overwrite.kill()
            overwrite.wait()
    assert path.stat().st_size == 0


def test_a_file_still_open_for_writing_is_read_not_mapped(tmp_path):
    path = tmp_path / "a.mkv"
    content = write(path, 3 * WINDOW_SIZE)
    with open(path, "ab") as writer:  # OBS after a crash may still hold it
        reader = read_windows(path, len(content))
        seen = bytearray(next(reader))
        assert lease_lines(path) == []
        writer.write(b"late bytes")
        writer.flush()
        with pytest.raises(FileChanged, match="changed size"):
            for window in reader:
                seen += window
    assert seen == content  # what was read before noticing is the original, byte for byte


def test_a_file_that_cannot_be_mapped_is_read_and_let_go(tmp_path, monkeypatch):
    def cannot_map(*args, **kwargs):
        raise OSError(19, "No such device")  # what a filesystem without mmap answers

    monkeypatch.setattr(windows.mmap, "mmap", cannot_map)
    path = tmp_path / "a.mkv"
    content = write(path, 2 * WINDOW_SIZE + 1)
    reader = read_windows(path, len(content))
    seen = bytearray(next(reader))
    assert lease_lines(path) == []
    for window in reader:
        seen += window
    assert seen == content


def test_a_file_shorter_than_expected_is_refused(tmp_path):
    path = tmp_path / "a.mkv"
    write(path, WINDOW_SIZE)
    with pytest.raises(FileChanged, match="changed size"):
        next(read_windows(path, 2 * WINDOW_SIZE))


def test_mapping_does_not_grow_memory(tmp_path):
    """Every window is dropped from our address space once used: RSS stays flat for any size."""
    path = tmp_path / "big.mkv"
    size = 256 * WINDOW_SIZE
    with open(path, "wb") as fh:
        block = os.urandom(WINDOW_SIZE)
        for _ in range(256):
            fh.write(block)
    me = psutil.Process()
    before, peak = me.memory_info().rss, 0
    digest = hashlib.sha256()
    for n, window in enumerate(read_windows(path, size)):
        digest.update(window)
        if n % 16 == 0:
            peak = max(peak, me.memory_info().rss)
    assert lease_lines(path) == []
    assert peak - before < 32 * WINDOW_SIZE, f"RSS grew by {(peak - before) >> 20} MiB"
