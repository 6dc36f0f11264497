"""How fast the recordings routes answer with thousands of sessions (not a test).

    .venv/bin/python bench/recordings_list.py [--sessions 5000] [--database-url postgresql://…]

Fills a fresh database (SQLite in a temporary folder, or the given PostgreSQL database, which
must be empty) with SESSIONS sessions (half with an upload job), then times
`GET /api/integrated/recordings?limit=50` and `GET /api/frontend/recordings/formatted?limit=50`
(first page and a deep page) through the Flask app. Target: a page in well under 50 ms.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from streamai.app import create_app  # noqa: E402
from streamai.config import load_settings  # noqa: E402
from streamai.sessions import Session  # noqa: E402


def fill(app, count: int) -> None:
    service = app.extensions["streamai"]
    start = datetime(2025, 1, 1, tzinfo=UTC)
    with service.manager.store.db.transaction() as conn:
        for n in range(count):
            moment = (start + timedelta(minutes=n)).isoformat()
            row = {
                "name": f"s{n:06d}",
                "title": f"Session {n}",
                "moment": moment,
                "size": 2 << 30,
                "files": f'[{{"name": "s{n}.mkv", "size_bytes": {2 << 30}, "duration_s": 3600}}]',
                "file": f"s{n}.mkv",
                "task": f"task_{n}",
            }
            conn.execute(
                "INSERT INTO sessions (name, title, folder, status, started_by, start_time, end_time, duration_s,"
                " size_bytes, files, created_at, updated_at)"
                " VALUES (:name, :title, :name, 'stopped', 'api', :moment, :moment, 3600, :size, :files, :moment,"
                " :moment)",
                row,
            )
            if n % 2:
                conn.execute(
                    "INSERT INTO upload_jobs (session_name, file_folder, file_name, state, subtitle_model, priority,"
                    " total_bytes, task_id, created_at, updated_at)"
                    " VALUES (:name, '', :file, 'completed', 'base', 1, :size, :task, :moment, :moment)",
                    row,
                )
    assert isinstance(service.manager.store.get("s000000"), Session)


def timed(client, url: str, runs: int = 100) -> tuple[float, float]:
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        response = client.get(url)
        samples.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200 and response.json["count"] == 50
    samples.sort()
    return statistics.median(samples), samples[int(len(samples) * 0.95) - 1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=5000)
    parser.add_argument("--database-url", default="", help="an empty PostgreSQL database (default: SQLite)")
    args = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="streamai-list-"))
    env = {"RECORDINGS_PATH": str(workdir), "OBS_PORT": "1", "STREAMAI_DATABASE_URL": args.database_url}
    settings = load_settings(env, dotenv=False)
    app = create_app(settings, start_background=False)
    fill(app, args.sessions)
    client = app.test_client()
    deep = args.sessions - 100
    print(f"{args.sessions} sessions, {args.sessions // 2} upload jobs; median / p95 of 100 requests:")
    for url in (
        "/api/integrated/recordings?limit=50",
        f"/api/integrated/recordings?limit=50&offset={deep}",
        "/api/frontend/recordings/formatted?limit=50",
        f"/api/frontend/recordings/formatted?limit=50&offset={deep}",
    ):
        median, p95 = timed(client, url)
        print(f"  {url:60s} {median:6.1f} ms / {p95:6.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
