"""A multipart/form-data body streamed from disk, hashing the file as it goes.

`requests.post(files=...)` builds the whole body in memory (a 2 GB recording costs >4 GB of
RAM); requests-toolbelt streams, but needs every field up front. We send the file's sha256
as the last field, computed while the file itself is being sent, so the file is read once.

Each window is hashed, then handed to the socket, on one thread: while it is hashed, the kernel
is still sending the previous ones from the socket buffer. A hashing thread overlapped nothing
more and, on 2 cores, took CPU from a local receiver (README, Benchmarks).
"""

from __future__ import annotations

import hashlib
import mimetypes
import time
import uuid
from collections.abc import Callable, Generator
from contextlib import closing
from typing import BinaryIO

from .windows import WINDOW_SIZE, read_windows

SHA256_FIELD = "sha256"

mimetypes.add_type("video/x-matroska", ".mkv")


class UploadAborted(Exception):
    """The caller asked to stop (the job was cancelled)."""


def _field(boundary: str, name: str, value: str) -> bytes:
    return (f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n').encode()


class MultipartFileBody:
    """File-like body for `requests`: a known length (so Content-Length is set) and bounded reads.

    Close it (or use it as a context manager) so the file is let go even if the upload fails; the
    file itself stays open: its opener closes it.
    """

    def __init__(
        self,
        fh: BinaryIO,
        filename: str,
        size: int,
        fields: dict[str, str],
        *,
        file_field: str = "file",
        on_progress: Callable[[int], None] | None = None,
        should_abort: Callable[[], bool] | None = None,
    ):
        self._file = fh
        self.filename = filename
        self.size = size
        self.boundary = uuid.uuid4().hex
        self._digest: str | None = None
        self._on_progress = on_progress or (lambda sent: None)
        self._should_abort = should_abort or (lambda: False)
        content_type = mimetypes.guess_type(filename)[0] or "application/octet-stream"
        quoted = filename.replace('"', "%22").replace("\r", "").replace("\n", "")
        self._head = (
            b"".join(_field(self.boundary, k, str(v)) for k, v in fields.items())
            + (
                f'--{self.boundary}\r\nContent-Disposition: form-data; name="{file_field}"; '
                f'filename="{quoted}"\r\nContent-Type: {content_type}\r\n\r\n'
            ).encode()
        )
        # The tail's length is fixed (64 hex digits) even though its value is known only at the end.
        self._tail_length = len(self._tail("0" * 64))
        self._parts = self._generate()
        self._buffer: bytes | memoryview = b""
        self.file_bytes_sent = 0

    def __enter__(self) -> MultipartFileBody:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    def close(self) -> None:
        self._parts.close()

    @property
    def sha256(self) -> str | None:
        """The file's sha256, once the whole body has been read."""
        return self._digest

    @property
    def content_type(self) -> str:
        return f"multipart/form-data; boundary={self.boundary}"

    def __len__(self) -> int:
        return len(self._head) + self.size + self._tail_length

    def _tail(self, digest: str) -> bytes:
        return b"\r\n" + _field(self.boundary, SHA256_FIELD, digest) + f"--{self.boundary}--\r\n".encode()

    def _generate(self) -> Generator[bytes | memoryview, None, None]:
        yield self._head
        sha256 = hashlib.sha256()
        with closing(read_windows(self._file, self.size, self.filename)) as windows:  # let go even mid-way
            for window in windows:
                if self._should_abort():
                    raise UploadAborted("upload cancelled")
                sha256.update(window)
                self.file_bytes_sent += len(window)
                self._on_progress(self.file_bytes_sent)
                time.sleep(0)  # let others run: under gevent nothing else does until this one waits
                yield window
        self._digest = sha256.hexdigest()
        yield self._tail(self._digest)

    def read(self, size: int = -1) -> bytes | memoryview:
        """At most `size` bytes, possibly fewer (only an empty result means the end), never the
        whole body. Pieces of the file are views, not copies: each is valid until the next read."""
        if size is None or size < 0:
            size = WINDOW_SIZE
        if not self._buffer:
            self._buffer = next(self._parts, b"")
        out, self._buffer = self._buffer[:size], self._buffer[size:]
        return out
