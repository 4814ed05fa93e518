// lite/serve.mjs, the static server of `npm run lite:serve`: the types Pyodide and JupyterLite
// need, a folder's index.html, nothing outside the folder, GET and HEAD only.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { serveStatic } from "../../lite/serve.mjs";

let root;
let site;

before(async () => {
  root = mkdtempSync(join(tmpdir(), "pmxlab-serve-"));
  const dir = join(root, "site");
  mkdirSync(join(dir, "lab"), { recursive: true });
  writeFileSync(join(dir, "index.html"), "<!doctype html>top");
  writeFileSync(join(dir, "lab", "index.html"), "<!doctype html>lab");
  writeFileSync(join(dir, "pyodide.asm.wasm"), Buffer.from([0, 97, 115, 109]));
  writeFileSync(join(dir, "pyodide.mjs"), "export {};");
  writeFileSync(join(dir, "a b.json"), "{}");
  writeFileSync(join(root, "secret.txt"), "outside the site");
  site = await serveStatic({ dir, port: 0 });
});

after(async () => {
  await site?.close();
  rmSync(root, { recursive: true, force: true });
});

/** A raw request (the path is sent as written, not normalised as fetch would). */
function get(path, method = "GET") {
  return new Promise((resolve, reject) => {
    const url = new URL(site.url);
    const req = request({ host: url.hostname, port: url.port, path, method }, (res) => {
      let body = "";
      res.on("data", (chunk) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode, type: res.headers["content-type"], length: res.headers["content-length"], body }));
    });
    req.on("error", reject);
    req.end();
  });
}

test("serves WebAssembly and ES modules with the types browsers require, and a folder's index.html", async () => {
  assert.equal((await get("/pyodide.asm.wasm")).type, "application/wasm");
  assert.match((await get("/pyodide.mjs")).type, /^text\/javascript/);
  assert.equal((await get("/")).body, "<!doctype html>top");
  assert.equal((await get("/lab/")).body, "<!doctype html>lab");
  assert.equal((await get("/lab/index.html?path=x.ipynb")).body, "<!doctype html>lab", "the query is not part of the path");
  assert.equal((await get("/a%20b.json")).status, 200);
  const head = await get("/pyodide.mjs", "HEAD");
  assert.deepEqual([head.status, head.length, head.body], [200, "10", ""]);
});

test("refuses what a static server must: files outside the folder, missing files, and other methods", async () => {
  // Dot segments are resolved inside the site before anything is read; an encoded slash is not a
  // way out either.
  const dotted = await get("/../secret.txt");
  assert.equal(dotted.status, 404);
  assert.doesNotMatch(dotted.body, /outside the site/);
  assert.equal((await get("/lab%2F..%2F..%2Fsecret.txt")).status, 403);
  assert.equal((await get("/missing.js")).status, 404);
  // The tutor's POST on a static site: the extension reads 405 as "no server here" and answers offline.
  assert.equal((await get("/pmxlab-server/tutor", "POST")).status, 405);
});

test("will not serve a folder that is not a built site", async () => {
  await assert.rejects(serveStatic({ dir: join(root, "nothing-here"), port: 0 }), /has no index.html: build the site first with `npm run lite`/);
});
