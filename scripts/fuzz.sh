#!/usr/bin/env bash
# Long property-based fuzzing of dataset rows, regimen strings and model text (issue 11).
# CI runs the same test with 150 cases per property; this runs PMXLAB_FUZZ_RUNS (default
# 5000) with a random seed unless PMXLAB_FUZZ_SEED is set, and prints the case counts.
# A failure prints fast-check's seed and path: rerun with PMXLAB_FUZZ_SEED=<seed> to replay.
set -euo pipefail
cd "$(dirname "$0")/.."
export PMXLAB_FUZZ_RUNS="${PMXLAB_FUZZ_RUNS:-5000}"
export PMXLAB_FUZZ_SEED="${PMXLAB_FUZZ_SEED:-$RANDOM$RANDOM}"
echo "fuzz: ${PMXLAB_FUZZ_RUNS} cases per property, seed ${PMXLAB_FUZZ_SEED}"
npx vitest run kernel-lib/test/fuzz --testTimeout=3600000
