// `npm run lite:serve [-- --port N --host H --dir D]`: serves the built browser-only edition
// (lite/dist/, `npm run lite`) as plain static files, as any web server would: GET and HEAD
// only, no server-side code. Default http://127.0.0.1:8000/. The browser tests start it too.
// Pyodide needs .wasm served as application/wasm and .mjs as JavaScript, which some servers'
// type tables lack; every type the site uses is listed here.
import { createReadStream, existsSync, statSync } from "node:fs";
import { createServer } from "node:http";
import { extname, join, normalize, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".cjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".ipynb": "application/json; charset=utf-8",
  ".wasm": "application/wasm",
  ".zip": "application/zip",
  ".whl": "application/zip",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
  ".ttf": "font/ttf",
  ".eot": "application/vnd.ms-fontobject",
  ".txt": "text/plain; charset=utf-8",
  ".md": "text/markdown; charset=utf-8",
  ".ts": "text/plain; charset=utf-8",
  ".csv": "text/csv; charset=utf-8",
};

/**
 * Starts a static file server for `dir` on `host`:`port` (0: a free port). Resolves to
 * `{ url, close }` once it listens. Paths outside `dir` are refused (403); a folder serves
 * its index.html.
 */
export async function serveStatic({ dir, host = "127.0.0.1", port = 8000 }) {
  const root = resolve(dir);
  if (!existsSync(join(root, "index.html"))) throw new Error(`${root} has no index.html: build the site first with \`npm run lite\``);
  const server = createServer((request, response) => {
    if (request.method !== "GET" && request.method !== "HEAD") {
      response.writeHead(405, { allow: "GET, HEAD" }).end();
      return;
    }
    let path;
    try {
      path = normalize(join(root, decodeURIComponent(new URL(request.url, "http://x").pathname)));
    } catch {
      response.writeHead(400).end();
      return;
    }
    if (path !== root && !path.startsWith(root + sep)) {
      response.writeHead(403).end();
      return;
    }
    if (existsSync(path) && statSync(path).isDirectory()) path = join(path, "index.html");
    if (!existsSync(path) || !statSync(path).isFile()) {
      response.writeHead(404, { "content-type": "text/plain" }).end("not found");
      return;
    }
    response.writeHead(200, { "content-type": TYPES[extname(path).toLowerCase()] ?? "application/octet-stream", "content-length": statSync(path).size });
    if (request.method === "HEAD") response.end();
    else createReadStream(path).pipe(response);
  });
  return new Promise((resolveListening, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      const address = server.address();
      resolveListening({ url: `http://${host}:${address.port}/`, close: () => new Promise((done) => server.close(done)) });
    });
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { port: { type: "string", default: "8000" }, host: { type: "string", default: "127.0.0.1" }, dir: { type: "string", default: fileURLToPath(new URL("dist", import.meta.url)) } } });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`--port must be a port number (0–65535), not "${values.port}"\n`);
    process.exit(2);
  }
  try {
    const { url } = await serveStatic({ dir: values.dir, host: values.host, port });
    process.stdout.write(`serving ${values.dir} at ${url} (Ctrl-C stops)\n`);
  } catch (error) {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
}
