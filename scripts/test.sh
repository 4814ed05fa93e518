#!/usr/bin/env bash
# The README's test command: installs what the tests need (idempotently) and runs them all.
set -euo pipefail
cd "$(dirname "$0")/.."
# `npm ci` rejects this lock file (npm 11 leaves other platforms' optional rollup binaries out of it),
# so install with `npm install`, which still resolves exactly the versions the lock file pins.
npm install --no-audit --no-fund
npm test
