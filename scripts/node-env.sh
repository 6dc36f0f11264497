# Sourced by the scripts from the repo's root: the one place that says which Node.js they use.
# .venv/node-bin exists only where setup.sh found no system node >= 20.19 (Debian 12's own
# nodejs is 18) and installed one from PyPI into .venv; it then comes first on PATH, for npm's
# scripts too (tsc and vite start with `#!/usr/bin/env node`).
if [[ -d .venv/node-bin ]]; then
  export PATH="$PWD/.venv/node-bin:$PATH"
fi

node_is_recent() {  # the `node` on PATH runs and is at least 20.19 (what Vite 8 needs)
  local version
  version=$(node --version 2>/dev/null) || return 1
  [[ $version =~ ^v([0-9]+)\.([0-9]+)\. ]] || return 1
  ((BASH_REMATCH[1] > 20 || (BASH_REMATCH[1] == 20 && BASH_REMATCH[2] >= 19)))
}
