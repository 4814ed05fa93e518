// A notebook room reads its document (to save it, or to compare it with the file) while
// clients' edits keep arriving. jupyter_ydoc's YNotebook.aget reads cell by cell across
// event-loop turns, so an edit landing midway made it miss or repeat cells, and "correct" a
// repeated cell by renaming the live one (the chaos test lost cells that way). pmxlab's
// server extension makes the read happen in one go; this checks it on the installed packages.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { test } from "node:test";

const REPO_ROOT = new URL("../..", import.meta.url).pathname;
const PYTHON = join(REPO_ROOT, ".venv", "bin", "python");

// Six cells; while aget runs, another task inserts a cell at the top and edits one below it.
const SCRIPT = `
import asyncio, json, logging, warnings
from pycrdt import Doc
from jupyter_ydoc import YNotebook
from pmxlab_jupyterlab.collaboration.durability import install_durability

install_durability(logging.getLogger("check"), lambda: None)

def cell(id, source):
    return {"cell_type": "code", "id": id, "source": source, "metadata": {}, "outputs": [], "execution_count": None}

async def main():
    nb = YNotebook(Doc())
    nb.set({"cells": [cell(f"c{i}", "x") for i in range(6)], "metadata": {}, "nbformat": 4, "nbformat_minor": 5})
    async def edit_meanwhile():
        for _ in range(3):
            await asyncio.sleep(0)
        nb._ycells.insert(0, nb.create_ycell(cell("new", "y")))
        nb._ycells[2]["source"] += " edited"
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        read, _ = await asyncio.gather(nb.aget(), edit_meanwhile())
    print(json.dumps({"read": [c["id"] for c in read["cells"]], "after": [c["id"] for c in nb._ycells.to_py()]}))

asyncio.run(main())
`;

test("the server reads a notebook whole while edits arrive: every cell once, no cell renamed", () => {
  const { read, after } = JSON.parse(execFileSync(PYTHON, ["-c", SCRIPT], { encoding: "utf8" }));
  const before = ["c0", "c1", "c2", "c3", "c4", "c5"];
  assert.deepEqual(after, ["new", ...before], "the document's cell ids changed");
  assert.ok(
    JSON.stringify(read) === JSON.stringify(before) || JSON.stringify(read) === JSON.stringify(after),
    `the read mixes two states of the document: ${read.join(", ")}`,
  );
});
