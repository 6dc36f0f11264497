"""A worker process for the multi-process queue tests: `python -m tests.support.claimer MODE URL`.

Says `ready` once connected, waits for a line on stdin (so several start claiming together), then:
- `drain`: claims jobs until none is left, printing each claimed id as a JSON line;
- `hold LEASE_S`: claims one job with that lease, keeps it alive with a LeaseKeeper (as the upload
  worker does), prints `{"id", "claim", "worker"}`, and waits to be killed.
"""

from __future__ import annotations

import json
import sys
import threading

from streamai.db import Database
from streamai.uploads import UploadQueue
from streamai.uploads.leases import LeaseKeeper


def main(argv: list[str]) -> int:
    mode, url = argv[0], argv[1]
    lease_s = float(argv[2]) if len(argv) > 2 else 30.0
    db = Database(url, lease_s=lease_s)
    queue = UploadQueue(db)
    print("ready", flush=True)
    sys.stdin.readline()
    if mode == "drain":
        while (job := queue.claim_next()) is not None:
            print(json.dumps({"id": job.id, "worker": queue.worker_id}), flush=True)
        return 0
    job = queue.claim_next()
    assert job is not None and job.claim_token
    keeper = LeaseKeeper(queue, lease_s)
    keeper.hold(job.id, job.claim_token)
    keeper.start()
    print(json.dumps({"id": job.id, "claim": job.claim_token, "worker": queue.worker_id}), flush=True)
    threading.Event().wait()  # until SIGKILL
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
