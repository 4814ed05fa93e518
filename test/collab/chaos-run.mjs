// One chaos run against the real server (scripts/start.sh, with jupyter-collaboration and
// pmxlab's server extension): clients edit one notebook at random, request saves often and
// drop their connections, while the server is restarted five times, three of them SIGKILL
// while saves are in flight. Shared by chaos.test.mjs (one seed, in CI) and soak.mjs (many).
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import * as prng from "lib0/prng";
import { ChaosEditor, EditLedger } from "./editor.mjs";
import { startCollabServer } from "./server.mjs";

export const CLIENTS = 14;
/**
 * Each client edits every 5–35 ms; with the server restarts and reconnections that is about
 * 250–280 edits/s in total on a quiet two-core machine (all clients share one Node process,
 * which is the limit; the server idles).
 */
const STEP_MS = [5, 35];
/** Chance that a client's step is a save request, and that it is a 0.3–2 s disconnect. */
const SAVE_CHANCE = 0.12;
const DISCONNECT_CHANCE = 0.02;
/** Server uptime between two restarts (the restarts themselves take several seconds). */
const UPTIME_MS = 5_000;
/**
 * The restarts of a run, in order: crashes (SIGKILL, sent while every client's save request
 * is in flight), a stop signal, and last a clean stop (`api/shutdown`) that loses the server's record
 * of past sessions, so it refuses the clients' session ids (close 1003) as it does after
 * more than 10 restarts or an upgrade. Until that last one no client may be made to reload.
 */
export const RESTARTS = ["SIGKILL", "SIGTERM", "SIGKILL", "SIGKILL", "shutdown, sessions forgotten"];
const PATH = "chaos.ipynb";

/**
 * Runs the chaos scenario with `seed` and resolves with what happened:
 * `{ edits, acknowledged, lost, missing, duplicatedIds, fileDiffers, agreed, onDisk, saves,
 * killsWithSavesInFlight, reloadsBeforeForgotten, reloads, faults, seconds, rootDir }`.
 * `lost` are acknowledged edits missing from the final notebook, `missing` all missing edits
 * not dropped by design (deleted or moved cells). The server's root folder (file, Y store,
 * logs) is removed unless `keepRoot(result)` says otherwise; `startTimeoutMs` bounds each
 * server start (a soak at low priority on a busy machine needs more than the default).
 *
 * @example
 *   const result = await runChaos({ seed: 7 });
 *   console.log(result.acknowledged.length, result.lost.length);
 */
