#!/usr/bin/env bash
# Installs and builds everything `npm start` and the browser test need, idempotently:
#   1. .venv, the project-local Python environment, from requirements.txt (all pins);
#   2. the root node_modules (npm install, versions from package-lock.json);
#   3. @pmxlab/kernel (kernel-lib/dist), @pmxlab/server (server/dist, which jupyter-server-proxy
#      starts on demand) and the JupyterLab extension (extension/lib and its
#      prebuilt labextension, which bundles the server's offline tutor for pages with no
#      server), installed into .venv as the Python package pmxlab_jupyterlab;
#   4. the tslab kernelspec in .venv, so notebooks run TypeScript that imports @pmxlab/kernel.
# Each step records a stamp (.pmxlab/stamps/<step>) holding the hash of its inputs and is
# skipped while that hash is unchanged, so a second run takes a few seconds.
# Downloads come only from PyPI and the npm registry.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
VENV="$ROOT/.venv"
STAMPS="$ROOT/.pmxlab/stamps"
mkdir -p "$STAMPS"

if ! node -e 'process.exit(Number(process.versions.node.split(".")[0]) >= 20 ? 0 : 1)' 2> /dev/null; then
  echo "[pmxlab setup] needs Node.js >= 20 with npm (https://nodejs.org or your package manager)" >&2
  exit 1
fi

log() { printf '[pmxlab setup] %s\n' "$*" >&2; }

# Hash of the given files and of every file under the given folders (missing paths hash as absent).
inputs_hash() {
  local path
  for path in "$@"; do
    if [ -d "$path" ]; then
      find "$path" -type f -print0 | sort -z | xargs -0 -r sha256sum
    elif [ -f "$path" ]; then
      sha256sum "$path"
    else
      echo "absent $path"
    fi
  done | sha256sum | cut -d' ' -f1
}

# Runs step $1 (a function) unless its stamp holds hash $2.
step() {
  local name="$1" hash="$2" stamp="$STAMPS/$1"
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$hash" ]; then
    log "$name: up to date"
    return
  fi
  log "$name: running"
  local started=$SECONDS
  "$name"
  echo "$hash" > "$stamp"
  log "$name: done in $((SECONDS - started)) s"
}

# The system interpreter comes before one on PATH: the hub (scripts/hub.sh) runs students'
# servers from this venv as other users, who cannot run an interpreter inside root's home
# (pyenv, conda); the venv itself is the same either way.
find_python() {
  local candidate
  for candidate in "${PMXLAB_PYTHON:-}" /usr/bin/python3 python3 python; do
    if [ -n "$candidate" ] && command -v "$candidate" > /dev/null &&
      "$candidate" -c 'import sys, venv, ensurepip; sys.exit(sys.version_info < (3, 9))' 2> /dev/null; then
      command -v "$candidate"
      return
    fi
  done
  log "needs Python >= 3.9 with the venv module (Debian/Ubuntu: apt-get install -y python3-venv), or set PMXLAB_PYTHON"
  exit 1
}

venv() {
  rm -rf "$VENV"
  "$python" -m venv "$VENV"
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check --no-input -r requirements.txt
}

node_modules() {
  # `npm ci` rejects this lock file (npm 11 leaves other platforms' optional binaries out of
  # it), so use `npm install`, which still installs exactly the versions the lock file pins.
  npm install --no-audit --no-fund
}

kernel_lib() {
  npm run build --workspace @pmxlab/kernel
}

server() {
  npm run build --workspace @pmxlab/server
}

extension() {
  rm -rf extension/lib
  npm run build --workspace @pmxlab/jupyterlab
  npm run build:labextension --workspace @pmxlab/jupyterlab
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check --no-input \
    --no-deps --no-build-isolation --force-reinstall ./extension
  rm -rf extension/build
}

tslab_kernel() {
  node_modules/.bin/tslab install --python="$VENV/bin/python" --sys-prefix --binary="$ROOT/node_modules/.bin/tslab"
}

python="$(find_python)"
requirements_hash="$(inputs_hash requirements.txt)-$python-$("$python" --version 2>&1 || true)"
lock_hash="$(inputs_hash package.json package-lock.json kernel-lib/package.json extension/package.json)"

[ -x "$VENV/bin/python" ] || rm -f "$STAMPS/venv"
[ -d node_modules ] || rm -f "$STAMPS/node_modules"
step venv "$requirements_hash"
step node_modules "$lock_hash"
step kernel_lib "$lock_hash-$(inputs_hash kernel-lib/src kernel-lib/node kernel-lib/browser kernel-lib/scripts kernel-lib/cli kernel-lib/tsconfig.cjs.json kernel-lib/tsconfig.esm.json kernel-lib/tsconfig.cli.json kernel-lib/tsconfig.node.json kernel-lib/tsconfig.browser.json tsconfig.base.json)"
step server "$lock_hash-$(inputs_hash kernel-lib/src server/src server/package.json server/tsconfig.json tsconfig.base.json)"
[ -d "$VENV/share/jupyter/labextensions/@pmxlab/jupyterlab" ] || rm -f "$STAMPS/extension"
step extension "$lock_hash-$requirements_hash-$(inputs_hash kernel-lib/src server/src server/package.json extension/src extension/schema extension/style extension/tsconfig.json extension/tsconfig.test.json extension/webpack.config.js extension/scripts extension/pyproject.toml extension/install.json extension/pmxlab_jupyterlab/__init__.py extension/pmxlab_jupyterlab/collaboration tsconfig.base.json)"
[ -f "$VENV/share/jupyter/kernels/tslab/kernel.json" ] || rm -f "$STAMPS/tslab_kernel"
step tslab_kernel "$lock_hash-$requirements_hash-$ROOT"
