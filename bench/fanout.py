"""Live status fan-out: `recording_status_update` to N Socket.IO clients, per server mode (not a test).

    .venv/bin/python bench/fanout.py [--modes gevent threading eventlet] [--clients 500 1000]
                                     [--seconds 30] [--runs 2] [--procs 2] [--client socketio|raw]
                                     [--upload-mb 0] [--web-processes 1 2] [--json results.jsonl]

Starts OBS headless under Xvfb and, for each run, mode and N, the real server (child process)
with OBS recording; N python-socketio AsyncClients (websocket transport), split over PROCS
client processes with one asyncio loop each, connect and join `recording_updates`. For SECONDS
every update's delay is taken: the client's time.time() on receipt minus the payload's
`timestamp`, which the server sets just before it emits (same machine, same clock; the stamp
has millisecond precision and is truncated, so delays read up to 1 ms long). Reported: p50 / p99
/ max over every delivery, the slowest client per update (when the fan-out ends), whether all N
stayed connected and heard every update, the server's CPU time and RSS, the load average (the
machine may be shared), and the three slowest updates seen from each client process.

--web-processes W… measures a split deployment instead of `streamai serve`: for each W, a
redis-server of its own, one `streamai control` driving OBS and W `streamai web` processes (in the
mode measured) sharing RECORDINGS_PATH; the clients are spread over the W web processes in turn.
The controller stamps each update before it goes to Redis, so the delays include that hop. CPU and
RSS are reported for the web processes together, the controller and redis-server apart (0 in the
list is `streamai serve`, measured as without the option).

--upload-mb M adds a local processing API and sends an M MiB file through the server over and
over during the window, and reports the delays of the updates emitted while it was uploading:
does hashing and sending a big file hold up the broadcast?

The clients share the 2 cores with the server: their own time to handle a burst of N messages
counts in the delays, so they are split over processes and kept minimal (one aiohttp session, a
bare handler that stores (receipt time, stamp) and nothing else until the end, no garbage
collection during the window). `--client raw` goes further: the same protocol spoken directly,
one task per client, nothing decoded until the end.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import gc
import json
import os
import resource
import select
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import datetime
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

MiB = 1 << 20


def raise_fd_limit() -> int:
    """Each client is a socket here and one more in the server (which inherits this limit)."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft < hard:
        resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    return resource.getrlimit(resource.RLIMIT_NOFILE)[0]


# -- the client processes -------------------------------------------------------------------


async def run_clients(urls: list[str], count: int, seconds: float, kind: str) -> None:
    """Connect `count` clients (the i-th to urls[i % len(urls)]), say so, wait for "go" on stdin,
    listen, report, exit."""
    import aiohttp

    http = aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=0))  # one pool, no cap on sockets
    received: list[tuple[float, str]] = []  # (receipt time, the payload's timestamp or the raw frame)
    disconnects: list[float] = []
    connecting = asyncio.Semaphore(50)  # the server's listen backlog is 128 in gevent and Werkzeug
    connect_one, connected = (_python_socketio if kind == "socketio" else _raw)(http, received, disconnects)

    async def limited(url: str) -> None:
        async with connecting:
            await connect_one(url)

    results = await asyncio.gather(*(limited(urls[i % len(urls)]) for i in range(count)), return_exceptions=True)
    errors = [repr(r) for r in results if isinstance(r, BaseException)]
    print(json.dumps({"ready": count - len(errors), "errors": errors[:3]}), flush=True)
    await asyncio.get_running_loop().run_in_executor(None, sys.stdin.readline)  # "go"
    gc.freeze()  # nothing of the clients' own making gets collected in the window: no pauses of ours
    gc.disable()
    start = time.time()
    received.clear()
    await asyncio.sleep(seconds + 2)  # the updates emitted in the last 2 s still get there
    end = start + seconds
    deliveries = []
    for got, stamp in received:
        if stamp.startswith("42"):  # a raw Socket.IO frame: 42["recording_status_update",{...}]
            stamp = json.loads(stamp[2:])[1]["timestamp"]
        emitted = datetime.fromisoformat(stamp).timestamp()
        if start <= emitted <= end:
            deliveries.append((stamp, round((got - emitted) * 1000, 2)))
    print(
        json.dumps(
            {"connected": connected(), "dropped": sum(1 for t in disconnects if start <= t), "deliveries": deliveries}
        ),
        flush=True,
    )
    os._exit(0)  # the server sees every client go at once; no need to close them one by one


