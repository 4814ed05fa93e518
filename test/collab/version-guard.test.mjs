// The durability fixes replace upstream methods and write pycrdt-store's tables, so they are
// applied only to the upstream versions they were written for: with any other version the
// server logs a warning and leaves upstream's classes as they are (collaboration still
// works, with upstream's behaviour). The gate, which reads the updates clients send and hands
// pycrdt re-encoded parts of them, is on only with the pycrdt it was tested with. Checked on
// the installed packages, with one version reported differently.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";

const REPO_ROOT = new URL("../..", import.meta.url).pathname;
const PYTHON = join(REPO_ROOT, ".venv", "bin", "python");

const SCRIPT = `
import json, logging, sys
from importlib.metadata import version as installed
from jupyter_server_ydoc.handlers import YDocWebSocketHandler
from jupyter_server_ydoc.loaders import FileLoader
from jupyter_ydoc import YNotebook
from pmxlab_jupyterlab.collaboration import versions
from pmxlab_jupyterlab.collaboration.durability import install_durability
from pmxlab_jupyterlab.collaboration.gate import Gate
from pmxlab_jupyterlab.collaboration.store import CommitBatchingYStore

class Records(logging.Handler):
    def __init__(self):
        super().__init__()
        self.warnings = []
    def emit(self, record):
        if record.levelno == logging.WARNING:
            self.warnings.append(record.getMessage())

def patched():
    return {
        "open": YDocWebSocketHandler.open.__qualname__,
        "on_message": YDocWebSocketHandler.on_message.__qualname__,
        "save": FileLoader._save_content_at_path.__qualname__,
        "aget": YNotebook.aget.__qualname__,
        "batching": CommitBatchingYStore.batching,
        "gate": Gate.enabled,
    }

log = logging.getLogger("guard")
records = Records()
log.addHandler(records)
before = patched()
FOREIGN = json.loads(sys.argv[1])
versions.version = lambda name: FOREIGN.get(name) or installed(name)
first = install_durability(log, lambda: None)
after_first = patched()
warnings = list(records.warnings)
versions.version = installed
applied = install_durability(log, lambda: None)
print(json.dumps({"before": before, "first": first, "after_first": after_first, "warnings": warnings,
                  "applied": applied, "after": patched(), "written_for": {**versions.WRITTEN_FOR, **versions.GATE_WRITTEN_FOR}}))
`;

/** Installs the fixes with the versions of `foreign` reported ("first"), then with the installed ones. */
const guarded = (foreign) => JSON.parse(execFileSync(PYTHON, ["-c", SCRIPT, JSON.stringify(foreign)], { encoding: "utf8" }));
const result = guarded({ "jupyter-ydoc": "4.3.0" });

test("the durability fixes are not applied to upstream versions they were not written for", () => {
  assert.equal(result.first, false, "install_durability reported success with a foreign jupyter-ydoc");
  assert.deepEqual(result.after_first, result.before, "upstream's classes changed although the versions differ");
  assert.equal(result.before.batching, false);
  assert.equal(result.warnings.length, 1);
  assert.match(result.warnings[0], /jupyter-ydoc 4\.3\.0 \(written for 4\.2\.1\)/);
  assert.match(result.warnings[0], /NOT applied/);
  // with the versions it was written for, the same call applies them
  assert.equal(result.applied, true);
  for (const key of ["open", "on_message", "save", "aget"]) assert.notEqual(result.after[key], result.before[key], `${key} not patched`);
  assert.equal(result.after.batching, true);
  assert.equal(result.after.gate, true, "the gate is off with the pycrdt it was tested with");
});

test("with another pycrdt the fixes apply but the gate stays off, with one warning", () => {
  const foreignPycrdt = guarded({ pycrdt: "0.15.0" });
  assert.equal(foreignPycrdt.before.gate, false);
  assert.equal(foreignPycrdt.first, true, "the durability fixes were refused for pycrdt alone");
  assert.equal(foreignPycrdt.after_first.gate, false, "the gate is on with a foreign pycrdt");
  assert.equal(foreignPycrdt.after_first.batching, true);
  assert.equal(foreignPycrdt.warnings.length, 1);
  assert.match(foreignPycrdt.warnings[0], /NOT held back, the gate was tested with other versions: pycrdt 0\.15\.0 \(written for 0\.14\.13\)/);
});

test("the versions the fixes were written for are the ones requirements.txt pins", () => {
  const writtenFor = result.written_for;
  const pins = new Map(
    readFileSync(join(REPO_ROOT, "requirements.txt"), "utf8")
      .split("\n")
      .map((line) => line.match(/^([A-Za-z0-9_.-]+)==(\S+)$/))
      .filter(Boolean)
      .map(([, name, pinned]) => [name.toLowerCase().replace(/[_.]/g, "-"), pinned]),
  );
  for (const [name, version] of Object.entries(writtenFor)) assert.equal(pins.get(name), version, `${name} pinned differently`);
});
