#!/usr/bin/env bash
# Installs Debian's chromium for the browser test unless it is already there (idempotent).
set -euo pipefail
if command -v chromium > /dev/null; then
  exit 0
fi
if [ "$(id -u)" != 0 ]; then
  echo "the browser test needs Debian's chromium: run 'sudo apt-get install -y chromium' (or set PMXLAB_CHROMIUM to a Chromium binary)" >&2
  exit 1
fi
echo "[e2e] installing chromium with apt-get" >&2
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium > /dev/null
command -v chromium > /dev/null
