"""Upload throughput and memory: the StreamAI server vs `curl -F`, same file, same receiver, same run.

    .venv/bin/python bench/upload_throughput.py [--size-mb 2048] [--mode gevent|threading|eventlet]

It starts a local processing API (tests/support/processing_api.py, parsing multipart as a
stream), the real StreamAI server in a child process, and asks the server for manual uploads
of a session holding one SIZE MB file, each followed by the same file sent with curl to the same
receiver. It samples the server's RSS all along. Targets, on the medians: StreamAI >= 0.9x
curl's throughput; RSS growth < 64 MB.
Not a test: numbers depend on the machine.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import datetime
from pathlib import Path

import psutil

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tests.support.processing_api import ProcessingApi  # noqa: E402
from tests.support.server import RoomListener, StreamAIServer  # noqa: E402

MiB = 1 << 20


def write_file(path: Path, size: int) -> None:
    block = os.urandom(8 * MiB)
    with open(path, "wb") as fh:
        for offset in range(0, size, len(block)):
            fh.write(block[: min(len(block), size - offset)])


def rss_sampler(pid: int, stop: threading.Event, peaks: list[int]) -> None:
    proc = psutil.Process(pid)
    while not stop.is_set():
        try:
            peaks.append(proc.memory_info().rss)
        except psutil.Error:
            return
        time.sleep(0.1)


class StreamAIUploader:
    """The real server with one SIZE-byte session to upload, its RSS sampled all along."""

    def __init__(self, workdir: Path, api: ProcessingApi, size: int, mode: str):
        self.server = StreamAIServer(
            workdir / "server", {"VULTR_API_URL": api.url, "LOG_LEVEL": "WARNING", "STREAMAI_ASYNC_MODE": mode}
        )
        folder = self.server.recordings / "bench"
        folder.mkdir(parents=True)
        self.path = folder / "bench.mkv"
        write_file(self.path, size)

    def __enter__(self) -> StreamAIUploader:
        server = self.server
        server.start()
        try:
            server.wait_until(lambda: server.get("/api/integrated/recordings").json()["count"] == 1, 30, "adoption")
            time.sleep(1)  # let start-up allocations settle before the baseline
            self.baseline = psutil.Process(server.proc.pid).memory_info().rss
            self._stop, self.samples = threading.Event(), [self.baseline]
            self._sampler = threading.Thread(
                target=rss_sampler, args=(server.proc.pid, self._stop, self.samples), daemon=True
            )
            self._sampler.start()
            self.room = RoomListener(server.url)  # waits on events: no polling load on the server while it uploads
        except BaseException:
            server.stop()
            raise
        return self

    def __exit__(self, *exc_info) -> None:
        self._stop.set()
        self._sampler.join()
        self.room.close()
        self.server.stop()

    def upload(self) -> tuple[float, float]:
        """Seconds from queueing to the API's answer, on the server's own clock; server CPU seconds."""
        process = psutil.Process(self.server.proc.pid)
        cpu_before = sum(process.cpu_times()[:2])
        job = self.server.post("/api/integrated/upload/manual", json={"sessionName": "bench"}).json()["job"]
        self.room.wait_for(
            "upload_job_updated",
            lambda d: d["job"]["id"] == job["id"] and d["job"]["state"] in ("uploaded", "failed"),
            timeout=3600,
        )
        done = self.server.job(job["id"])
        assert done["state"] != "failed", done
        elapsed = datetime.fromisoformat(done["finished_at"]) - datetime.fromisoformat(done["created_at"])
        return elapsed.total_seconds(), sum(process.cpu_times()[:2]) - cpu_before


def curl_upload(path: Path, api: ProcessingApi) -> float:
    started = time.monotonic()
    subprocess.run(
        [
            "curl",
            "-sS",
            "--fail",
            "-o",
            "/dev/null",
            "-F",
            f"file=@{path};type=video/x-matroska",
            "-F",
            "subtitle_model=base",
            "-F",
            "priority=1",
            f"{api.url}/upload",
        ],
        check=True,
    )
    return time.monotonic() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size-mb", type=int, default=2048)
    parser.add_argument("--runs", type=int, default=7, help="uploads of each kind, alternating")
    parser.add_argument("--mode", default="gevent", help="the server's STREAMAI_ASYNC_MODE")
    args = parser.parse_args()
    if shutil.which("curl") is None:
        print("curl is required (apt-get install curl)", file=sys.stderr)
        return 2
    size = args.size_mb * MiB
    workdir = Path(tempfile.mkdtemp(prefix="streamai-bench-"))
    api = ProcessingApi(None).start()  # hashes and discards: the receiver costs the same for both
    try:
        with StreamAIUploader(workdir, api, size, args.mode) as streamai:
            our_times, our_cpu, curl_times = [], [], []
            for _ in range(args.runs):  # alternating, so a slower minute of the machine hits both alike
                elapsed, cpu = streamai.upload()
                our_times.append(elapsed)
                our_cpu.append(cpu)
                curl_times.append(curl_upload(streamai.path, api))
        baseline, peak = streamai.baseline, max(streamai.samples)
        got = [u for u in api.uploads if u.size == size]
        assert len(got) == 2 * args.runs and len({u.sha256 for u in got}) == 1, "every upload must arrive whole"
    finally:
        api.stop()
        shutil.rmtree(workdir, ignore_errors=True)
    mb = size / 1e6
    ours, theirs = statistics.median(our_times), statistics.median(curl_times)
    ratio = theirs / ours
    growth = (peak - baseline) / MiB
    print(f"file:               {args.size_mb} MiB ({size:,} bytes), {args.runs} runs of each, alternating")
    print(
        f"all runs (s):       StreamAI {', '.join(f'{t:.2f}' for t in our_times)}; "
        f"curl {', '.join(f'{t:.2f}' for t in curl_times)}"
    )
    print(f"StreamAI upload:    median {ours:5.2f} s  {mb / ours:7.1f} MB/s   best {min(our_times):.2f} s")
    print(f"curl -F:            median {theirs:5.2f} s  {mb / theirs:7.1f} MB/s   best {min(curl_times):.2f} s")
    print(
        f"throughput ratio:   {ratio:.2f}x curl, medians (best vs best: {min(curl_times) / min(our_times):.2f}x); "
        f"target >= 0.90"
    )
    print(f"server CPU:         median {statistics.median(our_cpu):.2f} s (user + system) per upload, sha256 included")
    print(
        f"server RSS:         {baseline / MiB:.1f} MiB before, {peak / MiB:.1f} MiB peak, "
        f"+{growth:.1f} MiB (target < 64)"
    )
    return 0 if ratio >= 0.9 and growth < 64 else 1


if __name__ == "__main__":
    sys.exit(main())
