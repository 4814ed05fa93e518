// `node server/dist/main.js [--socket PATH | --port N | --hub]`: runs the service. Under
// jupyter-server-proxy it listens on the Unix socket the proxy names, so only the
// authenticated Jupyter server can reach it; `--port` (127.0.0.1 only) is for development;
// `--hub` runs it as a JupyterHub-managed service (hub OAuth, on the port of
// JUPYTERHUB_SERVICE_URL, loopback only: the hub's proxy is the way in).
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { readConfig } from "./config.js";
import { readHubSettings } from "./hub/hub-settings.js";
import { OfflineTutor } from "./llm/offline/index.js";
import { loadCoursePassages } from "./retrieval/load-courses.js";
import { createService } from "./service.js";

const { values } = parseArgs({ options: { socket: { type: "string" }, port: { type: "string" }, hub: { type: "boolean" } } });
if (!values.socket && !values.port && !values.hub) {
  process.stderr.write("usage: main.js --socket PATH | --port N | --hub\n");
  process.exit(2);
}
const hub = values.hub ? readHubSettings() : undefined;
const config = readConfig();
// The courses the tutor knows: PMXLAB_COURSES_DIR, else the repository's courses/ (the
// instructor versions: the leak guard reads their solutions, retrieval only what students see).
config.coursesDir ??= join(dirname(fileURLToPath(import.meta.url)), "..", "..", "courses");
const passages = existsSync(config.coursesDir) ? loadCoursePassages(config.coursesDir) : [];
// The offline tutor answers when no LLM is configured, and whenever the configured one fails.
const service = await createService(config, { offline: new OfflineTutor({ passages }), ...(hub ? { hub } : {}) });
if (values.socket) service.server.listen(values.socket);
else service.server.listen(hub ? hub.port : Number(values.port), "127.0.0.1");
service.server.on("listening", () => service.log.info({ address: service.server.address() }, "pmxlab server listening"));
const stop = () => void service.close().then(() => process.exit(0));
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
// When the Jupyter server that started us ends without stopping us (seen after its shutdown
// in the browser tests), we are re-parented: stop too rather than linger on the socket.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) stop();
}, 2_000).unref();
