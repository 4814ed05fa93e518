#!/usr/bin/env bash
# `npm run lite`: builds the browser-only edition into lite/dist/ (git-ignored), a static
# JupyterLite site any web server can host (docs/lite.md):
#   - the courses as students get them (`pmxlab release` of each course folder, with its
#     released checks.ts), welcome.ipynb, interactive.ipynb, the catalogue and datasets/;
#   - pmxlab's JupyterLab extension (as `npm start` builds it), the TypeScript kernel
#     (lite/kernel/) and the Pyodide Python kernel, all served from the site;
#   - Pyodide 314.0.6 itself under static/pyodide (npm's `pyodide` package: the interpreter and
#     the standard library) with the Python kernel's own wheels from PyPI, so Python cells run
#     with no network. PMXLAB_LITE_PYODIDE=cdn builds a site that loads the full Pyodide
#     distribution (numpy, scipy, pandas, …) from its CDN instead, for sites with internet.
# Installs what it needs first, idempotently: the `npm start` set-up (scripts/setup.sh),
# requirements-lite.txt into .venv, pyodide from npm into .pmxlab/lite/npm. The build works
# in .pmxlab/lite/ and never writes into courses/. Downloads come only from PyPI and npm.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
log() { printf '[pmxlab lite] %s\n' "$*" >&2; }

PYODIDE_VERSION=314.0.6 # what jupyterlite-pyodide-kernel 0.8.6 expects (its constants.py)
PYODIDE_MODE="${PMXLAB_LITE_PYODIDE:-local}"
case "$PYODIDE_MODE" in
  local | cdn) ;;
  *)
    log "PMXLAB_LITE_PYODIDE must be \"local\" (self-hosted Pyodide, the default) or \"cdn\" (the full distribution from cdn.jsdelivr.net), not \"$PYODIDE_MODE\""
    exit 2
    ;;
esac
VENV="$ROOT/.venv"
WORK="$ROOT/.pmxlab/lite"
SITE_DIR="$WORK/site"  # the JupyterLite "lite dir": configuration, static/pyodide, caches
CONTENT="$WORK/content" # the files students see
OUT="$ROOT/lite/dist"
started=$SECONDS

bash scripts/setup.sh

log "Python packages (requirements-lite.txt)"
"$VENV/bin/python" -m pip install --quiet --disable-pip-version-check --no-input -r requirements-lite.txt

npm_dir="$WORK/npm"
if [ "$(node -p "try { require('$npm_dir/node_modules/pyodide/package.json').version } catch { '' }")" != "$PYODIDE_VERSION" ]; then
  log "pyodide@$PYODIDE_VERSION from npm"
  mkdir -p "$npm_dir"
  [ -f "$npm_dir/package.json" ] || echo '{ "private": true }' > "$npm_dir/package.json"
  npm install --prefix "$npm_dir" --no-audit --no-fund --save-exact "pyodide@$PYODIDE_VERSION"
fi

core_path="$("$VENV/bin/python" -c 'import jupyterlab, os; print(os.path.join(os.path.dirname(jupyterlab.__file__), "staging"))')"
builder="$(node -p 'require.resolve("@jupyterlab/builder/lib/build-labextension.js")')"

log "the shared-modules extension (lite/shared-modules)"
rm -rf "$WORK/shared-modules"
mkdir -p "$WORK/shared-modules"
cp lite/shared-modules/package.json lite/shared-modules/index.js lite/shared-modules/webpack.config.js "$WORK/shared-modules/"
node "$builder" --core-path "$core_path" "$WORK/shared-modules" > "$WORK/shared-modules.log" || {
  cat "$WORK/shared-modules.log" >&2
  exit 1
}

log "the TypeScript kernel (lite/kernel)"
npm run build:labextension --workspace lite/kernel > "$WORK/lite-kernel.log" || {
  cat "$WORK/lite-kernel.log" >&2
  exit 1
}
kernel_labextension="$ROOT/lite/kernel/labextension"

