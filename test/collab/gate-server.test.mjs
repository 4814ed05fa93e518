// The gate on the real server: a client that reconnects with offline edits sends its newest
// edit (here a cell's second move) as soon as the socket opens, ahead of the sync step 2 that
// carries the earlier ones. The server must hold the early edit back (pycrdt 0.14 alone
// integrates it, y-crdt/y-crdt#632), apply it once the earlier edits arrive, record it in the
// Y store and send it to the other clients; a save the client requested in between answers
// only then, or "failed" when the earlier edits do not come. The client here speaks
// y-protocols itself (yjs document, lib0 encoding) so that the test decides what is sent when;
// another client is a normal y-websocket one.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import WebSocket from "ws";
import * as Y from "yjs";
import { connectedClient, openSession } from "./client.mjs";
import { codeCell, writeNotebook } from "./files.mjs";
import { startCollabServer } from "./server.mjs";
import { cellsOf, moveCell, newCell, recorded } from "./yjs-notebook.mjs";

const REPO_ROOT = new URL("../..", import.meta.url).pathname;
const PYTHON = join(REPO_ROOT, ".venv", "bin", "python");
const [SYNC, AWARENESS, RAW] = [0, 1, 2];
const [STEP1, STEP2, UPDATE] = [0, 1, 2];
/** The server's BARRIER_TIMEOUT_S (saving.py): the longest a save waits for held changes. */
const SAVE_WAIT_S = 30;

let server;
const clients = [];
before(async () => {
  server = await startCollabServer("gate");
});
after(async () => {
  for (const client of clients) client.destroy();
  await server.stop();
});

/**
 * A client that speaks y-protocols over the room's websocket itself: `send(kind, update)`
 * sends a sync message, `save()` a RAW save request (resolves with the reply's status), and
 * the server's updates are applied to `doc`.
 */
class RawClient {
  static async open(path, clientID) {
    const { fileId, sessionId } = await openSession(server, path);
    const client = new RawClient(clientID, `json:notebook:${fileId}`, fileId);
    const url = `${server.baseUrl.replace(/^http/, "ws")}/api/collaboration/room/${client.room}?sessionId=${sessionId}&token=${server.token}`;
    client.ws = new WebSocket(url);
    client.ws.on("message", (data) => client.#receive(new Uint8Array(data)));
    client.closed = new Promise((resolve) => client.ws.once("close", (code) => resolve(code)));
    await new Promise((resolve, reject) => {
      client.ws.once("open", resolve);
      client.ws.once("error", reject);
    });
    const synced = new Promise((resolve) => (client.onSynced = resolve));
    client.send(STEP1, Y.encodeStateVector(client.doc));
    await synced;
    return client;
  }

  constructor(clientID, room, fileId) {
    this.doc = new Y.Doc();
    this.doc.clientID = clientID;
    this.room = room;
    this.fileId = fileId;
    this.replies = new Map();
    this.nextSaveId = 1;
  }

  send(kind, update) {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, SYNC);
    encoding.writeVarUint(encoder, kind);
    encoding.writeVarUint8Array(encoder, update);
    this.ws.send(encoding.toUint8Array(encoder));
  }

  sendRaw(bytes) {
    this.ws.send(Uint8Array.from(bytes));
  }

  save(timeoutMs) {
    const id = this.nextSaveId++;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, RAW);
    encoding.writeVarString(encoder, "save");
    encoding.writeVarUint(encoder, id);
    this.ws.send(encoding.toUint8Array(encoder));
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`save ${id} not answered within ${timeoutMs} ms`)), timeoutMs);
      this.replies.set(id, (status) => {
        clearTimeout(timer);
        resolve(status);
      });
    });
  }

  close() {
    this.ws.close();
  }

  #receive(data) {
    const decoder = decoding.createDecoder(data);
    const type = decoding.readVarUint(decoder);
    if (type === SYNC) {
      const kind = decoding.readVarUint(decoder);
      if (kind === STEP1) return; // the server's state: this client sends its edits itself
      Y.applyUpdate(this.doc, decoding.readVarUint8Array(decoder), "server");
      if (kind === STEP2) this.onSynced?.();
    } else if (type === RAW) {
      const message = JSON.parse(decoding.readVarString(decoder));
      if (message.type === "save") this.replies.get(message.responseTo)?.(message.status);
    } else if (type !== AWARENESS) {
      throw new Error(`unexpected message type ${type}`);
    }
  }
}

