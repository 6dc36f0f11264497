"""From « Arrêter l'enregistrement » to the first uploaded byte, with a real OBS (not a test).

    .venv/bin/python bench/stop_to_upload.py [--seconds 5] [--runs 3]

Starts OBS headless under Xvfb, a local processing API and the server; records for SECONDS,
stops, and reports: how long the stop request took (it waits until OBS has finished writing),
and the time from the stop request to the first `upload_progress` event and to `upload_completed`.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tests.support.obs_studio import ObsStudio  # noqa: E402
from tests.support.processing_api import ProcessingApi  # noqa: E402
from tests.support.server import RoomListener, StreamAIServer  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=5)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="streamai-stop-"))
    studio, api = ObsStudio(workdir / "obs"), ProcessingApi(None).start()
    server = room = None
    try:
        studio.start()
        server = StreamAIServer(
            workdir / "server",
            {
                "OBS_HOST": "127.0.0.1",
                "OBS_PORT": str(studio.port),
                "OBS_PASSWORD": studio.password,
                "VULTR_API_URL": api.url,
                "LOG_LEVEL": "WARNING",
            },
        ).start()
        server.wait_obs_connected()
        room = RoomListener(server.url)
        print("run  stop request  stop->first byte  stop->uploaded  file")
        for run in range(1, args.runs + 1):
            server.post("/api/integrated/recording/start", json={"sessionName": f"run{run}"})
            time.sleep(args.seconds)
            clicked = time.monotonic()
            result = server.post("/api/integrated/recording/stop").json()
            answered = time.monotonic()
            job_id = result["upload_result"]["job"]["id"]
            room.wait_for("upload_progress", lambda d: d["job_id"] == job_id)
            first_byte = time.monotonic()
            room.wait_for("upload_completed", lambda d: d["job_id"] == job_id)
            done = time.monotonic()
            size = result["files"][0]["size_bytes"]
            print(
                f"{run:3d}  {1000 * (answered - clicked):9.0f} ms  {1000 * (first_byte - clicked):13.0f} ms"
                f"  {1000 * (done - clicked):11.0f} ms  {size / 1024:.0f} KiB"
            )
    finally:
        if room:
            room.close()
        if server:
            server.stop()
        api.stop()
        studio.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
