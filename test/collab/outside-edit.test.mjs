// A notebook edited outside the collaboration while the server is down: the file wins (as
// upstream intends), and the clients, whose history the reloaded room no longer shares, are
// refused (close 1003) and reload instead of merging their old history, which would
// duplicate every cell.
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { NotebookClient } from "./client.mjs";
import { startCollabServer } from "./server.mjs";

const PATH = "outside.ipynb";

test("a file changed while the server was down reloads the clients without duplicating cells", { timeout: 120_000 }, async () => {
  const server = await startCollabServer("outside");
  const clients = [];
  try {
    const file = join(server.rootDir, PATH);
    writeFileSync(file, JSON.stringify(notebook([cell("a", "# a\n")])));
    for (let i = 0; i < 2; i++) {
      const client = new NotebookClient(server, PATH, { onRejected: (rejected) => rejected.reload() });
      await client.connect();
      clients.push(client);
    }
    clients[0].notebook.insertCell(1, { cell_type: "code", id: "b", source: "# b\n" });
    assert.equal(await clients[0].save(), "success");

    await server.restart("shutdown", {
      whileStopped: () => {
        const saved = JSON.parse(readFileSync(file, "utf8"));
        saved.cells.push(cell("outside", "# edited in another program\n"));
        writeFileSync(file, JSON.stringify(saved));
      },
    });
    const ids = await waitFor(() => {
      const views = clients.map((client) => client.connected && client.notebook.cells.map((c) => c.id).join(","));
      return views.every((view) => view === "a,b,outside") && views[0];
    });
    assert.equal(ids, "a,b,outside");
    assert.ok(clients.every((client) => client.rejections === 1), "each client reloaded once");
  } finally {
    for (const client of clients) client.destroy();
    await server.stop();
  }
});

function cell(id, source) {
  return { cell_type: "code", id, source, metadata: {}, outputs: [], execution_count: null };
}

function notebook(cells) {
  return { nbformat: 4, nbformat_minor: 5, metadata: {}, cells };
}

async function waitFor(probe, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > deadline) assert.fail(`not reached within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
