#!/usr/bin/env bash
# Sets up (first time only) and runs every test: the dashboard's Vitest suite, then pytest
# (unit tests, real OBS under Xvfb, real processing API, real Chromium). Extra args go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --with-tests
source scripts/node-env.sh
echo "==> vitest (frontend)"
npm --prefix frontend test --silent
echo "==> pytest"
exec .venv/bin/python -m pytest "$@"
