// The two ways a save reply could say "success" before the file held the client's edits
// (issue 18), each forced on purpose against the real server:
// - a save request sent right behind a burst of the same client's updates, which wait in the
//   handler's message queue for the room's serve loop while upstream handles the save at once;
// - a save that another client's edits, arriving while it runs, would cancel (upstream's
//   debounced save task swallows the cancellation and the reply still says "success").
// Each reply is checked against the file as it is on disk when the reply arrives.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { connectedClient } from "./client.mjs";
import { codeCell, savedText, writeNotebook } from "./files.mjs";
import { startCollabServer } from "./server.mjs";

const ROUNDS = 8;
const BURST = 300; // updates sent in one go before each save request

let server;
const clients = [];
before(async () => {
  server = await startCollabServer("save-order");
});
after(async () => {
  for (const client of clients) client.destroy();
  await server.stop();
});

test("a save request queued behind the client's own updates answers success only with all of them in the file", { timeout: 120_000 }, async () => {
  const path = newNotebook("queued.ipynb", 1);
  const client = await open(path);
  for (let round = 0; round < ROUNDS; round++) {
    const tokens = Array.from({ length: BURST }, (_, i) => `queued-${round}-${i}`);
    const cell = client.notebook.cells[0];
    for (const token of tokens) cell.updateSource(cell.getSource().length, cell.getSource().length, `# ${token}\n`);
    const status = await client.save(); // sent on the same socket right behind the 300 updates
    assert.equal(status, "success");
    const onDisk = fileText(path);
    assert.deepEqual(tokens.filter((token) => !onDisk.includes(token)), [], `round ${round}: acknowledged updates missing from the file at the reply`);
  }
});

test("a save that other clients' edits interrupt answers success only with the edit in the file", { timeout: 120_000 }, async () => {
  // a large notebook makes each write take a while, so the other client's edits land during it
  const path = newNotebook("cancelled.ipynb", 400);
  const saver = await open(path);
  const typist = await open(path);
  for (let round = 0; round < ROUNDS; round++) {
    const token = `saved-${round}`;
    const cell = saver.notebook.cells[0];
    cell.updateSource(cell.getSource().length, cell.getSource().length, `# ${token}\n`);
    const reply = saver.save();
    const typing = setInterval(() => {
      const other = typist.notebook.cells[1 + (round % 399)];
      other.updateSource(other.getSource().length, other.getSource().length, "x");
    }, 1);
    let status;
    try {
      status = await reply;
    } finally {
      clearInterval(typing);
    }
    const onDisk = fileText(path);
    if (status === "success") assert.ok(onDisk.includes(token), `round ${round}: "success" but ${token} is not in the file`);
    else assert.equal(status, "failed");
  }
});

function newNotebook(path, cellCount) {
  // padded sources make the file large, so each write takes a while
  const cells = Array.from({ length: cellCount }, (_, i) => codeCell(`cell-${i}`, `# cell ${i}\n${"// padding\n".repeat(40)}`));
  return writeNotebook(server.rootDir, path, cells);
}

function open(path) {
  return connectedClient(server, path, clients);
}

function fileText(path) {
  return savedText(server.rootDir, path);
}
