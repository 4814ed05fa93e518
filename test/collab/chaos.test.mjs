// Chaos test of real-time collaboration against the real server (scripts/start.sh, with
// jupyter-collaboration and pmxlab's server extension): 12 clients edit one notebook at
// random while connections drop and the server is restarted four ways; afterwards every
// client holds the same notebook, the file on disk equals it, no cell id is duplicated and
// no acknowledged edit is lost. Seed: PMXLAB_CHAOS_SEED (the order of events across clients
// still depends on timing).
import assert from "node:assert/strict";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import * as prng from "lib0/prng";
import { ChaosEditor, EditLedger } from "./editor.mjs";
import { startCollabServer } from "./server.mjs";

const SEED = Number(process.env.PMXLAB_CHAOS_SEED ?? 20261125);
const CLIENTS = 12;
const RUN_MS = 45_000;
/**
 * Restarts in the run: a clean stop, a stop signal, a crash (no chance to save), and a stop
 * that loses the server's record of past sessions, so it refuses the clients' session ids
 * (close 1003) as it does after more than 10 restarts or an upgrade.
 */
const RESTARTS = ["shutdown", "SIGTERM", "SIGKILL", "shutdown, sessions forgotten"];
const PATH = "chaos.ipynb";

test("collaborators never lose acknowledged edits through disconnects and server restarts", { timeout: 240_000 }, async () => {
  // The root folder (file, Y store, server logs) is kept when the test fails, for diagnosis.
  const server = await startCollabServer("chaos", { keepRoot: true });
  const editors = [];
  let passed = false;
  try {
    writeFileSync(join(server.rootDir, PATH), JSON.stringify(startingNotebook()));
    const ledger = new EditLedger();
    for (let i = 0; i < CLIENTS; i++) {
      const name = `c${String(i).padStart(2, "0")}`;
      editors.push(new ChaosEditor({ name, seed: SEED + i, server, path: PATH, ledger }));
    }
    await Promise.all(editors.map((editor) => editor.client.connect()));

    const faults = { disconnects: 0, restarts: 0 };
    const started = Date.now();
    const running = () => Date.now() - started < RUN_MS;
    const restarts = (async () => {
      for (const [i, how] of RESTARTS.entries()) {
        await sleep(started + ((i + 1) * RUN_MS) / (RESTARTS.length + 1) - Date.now());
        const sessions = join(server.rootDir, ".pmxlab", "collaboration", "sessions.json");
        await server.restart(how.split(",")[0], { whileStopped: () => how.includes("forgotten") && rmSync(sessions) });
        faults.restarts += 1;
      }
    })();
    await Promise.all([restarts, ...editors.map((editor, i) => edit(editor, prng.create(SEED * 31 + i), running, faults))]);

    // quiescence: everyone online and synced, then one more save
    const agreed = await waitUntilAgreed(editors, 30_000);
    assert.equal(await editors[0].client.save(), "success");
    const onDisk = JSON.parse(readFileSync(join(server.rootDir, PATH), "utf8"));

    const edits = editors.flatMap((editor) => editor.edits);
    const missing = edits.filter((edit) => !ledger.excused(edit) && !present(edit, agreed));
    const acknowledged = edits.filter((edit) => edit.acknowledged);
    const lost = missing.filter((edit) => edit.acknowledged);
    const sum = (key) => editors.reduce((total, editor) => total + editor.saves[key], 0);
    console.log(
      [
        `chaos seed ${SEED}: ${CLIENTS} clients, ${edits.length} edits (${edits.filter((e) => ledger.excused(e)).length} dropped by design: deleted or moved cells)`,
        `${acknowledged.length} acknowledged by ${sum("succeeded")} successful saves (${sum("requested")} requested)`,
        `faults: ${faults.disconnects} disconnects, ${faults.restarts} restarts (${RESTARTS.join(", ")}), ${editors.reduce((n, e) => n + e.reloads, 0)} session reloads (close 1003)`,
        `final notebook: ${agreed.length} cells; edits lost: ${lost.length} acknowledged, ${missing.length - lost.length} unacknowledged`,
      ].join("\n"),
    );
    const ids = agreed.map((cell) => cell.id);
    assert.deepEqual(ids.filter((id, i) => ids.indexOf(id) !== i), [], "cell ids duplicated in the shared notebook");
    assert.deepEqual(onDisk.cells.map(comparableCell), agreed, "the saved file differs from the shared notebook");
    const describe = (edit) =>
      `${edit.token} (${edit.kind} of cell ${edit.cellId}${agreed.some((c) => c.id === edit.cellId) ? "" : ", cell missing"}${ledger.moved.has(edit.cellId) ? ", cell moved" : ""})`;
    assert.deepEqual(lost.map(describe), [], "acknowledged edits lost");
    assert.ok(acknowledged.length > CLIENTS, `too few acknowledged edits (${acknowledged.length}) for the test to mean anything`);
    passed = true;
  } finally {
    for (const editor of editors) editor.client.provider && editor.client.destroy();
    await server.stop();
    if (passed) rmSync(server.rootDir, { recursive: true, force: true });
    else console.log(`kept for diagnosis (notebook, Y store, server logs): ${server.rootDir}`);
  }
});

