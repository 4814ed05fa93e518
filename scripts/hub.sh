#!/usr/bin/env bash
# `npm run hub`: pmxlab for a class on this machine — JupyterHub (PyPI, pinned in
# requirements-hub.txt) with configurable-http-proxy (npm) and, for every approved student,
# a system user whose JupyterLab runs the same pmxlab environment as `npm start` (the
# project venv, extension and tslab kernel). Sets up what is missing (scripts/setup.sh, then
# the hub packages into .venv, idempotently), then runs JupyterHub in the foreground with
# jupyter-config/hub/jupyterhub_config.py; its header lists the PMXLAB_HUB_* settings.
# Further arguments go to `jupyterhub`.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
if [ "$(id -u)" != 0 ]; then
  echo "[pmxlab hub] the hub creates a system user for each approved student and starts their servers as them, so it runs as root: sudo npm run hub" >&2
  exit 1
fi
bash "$ROOT/scripts/setup.sh"

STAMP="$ROOT/.pmxlab/stamps/hub-packages"
hash="$(sha256sum "$ROOT/requirements.txt" "$ROOT/requirements-hub.txt" | sha256sum | cut -d' ' -f1)"
if [ ! -f "$STAMP" ] || [ "$(cat "$STAMP")" != "$hash" ]; then
  echo "[pmxlab hub] installing JupyterHub into .venv (requirements-hub.txt)" >&2
  "$ROOT/.venv/bin/python" -m pip install --quiet --disable-pip-version-check --no-input -c "$ROOT/requirements.txt" -r "$ROOT/requirements-hub.txt"
  echo "$hash" > "$STAMP"
fi

# Students' servers run as other users: they need to read the venv and node_modules and to
# pass through the folders above them (a checkout under a private home would stop them).
dir="$ROOT"
while [ "$dir" != / ]; do
  if ! [ "$(( 0$(stat -c %a "$dir") & 05 ))" = 5 ]; then
    echo "[pmxlab hub] $dir is not readable by other users; students' servers could not start (chmod o+rx \"$dir\", or clone pmxlab to a shared place such as /opt)" >&2
    exit 1
  fi
  dir="$(dirname "$dir")"
done

if ! runuser -u nobody -- "$ROOT/.venv/bin/python" -c '' 2> /dev/null; then
  echo "[pmxlab hub] other users cannot run $ROOT/.venv/bin/python (its interpreter, $(readlink -f "$ROOT/.venv/bin/python"), is in a private folder); rebuild the venv from a shared Python: PMXLAB_PYTHON=/usr/bin/python3 bash scripts/setup.sh" >&2
  exit 1
fi

# The instructor versions of the courses (solutions, hidden check items) are for the class
# service only: students' servers can read the checkout, so its courses/ folder is closed to
# other users (a folder's mode is not tracked by git; the service, as root, still reads it).
chmod o-rwx "${PMXLAB_HUB_COURSES:-$ROOT/courses}"

# JupyterHub writes a few files to its working folder: the state folder, not the checkout.
# It holds the hub's and the class service's databases (submissions, grades): root only.
state="${PMXLAB_HUB_STATE:-$ROOT/.pmxlab/hub}"
mkdir -p "$state"
chmod 0700 "$state"
cd "$state"
echo "[pmxlab hub] starting JupyterHub on http://${PMXLAB_HUB_IP:-127.0.0.1}:${PMXLAB_HUB_PORT:-8000} (instructors: ${PMXLAB_HUB_INSTRUCTORS:-instructor}; sign up at /hub/signup)" >&2
exec "$ROOT/.venv/bin/jupyterhub" -f "$ROOT/jupyter-config/hub/jupyterhub_config.py" "$@"