test("a move sent ahead of the earlier edits is held, then applied, stored and broadcast once they arrive; the save in between waits for it", { timeout: 180_000 }, async () => {
  const path = writeNotebook(server.rootDir, "ahead.ipynb", ["o1", "o2", "o3"].map((id) => codeCell(id, `# ${id}\n`)));
  const watcher = await connectedClient(server, path, clients);
  const mover = await RawClient.open(path, 424242);
  try {
    const cells = mover.doc.getArray("cells");
    const insert = recorded(mover.doc, () => cells.insert(0, [newCell("moved", "# moved\n")]));
    mover.send(UPDATE, insert);
    await until(() => watcherIds(watcher).includes("moved"), "the watcher got the new cell");
    // offline: type, move, type, move again
    const typed = recorded(mover.doc, () => cells.get(0).get("source").insert(8, "# typed\n"));
    const firstMove = moveCell(mover.doc, 0, 2);
    const typedAfter = recorded(mover.doc, () => cells.get(2).get("source").insert(0, "# after the move\n"));
    const secondMove = moveCell(mover.doc, 2, 3);
    const before = cellsOf(watcher.notebook.ydoc);

    mover.send(UPDATE, secondMove); // the newest edit first, as y-websocket does on reconnecting
    const saved = mover.save(SAVE_WAIT_S * 1000 + 20_000);
    let answered = false;
    saved.then(() => (answered = true));
    await sleep(1500);
    assert.equal(answered, false, "the save answered while the move was held back");
    assert.deepEqual(cellsOf(watcher.notebook.ydoc), before, "the held move reached the other client");
    assert.equal(watcherIds(watcher).filter((id) => id === "moved").length, 1, "the cell is held twice");

    mover.send(STEP2, Y.mergeUpdates([typed, firstMove, typedAfter]));
    assert.equal(await saved, "success");
    const expected = cellsOf(mover.doc);
    await until(() => JSON.stringify(cellsOf(watcher.notebook.ydoc)) === JSON.stringify(expected), "the watcher got the released move");
    assert.deepEqual(fileIds(path), ["o1", "o2", "o3", "moved"], "the file at the save's reply");
    assert.match(fileText(path), /# after the move\n# moved\n# typed\n/);
    // the Y store holds what the document holds: replayed by yjs, it is the client's notebook
    assert.deepEqual(cellsOf(storedDoc(mover.fileId)), expected, "the Y store lacks the released move");
  } finally {
    mover.close();
  }
});

test(`a save whose connection's held edits never become applicable answers "failed" after ${SAVE_WAIT_S} s; the edits apply when the gap is filled`, { timeout: 180_000 }, async () => {
  const path = writeNotebook(server.rootDir, "gap.ipynb", [codeCell("g1", "# g1\n")]);
  const watcher = await connectedClient(server, path, clients);
  const typist = await RawClient.open(path, 515151);
  try {
    const source = () => typist.doc.getArray("cells").get(0).get("source");
    const first = recorded(typist.doc, () => source().insert(0, "# first\n"));
    const second = recorded(typist.doc, () => source().insert(0, "# second\n"));
    typist.send(UPDATE, second);
    const started = Date.now();
    assert.equal(await typist.save(SAVE_WAIT_S * 1000 + 20_000), "failed");
    const waited = (Date.now() - started) / 1000;
    assert.ok(waited >= SAVE_WAIT_S - 1 && waited < SAVE_WAIT_S + 15, `the save answered after ${waited.toFixed(1)} s`);
    assert.doesNotMatch(watcherText(watcher), /# second/);
    typist.send(UPDATE, first);
    await until(() => watcherText(watcher).startsWith("# second\n# first\n# g1"), "the watcher got both edits");
    assert.equal(await typist.save(20_000), "success");
  } finally {
    typist.close();
  }
});

test("a truncated update is dropped with one error in the log; it holds nothing and the connection goes on", { timeout: 120_000 }, async () => {
  const path = writeNotebook(server.rootDir, "garbage.ipynb", [codeCell("t1", "# t1\n")]);
  const watcher = await connectedClient(server, path, clients);
  const typist = await RawClient.open(path, 616161);
  try {
    const source = () => typist.doc.getArray("cells").get(0).get("source");
    const typed = recorded(typist.doc, () => source().insert(0, "# typed\n"));
    assert.ok(typed.length < 128, "the length fits one byte");
    typist.sendRaw([SYNC, UPDATE, typed.length, ...typed.slice(0, -6)]); // announces more than it carries
    const started = Date.now();
    assert.equal(await typist.save(20_000), "success");
    assert.ok(Date.now() - started < 10_000, "the save waited for a dropped update");
    const errors = logText().split("\n").filter((line) => line.includes("not a Yjs update"));
    assert.equal(errors.length, 1, errors.join("\n"));
    assert.match(errors[0], /dropped a sync message from .* that is not a Yjs update: sync message: truncated/);
    typist.send(UPDATE, typed);
    await until(() => watcherText(watcher).startsWith("# typed\n# t1"), "the watcher got the edit sent after the bad one");
  } finally {
    typist.close();
  }
});

test("a connection whose held edits pass the cap of 2 MiB is closed (1013) and they are dropped; the client's re-sync applies them", { timeout: 120_000 }, async () => {
  const path = writeNotebook(server.rootDir, "cap.ipynb", [codeCell("c1", "# c1\n")]);
  const watcher = await connectedClient(server, path, clients);
  const typist = await RawClient.open(path, 717171);
  const source = () => typist.doc.getArray("cells").get(0).get("source");
  const first = recorded(typist.doc, () => source().insert(0, "# first\n"));
  const long = recorded(typist.doc, () => source().insert(0, "y".repeat(2_200_000)));
  typist.send(UPDATE, long);
  assert.equal(await typist.closed, 1013, "the connection was not closed for the cap");
  assert.match(logText(), /bytes held back for .* pass the cap of 2097152 per connection/);
  assert.doesNotMatch(watcherText(watcher), /y/);
  const again = await RawClient.open(path, 818181); // the client reconnects: its sync step 2
  try {
    again.send(STEP2, Y.mergeUpdates([first, long]));
    await until(() => watcherText(watcher).startsWith(`${"y".repeat(2_200_000)}# first\n# c1`), "the watcher got the re-sent edits");
  } finally {
    again.close();
  }
});

async function until(condition, what, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await sleep(50);
  }
}

function watcherIds(client) {
  return client.notebook.ydoc.getArray("cells").toArray().map((cell) => cell.get("id"));
}

function watcherText(client) {
  return client.notebook.ydoc.getArray("cells").get(0).get("source").toString();
}

function fileIds(path) {
  return JSON.parse(readFileSync(join(server.rootDir, path), "utf8")).cells.map((cell) => cell.id);
}

function fileText(path) {
  return JSON.parse(readFileSync(join(server.rootDir, path), "utf8"))
    .cells.map((cell) => [cell.source].flat().join(""))
    .join("");
}

function logText() {
  return server.logFiles().map((file) => readFileSync(file, "utf8")).join("\n");
}

/**
 * The document the Y store's rows of the notebook `fileId` make (jupyter-server-ydoc stores
 * them under `.notebook:<fileId>.y`), replayed by yjs; the rows are read with Python's sqlite3.
 */
function storedDoc(fileId) {
  const path = `.notebook:${fileId}.y`;
  const rows = JSON.parse(
    execFileSync(PYTHON, ["-c", STORE_ROWS, join(server.rootDir, ".pmxlab", "collaboration", "ystore.db"), path], { encoding: "utf8" }),
  );
  assert.ok(rows.length > 0, `no Y store rows under ${path}`);
  const doc = new Y.Doc();
  for (const row of rows) Y.applyUpdate(doc, Buffer.from(row, "hex"));
  return doc;
}

const STORE_ROWS = `
import json, sqlite3, sys
db = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
checkpoint = db.execute("SELECT checkpoint, timestamp FROM ycheckpoints WHERE path = ?", (sys.argv[2],)).fetchone()
since = checkpoint[1] if checkpoint else 0
rows = db.execute("SELECT yupdate FROM yupdates WHERE path = ? AND timestamp >= ? ORDER BY rowid", (sys.argv[2], since)).fetchall()
print(json.dumps(([checkpoint[0].hex()] if checkpoint else []) + [row[0].hex() for row in rows]))
`;
