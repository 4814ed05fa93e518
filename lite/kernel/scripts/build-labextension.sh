#!/usr/bin/env bash
# Builds the prebuilt JupyterLite extension of the browser TypeScript kernel into
# lite/kernel/labextension/ (give that folder to `jupyter lite build --LiteBuildConfig.federated_extensions=`):
#   1. tsc: src/ → lib/ (the plugin and the kernel class, which webpack bundles);
#   2. esbuild: the kernel's web worker with TypeScript, @pmxlab/kernel (and /exercise, /browser),
#      the tslab shim and the population worker, as ES modules with shared chunks → build/worker/;
#   3. @jupyterlab/builder: the federated extension (as extension/scripts/build-labextension.sh,
#      against the JupyterLab staging of .venv, or of the `python` on PATH);
#   4. the worker files copied into labextension/static/lite-kernel/, where the plugin finds them.
# Needs kernel-lib built (npm run build -w kernel-lib).
set -euo pipefail
cd "$(dirname "$0")/.."
python="../../.venv/bin/python"
[ -x "$python" ] || python="$(command -v python3 || command -v python)"
npx tsc -p tsconfig.json
rm -rf build/worker
node scripts/bundle-worker.mjs build/worker
core_path="$("$python" -c 'import jupyterlab, os; print(os.path.join(os.path.dirname(jupyterlab.__file__), "staging"))')"
builder="$(node -p 'require.resolve("@jupyterlab/builder/lib/build-labextension.js")')"
rm -rf labextension
node "$builder" --core-path "$core_path" .
mkdir -p labextension/static/lite-kernel
cp build/worker/* labextension/static/lite-kernel/
echo "[lite-kernel] labextension built: $(du -sh labextension | cut -f1) in $(pwd)/labextension"