log "content: the courses as released to students"
rm -rf "$CONTENT"
mkdir -p "$CONTENT/datasets"
for course in courses/*/; do
  name="$(basename "$course")"
  node_modules/.bin/pmxlab release "$name" --out "$CONTENT/$name" > /dev/null
  rm -f "$CONTENT/$name/.pmxlab-release.json"
done
cp courses/welcome.ipynb courses/interactive.ipynb "$CONTENT/"
cp courses/README.md "$CONTENT/README.md"
cp datasets/*.csv datasets/*.md "$CONTENT/datasets/"

log "configuration"
mkdir -p "$SITE_DIR"
# jupyterlite-core keeps task state here; with a stale one, changed configuration is silently
# not applied.
rm -f "$SITE_DIR/.jupyterlite.doit.db"
rm -rf "$SITE_DIR/static" "$OUT"
cp jupyter-config/lite/jupyter_lite_config.json jupyter-config/lite/jupyter-lite.json "$SITE_DIR/"
# The pins of the Python kernel's wheels; without the file, the build writes one from its solve.
rm -f "$SITE_DIR/pyodide-constraints.txt"
[ ! -f jupyter-config/lite/pyodide-constraints.txt ] || cp jupyter-config/lite/pyodide-constraints.txt "$SITE_DIR/"
# JupyterLab's settings as `npm start` has them (jupyter-config/lab), with the lite ones on top.
node -e '
  const [base, lite] = process.argv.slice(1).map((f) => JSON.parse(require("fs").readFileSync(f, "utf8")));
  for (const [plugin, values] of Object.entries(lite)) base[plugin] = { ...base[plugin], ...values };
  process.stdout.write(JSON.stringify(base, null, 2) + "\n");
' jupyter-config/lab/settings/overrides.json jupyter-config/lite/overrides.json > "$SITE_DIR/overrides.json"

# The site's Pyodide lock (PyodideLockAddon in jupyter-config/lite/jupyter_lite_config.json) is for the
# self-hosted Pyodide only.
pyodide_flags=(--PyodideLockAddon.enabled=False)
if [ "$PYODIDE_MODE" = local ]; then
  log "Pyodide $PYODIDE_VERSION under static/pyodide"
  mkdir -p "$SITE_DIR/static/pyodide"
  for file in pyodide.mjs pyodide.asm.mjs pyodide.asm.wasm python_stdlib.zip; do
    cp "$npm_dir/node_modules/pyodide/$file" "$SITE_DIR/static/pyodide/"
  done
  # The npm package's lock lists the full distribution's packages, which live on the CDN: with
  # no packages, nothing is fetched from there; pyodide-lock needs the version field. The
  # kernel's own wheels (micropip, ipython, comm, jedi, …) are then resolved from PyPI into the
  # site's lock (static/pyodide-lock/).
  node -e '
    const fs = require("fs");
    const [from, to, version] = process.argv.slice(1);
    const lock = JSON.parse(fs.readFileSync(from, "utf8"));
    lock.info.version = version;
    lock.packages = {};
    fs.writeFileSync(to, JSON.stringify(lock, null, 2) + "\n");
  ' "$npm_dir/node_modules/pyodide/pyodide-lock.json" "$SITE_DIR/static/pyodide/pyodide-lock.json" "$PYODIDE_VERSION"
  pyodide_flags=()
fi

pyodide_labextension="$VENV/share/jupyter/labextensions/@jupyterlite/pyodide-kernel-extension"
pmxlab_labextension="$VENV/share/jupyter/labextensions/@pmxlab/jupyterlab"

# uv (inside pyodide-lock) would try to download a CPython 3.14 from GitHub for the solve; it
# needs none (it resolves for Pyodide's platform), so it is told not to.
export UV_PYTHON_DOWNLOADS=never
log "jupyter lite build (log: .pmxlab/lite/jupyter-lite-build.log)"
(
  cd "$SITE_DIR"
  "$VENV/bin/jupyter" lite build \
    --lite-dir="$SITE_DIR" \
    --output-dir="$OUT" \
    --contents="$CONTENT" \
    --LiteBuildConfig.federated_extensions="$pmxlab_labextension" \
    --LiteBuildConfig.federated_extensions="$WORK/shared-modules/labextension" \
    --LiteBuildConfig.federated_extensions="$kernel_labextension" \
    --LiteBuildConfig.federated_extensions="$pyodide_labextension" \
    "${pyodide_flags[@]}"
) > "$WORK/jupyter-lite-build.log" 2>&1 || {
  tail -n 60 "$WORK/jupyter-lite-build.log" >&2
  log "jupyter lite build failed; its whole log is .pmxlab/lite/jupyter-lite-build.log"
  exit 1
}

# jupyterlite-core logs a failing addon as a warning and goes on: check what the site needs.
if [ "$PYODIDE_MODE" = local ] && [ ! -f "$OUT/static/pyodide-lock/pyodide-lock.json" ]; then
  grep -B2 -A12 "FAIL\|Error" "$WORK/jupyter-lite-build.log" >&2 || true
  log "the build made no static/pyodide-lock/pyodide-lock.json (see .pmxlab/lite/jupyter-lite-build.log)"
  exit 1
fi

size="$(du -sh "$OUT" | cut -f1)"
log "built lite/dist/ in $((SECONDS - started)) s: $size ($PYODIDE_MODE Pyodide). Serve it with: npm run lite:serve"
