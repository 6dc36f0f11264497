"""Does a big upload hold up everything else in the server? A timer's lateness during uploads (not a test).

    .venv/bin/python bench/hub_latency.py [--mode gevent|threading] [--size-mb 2048] [--uploads 3]

Under gevent the whole server is one OS thread: while the upload hashes a 1 MiB window (sha256
releases the GIL, but there is no other thread to run) nothing else runs, the status broadcast
included; it runs again when the upload waits for the socket. Under threads the GIL is shared
instead. Both are measured the same way: a timer (a greenlet, or a thread) asks to wake every
5 ms, and its lateness is recorded, first alone, then while the real upload code
(ProcessingApiClient: mapped file, hashed, streamed) sends SIZE MiB to the test processing API,
which runs in its own process on the same machine.
"""

from __future__ import annotations

import sys

MODE = sys.argv[sys.argv.index("--mode") + 1] if "--mode" in sys.argv else "gevent"
if MODE == "gevent":
    from gevent import monkey  # first, as streamai/cli.py does

    monkey.patch_all()

import argparse  # noqa: E402
import os  # noqa: E402
import statistics  # noqa: E402
import subprocess  # noqa: E402
import tempfile  # noqa: E402
import threading  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from streamai.uploads import ProcessingApiClient  # noqa: E402
from tests.support.obs_studio import free_port  # noqa: E402

MiB = 1 << 20
TICK_S = 0.005


def lateness_while(work, seconds: float | None = None) -> list[float]:
    """Lateness (ms) of a 5 ms timer while `work()` runs (or for `seconds`)."""
    done = threading.Event()
    late: list[float] = []

    def tick():
        while not done.is_set():
            asked = time.perf_counter()
            time.sleep(TICK_S)
            late.append((time.perf_counter() - asked - TICK_S) * 1000)

    ticker = threading.Thread(target=tick, daemon=True)
    ticker.start()
    try:
        if work:
            work()
        else:
            time.sleep(seconds)
    finally:
        done.set()
        ticker.join()
    return late


def summary(late: list[float]) -> str:
    late = sorted(late)
    return (
        f"p50 {statistics.median(late):5.2f}  p99 {late[int(len(late) * 0.99)]:6.2f}  max {late[-1]:6.2f} ms"
        f"  ({len(late)} ticks)"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mode", choices=["gevent", "threading"], default="gevent")
    parser.add_argument("--size-mb", type=int, default=2048)
    parser.add_argument("--uploads", type=int, default=3)
    args = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="streamai-hub-"))
    path = workdir / "bench.mkv"
    block = os.urandom(8 * MiB)
    with open(path, "wb") as fh:
        for _ in range(args.size_mb // 8):
            fh.write(block)
    port = free_port()
    receiver = subprocess.Popen(
        [sys.executable, "-m", "tests.support.processing_api", str(port)], cwd=REPO, stdout=subprocess.PIPE
    )
    try:
        receiver.stdout.readline()  # "processing API on ..."
        client = ProcessingApiClient(f"http://127.0.0.1:{port}")
        print(f"{time.strftime('%Y-%m-%d %H:%M')}, {args.mode}, load {os.getloadavg()[0]:.1f}")
        print(f"idle:             {summary(lateness_while(None, 5))}")
        for n in range(1, args.uploads + 1):
            took = []

            def upload(n=n, took=took):
                started = time.perf_counter()
                with open(path, "rb", buffering=0) as fh:
                    client.upload(
                        fh,
                        path.name,
                        os.fstat(fh.fileno()).st_size,
                        fields={"subtitle_model": "base", "priority": "1"},
                        idempotency_key=f"hub-{n}",
                    )
                took.append(time.perf_counter() - started)

            late = lateness_while(upload)
            print(
                f"during upload {n}:  {summary(late)}; upload {took[0]:.2f} s, "
                f"{args.size_mb * MiB / took[0] / 1e6:.0f} MB/s"
            )
    finally:
        receiver.kill()
        receiver.wait()
        path.unlink()
        workdir.rmdir()
    return 0


if __name__ == "__main__":
    sys.exit(main())
