// `node server/dist/main.js [--socket PATH | --port N]`: runs the service. Under
// jupyter-server-proxy it listens on the Unix socket the proxy names, so only the
// authenticated Jupyter server can reach it; `--port` (127.0.0.1 only) is for development.
import { parseArgs } from "node:util";
import { readConfig } from "./config.js";
import { createService } from "./service.js";

const { values } = parseArgs({ options: { socket: { type: "string" }, port: { type: "string" } } });
if (!values.socket && !values.port) {
  process.stderr.write("usage: main.js --socket PATH | --port N\n");
  process.exit(2);
}
const service = await createService(readConfig());
// The lead wires the offline tutor here (createService's `offline` part) once it is merged;
// until then, with no PMXLAB_LLM_* set, POST /tutor answers 503.
if (values.socket) service.server.listen(values.socket);
else service.server.listen(Number(values.port), "127.0.0.1");
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
