#!/usr/bin/env bash
# Regenerates the dashboard's copy of the server's contract, in place:
#   1. frontend/src/types/openapi.json  ← python -m streamai.openapi (the document /api/openapi.json serves)
#   2. frontend/src/types/api.ts        ← npm run gen:api (openapi-typescript over that file, prettier-formatted)
# Run it after changing streamai/contract/ (or a route), and commit both files;
# scripts/check-contract.sh fails while they are stale. Offline: nothing is fetched.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/node-env.sh  # the Node.js setup.sh chose (.venv/node-bin where the system has none)

python=${PYTHON:-.venv/bin/python}
if [[ ! -x "$python" || ! -d frontend/node_modules/openapi-typescript ]]; then
  echo "error: run scripts/setup.sh first (needs .venv and frontend/node_modules)" >&2
  exit 1
fi

"$python" -m streamai.openapi frontend/src/types/openapi.json
npm --prefix frontend run --silent gen:api
echo "wrote frontend/src/types/openapi.json and frontend/src/types/api.ts"
