#!/usr/bin/env bash
# The README's test command: installs what the tests need (idempotently) and runs them all.
set -euo pipefail
cd "$(dirname "$0")/.."
npm ci --no-audit --no-fund
npm test
