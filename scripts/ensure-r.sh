#!/usr/bin/env bash
# Installs Debian's R with nlme and MASS for the estimation tests' reference fits (R's nls,
# confint, optim) unless they are already there (idempotent).
set -euo pipefail
if command -v Rscript > /dev/null && Rscript -e 'library(nlme); library(MASS)' > /dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" != 0 ]; then
  echo "the estimation tests need R: run 'sudo apt-get install -y --no-install-recommends r-base-core r-cran-nlme r-cran-mass'" >&2
  exit 1
fi
echo "[estimation] installing R (r-base-core, r-cran-nlme, r-cran-mass) with apt-get" >&2
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends r-base-core r-cran-nlme r-cran-mass > /dev/null
Rscript -e 'library(nlme); library(MASS)' > /dev/null