def _python_socketio(http, received, disconnects):
    """python-socketio's AsyncClient, as an application would use it."""
    import socketio

    clients: list[socketio.AsyncClient] = []

    def on_update(data):
        received.append((time.time(), data["timestamp"]))

    async def connect_one(url: str) -> None:
        client = socketio.AsyncClient(reconnection=False, http_session=http)
        joined = asyncio.Event()
        client.on("joined", lambda data: joined.set())
        client.on("recording_status_update", on_update)
        client.on("disconnect", lambda *args: disconnects.append(time.time()))
        await client.connect(url, transports=["websocket"], wait_timeout=60)
        clients.append(client)
        await client.emit("join_recording_updates")
        await asyncio.wait_for(joined.wait(), 60)

    return connect_one, lambda: sum(1 for c in clients if c.connected)


def _raw(http, received, disconnects):
    """The same protocol (Engine.IO 4 over a WebSocket, Socket.IO 5) spoken directly: one task per
    client and no decoding until the end, to see how much of a delay is the clients' own work."""
    import aiohttp

    open_clients = set()

    async def expect(ws, prefix: str) -> str:
        while True:
            msg = await ws.receive(timeout=60)
            if msg.type != aiohttp.WSMsgType.TEXT:
                raise RuntimeError(f"expected {prefix!r}, got {msg.type}")
            if msg.data.startswith(prefix):
                return msg.data
            if not msg.data.startswith('42["recording_status_update"'):  # an update may come before "joined"
                raise RuntimeError(f"expected {prefix!r}, got {msg.data!r}"[:200])

    async def listen(ws) -> None:
        open_clients.add(ws)
        async for msg in ws:
            if msg.type != aiohttp.WSMsgType.TEXT:
                break
            if msg.data == "2":  # ping
                await ws.send_str("3")
            elif msg.data.startswith('42["recording_status_update"'):
                received.append((time.time(), msg.data))
        open_clients.discard(ws)
        disconnects.append(time.time())

    async def connect_one(url: str) -> None:
        ws = await http.ws_connect(url.replace("http", "ws", 1) + "/socket.io/?EIO=4&transport=websocket")
        await expect(ws, "0{")
        await ws.send_str("40")
        await expect(ws, "40")
        await ws.send_str('42["join_recording_updates"]')
        await expect(ws, '42["joined"')
        asyncio.get_running_loop().create_task(listen(ws))

    return connect_one, lambda: len(open_clients)


def client_process(urls: str, count: int, seconds: float, kind: str) -> int:
    raise_fd_limit()
    asyncio.run(run_clients(urls.split(","), count, seconds, kind))
    return 0


# -- the orchestration ----------------------------------------------------------------------


def read_json_line(proc: subprocess.Popen, timeout: float) -> dict:
    ready, _, _ = select.select([proc.stdout], [], [], timeout)
    line = proc.stdout.readline() if ready else b""
    if not line:
        raise RuntimeError(f"client process {proc.pid} said nothing in {timeout:.0f} s (exit {proc.poll()})")
    return json.loads(line)


def percentile(sorted_values: list[float], p: float) -> float:
    return sorted_values[min(len(sorted_values) - 1, int(len(sorted_values) * p))]


class Uploads:
    """Manual uploads of one big session, back to back, on a thread; their time spans."""

    def __init__(self, server, room):
        self.server, self.room = server, room
        self.spans: list[tuple[float, float]] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            started = time.time()
            job = self.server.post("/api/integrated/upload/manual", json={"sessionName": "bench"}).json()["job"]
            done = self.room.wait_for(
                "upload_job_updated",
                lambda d: d["job"]["id"] == job["id"] and d["job"]["state"] in ("uploaded", "failed", "completed"),
                timeout=600,
            )
            assert done["job"]["state"] != "failed", done
            self.spans.append((started, time.time()))

    def __enter__(self) -> Uploads:
        self._thread.start()
        return self

    def __exit__(self, *exc_info) -> None:
        self._stop.set()
        self._thread.join()

    def during(self, emitted: float) -> bool:
        return any(start <= emitted <= end for start, end in self.spans)


