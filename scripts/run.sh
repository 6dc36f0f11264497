#!/usr/bin/env bash
# Sets up (first time only) and runs StreamAI with its dashboard on http://127.0.0.1:5002
# Extra arguments go to `streamai serve` (e.g. --host 0.0.0.0 --port 5002).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
[[ -f .env ]] || echo "note: no .env here; using defaults (cp .env.example .env to configure OBS and the processing API)"
exec .venv/bin/streamai serve "$@"