/** One editor's run: edits every 80–300 ms, sometimes a save, sometimes a 0.3–2 s outage. */
async function edit(editor, rng, running, faults) {
  while (running()) {
    await sleep(prng.int32(rng, 40, 200));
    if (editor.rejected) await editor.reload();
    const roll = prng.real53(rng);
    if (roll < 0.1 && editor.client.connected) {
      editor.save(); // the reply comes while this editor goes on editing
    } else if (roll < 0.13 && editor.client.connected) {
      faults.disconnects += 1;
      editor.client.disconnect();
      setTimeout(() => editor.client.reconnect(), prng.int32(rng, 300, 2000));
    } else {
      editor.step();
    }
  }
}

/** Brings every client online (reloading refused sessions) and resolves with the cells
 * once all clients hold the same notebook. */
async function waitUntilAgreed(editors, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for (const editor of editors) {
      if (editor.rejected) await editor.reload();
      else if (!editor.client.provider.shouldConnect) editor.client.reconnect();
    }
    const views = editors.map((editor) => editor.notebook.cells.map((cell) => comparableCell(cell.toJSON())));
    const first = JSON.stringify(views[0]);
    const online = editors.every((editor) => editor.client.connected);
    if (online && views.every((view) => JSON.stringify(view) === first)) return views[0];
    if (Date.now() > deadline) assert.fail("clients did not converge to one notebook");
    await sleep(200);
  }
}

/** A cell as both the file and the shared model hold it: id, source, metadata without the
 * trust mark (the contents manager adds it on load and strips it on save). */
function comparableCell(cell) {
  const { trusted, ...metadata } = cell.metadata ?? {};
  const source = Array.isArray(cell.source) ? cell.source.join("") : cell.source;
  return { id: cell.id, source, metadata: sortKeys(metadata) };
}

function present(edit, cells) {
  const cell = cells.find((c) => c.id === edit.cellId);
  if (!cell) return false;
  return edit.kind === "metadata" ? cell.metadata[edit.token] === true : cell.source.includes(edit.token);
}

function startingNotebook() {
  const cell = (id, source) => ({ cell_type: "code", id, source, metadata: {}, outputs: [], execution_count: null });
  return { nbformat: 4, nbformat_minor: 5, metadata: {}, cells: [cell("start-0", "# shared cell 0\n"), cell("start-1", "# shared cell 1\n")] };
}

function sortKeys(object) {
  return Object.fromEntries(Object.entries(object).sort(([a], [b]) => a.localeCompare(b)));
}

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
}
