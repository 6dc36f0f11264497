"""The served contract holds, checked by schemathesis against the real server: it generates
requests (valid ones and broken ones) from /api/openapi.json for every operation, and every answer
must be no 5xx, a documented status, of the documented content type, and match its schema. Run
without a token and with both roles (and a wrong token)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .support.fake_obs import FakeObs
from .support.recordings import make_session_folder

CHECKS = "not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance"
TOKENS = {"STREAMAI_API_TOKEN": "operator-secret", "STREAMAI_VIEWER_TOKEN": "viewer-secret"}


def schemathesis(server, tmp_path: Path, header: str | None = None, examples: int = 25) -> subprocess.CompletedProcess:
    cli = shutil.which("schemathesis", path=str(Path(sys.executable).parent)) or "schemathesis"
    args = [
        cli,
        "run",
        f"{server.url}/api/openapi.json",
        "--checks",
        CHECKS,
        "--max-examples",
        str(examples),
        "--workers",
        "2",
        "--seed",
        "20261129",
        "--request-timeout",
        "30",
        "--report-dir",
        str(tmp_path / "report"),
    ]
    if header:
        args += ["--header", header]
    return subprocess.run(args, capture_output=True, text=True, timeout=600, cwd=tmp_path)


@pytest.fixture
def served(tmp_path, make_server):
    """The real server, driving a fake OBS (fast to start and stop: the run does it hundreds of
    times), so recording routes answer as they do in use, not 503 for a missing OBS."""
    obs = FakeObs(tmp_path / "fake-obs").start()

    def make(env: dict[str, str] | None = None):
        make_session_folder(tmp_path / "srv" / "recordings", "kept", 2048)
        server = make_server(
            {
                "VULTR_API_URL": "http://127.0.0.1:9",
                "OBS_HOST": "127.0.0.1",
                "OBS_PORT": str(obs.port),
                "OBS_PASSWORD": obs.password,
                **(env or {}),
            },
            workdir=tmp_path / "srv",
        )
        server.wait_until(lambda: server.get("/api/health").json()["obs"]["connected"], 15, "OBS connection")
        return server

    yield make
    obs.close()


def test_the_contract_holds_without_a_token(served, tmp_path):
    done = schemathesis(served(), tmp_path)
    assert done.returncode == 0, done.stdout[-6000:] + done.stderr[-2000:]


# A viewer is refused every change and a wrong token everything: fewer examples find as much.
@pytest.mark.parametrize(("token", "examples"), [("operator-secret", 25), ("viewer-secret", 10), ("wrong", 5)])
def test_the_contract_holds_with_tokens(served, tmp_path, token, examples):
    done = schemathesis(served(TOKENS), tmp_path, f"Authorization: Bearer {token}", examples)
    assert done.returncode == 0, done.stdout[-6000:] + done.stderr[-2000:]