def start_clients(procs: list[subprocess.Popen], urls: list[str], count: int, args) -> None:
    """--procs client processes share the N clients; each gets the URLs turned so that, over all of
    them, client i connects to urls[i % len(urls)]. Appended to `procs` as they start, so that a
    failure halfway leaves none behind."""
    shares = [count // args.procs + (1 if i < count % args.procs else 0) for i in range(args.procs)]
    first = 0
    for share in shares:
        turn = first % len(urls)
        mine = ",".join(urls[turn:] + urls[:turn])
        procs.append(
            subprocess.Popen(
                [sys.executable, __file__, "--client-process", mine, str(share), str(args.seconds), args.client],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
            )
        )
        first += share


def stop_clients(procs: list[subprocess.Popen]) -> None:
    for p in procs:
        try:
            p.wait(60)
        except subprocess.TimeoutExpired:
            p.kill()
            p.wait()


def go(procs: list[subprocess.Popen]) -> None:
    for p in procs:
        p.stdin.write(b"go\n")
        p.stdin.flush()


def cpu_of(processes) -> float:
    return sum(sum(p.cpu_times()[:2]) for p in processes)


def measure(studio, mode: str, count: int, args, workdir: Path, api=None) -> dict:
    import psutil

    from tests.support.server import RoomListener, StreamAIServer

    env = {
        "OBS_HOST": "127.0.0.1",
        "OBS_PORT": str(studio.port),
        "OBS_PASSWORD": studio.password,
        "STREAMAI_ASYNC_MODE": mode,
        "LOG_LEVEL": "WARNING",
    }
    if api:
        env["VULTR_API_URL"] = api.url
    server = StreamAIServer(workdir, env)
    if api:
        folder = server.recordings / "bench"
        folder.mkdir(parents=True)
        with open(folder / "bench.mkv", "wb") as fh:
            block = os.urandom(8 * MiB)
            for _ in range(args.upload_mb // 8):
                fh.write(block)
    procs: list[subprocess.Popen] = []
    room = None
    recording = False
    try:
        server.start()
        server.wait_obs_connected()
        started = server.post("/api/integrated/recording/start", json={"sessionName": "fanout", "autoUpload": False})
        assert started.status_code == 200, started.text
        recording = True
        start_clients(procs, [server.url], count, args)
        connect_started = time.monotonic()
        ready = [read_json_line(p, 300) for p in procs]
        connect_s = time.monotonic() - connect_started
        if api:
            room = RoomListener(server.url)
        server_process = psutil.Process(server.proc.pid)
        cpu_before = cpu_of([server_process])
        uploads = Uploads(server, room) if api else None
        go(procs)
        if uploads:
            with uploads:
                time.sleep(args.seconds)
        results = [read_json_line(p, args.seconds + 120) for p in procs]
        cpu = cpu_of([server_process]) - cpu_before
        load = os.getloadavg()[0]
        rss = server_process.memory_info().rss
    finally:
        stop_clients(procs)
        if room:
            room.close()
        if recording:
            server.post("/api/integrated/recording/stop")
        server.stop()
        if api:
            (server.recordings / "bench" / "bench.mkv").unlink(missing_ok=True)
    return summarize(mode, count, ready, results, connect_s, uploads, cpu, rss, load)


def measure_split(studio, mode: str, count: int, web_count: int, args, workdir: Path) -> dict:
    """The same fan-out through a split deployment: a redis-server of its own, one `streamai
    control` (it drives OBS and stamps every update before it goes to Redis) and `web_count`
    `streamai web` processes in `mode`, the clients spread over them in turn. Every process is
    stopped by its pid whatever happens (the ExitStack), the recording first."""
    import psutil
    import requests

    from tests.support.redis_server import RedisServer
    from tests.support.server import StreamAIServer

    procs: list[subprocess.Popen] = []
    with contextlib.ExitStack() as stack:
        redis = RedisServer()
        stack.callback(redis.stop)
        redis.start()
        shared = {"RECORDINGS_PATH": str(workdir / "recordings"), "STREAMAI_MESSAGE_QUEUE": redis.url}
        control = StreamAIServer(
            workdir / "control",
            {
                **shared,
                "OBS_HOST": "127.0.0.1",
                "OBS_PORT": str(studio.port),
                "OBS_PASSWORD": studio.password,
                "LOG_LEVEL": "INFO",  # its "this process is the controller now" says it is up
            },
            role="control",
        )
        stack.callback(control.stop)
        control.start(timeout_s=60)
        webs = []
        for i in range(web_count):
            web = StreamAIServer(
                workdir / f"web{i + 1}", {**shared, "STREAMAI_ASYNC_MODE": mode, "LOG_LEVEL": "WARNING"}, role="web"
            )
            webs.append(web)
            stack.callback(web.stop)
            web.start(timeout_s=60)
        for web in webs:
            web.wait_obs_connected()  # through the controller, over Redis
        started = webs[0].post("/api/integrated/recording/start", json={"sessionName": "fanout", "autoUpload": False})
        assert started.status_code == 200, started.text

        def stop_recording() -> None:
            """Through a web process; from OBS's own window if that fails, so that the next
            measure does not find OBS still recording."""
            try:
                stopped = webs[0].post("/api/integrated/recording/stop")
                if stopped.status_code == 200:
                    return
            except requests.RequestException:
                pass
            studio.stop_recording()

        stack.callback(stop_recording)
        stack.callback(stop_clients, procs)
        start_clients(procs, [w.url for w in webs], count, args)
        connect_started = time.monotonic()
        ready = [read_json_line(p, 300) for p in procs]
        connect_s = time.monotonic() - connect_started
        web_processes = [psutil.Process(w.proc.pid) for w in webs]
        control_process = psutil.Process(control.proc.pid)
        redis_process = psutil.Process(redis.proc.pid)
        before = [cpu_of(web_processes), cpu_of([control_process]), cpu_of([redis_process])]
        go(procs)
        results = [read_json_line(p, args.seconds + 120) for p in procs]
        web_cpu, control_cpu, redis_cpu = (
            cpu_of(web_processes) - before[0],
            cpu_of([control_process]) - before[1],
            cpu_of([redis_process]) - before[2],
        )
        load = os.getloadavg()[0]
        rss = sum(p.memory_info().rss for p in web_processes)
        control_rss, redis_rss = control_process.memory_info().rss, redis_process.memory_info().rss
    return {
        **summarize(mode, count, ready, results, connect_s, None, web_cpu, rss, load),
        "web": web_count,
        "control_cpu_s": control_cpu,
        "control_rss_mib": control_rss / MiB,
        "redis_cpu_s": redis_cpu,
        "redis_rss_mib": redis_rss / MiB,
    }


def summarize(mode, count, ready, results, connect_s, uploads, cpu, rss, load) -> dict:
    deliveries = [d for r in results for d in r["deliveries"]]
    if uploads:
        deliveries = [(s, ms) for s, ms in deliveries if uploads.during(datetime.fromisoformat(s).timestamp())]
    delays = sorted(ms for _, ms in deliveries)
    slowest: dict[str, float] = {}
    heard: dict[str, int] = {}
    for stamp, ms in deliveries:
        slowest[stamp] = max(ms, slowest.get(stamp, 0))
        heard[stamp] = heard.get(stamp, 0) + 1
    return {
        "mode": mode,
        "clients": count,
        "ready": sum(r["ready"] for r in ready),
        "errors": [e for r in ready for e in r["errors"]][:3],
        "connect_s": connect_s,
        "connected": sum(r["connected"] for r in results),
        "dropped": sum(r["dropped"] for r in results),
        "updates": len(heard),
        "complete_updates": sum(1 for n in heard.values() if n == count),
        "p50": statistics.median(delays) if delays else None,
        "p99": percentile(delays, 0.99) if delays else None,
        "max": delays[-1] if delays else None,
        "fanout_p50": statistics.median(slowest.values()) if slowest else None,
        "cpu_s": cpu,
        "rss_mib": rss / MiB,
        "uploads": len(uploads.spans) if uploads else 0,
        "slowest_updates": _slowest_updates(results, 3),
        "load": load,
    }


def _slowest_updates(results: list[dict], count: int) -> list[dict]:
    """The updates that took longest to reach their last client, with (first, median, last) delay
    in each client process: a late first delivery everywhere means the server (or the machine)
    was late; a late tail in one process only means that client process was busy."""
    per_process = []
    for r in results:
        by_stamp: dict[str, list[float]] = {}
        for stamp, ms in r["deliveries"]:
            by_stamp.setdefault(stamp, []).append(ms)
        per_process.append(by_stamp)
    stamps = {s for p in per_process for s in p}
    worst = sorted(stamps, key=lambda s: -max(max(p.get(s, [0])) for p in per_process))[:count]
    return [
        {"stamp": s, "processes": [(min(p[s]), statistics.median(p[s]), max(p[s])) for p in per_process if s in p]}
        for s in worst
    ]


def show(r: dict) -> str:
    def ms(v):
        return "   -  " if v is None else f"{v:6.1f}"

    up = f"  {r['uploads']} uploads" if r["uploads"] else ""
    errors = f"  errors: {r['errors']}" if r["errors"] else ""
    label, usage = f"{r['mode']:9s}", f"server CPU {r['cpu_s']:.1f} s  RSS {r['rss_mib']:.0f} MiB"
    if r.get("web"):
        label = f"{r['mode']}, {r['web']} web (split)"
        usage = (
            f"web CPU {r['cpu_s']:.1f} s  RSS {r['rss_mib']:.0f} MiB (all {r['web']})"
            f"  control CPU {r['control_cpu_s']:.1f} s  RSS {r['control_rss_mib']:.0f} MiB"
            f"  redis CPU {r['redis_cpu_s']:.1f} s  RSS {r['redis_rss_mib']:.0f} MiB"
        )
    return (
        f"{label} {r['clients']:5d}  p50 {ms(r['p50'])}  p99 {ms(r['p99'])}  max {ms(r['max'])} ms"
        f"  last client (median) {ms(r['fanout_p50'])} ms  connected {r['connected']}/{r['clients']}"
        f" (dropped {r['dropped']})  updates heard by all {r['complete_updates']}/{r['updates']}"
        f"  {usage}  connect {r['connect_s']:.1f} s"
        f"  load {r['load']:.1f}{up}{errors}"
        + "".join(
            f"\n      slow update at {u['stamp'][11:23]}: (first, median, last) ms per client process "
            + ", ".join(f"({a:.0f}, {b:.0f}, {c:.0f})" for a, b, c in u["processes"])
            for u in r["slowest_updates"]
        )
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--modes", nargs="+", default=["gevent", "threading", "eventlet"])
    parser.add_argument("--clients", nargs="+", type=int, default=[500, 1000])
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--runs", type=int, default=2)
    parser.add_argument("--procs", type=int, default=2, help="client processes")
    parser.add_argument(
        "--client",
        choices=["socketio", "raw"],
        default="socketio",
        help="python-socketio's AsyncClient, or the protocol spoken directly (lighter)",
    )
    parser.add_argument("--upload-mb", type=int, default=0, help="upload a file this big over and over meanwhile")
    parser.add_argument(
        "--web-processes",
        nargs="+",
        type=int,
        help="a split deployment with this many `streamai web` processes (0: `streamai serve`)",
    )
    parser.add_argument("--json", type=Path, help="also append every result to this file, one JSON per line")
    args = parser.parse_args()
    if args.web_processes and args.upload_mb and any(args.web_processes):
        print("--upload-mb needs a worker process: not measured with --web-processes", file=sys.stderr)
        return 2
    limit = raise_fd_limit()
    if limit < 2 * max(args.clients) + 200:
        print(f"the open-file limit is {limit}: too low for {max(args.clients)} clients", file=sys.stderr)
        return 2

    from tests.support.obs_studio import ObsStudio
    from tests.support.processing_api import ProcessingApi

    workdir = Path(tempfile.mkdtemp(prefix="streamai-fanout-"))
    studio = ObsStudio(workdir / "obs")
    api = ProcessingApi(None).start() if args.upload_mb else None
    print(
        f"{time.strftime('%Y-%m-%d %H:%M')}, {os.cpu_count()} cores; {args.seconds:.0f} s per measure, "
        f"{args.procs} client processes ({args.client})"
        + (f", uploading {args.upload_mb} MiB meanwhile" if api else "")
        + (f"; split deployments of {args.web_processes} web processes" if args.web_processes else ""),
        flush=True,
    )
    try:
        studio.start()
        for run in range(1, args.runs + 1):  # modes in turn within a run, so a slow minute hits them alike
            for count in args.clients:
                for mode in args.modes:
                    for web in args.web_processes or [0]:
                        if web:
                            result = measure_split(
                                studio, mode, count, web, args, workdir / f"{run}-{mode}-{count}-web{web}"
                            )
                        else:
                            result = measure(studio, mode, count, args, workdir / f"{run}-{mode}-{count}", api)
                        result["run"] = run
                        print(f"run {run}  {show(result)}", flush=True)
                        if args.json:
                            with open(args.json, "a") as fh:
                                fh.write(json.dumps(result) + "\n")
    finally:
        if api:
            api.stop()
        studio.close()
        shutil.rmtree(workdir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    if sys.argv[1:2] == ["--client-process"]:
        sys.exit(client_process(sys.argv[2], int(sys.argv[3]), float(sys.argv[4]), sys.argv[5]))
    sys.exit(main())
