// Benchmark of real-time collaboration on loopback against the real server: how long an
// edit takes to reach 29 other collaborators (p50/p95, target p95 < 100 ms), and the
// server's memory per connected collaborator (VmRSS of the Jupyter process before and
// after 30 clients connect). Run: node test/collab/bench.mjs
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { NotebookClient } from "./client.mjs";
import { startCollabServer } from "./server.mjs";

const CLIENTS = 30;
const ROUNDS = 150;
const PATH = "bench.ipynb";

const server = await startCollabServer("bench");
const clients = [];
try {
  writeFileSync(join(server.rootDir, PATH), JSON.stringify(benchNotebook()));
  // the room (the document loaded once) exists before the baseline, so the difference is per client
  const first = new NotebookClient(server, PATH);
  await first.connect();
  await sleep(2_000);
  const rssBefore = rssKiB(server.pid());
  for (let i = 0; i < CLIENTS; i++) {
    const client = new NotebookClient(server, PATH);
    await client.connect();
    clients.push(client);
  }
  await sleep(3_000);
  const rssAfter = rssKiB(server.pid());

  const seen = []; // one sample per (edit, other client)
  const everyone = []; // per edit: until the last other client saw it
  for (let round = 0; round < ROUNDS; round++) {
    const author = clients[round % CLIENTS];
    const token = `# edit ${round}`;
    const others = clients.filter((client) => client !== author);
    const waits = others.map((client) => seenBy(client, token));
    const started = performance.now();
    const cell = author.notebook.cells[0];
    cell.updateSource(0, cell.getSource().length, token);
    const times = await Promise.all(waits);
    for (const time of times) seen.push(time - started);
    everyone.push(Math.max(...times) - started);
    await sleep(20);
  }
  const ms = (values, p) => quantile(values, p).toFixed(1);
  console.log(
    [
      `collaboration on loopback, ${CLIENTS} clients, ${ROUNDS} edits (each client in turn edits one cell):`,
      `  edit seen by another client: p50 ${ms(seen, 0.5)} ms, p95 ${ms(seen, 0.95)} ms, max ${ms(seen, 1)} ms (${seen.length} samples; target p95 < 100 ms)`,
      `  edit seen by all ${CLIENTS - 1} others: p50 ${ms(everyone, 0.5)} ms, p95 ${ms(everyone, 0.95)} ms`,
      `  server VmRSS ${(rssBefore / 1024).toFixed(1)} MiB with the room open, ${(rssAfter / 1024).toFixed(1)} MiB with ${CLIENTS} more clients: ${((rssAfter - rssBefore) / CLIENTS).toFixed(0)} KiB per client`,
    ].join("\n"),
  );
  clients.push(first);
} finally {
  for (const client of clients) client.destroy();
  await server.stop();
}

/** Resolves with the time at which `client` holds `token` as the first cell's source. */
function seenBy(client, token) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`an edit did not arrive within 10 s`)), 10_000);
    const onUpdate = () => {
      if (client.notebook.cells[0].getSource() !== token) return;
      client.notebook.ydoc.off("update", onUpdate);
      clearTimeout(timer);
      resolve(performance.now());
    };
    client.notebook.ydoc.on("update", onUpdate);
  });
}

function rssKiB(pid) {
  const line = readFileSync(`/proc/${pid}/status`, "utf8").split("\n").find((l) => l.startsWith("VmRSS:"));
  return Number(line.split(/\s+/)[1]);
}

function quantile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}

function benchNotebook() {
  return { nbformat: 4, nbformat_minor: 5, metadata: {}, cells: [{ cell_type: "code", id: "edited", source: "", metadata: {}, outputs: [], execution_count: null }] };
}

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
