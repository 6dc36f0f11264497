"""A multipart/form-data body streamed from disk, hashing the file as it goes.

`requests.post(files=...)` builds the whole body in memory (a 2 GB recording costs >4 GB of
RAM); requests-toolbelt streams, but needs every field up front. We send the file's sha256
as the last field, computed while the file itself is being sent, so the file is read once.
"""

from __future__ import annotations

import hashlib
import mimetypes
import os
import queue
import threading
import uuid
from pathlib import Path
from typing import Callable, Iterator

CHUNK_SIZE = 1024 * 1024
SHA256_FIELD = "sha256"

mimetypes.add_type("video/x-matroska", ".mkv")


class UploadAborted(Exception):
    """The caller asked to stop (the job was cancelled)."""


class FileChanged(Exception):
    """The file's size changed while it was being sent."""


def _field(boundary: str, name: str, value: str) -> bytes:
    return (
        f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'
    ).encode()


class _BackgroundSha256:
    """sha256 on its own thread (hashlib drops the GIL), so hashing overlaps the socket writes
    instead of adding to them; at most a few chunks wait, so memory stays bounded."""

    def __init__(self, backlog: int = 4):
        self._sha = hashlib.sha256()
        self._chunks: queue.Queue[bytes | None] = queue.Queue(maxsize=backlog)
        self._thread = threading.Thread(target=self._run, name="sha256", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while (chunk := self._chunks.get()) is not None:
            self._sha.update(chunk)

    def update(self, chunk: bytes) -> None:
        self._chunks.put(chunk)

    def finish(self) -> None:
        if self._thread.is_alive():
            self._chunks.put(None)
            self._thread.join()

    def hexdigest(self) -> str:
        self.finish()
        return self._sha.hexdigest()


class MultipartFileBody:
    """File-like body for `requests`: a known length (so Content-Length is set) and bounded reads."""

    def __init__(
        self,
        path: Path,
        fields: dict[str, str],
        *,
        file_field: str = "file",
        on_progress: Callable[[int], None] | None = None,
        should_abort: Callable[[], bool] | None = None,
    ):
        self.path = Path(path)
        self.size = self.path.stat().st_size
        self.boundary = uuid.uuid4().hex
        self._sha256: _BackgroundSha256 | None = None
        self._digest: str | None = None
        self._on_progress = on_progress or (lambda sent: None)
        self._should_abort = should_abort or (lambda: False)
        content_type = mimetypes.guess_type(self.path.name)[0] or "application/octet-stream"
        filename = self.path.name.replace('"', "%22").replace("\r", "").replace("\n", "")
        self._head = b"".join(_field(self.boundary, k, str(v)) for k, v in fields.items()) + (
            f'--{self.boundary}\r\nContent-Disposition: form-data; name="{file_field}"; '
            f'filename="{filename}"\r\nContent-Type: {content_type}\r\n\r\n'
        ).encode()
        # The tail's length is fixed (64 hex digits) even though its value is known only at the end.
        self._tail_length = len(self._tail("0" * 64))
        self._parts = self._generate()
        self._buffer = b""
        self.file_bytes_sent = 0

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

    def _generate(self) -> Iterator[bytes]:
        yield self._head
        self._sha256 = _BackgroundSha256()
        try:
            with open(self.path, "rb") as fh:
                os.posix_fadvise(fh.fileno(), 0, 0, os.POSIX_FADV_SEQUENTIAL)
                while chunk := fh.read(CHUNK_SIZE):
                    if self._should_abort():
                        raise UploadAborted("upload cancelled")
                    self.file_bytes_sent += len(chunk)
                    if self.file_bytes_sent > self.size:
                        raise FileChanged(f"{self.path.name} grew while it was being sent")
                    self._sha256.update(chunk)
                    self._on_progress(self.file_bytes_sent)
                    yield chunk
            if self.file_bytes_sent != self.size:
                raise FileChanged(f"{self.path.name} shrank while it was being sent")
            self._digest = self._sha256.hexdigest()
        finally:
            self._sha256.finish()
        yield self._tail(self._digest)

    def read(self, size: int = -1) -> bytes:
        """At most `size` bytes, possibly fewer (only b"" means the end), never the whole body:
        pieces are handed on as they are, without re-joining them into a buffer."""
        if size is None or size < 0:
            size = CHUNK_SIZE
        if not self._buffer:
            self._buffer = next(self._parts, b"")
        out, self._buffer = self._buffer[:size], self._buffer[size:]
        return out
