#!/usr/bin/env bash
# Fails when the dashboard's copy of the server's contract is stale: regenerates both files into a
# temporary folder (the OpenAPI document from the Python server, then the TypeScript types from that
# document) and compares them with the committed frontend/src/types/openapi.json and api.ts.
# Fix: bash scripts/gen-contract.sh, then commit both files.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/node-env.sh  # the Node.js setup.sh chose (.venv/node-bin where the system has none)

python=${PYTHON:-.venv/bin/python}
if [[ ! -x "$python" || ! -d frontend/node_modules/openapi-typescript ]]; then
  echo "error: run scripts/setup.sh first (needs .venv and frontend/node_modules)" >&2
  exit 1
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

"$python" -m streamai.openapi "$tmp/openapi.json"
npm --prefix frontend run --silent gen:api -- "$tmp/openapi.json" "$tmp/api.ts"

stale=()
for file in openapi.json api.ts; do
  if ! diff -u --label "committed frontend/src/types/$file" --label "regenerated $file" \
      "frontend/src/types/$file" "$tmp/$file" >"$tmp/$file.diff"; then
    stale+=("frontend/src/types/$file")
    cat "$tmp/$file.diff"
  fi
done

if ((${#stale[@]})); then
  echo >&2
  echo "error: the dashboard's contract is stale: ${stale[*]} differ from what the server defines now." >&2
  echo "       run scripts/gen-contract.sh and commit both files (see frontend/README.md, \"Types\")." >&2
  exit 1
fi
echo "contract up to date: frontend/src/types/openapi.json and api.ts match the server"
