#!/usr/bin/env bash
# Installs everything StreamAI needs on Debian: system packages, a Python venv, the dashboard.
# Idempotent: run it again and it only does what is missing. `--with-tests` adds test tools.
set -euo pipefail
cd "$(dirname "$0")/.."

with_tests=false
[[ "${1:-}" == "--with-tests" ]] && with_tests=true

sudo_cmd=()
[[ $(id -u) -ne 0 ]] && sudo_cmd=(sudo)

apt_packages=()
command -v ffprobe >/dev/null || apt_packages+=(ffmpeg)
command -v node >/dev/null || apt_packages+=(nodejs npm)
command -v python3 >/dev/null || apt_packages+=(python3 python3-venv)
if $with_tests; then
  command -v obs >/dev/null || apt_packages+=(obs-studio)
  command -v Xvfb >/dev/null || apt_packages+=(xvfb)
  command -v chromium >/dev/null || apt_packages+=(chromium)
fi
if ((${#apt_packages[@]})); then
  echo "==> apt-get install ${apt_packages[*]}"
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq "${apt_packages[@]}" >/dev/null
fi

node_version=$(node -p 'process.versions.node' 2>/dev/null || echo 0)
if ! node -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a > 20 || (a === 20 && b >= 19) ? 0 : 1)' 2>/dev/null; then
  echo "error: the dashboard build needs Node.js >= 20.19 (found $node_version)." >&2
  echo "       Debian 12's own nodejs is 18: install a newer Node.js (e.g. the nodejs package from NodeSource) and run again." >&2
  exit 1
fi

if [[ ! -x .venv/bin/python ]]; then
  echo "==> python venv in .venv"
  python3 -m venv .venv
fi
extras=""
$with_tests && extras="[test]"
stamp=".venv/.installed${extras}"
[[ -z "$extras" && -f ".venv/.installed[test]" && ! -f "$stamp" ]] && stamp=".venv/.installed[test]"  # a superset
if [[ ! -f "$stamp" || pyproject.toml -nt "$stamp" ]]; then
  echo "==> pip install -e .${extras}"
  .venv/bin/pip install -q --upgrade pip
  .venv/bin/pip install -q -e ".${extras}"
  touch "$stamp"
fi

if [[ ! -d frontend/node_modules || frontend/package-lock.json -nt frontend/node_modules/.package-lock.json ]]; then
  echo "==> npm ci (frontend)"
  npm --prefix frontend ci --no-audit --no-fund --loglevel=error
fi
if [[ ! -f frontend/dist/index.html ]] || [[ -n "$(find frontend/src frontend/index.html frontend/package-lock.json -newer frontend/dist/index.html -print -quit)" ]]; then
  echo "==> building the dashboard"
  npm --prefix frontend run build --silent
fi
