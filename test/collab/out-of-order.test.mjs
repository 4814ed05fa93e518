// A client's change can reach the server ahead of an earlier change of the same client (its
// offline edits travel in the sync reply, while y-websocket sends new edits as soon as the
// socket opens). pycrdt 0.14 (yrs 0.27, y-crdt/y-crdt#632) integrates the later change at once
// where yjs would hold it back; for a cell moved twice (a move deletes the cell and inserts a
// clone with its id) the second move arriving first leaves two cells with the cell's id until
// the first arrives. Upstream's YNotebook.get (every save) then renamed the later copy in the
// shared document, so the cell came out of it with a random id (seen in a chaos run). pmxlab's
// server extension de-duplicates only what it writes (durability.py, fix 9). The updates are
// made here with yjs, as the clients make them; the server side runs on the installed packages.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { test } from "node:test";
import * as Y from "yjs";
import { moveCell, newCell, newNotebook, recorded } from "./yjs-notebook.mjs";

const REPO_ROOT = new URL("../..", import.meta.url).pathname;
const PYTHON = join(REPO_ROOT, ".venv", "bin", "python");
const CELL = "c08-cell445";

/** The updates of one client that types into its cell and moves it twice (@jupyter/ydoc's moveCell: one transaction). */
function clientUpdates() {
  const owner = new Y.Doc();
  Y.applyUpdate(owner, Y.encodeStateAsUpdate(newNotebook(9, ["o1", "o2", "o3"])));
  const cells = owner.getArray("cells");
  cells.insert(0, [newCell(CELL, "# first line\n")]);
  const base = Y.encodeStateAsUpdate(owner);
  const typed = recorded(owner, () => cells.get(0).get("source").insert(13, "# typed\n"));
  const firstMove = moveCell(owner, 0, 2);
  const typedAfter = recorded(owner, () => cells.get(2).get("source").insert(21, "# typed after the move\n"));
  const secondMove = moveCell(owner, 2, 3);
  const hex = (u) => Buffer.from(u).toString("hex");
  return {
    base: hex(base),
    secondMove: hex(secondMove),
    earlier: hex(Y.mergeUpdates([typed, firstMove, typedAfter])),
    expected: cells.toArray().map((c) => [c.get("id"), c.get("source").toString()]),
  };
}

const SCRIPT = `
import json, logging, sys, warnings
from pycrdt import Array, Doc
from jupyter_ydoc import YNotebook
from pmxlab_jupyterlab.collaboration.durability import install_durability

updates = {k: bytes.fromhex(v) for k, v in json.loads(sys.stdin.read()).items() if k != "expected"}
install_durability(logging.getLogger("check"), lambda: None)
doc = Doc()
notebook = YNotebook(doc)
edits = []
cells = lambda: [(c.get("id"), str(c.get("source"))) for c in doc.get("cells", type=Array)]
doc.apply_update(updates["base"])
doc.apply_update(updates["secondMove"])  # ahead of the first move
while_both = cells()
doc.observe(lambda event: edits.append(event.update.hex()))
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    saved = notebook.get()  # what a save writes
    saved_again = notebook.get()
document_edits = list(edits)
doc.apply_update(updates["earlier"])
print(json.dumps({
    "while_both": while_both,
    "saved_ids": [c["id"] for c in saved["cells"]],
    "saved_again_ids": [c["id"] for c in saved_again["cells"]],
    "warned": [str(w.message) for w in caught],
    "document_edits_by_the_save": document_edits,
    "final": cells(),
    "final_saved_ids": [c["id"] for c in notebook.get()["cells"]],
}))
`;

test("a cell's second move arriving before its first leaves the cell its id (a save never renames a cell in the shared document)", () => {
  const updates = clientUpdates();
  const seen = JSON.parse(execFileSync(PYTHON, ["-c", SCRIPT], { input: JSON.stringify(updates), encoding: "utf8", timeout: 60_000 }));
  // The upstream behaviour this guards against is still there: both copies live for a while
  // (if pycrdt holds the early change back one day, this fails and fix 9 can go).
  assert.deepEqual(seen.while_both.map(([id]) => id).filter((id) => id === CELL).length, 2, `two cells hold the id: ${JSON.stringify(seen.while_both)}`);
  // The save writes one cell per id, the same ids on every save, says why, and edits nothing.
  assert.equal(new Set(seen.saved_ids).size, seen.saved_ids.length, `unique ids in what is saved: ${seen.saved_ids}`);
  assert.deepEqual(seen.saved_again_ids, seen.saved_ids, "the same ids on the next save");
  assert.ok(seen.warned.some((m) => m.includes(CELL) && m.includes("y-crdt#632")), `a warning names the cell: ${seen.warned}`);
  assert.deepEqual(seen.document_edits_by_the_save, [], "saving edited the shared document");
  // Once the first move arrives, the document is the client's, ids included.
  assert.deepEqual(seen.final, updates.expected, "the server's notebook after both moves");
  assert.deepEqual(seen.final_saved_ids, ["o1", "o2", "o3", CELL]);
});
