// `node server/dist/main.js [--socket PATH | --port N | --hub]`: runs the service. Under
// jupyter-server-proxy it listens on the Unix socket the proxy names, so only the
// authenticated Jupyter server can reach it; `--port` (127.0.0.1 only) is for development;
// `--hub` runs it as a JupyterHub-managed service (hub OAuth, on the port of
// JUPYTERHUB_SERVICE_URL and its host: loopback on one machine, where the hub's proxy is
// the way in).
import { existsSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { readConfig } from "./config.js";
import { readHubSettings } from "./hub/index.js";

const { values } = parseArgs({ options: { socket: { type: "string" }, port: { type: "string" }, hub: { type: "boolean" } } });
if (!values.socket && !values.port && !values.hub) {
  process.stderr.write("usage: main.js --socket PATH | --port N | --hub\n");
  process.exit(2);
}
const hub = values.hub ? readHubSettings() : undefined;
const config = readConfig();

// JupyterHub gives a managed service about 10 s to answer before it stops with "Cannot connect
// to pmxlab service", and loading the kernel library takes longer than that on a busy machine:
// on a hub the port answers at once (the hub's probe of the root gets 200 "starting", anything
// else 503 with Retry-After) and the loaded service takes over the same server.
let ready: Server | undefined;
const early = hub
  ? createServer((request: IncomingMessage, response: ServerResponse) => {
      if (ready) return void ready.emit("request", request, response);
      const root = request.method === "GET" && (request.url === hub.prefix || request.url === hub.prefix.replace(/\/$/, ""));
      response.writeHead(root ? 200 : 503, { "content-type": "application/json; charset=utf-8", ...(root ? {} : { "retry-after": "5" }) });
      response.end(JSON.stringify(root ? { status: "starting" } : { error: "the pmxlab service is starting; try again in a few seconds" }));
    })
  : undefined;
if (early) {
  // The same bounds as the service's own server (http/app.ts).
  early.headersTimeout = 20_000;
  early.requestTimeout = 30_000;
  early.listen(hub!.port, hub!.host);
}

const [{ OfflineTutor }, { loadCoursePassages }, { createService }] = await Promise.all([import("./llm/offline/index.js"), import("./retrieval/load-courses.js"), import("./service.js")]);
// The courses the tutor knows: PMXLAB_COURSES_DIR, else the repository's courses/ (the
// instructor versions: the leak guard reads their solutions, retrieval only what students see).
config.coursesDir ??= join(dirname(fileURLToPath(import.meta.url)), "..", "..", "courses");
const passages = existsSync(config.coursesDir) ? loadCoursePassages(config.coursesDir) : [];
// The offline tutor answers when no LLM is configured, and whenever the configured one fails.
const service = await createService(config, { offline: new OfflineTutor({ passages }), ...(hub ? { hub } : {}) });
const listening = () => service.log.info({ address: (early ?? service.server).address() }, "pmxlab server listening");
if (early) {
  ready = service.server;
  listening();
} else {
  service.server.on("listening", listening);
  if (values.socket) service.server.listen(values.socket);
  else service.server.listen(Number(values.port), "127.0.0.1");
}
const stop = () =>
  void service.close().then(() => {
    early?.close();
    process.exit(0);
  });
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
// When the Jupyter server that started us ends without stopping us (seen after its shutdown
// in the browser tests), we are re-parented: stop too rather than linger on the socket.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) stop();
}, 2_000).unref();
