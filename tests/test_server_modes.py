"""How the server runs: idle clients dropped, healthy ones kept, a warning when exposed, 1000 clients.

Every server here is the real one in a child process (tests/support/server.py).
"""

from __future__ import annotations

import asyncio
import resource
import socket
import threading
import time
from collections import Counter

import pytest
import socketio

from streamai.config import load_settings
from streamai.server import is_loopback, warn_if_exposed

TIMEOUT_S = 1.0


@pytest.fixture(params=["gevent", "threading", "eventlet"])
def mode(request) -> str:
    return request.param


SILENCES = {  # what the client says before it goes quiet
    "nothing": b"",
    "half a request line": b"GET /api/health HT",
    "half the headers": b"GET /api/health HTTP/1.1\r\nHost: x\r\n",
    "a whole request, then keep-alive": b"GET /api/health HTTP/1.1\r\nHost: x\r\n\r\n",
}


def seconds_until_closed(sock: socket.socket, limit_s: float) -> float:
    started = time.monotonic()
    sock.settimeout(limit_s)
    try:
        while sock.recv(4096):  # a whole request gets its answer first
            pass
    except ConnectionResetError:
        pass
    except TimeoutError:
        return float("inf")
    return time.monotonic() - started


def test_a_silent_client_is_dropped_after_the_timeout(make_server, mode):
    server = make_server({"STREAMAI_ASYNC_MODE": mode, "STREAMAI_CLIENT_TIMEOUT": str(TIMEOUT_S)})
    sockets = {name: socket.create_connection(("127.0.0.1", server.port)) for name in SILENCES}
    try:
        for name, sock in sockets.items():
            sock.sendall(SILENCES[name])
        closed_after = {name: seconds_until_closed(sock, TIMEOUT_S + 5) for name, sock in sockets.items()}
    finally:
        for sock in sockets.values():
            sock.close()
    if mode == "threading":  # Werkzeug closes after each answer: no keep-alive to time out
        del closed_after["a whole request, then keep-alive"]
    assert all(elapsed < TIMEOUT_S + 5 for elapsed in closed_after.values()), closed_after
    # The sockets were opened together and waited on in turn: the first shows it was the timeout.
    assert closed_after["nothing"] > TIMEOUT_S * 0.8, closed_after
    assert server.get("/api/health").ok  # and the server itself is fine
    assert "STREAMAI_API_TOKEN" not in server.log()  # on 127.0.0.1: no warning


@pytest.mark.parametrize("transport", ["websocket", "polling"])
def test_a_live_socketio_client_outlives_the_timeout(make_server, mode, transport):
    """The client sends nothing of its own after joining, only its answers to engine.io's pings,
    which come more often than the timeout: it must stay connected and heard, many timeouts long."""
    server = make_server(
        {"STREAMAI_ASYNC_MODE": mode, "STREAMAI_CLIENT_TIMEOUT": str(TIMEOUT_S), "STREAMAI_STATUS_INTERVAL": "0.2"}
    )
    updates: list[float] = []
    disconnects: list[float] = []
    changed = threading.Condition()
    client = socketio.Client(reconnection=False)

    def record(into):
        with changed:
            into.append(time.monotonic())
            changed.notify_all()

    joined: list[float] = []
    client.on("recording_status_update", lambda data: record(updates))
    client.on("joined", lambda data: record(joined))
    client.on("disconnect", lambda *args: record(disconnects))
    client.connect(server.url, transports=[transport], wait_timeout=10)
    try:
        client.emit("join_recording_updates")
        with changed:  # updates keep coming for three timeouts, and the link never drops
            assert changed.wait_for(
                lambda: disconnects or (joined and updates and updates[-1] - joined[0] > 3 * TIMEOUT_S), timeout=30
            )
        assert not disconnects and client.connected, server.log()[-2000:]
        client.emit("join_recording_updates")  # and the server still reads what it says
        with changed:
            assert changed.wait_for(lambda: len(joined) == 2, timeout=10)
    finally:
        client.disconnect()


@pytest.mark.parametrize("host", ["127.0.0.1", "127.0.0.2", "::1", "[::1]", "localhost", "LOCALHOST"])
def test_loopback_addresses(host):
    assert is_loopback(host)


@pytest.mark.parametrize("host", ["0.0.0.0", "::", "192.168.1.10", "10.0.0.1", "streamai.local"])
def test_other_addresses(host):
    assert not is_loopback(host)
    assert warn_if_exposed(load_settings({"STREAMAI_HOST": host}, dotenv=False))
    assert not warn_if_exposed(load_settings({"STREAMAI_HOST": host, "STREAMAI_API_TOKEN": "t0ken"}, dotenv=False))


def test_listening_on_every_address_without_a_token_warns(make_server):
    exposed = make_server({"STREAMAI_HOST": "0.0.0.0"})
    assert "WARNING streamai: listening on 0.0.0.0 with no STREAMAI_API_TOKEN: anyone on the network" in exposed.log()
    assert "set STREAMAI_API_TOKEN" in exposed.log()
    guarded = make_server({"STREAMAI_HOST": "0.0.0.0", "STREAMAI_API_TOKEN": "a-long-random-secret"})
    assert "STREAMAI_API_TOKEN" not in guarded.log()


def test_a_thousand_clients_at_once(make_server):
    """The default server holds 1000 Socket.IO clients, and one update reaches every one of them."""
    count = 1000
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if hard < 2 * count + 200:
        pytest.skip(f"the open-file limit is {hard}")
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))  # this process and the server it starts
    try:
        server = make_server({"STREAMAI_STATUS_INTERVAL": "0.5"})
        heard = asyncio.run(_connect_and_hear(server.url, count))
    finally:
        resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))
    assert heard == count
    assert "gevent mode" in server.log()


async def _connect_and_hear(url: str, count: int) -> int:
    """How many of `count` clients, all connected at once, hear one same update."""
    import aiohttp

    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=0)) as http:
        clients = [socketio.AsyncClient(reconnection=False, http_session=http) for _ in range(count)]
        heard: Counter[str] = Counter()
        everyone = asyncio.Event()
        connecting = asyncio.Semaphore(50)  # the listen backlog is 128

        def on_update(data):
            heard[data["timestamp"]] += 1
            if heard[data["timestamp"]] == count:
                everyone.set()

        async def connect(client):
            client.on("recording_status_update", on_update)
            async with connecting:
                await client.connect(url, transports=["websocket"], wait_timeout=30)
                await client.emit("join_recording_updates")

        try:
            await asyncio.wait_for(asyncio.gather(*(connect(c) for c in clients)), 60)
            await asyncio.wait_for(everyone.wait(), 30)
            return sum(1 for c in clients if c.connected)
        finally:
            await asyncio.gather(*(c.disconnect() for c in clients if c.connected), return_exceptions=True)


def test_the_mode_can_come_from_dotenv(make_server):
    """cli.py patches for the mode before the settings are read, so it reads `.env` itself too."""
    server = make_server(start=False)
    (server.workdir / ".env").write_text("STREAMAI_ASYNC_MODE=threading\n")
    server.start()
    assert "threading mode" in server.log() and "Werkzeug" in server.log()