export async function runChaos({ seed, keepRoot = (result) => result.lost.length > 0, startTimeoutMs }) {
  const server = await startCollabServer("chaos", { keepRoot: true, startTimeoutMs });
  const editors = [];
  let result;
  try {
    writeFileSync(join(server.rootDir, PATH), JSON.stringify(startingNotebook()));
    const ledger = new EditLedger();
    for (let i = 0; i < CLIENTS; i++) {
      const name = `c${String(i).padStart(2, "0")}`;
      editors.push(new ChaosEditor({ name, seed: seed + i, server, path: PATH, ledger }));
    }
    await Promise.all(editors.map((editor) => editor.client.connect()));

    const faults = { disconnects: 0, restarts: 0 };
    const killsWithSavesInFlight = [];
    let reloadsBeforeForgotten = 0;
    let editing = true;
    const rng = prng.create(seed * 17);
    const started = Date.now();
    const restarts = (async () => {
      for (const how of RESTARTS) {
        await sleep(UPTIME_MS);
        const forgotten = how.includes("forgotten");
        if (forgotten) reloadsBeforeForgotten = reloads(editors);
        const signal = how.split(",")[0];
        if (signal === "SIGKILL") {
          // clients come back slowly after the previous restart on a busy machine: wait for
          // half of them (up to a minute), so the kill finds their save requests in flight
          const online = () => editors.filter((editor) => editor.client.connected).length;
          for (const deadline = Date.now() + 60_000; online() < CLIENTS / 2 && Date.now() < deadline; ) await sleep(100);
          for (const editor of editors) if (editor.client.connected) editor.save();
          await sleep(prng.int32(rng, 0, 30));
          killsWithSavesInFlight.push(editors.reduce((n, editor) => n + editor.client.pendingSaves.size, 0));
        }
        const sessions = join(server.rootDir, ".pmxlab", "collaboration", "sessions.json");
        await server.restart(signal, { whileStopped: () => forgotten && rmSync(sessions) });
        faults.restarts += 1;
      }
      await sleep(UPTIME_MS);
      editing = false;
    })();
    await Promise.all([restarts, ...editors.map((editor, i) => edit(editor, prng.create(seed * 31 + i), () => editing, faults))]);
    const seconds = (Date.now() - started) / 1000;

    // quiescence: everyone online and synced, then one more save
    const agreed = await waitUntilAgreed(editors, 180_000);
    const finalSave = await editors[0].client.save(30_000);
    const onDisk = JSON.parse(readFileSync(join(server.rootDir, PATH), "utf8")).cells.map(comparableCell);

    const edits = editors.flatMap((editor) => editor.edits);
    const missing = edits.filter((edit) => !ledger.excused(edit) && !present(edit, agreed));
    const ids = agreed.map((cell) => cell.id);
    const sum = (key) => editors.reduce((total, editor) => total + editor.saves[key], 0);
    result = {
      seed,
      edits,
      excused: edits.filter((edit) => ledger.excused(edit)),
      acknowledged: edits.filter((edit) => edit.acknowledged),
      missing,
      lost: missing.filter((edit) => edit.acknowledged),
      describe: (edit) =>
        `${edit.token} (${edit.kind} of cell ${edit.cellId}${agreed.some((c) => c.id === edit.cellId) ? "" : ", cell missing"}${ledger.moved.has(edit.cellId) ? ", cell moved" : ""})`,
      duplicatedIds: ids.filter((id, i) => ids.indexOf(id) !== i),
      agreed,
      onDisk,
      finalSave,
      saves: { requested: sum("requested"), succeeded: sum("succeeded"), failed: sum("failed"), unanswered: sum("unanswered") },
      killsWithSavesInFlight,
      reloadsBeforeForgotten,
      reloads: reloads(editors),
      faults,
      seconds,
      rootDir: server.rootDir,
    };
    return result;
  } finally {
    for (const editor of editors) editor.client.provider && editor.client.destroy();
    await server.stop();
    if (result && !keepRoot(result)) rmSync(server.rootDir, { recursive: true, force: true });
  }
}

/** The figures of a run in a few lines. */
export function summary(result) {
  const { edits, acknowledged, lost, missing, saves, faults, seconds } = result;
  return [
    `chaos seed ${result.seed}: ${CLIENTS} clients, ${edits.length} edits in ${seconds.toFixed(0)} s (${(edits.length / seconds).toFixed(0)} edits/s; ${result.excused.length} dropped by design: deleted or moved cells)`,
    `${acknowledged.length} acknowledged by ${saves.succeeded} successful saves (${saves.requested} requested, ${saves.failed} failed, ${saves.unanswered} unanswered: connection closed first)`,
    `faults: ${faults.disconnects} disconnects, ${faults.restarts} restarts (${RESTARTS.join(", ")}), saves in flight at each SIGKILL: ${result.killsWithSavesInFlight.join(", ")}; session reloads (close 1003): ${result.reloadsBeforeForgotten} before the forgotten sessions, ${result.reloads} in all`,
    `final notebook: ${result.agreed.length} cells; edits lost: ${lost.length} acknowledged, ${missing.length - lost.length} unacknowledged`,
  ].join("\n");
}

/** One editor's run: edits every 20–80 ms, often a save, sometimes a 0.3–2 s outage. */
async function edit(editor, rng, editing, faults) {
  while (editing()) {
    await sleep(prng.int32(rng, ...STEP_MS));
    if (editor.rejected) await editor.reload();
    const roll = prng.real53(rng);
    if (roll < SAVE_CHANCE && editor.client.connected) {
      editor.save(); // the reply comes while this editor goes on editing
    } else if (roll < SAVE_CHANCE + DISCONNECT_CHANCE && editor.client.connected) {
      faults.disconnects += 1;
      editor.client.disconnect();
      setTimeout(() => editor.client.reconnect(), prng.int32(rng, 300, 2000));
    } else {
      editor.step();
    }
  }
}

function reloads(editors) {
  return editors.reduce((n, editor) => n + editor.reloads, 0);
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
    if (Date.now() > deadline) throw new Error("clients did not converge to one notebook");
    await sleep(200);
  }
}

/** A cell as both the file and the shared model hold it: id, source, metadata without the
 * trust mark (the contents manager adds it on load and strips it on save). */
export function comparableCell(cell) {
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
