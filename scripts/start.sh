#!/usr/bin/env bash
# `npm start`: sets everything up (scripts/setup.sh, skipped when done) and starts JupyterLab
# with pmxlab on my-courses/, the student's working copy of courses/ (git-ignored), configured
# only from jupyter-config/ (nothing in home folders).
# Environment: PMXLAB_PORT (default 8888; the next free port is taken if busy),
# PMXLAB_IP (default 127.0.0.1), PMXLAB_ROOT_DIR (default my-courses/; when set, that folder
# is served as it is and nothing is copied),
# PMXLAB_OPEN_BROWSER (1 or 0; default 1 only when a display is available).
# Further arguments go to `jupyter lab`, e.g. `npm start -- --IdentityProvider.token=secret`.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
bash "$ROOT/scripts/setup.sh"

# Running a notebook saves its outputs and slider settings into the file, so students work in
# a copy: each file of courses/ that my-courses/ lacks is copied in (the first run copies them
# all, a later run adds new course files); a file already there is never overwritten, so a
# student's edits stay. Deleting a notebook from my-courses/ brings back a fresh copy at the
# next start. The copy sits in the repository so tslab finds node_modules from it.
if [ -z "${PMXLAB_ROOT_DIR:-}" ]; then
  PMXLAB_ROOT_DIR="$ROOT/my-courses"
  bash "$ROOT/scripts/course-copy.sh" "$ROOT/courses" "$PMXLAB_ROOT_DIR"
fi

if [ -z "${PMXLAB_OPEN_BROWSER:-}" ]; then
  if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] || [ "$(uname)" = Darwin ]; then PMXLAB_OPEN_BROWSER=1; else PMXLAB_OPEN_BROWSER=0; fi
fi
browser_flag=--no-browser
[ "$PMXLAB_OPEN_BROWSER" = 1 ] && browser_flag=--ServerApp.open_browser=True
root_flag=()
# Jupyter refuses to run as root without this (containers, CI machines).
[ "$(id -u)" = 0 ] && root_flag=(--allow-root)

export JUPYTER_CONFIG_DIR="$ROOT/jupyter-config"
# User settings and workspaces stay in the repository (git-ignored) unless set already (the browser test uses its own).
export JUPYTERLAB_SETTINGS_DIR="${JUPYTERLAB_SETTINGS_DIR:-$ROOT/.pmxlab/user-settings}"
export JUPYTERLAB_WORKSPACES_DIR="${JUPYTERLAB_WORKSPACES_DIR:-$ROOT/.pmxlab/workspaces}"
export JUPYTER_RUNTIME_DIR="$ROOT/.pmxlab/runtime"
export JUPYTER_PLATFORM_DIRS=1
# tslab resolves `@pmxlab/kernel`, `tslab` and `@types/node` from the notebook's folder
# upwards; my-courses/ sits in the repository, so the root node_modules serves them.
export PATH="$ROOT/node_modules/.bin:$ROOT/.venv/bin:$PATH"

echo "[pmxlab] starting JupyterLab; open the http://127.0.0.1:… URL with the token printed below" >&2
exec "$ROOT/.venv/bin/jupyter" lab \
  --ServerApp.root_dir="$PMXLAB_ROOT_DIR" \
  --ServerApp.ip="${PMXLAB_IP:-127.0.0.1}" \
  --ServerApp.port="${PMXLAB_PORT:-8888}" \
  --LabApp.app_settings_dir="$ROOT/jupyter-config/lab/settings" \
  "$browser_flag" \
  "${root_flag[@]}" \
  "$@"
