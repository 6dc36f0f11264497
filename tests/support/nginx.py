"""nginx in front of several `streamai web` processes, with the repository's own proxy rules
(deploy/nginx/streamai-locations.conf): started as the test's own process, stopped by its pid."""

from __future__ import annotations

import shutil
import subprocess
import time
from pathlib import Path

import psutil
import requests

from .obs_studio import free_port

REPO = Path(__file__).resolve().parents[2]
LOCATIONS = REPO / "deploy" / "nginx" / "streamai-locations.conf"
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"


def nginx_available() -> bool:
    return Path(NGINX).is_file()


class Nginx:
    def __init__(self, folder: Path, upstream_ports: list[int]):
        self.dir = folder
        self.port = free_port()
        self.upstream_ports = upstream_ports
        self.proc: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def _config(self) -> str:
        servers = "".join(f"        server 127.0.0.1:{p} max_fails=1 fail_timeout=5s;\n" for p in self.upstream_ports)
        temp = "".join(
            f"    {kind}_temp_path {self.dir / kind};\n"
            for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
        )
        return (
            f"daemon off;\nworker_processes 1;\npid {self.dir / 'nginx.pid'};\n"
            f"error_log {self.dir / 'error.log'} info;\n"
            "events { worker_connections 256; }\n"
            "http {\n    access_log off;\n"
            f"{temp}"
            # As deploy/nginx/streamai.conf, on a free loopback port and without TLS.
            "    upstream streamai_web {\n        ip_hash;\n"
            f"{servers}    }}\n"
            "    map $http_upgrade $connection_upgrade { default upgrade; '' close; }\n"
            f"    server {{\n        listen 127.0.0.1:{self.port};\n        include {LOCATIONS};\n    }}\n"
            "}\n"
        )

    def __enter__(self) -> Nginx:
        self.dir.mkdir(parents=True, exist_ok=True)
        config = self.dir / "nginx.conf"
        config.write_text(self._config())
        self.proc = subprocess.Popen(
            [NGINX, "-p", str(self.dir), "-c", str(config), "-e", str(self.dir / "error.log")],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"nginx exited with {self.proc.returncode}: {self.log()}")
            try:
                requests.get(self.url + "/api/health", timeout=2)
                return self
            except requests.RequestException:
                time.sleep(0.1)
        raise RuntimeError(f"nginx did not answer: {self.log()}")

    def connections_to(self, port: int) -> int:
        """nginx's open connections to an upstream port (its websockets, once requests are done)."""
        assert self.proc is not None
        processes = [psutil.Process(self.proc.pid), *psutil.Process(self.proc.pid).children()]
        return sum(
            1
            for process in processes
            for c in process.net_connections(kind="tcp")
            if c.status == psutil.CONN_ESTABLISHED and c.raddr and c.raddr.port == port
        )

    def __exit__(self, *exc) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()  # the master stops its workers
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(10)

    def log(self) -> str:
        path = self.dir / "error.log"
        return path.read_text(errors="replace") if path.exists() else ""
