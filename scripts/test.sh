#!/usr/bin/env bash
# The README's test command: installs what the tests need (idempotently) and runs them all.
set -euo pipefail
cd "$(dirname "$0")/.."
# `npm ci` rejects this lock file (npm 11 leaves other platforms' optional rollup binaries out of it),
# so install with `npm install`, which still resolves exactly the versions the lock file pins.
npm install --no-audit --no-fund
# The estimation tests compare with R's own fits (nls, confint, optim): Debian's R, installed when missing.
bash scripts/ensure-r.sh
# The exercise tests run notebooks in the real tslab kernel: the `npm start` set-up (venv with
# Jupyter and the tslab kernelspec, built kernel and extension) comes first.
bash scripts/setup.sh
# The server's database tests run on SQLite and on a throwaway PostgreSQL (Debian's package,
# installed when missing); PMXLAB_REQUIRE_POSTGRES makes them fail rather than skip without it.
pg_env="$(bash scripts/ensure-postgres.sh)"
eval "$pg_env"
export PMXLAB_REQUIRE_POSTGRES=1
npm test
# The scripts' own tests (no browser): the working copy `npm start` serves.
node --test test/scripts/
# Browser end-to-end: the `npm start` set-up (scripts/setup.sh), the real JupyterLab and
# Debian's chromium (installed here when missing); screenshots go to test-results/.
bash test/e2e/ensure-chromium.sh
node --test --test-concurrency=1 test/e2e/
# The browser-only edition (docs/lite.md): builds the static site lite/dist/ (about 40 s once the
# set-up above is done), then tests it in chromium, served by a plain static server, and compares
# its TypeScript kernel's numbers with tslab's (about 1.5 min).
npm run lite
node --test --test-concurrency=1 test/lite/
node --test --test-concurrency=1 test/collab/
# The class hub: the real JupyterHub (requirements-hub.txt, installed by scripts/hub.sh), system
# users for students, their servers; runs as root (the hub creates users). Also team co-editing
# through sharing in two browsers, the load test's N=2 run and the Kubernetes values.
node --test --test-concurrency=1 test/hub/
