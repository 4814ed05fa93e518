#!/usr/bin/env bash
# Builds the prebuilt labextension (pmxlab_jupyterlab/labextension) from lib/ with
# @jupyterlab/builder against the JupyterLab installed in the repository's .venv (or the
# `python` on PATH). Called instead of `jupyter labextension build`, which in JupyterLab 4.6
# runs jlpm (yarn) in this folder rather than using the npm workspace install.
set -euo pipefail
cd "$(dirname "$0")/.."
python="../.venv/bin/python"
[ -x "$python" ] || python="$(command -v python3 || command -v python)"
core_path="$("$python" -c 'import jupyterlab, os; print(os.path.join(os.path.dirname(jupyterlab.__file__), "staging"))')"
builder="$(node -p 'require.resolve("@jupyterlab/builder/lib/build-labextension.js")')"
rm -rf pmxlab_jupyterlab/labextension
exec node "$builder" --core-path "$core_path" .
