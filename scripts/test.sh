#!/usr/bin/env bash
# Sets up (first time only) and runs every check and test: the static checks (ruff, mypy,
# import-linter, the contract's freshness, ESLint, prettier), the dashboard's Vitest suite, then
# pytest (unit tests, real OBS under Xvfb, real processing API, real Chromium, schemathesis).
# Extra args go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --with-tests
source scripts/node-env.sh
echo "==> ruff (lint, format), mypy, import-linter"
.venv/bin/ruff check streamai tests bench
.venv/bin/ruff format --check streamai tests bench
.venv/bin/mypy
.venv/bin/lint-imports
echo "==> the dashboard's generated contract is up to date"
bash scripts/check-contract.sh
echo "==> eslint, prettier (frontend)"
npm --prefix frontend run --silent lint
npm --prefix frontend run --silent format:check
echo "==> vitest (frontend)"
npm --prefix frontend test --silent
echo "==> pytest"
exec .venv/bin/python -m pytest "$@"
