// The server killed (SIGKILL, no cleanup) at each dangerous point of a save, by its own crash
// points (PMXLAB_COLLAB_CRASH="<point>:<marker>", extension/.../collaboration/crash_points.py):
// right after a "success" reply, between the file write and anything after it, inside a Y
// store transaction, and during the first save after a restart. After the restart no
// acknowledged edit is missing, the clients keep their session (no close 1003: the file the
// server wrote is recognised as its own) and no cell is held twice.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { after, before, beforeEach, test } from "node:test";
import { NotebookClient, connectedClient } from "./client.mjs";
import { codeCell, savedText, writeNotebook } from "./files.mjs";
import { startCollabServer } from "./server.mjs";

const REPO_ROOT = new URL("../..", import.meta.url).pathname;
const PYTHON = join(REPO_ROOT, ".venv", "bin", "python");
const CRASH = "PMXLAB_COLLAB_CRASH";

let server;
const clients = [];
before(async () => {
  server = await startCollabServer("kill-points", { keepRoot: true });
});
beforeEach(() => {
  for (const client of clients.splice(0)) client.destroyed || client.destroy();
});
after(async () => {
  for (const client of clients) client.destroyed || client.destroy();
  await server.stop();
});

test("killed right after a save reply: the acknowledged edit is in the file, the client keeps its session", { timeout: 120_000 }, async () => {
  const path = newNotebook("replied.ipynb");
  await server.restart("shutdown", { env: { [CRASH]: "save-replied:marker-replied" } });
  const client = await open(path);
  type(client, "marker-replied");
  assert.equal(await client.save(), "success");
  await crashed();
  await server.restart("crashed");
  await agreedOnline([client]);
  assert.ok(fileHolds(path, "marker-replied"), "the acknowledged edit is missing from the file");
  assert.equal(client.rejections, 0, "the client was made to reload");
  assertOnce(client, "marker-replied");
});

test("killed between the file write and the reply while another client types: the file is the server's own, nobody reloads", { timeout: 120_000 }, async () => {
  const path = newNotebook("written.ipynb");
  await server.restart("shutdown", { env: { [CRASH]: "file-written:marker-written" } });
  const saver = await open(path);
  const typist = await open(path);
  const typing = typeUntilClosed(typist, "typed");
  type(saver, "marker-written");
  await assert.rejects(saver.save(), "the save is not answered: the server died after writing");
  await crashed();
  const typed = await typing;
  await server.restart("crashed");
  await agreedOnline([saver, typist]);
  assert.equal(saver.rejections + typist.rejections, 0, "a client was made to reload for the server's own write");
  assert.equal(await saver.save(), "success");
  assert.ok(fileHolds(path, "marker-written"), "the saved edit is missing from the file");
  for (const token of typed) assertOnce(typist, token);
});

test("killed inside a Y store transaction: acknowledged edits stay, the store opens again, the unsaved edit comes back from its client", { timeout: 120_000 }, async () => {
  const path = newNotebook("batch.ipynb");
  await server.restart("shutdown", { env: { [CRASH]: "store-batch:marker-batch" } });
  const client = await open(path);
  type(client, "acknowledged-batch");
  assert.equal(await client.save(), "success");
  type(client, "marker-batch");
  await crashed();
  await server.restart("crashed");
  await agreedOnline([client]);
  assert.equal(client.rejections, 0, "the client was made to reload");
  assert.ok(fileHolds(path, "acknowledged-batch"), "the acknowledged edit is missing from the file");
  assert.equal(await client.save(), "success");
  assert.ok(fileHolds(path, "marker-batch"), "the resent edit is missing from the file");
  assertOnce(client, "marker-batch");
});

for (const point of ["store-committed", "file-written"]) {
  test(`killed at ${point} during the first save after a restart: the edit only the store held reaches the file`, { timeout: 180_000 }, async () => {
    const path = newNotebook(`first-save-${point}.ipynb`);
    const marker = `marker-first-${point}`;
    // first run: the automatic save commits the store, then the server dies before writing
    await server.restart("shutdown", { env: { [CRASH]: `store-committed:${marker}` } });
    const writer = await open(path);
    type(writer, marker);
    await crashed();
    writer.destroy(); // gone for good: the edit now exists only in the store
    assert.ok(storeHolds(marker) && !fileHolds(path, marker), "the store, not the file, holds the edit");
    // second run: opening the notebook saves the store's edit to the file, and dies at `point`
    await server.restart("crashed", { env: { [CRASH]: `${point}:${marker}` } });
    const opener = new NotebookClient(server, path);
    clients.push(opener);
    const opening = opener.connect();
    await crashed();
    opener.destroy();
    opening.catch(() => {}); // never synced: the server died while loading the room
    // third run
    await server.restart("crashed");
    const reader = await open(path);
    assertOnce(reader, marker);
    assert.equal(reader.rejections, 0);
    assert.ok(fileHolds(path, marker), "the edit is missing from the file after the restore");
  });
}

function newNotebook(path) {
  return writeNotebook(server.rootDir, path, [codeCell("only", "# start\n")]);
}

function open(path) {
  return connectedClient(server, path, clients);
}

/** Appends a line holding `token` to the first cell. */
function type(client, token) {
  const cell = client.notebook.cells[0];
  const end = cell.getSource().length;
  cell.updateSource(end, end, `# ${token}\n`);
}

/** Types a new token every 2 ms until the connection closes; resolves with the tokens typed. */
function typeUntilClosed(client, prefix) {
  const typed = [];
  return new Promise((resolve) => {
    const timer = setInterval(() => {
      if (!client.provider.wsconnected) {
        clearInterval(timer);
        return resolve(typed);
      }
      typed.push(`${prefix}-${typed.length}`);
      type(client, typed.at(-1));
    }, 2);
  });
}

async function crashed() {
  await until(() => server.exited(), "the server killed itself at its crash point");
}

/** Every client online and holding the same first-cell source. */
async function agreedOnline(all) {
  await until(() => all.every((client) => client.connected) && new Set(all.map((c) => c.notebook.cells.map((x) => x.getSource()).join("|"))).size === 1, "the clients are online and agree");
}

function assertOnce(client, token) {
  const ids = client.notebook.cells.map((cell) => cell.id);
  assert.deepEqual(ids.filter((id, i) => ids.indexOf(id) !== i), [], "a cell is held twice");
  const text = client.notebook.cells.map((cell) => cell.getSource()).join("");
  assert.equal(text.split(`# ${token}\n`).length - 1, 1, `${token} is not in the document exactly once`);
}

function fileHolds(path, token) {
  return savedText(server.rootDir, path).includes(token);
}

/** Whether a committed row of the Y store holds `token` (read with Python's sqlite3). */
function storeHolds(token) {
  const script = `import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
print(any(sys.argv[2].encode() in row[0] for row in db.execute("SELECT yupdate FROM yupdates")))`;
  const db = join(server.rootDir, ".pmxlab", "collaboration", "ystore.db");
  return execFileSync(PYTHON, ["-c", script, db, token], { encoding: "utf8" }).trim() === "True";
}

async function until(probe, what, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (!probe()) {
    if (Date.now() > deadline) assert.fail(`not reached within ${timeoutMs / 1000} s: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
