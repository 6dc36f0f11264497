"""Linux file leases as /proc/locks shows them: how a test sees that a writer waits on the server."""

from __future__ import annotations

from pathlib import Path


def lease_lines(path: Path) -> list[str]:
    """/proc/locks lines for the leases on `path` (ACTIVE, or BREAKING while a writer waits)."""
    st = path.stat()
    suffix = f":{st.st_ino}"
    return [
        line
        for line in Path("/proc/locks").read_text().splitlines()
        if " LEASE " in line and line.split()[5].endswith(suffix)
    ]
